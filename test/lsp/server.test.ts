import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticRequest,
  CancellationTokenSource,
  FileChangeType,
  LSPErrorCodes,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type FullDocumentDiagnosticReport,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { pullCapabilities, pushCapabilities, TestClient } from '../helpers/lspClient';

const policy = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny-all\nspec:\n  podSelector: {}\n';
const policyDiagnostic = {
  range: { start: { line: 1, character: 6 }, end: { line: 1, character: 19 } },
  severity: 1,
  code: 'network-policy-unsupported',
  codeDescription: { href: 'https://github.com/ack-cni-lint/ack-cni-lint/blob/main/docs/rules/network-policy-unsupported.md' },
  source: 'ack-cni',
  message: 'Flannel does not enforce NetworkPolicy: this policy isolates nothing.',
};

function workspace(files: Record<string, string>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ack-cni-lsp-')));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

async function pull(client: TestClient, uri: string): Promise<Diagnostic[]> {
  const report = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
  assert.equal(report.kind, 'full');
  return (report as FullDocumentDiagnosticReport).items;
}

/** Opens a document, pulls its diagnostics and asks for its source.fixAll.ackCni actions. */
async function openAndFixAll(client: TestClient, uri: string, text: string) {
  await client.open(uri, text);
  await pull(client, uri);
  return client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll.ackCni'] },
  });
}

