/**
 * The untrusted-workspace declaration is honest. package.json says "limited": in Restricted Mode the
 * extension lints, explains and fixes the file in the editor but writes no other file. The server is told
 * the trust state at start (initializationOptions.trusted, from vscode.workspace.isTrusted) and must then
 * offer no edit to another file, while everything else keeps working. Restricted Mode still applies
 * workspace settings that are not declared restricted, so each setting is listed here with why it is safe
 * to take from an untrusted folder.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CodeActionRequest,
  DocumentDiagnosticRequest,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  type CodeAction,
  type Diagnostic,
  type FullDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { pullCapabilities, TestClient } from '../helpers/lspClient';

const root = path.resolve(__dirname, '../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

/** Every setting, and why an untrusted folder's value for it cannot make the extension run code, write or reach out. */
const settingsSafeInRestrictedMode: Record<string, string> = {
  'ackCni.cni': 'an enum choosing the CNI the rules assume',
  'ackCni.terway.eniMode': 'an enum',
  'ackCni.terway.datapath': 'an enum',
  'ackCni.terway.networkPolicy': 'a boolean',
  'ackCni.terway.trunking': 'a boolean',
  'ackCni.terway.ipStack': 'an enum',
  'ackCni.terway.ipamType': 'an enum',
  'ackCni.terway.networkPriority': 'a boolean',
  'ackCni.terway.version': 'a version string compared with version ranges, never a path',
  'ackCni.flannel.bandwidth': 'a boolean',
  'ackCni.rules': 'rule severities (an enum per rule id)',
  'ackCni.exclude': 'glob patterns matched against file paths; they only hide findings',
  'ackCni.maxFileSizeKb': 'a number; it only skips large files',
  'ackCni.workspaceDiagnostics': 'a boolean; off, files that are not open are not read for findings',
  'ackCni.trace.server': 'window scope: a workspace cannot set it',
};

describe('package.json declares limited support for untrusted workspaces, truthfully', () => {
  test('the declaration and its text in both languages', () => {
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces, { supported: 'limited', description: '%untrusted%' });
    const en = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')).untrusted as string;
    const zh = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.zh-cn.json'), 'utf8')).untrusted as string;
    assert.match(en, /Restricted Mode/);
    assert.match(en, /never writes other files/);
    assert.match(zh, /受限模式/);
    assert.match(zh, /不会写入其他文件/);
  });

  test('every setting is safe to take from an untrusted folder (a new setting must be reviewed here)', () => {
    assert.deepEqual(Object.keys(manifest.contributes.configuration.properties).sort(), Object.keys(settingsSafeInRestrictedMode).sort());
    assert.equal(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, undefined, 'no setting needs restricting');
    for (const [key, schema] of Object.entries(manifest.contributes.configuration.properties as Record<string, { type: string; enum?: unknown[] }>)) {
      if (schema.type === 'string' && key !== 'ackCni.terway.version') assert.ok(schema.enum, `${key}: free text would need a reason above`);
    }
  });
});

const policy = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny-all\nspec:\n  podSelector: {}\n';
const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\n  annotations:\n    kubernetes.io/egress-bandwidth: 10m\nspec: {containers: []}\n';

async function startServer(dir: string, trusted: boolean): Promise<TestClient> {
  const client = new TestClient();
  const rootUri = `file://${dir}`;
  await client.connection.sendRequest(InitializeRequest.type, {
    processId: null,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'ws' }],
    capabilities: pullCapabilities,
    initializationOptions: { clientWatchesProfiles: true, trusted },
    locale: 'en',
  });
  await client.connection.sendNotification(InitializedNotification.type, {});
  return client;
}

async function actionsFor(client: TestClient, uri: string, text: string): Promise<{ diagnostics: Diagnostic[]; actions: CodeAction[] }> {
  await client.open(uri, text);
  const report = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as FullDocumentDiagnosticReport;
  const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: text.split('\n').length, character: 0 } },
    context: { diagnostics: report.items },
  })) as CodeAction[];
  return { diagnostics: report.items, actions };
}

/** The files each action's edit touches. */
function editedFiles(actions: CodeAction[]): string[] {
  return [...new Set(actions.flatMap((action) => Object.keys(action.edit?.changes ?? {})))].sort();
}

describe('in Restricted Mode the server offers no edit to another file; everything else works', () => {
  let dir: string;
  let trusted: TestClient;
  let untrusted: TestClient;
  before(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ack-cni-untrusted-')));
    fs.writeFileSync(path.join(dir, '.ack-cni.yaml'), 'cni: terway\n');
    trusted = await startServer(dir, true);
    untrusted = await startServer(dir, false);
  });
  after(async () => {
    assert.equal(await trusted.shutdown(), 0);
    assert.equal(await untrusted.shutdown(), 0);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a NetworkPolicy on Terway with policy off: the profile toggle only when trusted', async () => {
    const uri = `file://${dir}/policy.yaml`;
    const withTrust = await actionsFor(trusted, uri, policy);
    const without = await actionsFor(untrusted, uri, policy);
    assert.deepEqual(without.diagnostics, withTrust.diagnostics, 'the same diagnostics either way');
    assert.deepEqual(editedFiles(withTrust.actions), [`file://${dir}/.ack-cni.yaml`, uri], 'trusted: the profile fix edits .ack-cni.yaml');
    assert.deepEqual(editedFiles(without.actions), [uri], 'untrusted: only edits to the open file');
    assert.deepEqual(
      without.actions.map((a) => a.title),
      withTrust.actions.filter((a) => !Object.keys(a.edit?.changes ?? {}).includes(`file://${dir}/.ack-cni.yaml`)).map((a) => a.title),
      'every other action is still there',
    );
  });

  test('fixes to the file itself, fix-all, hover: the same with and without trust', async () => {
    const uri = `file://${dir}/pod.yaml`;
    const withTrust = await actionsFor(trusted, uri, pod);
    const without = await actionsFor(untrusted, uri, pod);
    assert.ok(without.actions.some((a) => a.title.includes('10M')), 'the 10m → 10M fix');
    assert.deepEqual(without.actions, withTrust.actions);
    const fixAll = async (client: TestClient) =>
      client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll.ackCni'] },
      });
    assert.deepEqual(await fixAll(untrusted), await fixAll(trusted));
    assert.equal((await fixAll(untrusted))?.length, 1);
    const hover = async (client: TestClient) => client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 5, character: 10 } });
    assert.ok(await hover(untrusted));
    assert.deepEqual(await hover(untrusted), await hover(trusted));
  });
});
