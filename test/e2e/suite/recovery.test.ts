/// <reference types="mocha" />
/**
 * Recovery: the language server process is killed during a real editor session. The client must start a
 * new one, diagnostics must come back, and the user sees one clear message (no stack trace). After more
 * than four crashes within three minutes the client stops restarting, says so once, and the "Restart the
 * language server" command brings it back.
 *
 * The server is found the way an operator would: the child process of this extension host that runs
 * dist/server.js. These tests run last in the suite (they kill the server).
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, expectDiagnostics, hoverText, openInEditor, positionOf, setText, waitFor } from './helpers';

const policyFinding = 'network-policy-unsupported error 1:6-1:19';
// The pod appended by `withPod`: Flannel ignores the limit (warning) and 10m is 0.01 bit/s (error).
const podFindings = ['bandwidth-unsupported warning 12:4-12:34', 'bandwidth-invalid error 12:36-12:39'];
const pod = '---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: api\n  annotations:\n    kubernetes.io/egress-bandwidth: 10m\nspec:\n  containers: []\n';

const restartedMessage = 'The ACK CNI Lint language server stopped unexpectedly and was restarted.';
const gaveUpMessage = /^The ACK CNI Lint language server stopped 5 times in 3 minutes and was not restarted\. Run "ACK CNI: Restart the language server" to start it again\.$/;

/** Language server processes started by this extension host: its children running dist/server.js (zombies excluded). */
function serverPids(): number[] {
  const isServer = (args: string[]) => args.some((arg) => arg.endsWith(`${path.sep}dist${path.sep}server.js`));
  if (process.platform === 'linux') {
    const pids: number[] = [];
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ")".
        const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
        const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        if (Number(ppid) !== process.pid || state === 'Z') continue;
        if (isServer(fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0'))) pids.push(Number(entry));
      } catch {
        // the process ended meanwhile
      }
    }
    return pids;
  }
  // macOS and other Unix systems: ps lists pid, parent pid, state and the command line.
  return execFileSync('ps', ['-A', '-o', 'pid=,ppid=,stat=,command='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([pid, ppid, state, ...args]) => pid && Number(ppid) === process.pid && !state.startsWith('Z') && isServer(args))
    .map(([pid]) => Number(pid));
}

async function theServer(other?: number): Promise<number> {
  const pids = await waitFor(
    other === undefined ? 'the language server process' : `a new language server process (not ${other})`,
    () => {
      const found = serverPids();
      return found.length === 1 && found[0] !== other && found;
    },
    30_000,
  );
  return pids[0];
}

interface Shown {
  kind: 'error' | 'warning' | 'information';
  message: string;
  items: string[];
}

/** Records every notification this extension shows (the test shares the extension's `vscode` API object). */
function recordMessages(): { shown: Shown[]; stop(): void } {
  const shown: Shown[] = [];
  const window = vscode.window as unknown as Record<string, (...args: unknown[]) => Thenable<unknown>>;
  const originals = new Map<string, (...args: unknown[]) => Thenable<unknown>>();
  for (const kind of ['error', 'warning', 'information'] as const) {
    const name = `show${kind[0].toUpperCase()}${kind.slice(1)}Message`;
    const original = window[name];
    originals.set(name, original);
    window[name] = (message: unknown, ...items: unknown[]) => {
      shown.push({ kind, message: String(message), items: items.filter((item): item is string => typeof item === 'string') });
      return original.call(vscode.window, message, ...items);
    };
  }
  return {
    shown,
    stop: () => {
      for (const [name, original] of originals) window[name] = original;
    },
  };
}

/** A message a person can read: one short sentence or two, no stack frames, no source paths. */
function assertClear(message: string): void {
  assert.ok(message.length < 240, `short: ${message}`);
  assert.doesNotMatch(message, /\n|\bat \S+ \(|\.(?:js|ts):\d+|Error:|ECONN|EPIPE|SIGKILL/, `no stack trace or error dump: ${message}`);
}

/** The server answers: a hover on the NetworkPolicy kind comes from a running server. */
async function answersHover(document: vscode.TextDocument): Promise<void> {
  await waitFor('a hover from the running server', async () => (await hoverText(document.uri, positionOf(document, 'NetworkPolicy', 2))).includes('NetworkPolicy'), 30_000);
}

describe('recovery after the language server dies', () => {
  let document: vscode.TextDocument;
  let original: string;

  before(async () => {
    await activateExtension();
    ({ document } = await openInEditor('recovery/netpol.yaml'));
    original = document.getText();
    await expectDiagnostics(document.uri, [policyFinding]);
  });

  afterEach(async () => {
    if (document.getText() !== original) await setText(document, original);
  });

  it('killed once: a new server, the diagnostics back, and one clear message', async () => {
    const first = await theServer();
    const messages = recordMessages();
    try {
      const killedAt = Date.now();
      process.kill(first, 'SIGKILL');
      const second = await theServer(first);
      const restartedMs = Date.now() - killedAt;
      assert.notEqual(second, first);
      // Back for the unchanged text, then for an edit, which only a live server can answer.
      await expectDiagnostics(document.uri, [policyFinding], 30_000);
      await setText(document, original + pod);
      await expectDiagnostics(document.uri, [policyFinding, ...podFindings], 30_000);
      console.log(`      (new server process after ${restartedMs} ms; diagnostics for an edit after ${Date.now() - killedAt} ms)`);
      await answersHover(document);
      await waitFor('the message about the restart', () => messages.shown.length > 0);
      assert.deepEqual(
        messages.shown.map((m) => [m.kind, m.message]),
        [['warning', restartedMessage]],
        'exactly one message, a warning',
      );
      assertClear(messages.shown[0].message);
    } finally {
      messages.stop();
    }
  });

  it('a crash loop: restarted four times, then left stopped with one message; the restart command brings it back', async () => {
    // The command starts a new count of crashes (and a new server, once the old one has gone).
    const [running] = serverPids();
    await vscode.commands.executeCommand('ackCni.restartServer');
    let pid = await theServer(running);
    await answersHover(document);
    const messages = recordMessages();
    try {
      for (let crash = 1; crash <= 4; crash++) {
        process.kill(pid, 'SIGKILL');
        pid = await theServer(pid);
        await answersHover(document);
      }
      assert.deepEqual(messages.shown.map((m) => [m.kind, m.message]), [['warning', restartedMessage]], 'four restarts, one message');

      process.kill(pid, 'SIGKILL');
      await waitFor('the message that the server stays stopped', () => messages.shown.length > 1);
      const [, gaveUp] = messages.shown;
      assert.equal(gaveUp.kind, 'error');
      assert.match(gaveUp.message, gaveUpMessage);
      assertClear(gaveUp.message);
      assert.equal(messages.shown.length, 2, 'one more message, no other');
      // Not restarted: no server process shows up (a bounded wait for something that must not happen).
      const deadline = Date.now() + 3000;
      while (Date.now() < deadline) {
        assert.deepEqual(serverPids(), [], 'no server was started');
        await new Promise((done) => setTimeout(done, 100));
      }

      await vscode.commands.executeCommand('ackCni.restartServer');
      await theServer(pid);
      await setText(document, original + pod);
      await expectDiagnostics(document.uri, [policyFinding, ...podFindings], 30_000);
      assert.equal(messages.shown.length, 2, 'a restart by the user shows nothing');
    } finally {
      messages.stop();
    }
  });
});