describe('language server over stdio, pull diagnostics', () => {
  let client: TestClient;
  let root: string;
  before(async () => {
    root = workspace({ 'deploy/.ack-cni.yaml': 'cni: flannel\n', 'deploy/policy.yaml': policy, 'other/policy.yaml': policy });
    client = new TestClient();
    const init = await client.initialize(root, pullCapabilities);
    assert.deepEqual(init.capabilities.diagnosticProvider, { identifier: 'ack-cni', interFileDependencies: true, workspaceDiagnostics: true });
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0, 'the server exits with code 0 after shutdown + exit');
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('a NetworkPolicy under a Flannel profile: network-policy-unsupported on the kind value', async () => {
    const uri = `file://${root}/deploy/policy.yaml`;
    await client.open(uri, policy);
    assert.deepEqual(await pull(client, uri), [policyDiagnostic]);
  });

  test('an unchanged document answers "unchanged" for the same result id', async () => {
    const uri = `file://${root}/deploy/policy.yaml`;
    const first = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    const again = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId: first.resultId });
    assert.equal(again.kind, 'unchanged');
  });

  test('no profile and cni "auto": silent; switching the setting to flannel refreshes and finds it', async () => {
    const uri = `file://${root}/other/policy.yaml`;
    await client.open(uri, policy);
    assert.deepEqual(await pull(client, uri), []);
    const refreshes = client.refreshCount;
    await client.changeSettings({ cni: 'flannel' });
    await client.until(() => client.refreshCount > refreshes, 'a diagnostic refresh after the settings change');
    assert.deepEqual(await pull(client, uri), [policyDiagnostic]);
  });

  test('editing .ack-cni.yaml on disk (watched file) re-lints: Terway with policy on enforces it', async () => {
    const uri = `file://${root}/deploy/policy.yaml`;
    fs.writeFileSync(path.join(root, 'deploy/.ack-cni.yaml'), 'cni: terway\nterway:\n  networkPolicy: true\n');
    const refreshes = client.refreshCount;
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: `file://${root}/deploy/.ack-cni.yaml`, type: FileChangeType.Changed }],
    });
    await client.until(() => client.refreshCount > refreshes, 'a diagnostic refresh after the profile change');
    assert.deepEqual(await pull(client, uri), []);
  });

  test('the profile fix is a code action that edits .ack-cni.yaml', async () => {
    fs.writeFileSync(path.join(root, 'deploy/.ack-cni.yaml'), 'cni: terway\n');
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: `file://${root}/deploy/.ack-cni.yaml`, type: FileChangeType.Changed }],
    });
    const uri = `file://${root}/deploy/policy.yaml`;
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: policy + '# edited\n' }],
    });
    const [diagnostic] = await pull(client, uri);
    assert.equal(diagnostic.code, 'network-policy-unsupported');
    const actions = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    assert.ok(actions);
    assert.deepEqual(
      actions.map((a) => ('title' in a ? a.title : '')),
      [
        'Record NetworkPolicy as on in .ack-cni.yaml (switch it on in eni-config too)',
        'Disable network-policy-unsupported for this line',
        'Disable network-policy-unsupported for this document',
        'Show documentation for network-policy-unsupported',
      ],
    );
    assert.deepEqual(actions[0], {
      title: 'Record NetworkPolicy as on in .ack-cni.yaml (switch it on in eni-config too)',
      kind: 'quickfix',
      diagnostics: [diagnostic],
      isPreferred: true,
      edit: {
        changes: {
          [`file://${root}/deploy/.ack-cni.yaml`]: [
            { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: 'terway:\n  networkPolicy: true\n' },
          ],
        },
      },
    });
    assert.deepEqual((actions[1] as { edit: unknown }).edit, {
      changes: { [uri]: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: '# ack-cni-disable-next-line network-policy-unsupported\n' }] },
    });
    assert.deepEqual((actions[2] as { edit: unknown }).edit, {
      changes: { [uri]: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '# ack-cni-disable network-policy-unsupported\n' }] },
    });
    assert.deepEqual((actions[3] as { command: unknown }).command, {
      title: 'Show documentation for network-policy-unsupported',
      command: 'ackCni.showRuleDocs',
      arguments: ['network-policy-unsupported'],
    });
  });

  test('source.fixAll.ackCni applies every fix to the file itself, and only those', async () => {
    const uri = `file://${root}/deploy/fixable.yaml`;
    const text = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: api',
      '  annotations:',
      '    k8s.aliyun.com/ingress-bandwidth: 10M',
      '    kubernetes.io/egress-bandwidth: 10m',
      '    k8s.aliyun.com/network-priority: Guaranteed',
      'spec: {containers: []}',
      '',
    ].join('\n');
    const actions = await openAndFixAll(client, uri, text);
    assert.ok(actions);
    assert.equal(actions.length, 1);
    const edits = (actions[0] as { edit: { changes: Record<string, Array<{ newText: string }>> } }).edit.changes;
    assert.deepEqual(Object.keys(edits), [uri]);
    assert.deepEqual(
      edits[uri].map((e) => e.newText),
      ['kubernetes.io/ingress-bandwidth', '80Mi', '10M', 'guaranteed'],
    );
  });

  test('source.fixAll.ackCni settles in one action where a fix brings out others (profile: cni spelling, then its Terway section)', async () => {
    const uri = `file://${root}/fix-all-rounds/.ack-cni.yaml`;
    const text = 'cni: Flannel # slip\nterway:\n  eniMode: shared\ncluster:\n  podCidr: 172.20.0.1/16\n';
    const actions = await openAndFixAll(client, uri, text);
    assert.equal(actions?.length, 1);
    const edits = (actions![0] as { edit: { changes: Record<string, TextEdit[]> } }).edit.changes[uri];
    assert.equal(TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, text), edits), 'cni: flannel # slip\ncluster:\n  podCidr: 172.20.0.0/16\n');
  });

  test('a file over ackCni.maxFileSizeKb gets one hint instead of findings', async () => {
    const uri = `file://${root}/deploy/big-policy.yaml`;
    await client.changeSettings({ cni: 'auto', maxFileSizeKb: 1 });
    await client.open(uri, policy + '# padding\n'.repeat(200));
    assert.deepEqual((await pull(client, uri)).map((d) => [d.code, d.severity]), [['file-too-large', 4]]);
    await client.changeSettings({ cni: 'auto' });
    assert.deepEqual((await pull(client, uri)).map((d) => d.code), ['network-policy-unsupported']);
  });

  test('the profile in force, for the status bar', async () => {
    const info = await client.connection.sendRequest('ackCni/profileInfo', { uri: `file://${root}/deploy/policy.yaml` });
    assert.deepEqual(info, {
      cni: 'terway',
      summary: 'Terway · shared · policy off',
      origin: 'deploy/.ack-cni.yaml',
      state: 'file',
      profileFile: `${root}/deploy/.ack-cni.yaml`,
      suggestedFolder: root,
    });
  });

  test('an open, unsaved .ack-cni.yaml governs its folder and gets profile-invalid findings itself', async () => {
    const profileUri = `file://${root}/deploy/.ack-cni.yaml`;
    await client.open(profileUri, 'cni: flanel\n');
    const [problem] = await pull(client, profileUri);
    assert.equal(problem.code, 'profile-invalid');
    assert.deepEqual(problem.range, { start: { line: 0, character: 5 }, end: { line: 0, character: 11 } });
    assert.deepEqual(await pull(client, `file://${root}/deploy/policy.yaml`), [], 'an invalid cni leaves CNI rules silent');
  });
});

