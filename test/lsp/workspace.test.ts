import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CancellationTokenSource,
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DocumentDiagnosticRequest,
  FileChangeType,
  WorkspaceDiagnosticRequest,
  type CodeAction,
  type FullDocumentDiagnosticReport,
  type WorkspaceDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { pullCapabilities, pushCapabilities, TestClient } from '../helpers/lspClient';

const ingress = (backend: string) =>
  `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: shop\nspec:\n  ingressClassName: alb\n  defaultBackend:\n    service:\n      name: ${backend}\n      port: {number: 80}\n`;
const service = (name: string, type?: string) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n${type ? `  type: ${type}\n` : ''}  selector: {app: ${name}}\n  ports: [{port: 80}]\n`;
const policy = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\nspec:\n  podSelector: {}\n';

function workspace(files: Record<string, string>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ack-cni-ws-')));
  for (const [name, text] of Object.entries(files)) write(root, name, text);
  return root;
}

function write(root: string, name: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
  fs.writeFileSync(path.join(root, name), text);
}

const uriOf = (root: string, name: string) => pathToFileURL(path.join(root, name)).toString();

/** The reports of one workspace pull by file name: the rule ids found, `[]` for a cleared file. */
function byFile(root: string, report: WorkspaceDiagnosticReport): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const item of report.items) {
    assert.equal(item.kind, 'full');
    out[path.relative(root, new URL(item.uri).pathname)] = (item as FullDocumentDiagnosticReport).items.map((d) => String(d.code));
  }
  return out;
}

describe('workspace index and workspace diagnostics over LSP', () => {
  let client: TestClient;
  let root: string;
  /** Result ids the client holds, as a real client sends them back. */
  const held = new Map<string, string>();

  async function workspacePull(timeoutMs = 10_000): Promise<WorkspaceDiagnosticReport> {
    const source = new CancellationTokenSource();
    const timer = setTimeout(() => source.cancel(), timeoutMs);
    const report = await client.connection.sendRequest(
      WorkspaceDiagnosticRequest.type,
      { previousResultIds: [...held].map(([uri, value]) => ({ uri, value })) },
      source.token,
    );
    clearTimeout(timer);
    for (const item of report.items) if (item.resultId) held.set(item.uri, item.resultId);
    return report;
  }

  before(async () => {
    root = workspace({
      '.ack-cni.yaml': 'cni: flannel\nignore: ["ignored/**"]\n',
      '.gitignore': 'build/\n',
      'apps/ingress.yaml': ingress('web'),
      'apps/services.yaml': service('web'),
      'apps/clean.yaml': service('clean', 'NodePort'),
      'policies/deny.yaml': policy,
      'ignored/deny.yaml': policy,
      'build/deny.yaml': policy,
      'vendor/deny.yaml': policy,
      'big/deny.yaml': policy + '# padding\n'.repeat(300),
    });
    client = new TestClient();
    client.settings = { cni: 'auto', exclude: ['vendor/**'], maxFileSizeKb: 2 };
    const init = await client.initialize(root, { ...pullCapabilities, window: { workDoneProgress: true } });
    assert.equal((init.capabilities.diagnosticProvider as { workspaceDiagnostics: boolean }).workspaceDiagnostics, true);
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('every covered file that is not open is reported: .gitignore, ignore:, ackCni.exclude and files over the size limit are left out; clean files are not listed', async () => {
    assert.deepEqual(byFile(root, await workspacePull()), {
      'apps/ingress.yaml': ['alb-clusterip-backend'],
      'policies/deny.yaml': ['network-policy-unsupported'],
    });
  });

  test('the cross-file finding points at the Service in the other file', async () => {
    const report = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: uriOf(root, 'apps/ingress.yaml') } });
    // Not open: the document pull knows nothing of it, the workspace pull does.
    assert.deepEqual((report as FullDocumentDiagnosticReport).items, []);
    await client.open(uriOf(root, 'apps/ingress.yaml'), ingress('web'));
    const [finding] = ((await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: uriOf(root, 'apps/ingress.yaml') } })) as FullDocumentDiagnosticReport).items;
    assert.deepEqual(
      { code: finding.code, range: finding.range, related: finding.relatedInformation },
      {
        code: 'alb-clusterip-backend',
        range: { start: { line: 8, character: 12 }, end: { line: 8, character: 15 } },
        related: [{ location: { uri: uriOf(root, 'apps/services.yaml'), range: { start: { line: 3, character: 8 }, end: { line: 3, character: 11 } } }, message: 'Service web: ClusterIP' }],
      },
    );
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: uriOf(root, 'apps/ingress.yaml') },
      range: finding.range,
      context: { diagnostics: [finding] },
    })) as CodeAction[];
    assert.equal(actions[0].title, 'Change Service web to NodePort');
    assert.deepEqual(actions[0].edit?.changes, {
      [uriOf(root, 'apps/services.yaml')]: [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, newText: '  type: NodePort\n' }],
    });
  });

  test('editing the Service (unsaved) re-lints the Ingress: a refresh is asked for and the finding goes', async () => {
    const refreshes = client.refreshCount;
    const uri = uriOf(root, 'apps/services.yaml');
    await client.open(uri, service('web'));
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: service('web', 'NodePort') }] });
    await client.until(() => client.refreshCount > refreshes, 'a diagnostic refresh after the Service changed');
    const after = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: uriOf(root, 'apps/ingress.yaml') } });
    assert.deepEqual((after as FullDocumentDiagnosticReport).items, []);
    // And back: the Ingress gets its finding again.
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 3 }, contentChanges: [{ text: service('web') }] });
    await client.until(() => client.refreshCount > refreshes + 1, 'a second refresh');
    const again = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: uriOf(root, 'apps/ingress.yaml') } });
    assert.deepEqual((again as FullDocumentDiagnosticReport).items.map((d) => d.code), ['alb-clusterip-backend']);
  });

  test('editing the Ingress to point at another ClusterIP Service moves the finding', async () => {
    const uri = uriOf(root, 'apps/ingress.yaml');
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: ingress('clean') }] });
    const report = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    assert.deepEqual((report as FullDocumentDiagnosticReport).items, [], 'clean is a NodePort Service');
  });

  test('with nothing new the workspace pull is held open; a file created on disk answers it, a deleted one is cleared', async () => {
    const pending = workspacePull(15_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    write(root, 'policies/second.yaml', policy);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(root, 'policies/second.yaml'), type: FileChangeType.Created }] });
    assert.deepEqual(byFile(root, await pending), { 'policies/second.yaml': ['network-policy-unsupported'] });
    fs.rmSync(path.join(root, 'policies'), { recursive: true });
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(root, 'policies'), type: FileChangeType.Deleted }] });
    assert.deepEqual(byFile(root, await workspacePull()), { 'policies/deny.yaml': [], 'policies/second.yaml': [] });
  });

  test('a rename is a delete and a create: the Service found under its new name, the Ingress file follows', async () => {
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uriOf(root, 'apps/services.yaml') } });
    fs.renameSync(path.join(root, 'apps/services.yaml'), path.join(root, 'apps/renamed.yaml'));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [
        { uri: uriOf(root, 'apps/services.yaml'), type: FileChangeType.Deleted },
        { uri: uriOf(root, 'apps/renamed.yaml'), type: FileChangeType.Created },
      ],
    });
    const uri = uriOf(root, 'apps/ingress.yaml');
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 3 }, contentChanges: [{ text: ingress('web') }] });
    // The index takes in file events in the background: ask until it has.
    let related: string | undefined;
    for (let attempt = 0; attempt < 50 && related !== uriOf(root, 'apps/renamed.yaml'); attempt++) {
      const [finding] = ((await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as FullDocumentDiagnosticReport).items;
      related = finding?.relatedInformation?.[0].location.uri;
      if (related !== uriOf(root, 'apps/renamed.yaml')) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(related, uriOf(root, 'apps/renamed.yaml'));
  });

  test('a Service changed on disk (a git checkout, say) re-lints the open Ingress', async () => {
    const refreshes = client.refreshCount;
    write(root, 'apps/renamed.yaml', service('web', 'LoadBalancer'));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(root, 'apps/renamed.yaml'), type: FileChangeType.Changed }] });
    await client.until(() => client.refreshCount > refreshes, 'a diagnostic refresh after the file changed');
    const report = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: uriOf(root, 'apps/ingress.yaml') } });
    assert.deepEqual((report as FullDocumentDiagnosticReport).items, []);
  });

  test('ackCni.workspaceDiagnostics off: reported files are cleared, nothing else is reported', async () => {
    write(root, 'late/deny.yaml', policy);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(root, 'late/deny.yaml'), type: FileChangeType.Created }] });
    assert.deepEqual(byFile(root, await workspacePull()), { 'late/deny.yaml': ['network-policy-unsupported'] });
    await client.changeSettings({ cni: 'auto', exclude: ['vendor/**'], maxFileSizeKb: 2, workspaceDiagnostics: false });
    assert.deepEqual(byFile(root, await workspacePull()), { 'late/deny.yaml': [] });
  });
});

describe('workspace diagnostics for a client without pull diagnostics: pushed', () => {
  test('closed files get their findings pushed once the index is built', async () => {
    const root = workspace({ '.ack-cni.yaml': 'cni: flannel\n', 'apps/ingress.yaml': ingress('web'), 'apps/services.yaml': service('web'), 'deny.yaml': policy });
    const client = new TestClient();
    try {
      await client.initialize(root, pushCapabilities);
      await client.until(() => client.pushed.has(uriOf(root, 'deny.yaml')) && client.pushed.has(uriOf(root, 'apps/ingress.yaml')), 'pushed diagnostics');
      assert.deepEqual(client.pushed.get(uriOf(root, 'apps/ingress.yaml'))!.map((d) => d.code), ['alb-clusterip-backend']);
      assert.deepEqual(client.pushed.get(uriOf(root, 'deny.yaml'))!.map((d) => d.code), ['network-policy-unsupported']);
      assert.equal(client.pushed.has(uriOf(root, 'apps/services.yaml')), false, 'a clean file is not pushed');
    } finally {
      assert.equal(await client.shutdown(), 0);
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
