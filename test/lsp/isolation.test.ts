/**
 * A broken `.ack-cni.yaml` in one workspace folder never stops linting of another folder. Folder `a` gets
 * one hostile profile after another (on disk and as unsaved editor text); after each, folder `b` must still
 * get its exact diagnostics, quickly, from the same server process, and `a` itself must still lint what
 * does not depend on the profile.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticRequest,
  FileChangeType,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  MessageType,
  type Diagnostic,
  type FullDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { pullCapabilities, TestClient } from '../helpers/lspClient';

const policy = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny-all\nspec:\n  podSelector: {}\n';
const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\n  annotations:\n    kubernetes.io/egress-bandwidth: 10m\nspec: {containers: []}\n';

/** "Billion laughs": each alias level multiplies the expansion by ten. */
function aliasBomb(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let level = 1; level < 12; level++) {
    const previous = String.fromCharCode(96 + level);
    const name = String.fromCharCode(97 + level);
    lines.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(',')}]`);
  }
  return `cni: flannel\n${lines.join('\n')}\n`;
}

/** The hostile profiles, each with what it is. */
const brokenProfiles: Array<[string, string | Buffer]> = [
  ['a YAML syntax error', 'cni: [flannel\nterway: {eniMode: shared\n'],
  ['values outside their lists and wrong types', 'cni: flanel\nterway: {eniMode: 3, datapath: [x], version: {a: b}}\nrules: {nope: loud, network-policy-unsupported: [1]}\nignore: 7\n'],
  ['an empty file', ''],
  ['only a comment', '# nothing here\n'],
  ['a scalar document', 'flannel\n'],
  ['several documents', 'cni: flannel\n---\ncni: terway\n---\n- [\n'],
  ['binary bytes', Buffer.from([0x00, 0xff, 0xfe, 0x01, 0x80, 0x81, 0x00, 0x0a, 0xc3, 0x28])],
  ['UTF-16 with a byte order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('cni: flannel\n', 'utf16le')])],
  ['an alias bomb', aliasBomb()],
  ['10,000-deep nesting', `cni: flannel\nterway: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`],
  ['a 1 MB line', `cni: flannel\nterway: {version: "${'9'.repeat(1024 * 1024)}"}\n`],
  ['from: itself', 'cni: flannel\nfrom: ./.ack-cni.yaml\n'],
  ['from: a folder', 'from: .\n'],
  ['from: a missing file', 'from: ./nope/cluster.json\n'],
  ['from: outside the workspace', 'from: ../../../../../../etc/passwd\n'],
  ['from: a broken Terraform file', 'from: ./main.tf\n'],
  ['ignore: patterns that are not valid globs', 'cni: flannel\nignore: ["[", "\\\\", "!", "**/[z-a]", "#", "/**/../.."]\n'],
  ['templates', 'cni: {{ .Values.cni }}\n{{- if .Values.x }}\nterway: {}\n{{- end }}\n'],
  ['tabs and CRLF line ends', 'cni:\tflannel\r\nterway:\r\n\teniMode: shared\r\n'],
];

/** Folder `a` also holds other hostile files the server reads while scanning for cluster configurations. */
function writeHostileNeighbours(folder: string): void {
  fs.writeFileSync(path.join(folder, 'main.tf'), 'resource "alicloud_cs_managed_kubernetes" "k" {\n  addons { name = "flannel"\n  pod_cidr = [[[\n');
  fs.writeFileSync(path.join(folder, 'eni-config.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: eni-config, namespace: kube-system}\ndata:\n  eni_conf: "{not json"\n  10-terway.conf: "[[["\n');
  fs.writeFileSync(path.join(folder, 'create.json'), '{"cluster_type": "ManagedKubernetes", "addons": [{"name": "terway-eniip", "config": "{\\"IPVlan\\": tru"}]');
  fs.symlinkSync(folder, path.join(folder, 'loop'), 'dir');
}

describe('a broken .ack-cni.yaml in one workspace folder never stops linting of another', () => {
  let base: string;
  let a: string;
  let b: string;
  let client: TestClient;
  let profileVersion = 1;
  const errorLog: string[] = [];
  let slowestMs = 0;

  before(async () => {
    base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ack-cni-isolation-')));
    a = path.join(base, 'a');
    b = path.join(base, 'b');
    fs.mkdirSync(a);
    fs.mkdirSync(b);
    fs.writeFileSync(path.join(a, '.ack-cni.yaml'), 'cni: flannel\n');
    fs.writeFileSync(path.join(a, 'netpol.yaml'), policy);
    fs.writeFileSync(path.join(a, 'pod.yaml'), pod);
    writeHostileNeighbours(a);
    fs.writeFileSync(path.join(b, '.ack-cni.yaml'), 'cni: flannel\n');
    fs.writeFileSync(path.join(b, 'netpol.yaml'), policy);
    client = new TestClient();
    client.connection.onNotification(LogMessageNotification.type, ({ type, message }) => {
      if (type === MessageType.Error) errorLog.push(message);
    });
    await client.connection.sendRequest(InitializeRequest.type, {
      processId: null,
      rootUri: null,
      workspaceFolders: [
        { uri: `file://${a}`, name: 'a' },
        { uri: `file://${b}`, name: 'b' },
      ],
      capabilities: pullCapabilities,
      initializationOptions: { clientWatchesProfiles: true, trusted: true },
      locale: 'en',
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
    for (const [folder, name] of [[a, 'netpol.yaml'], [a, 'pod.yaml'], [b, 'netpol.yaml']]) {
      await client.open(`file://${folder}/${name}`, fs.readFileSync(path.join(folder, name), 'utf8'));
    }
  });

  after(async () => {
    assert.equal(await client.shutdown(), 0, 'the server shuts down cleanly at the end');
    fs.rmSync(base, { recursive: true, force: true });
  });

  async function pull(uri: string): Promise<Diagnostic[]> {
    const report = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    assert.equal(report.kind, 'full');
    return (report as FullDocumentDiagnosticReport).items;
  }

  /** Folder b, right after folder a got a broken profile: the same finding, in well under two seconds. */
  async function assertFolderBLints(what: string): Promise<void> {
    const started = Date.now();
    const diagnostics = await pull(`file://${b}/netpol.yaml`);
    const ms = Date.now() - started;
    slowestMs = Math.max(slowestMs, ms);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.message]),
      [['network-policy-unsupported', 'Flannel does not enforce NetworkPolicy: this policy isolates nothing.']],
      `${what}: folder b`,
    );
    assert.ok(ms < 2000, `${what}: folder b answered in ${ms} ms`);
  }

  test('on disk: after each broken profile in a, b lints as before, and a still lints what needs no profile', async () => {
    for (const [what, content] of brokenProfiles) {
      fs.writeFileSync(path.join(a, '.ack-cni.yaml'), content);
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
        changes: [{ uri: `file://${a}/.ack-cni.yaml`, type: FileChangeType.Changed }],
      });
      await assertFolderBLints(what);
      // Whatever the profile says, the value Kubernetes rejects is flagged in a.
      assert.ok((await pull(`file://${a}/pod.yaml`)).some((d) => d.code === 'bandwidth-invalid'), `${what}: folder a, pod.yaml`);
      await pull(`file://${a}/netpol.yaml`);
      assert.equal(client.child.exitCode, null, `${what}: the server is still running`);
    }
  });

  test('in the editor: the broken profile open and unsaved, linted itself, while b lints as before', async () => {
    const profileUri = `file://${a}/.ack-cni.yaml`;
    for (const [what, content] of brokenProfiles) {
      const text = typeof content === 'string' ? content : content.toString('utf8');
      if (profileVersion === 1) await client.open(profileUri, text);
      else {
        await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
          textDocument: { uri: profileUri, version: profileVersion },
          contentChanges: [{ text }],
        });
      }
      profileVersion++;
      const started = Date.now();
      await pull(profileUri);
      assert.ok(Date.now() - started < 10_000, `${what}: the profile itself is linted in time`);
      await assertFolderBLints(`${what} (open in the editor)`);
      assert.equal(client.child.exitCode, null, `${what}: the server is still running`);
    }
  });

  test('no error reached the server log or its stderr', (t) => {
    t.diagnostic(`${brokenProfiles.length} broken profiles, on disk and in the editor; folder b answered within ${slowestMs} ms each time`);
    assert.deepEqual(errorLog, []);
    assert.doesNotMatch(client.stderr, /Uncaught|Unhandled|TypeError|RangeError|Maximum call stack/);
  });
});