describe('language server over stdio, push diagnostics for a client without pull support', () => {
  test('publishes diagnostics on open and again after a settings change', async () => {
    const root = workspace({ 'policy.yaml': policy });
    const client = new TestClient();
    try {
      const init = await client.initialize(root, pushCapabilities, 'zh-cn');
      assert.equal(init.capabilities.diagnosticProvider, undefined);
      const uri = `file://${root}/policy.yaml`;
      client.settings = { cni: 'flannel' };
      await client.open(uri, policy);
      await client.until(() => (client.pushed.get(uri)?.length ?? 0) > 0, 'pushed diagnostics');
      assert.equal(client.pushed.get(uri)![0].message, 'Flannel 不支持 NetworkPolicy：此策略不会隔离任何流量。');
      await client.changeSettings({ cni: 'terway', terway: { networkPolicy: true } });
      await client.until(() => client.pushed.get(uri)?.length === 0, 'diagnostics cleared after switching to Terway with policy on');
    } finally {
      assert.equal(await client.shutdown(), 0);
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('language server over stdio, large files', () => {
  test('a pull on a multi-megabyte file can be cancelled, and other requests are answered meanwhile', async () => {
    const root = workspace({ '.ack-cni.yaml': 'cni: flannel\n' });
    const client = new TestClient();
    try {
      await client.initialize(root, pullCapabilities);
      const big = Array.from({ length: 20000 }, (_, i) => policy.replace('deny-all', `policy-${i}`)).join('---\n');
      assert.ok(big.length > 2_000_000);
      const bigUri = `file://${root}/big.yaml`;
      const smallUri = `file://${root}/small.yaml`;
      await client.open(bigUri, big);
      await client.open(smallUri, policy);
      const source = new CancellationTokenSource();
      const bigPull = client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: bigUri } }, source.token);
      const started = Date.now();
      const small = await pull(client, smallUri);
      const smallMs = Date.now() - started;
      assert.deepEqual(small.map((d) => d.code), ['network-policy-unsupported']);
      source.cancel();
      await assert.rejects(bigPull, (error: { code?: number }) => error.code === LSPErrorCodes.RequestCancelled);
      assert.ok(smallMs < 2000, `the small file was answered while the big one was linted (${smallMs} ms)`);
    } finally {
      assert.equal(await client.shutdown(), 0);
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('language server over stdio: incremental edits of a multi-document file', () => {
  let client: TestClient;
  let root: string;
  before(async () => {
    root = workspace({ '.ack-cni.yaml': 'cni: flannel\n' });
    client = new TestClient();
    await client.initialize(root, pullCapabilities);
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('each pull after an edit equals a fresh open of the edited text; an edit that changes no diagnostic answers "unchanged"', async () => {
    const uri = `file://${root}/policies.yaml`;
    let document = TextDocument.create(uri, 'yaml', 1, Array.from({ length: 5 }, (_, index) => policy.replace('deny-all', `p${index}`)).join('---\n'));
    await client.open(uri, document.getText());
    let last = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    assert.equal(last.kind, 'full');
    assert.equal((last as FullDocumentDiagnosticReport).items.length, 5);
    const edits: Array<[string, (text: string) => { start: number; end: number; newText: string }, 'full' | 'unchanged']> = [
      ['a keystroke in a name', (text) => ({ start: text.indexOf('p2') + 1, end: text.indexOf('p2') + 1, newText: 'x' }), 'unchanged'],
      ['a line inserted before a document', (text) => ({ start: text.indexOf('---\napiVersion', text.indexOf('p2')), end: text.indexOf('---\napiVersion', text.indexOf('p2')), newText: '# note\n' }), 'full'],
      ['the marker between the first two documents deleted', (text) => ({ start: text.indexOf('---\n'), end: text.indexOf('---\n') + 4, newText: '' }), 'full'],
      ['a marker typed inside the last document, parting its kind from its apiVersion', (text) => ({ start: text.lastIndexOf('kind'), end: text.lastIndexOf('kind'), newText: '---\n' }), 'full'],
      ['a marker typed where it changes nothing reported', (text) => ({ start: text.lastIndexOf('spec'), end: text.lastIndexOf('spec'), newText: '---\n' }), 'unchanged'],
    ];
    for (const [name, edit, kind] of edits) {
      const { start, end, newText } = edit(document.getText());
      const range = { start: document.positionAt(start), end: document.positionAt(end) };
      document = TextDocument.update(document, [{ range, text: newText }], document.version + 1);
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: document.version }, contentChanges: [{ range, text: newText }] });
      const report: DocumentDiagnosticReport = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId: last.resultId });
      assert.equal(report.kind, kind, name);
      const fresh = `file://${root}/fresh-${document.version}.yaml`;
      await client.open(fresh, document.getText());
      const expected = await pull(client, fresh);
      if (report.kind === 'full') assert.deepEqual(report.items, expected, name);
      else assert.deepEqual((last as FullDocumentDiagnosticReport).items, expected, name);
      if (report.kind === 'full') last = report;
    }
  });
});
