import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CompletionRequest,
  DidChangeTextDocumentNotification,
  DocumentDiagnosticRequest,
  HoverRequest,
  type Diagnostic,
  type FullDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { pullCapabilities, TestClient } from '../helpers/lspClient';

const policy = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny-all\nspec:\n  podSelector: {}\n';
const eniConfig = (disable: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: eni-config\n  namespace: kube-system\ndata:\n  disable_network_policy: "${disable}"\n  eni_conf: |\n    {"ip_stack": "ipv4"}\n`;
const createCluster = (addon: string) =>
  JSON.stringify({ cluster_type: 'ManagedKubernetes', name: 'shop', addons: [{ name: addon, config: '' }], container_cidr: '172.20.0.0/16', service_cidr: '172.21.0.0/20' }, null, 2) + '\n';

function workspace(files: Record<string, string>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ack-cni-lsp-cluster-')));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(root, name), text);
  return root;
}

async function pull(client: TestClient, uri: string): Promise<Diagnostic[]> {
  const report = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
  return (report as FullDocumentDiagnosticReport).items;
}

async function withServer(files: Record<string, string>, body: (client: TestClient, root: string) => Promise<void>): Promise<void> {
  const root = workspace(files);
  const client = new TestClient();
  try {
    await client.initialize(root, pullCapabilities);
    await body(client, root);
  } finally {
    assert.equal(await client.shutdown(), 0);
    fs.rmSync(root, { recursive: true, force: true });
  }
}

test('a lone CreateCluster body with Flannel is the profile: a NetworkPolicy is flagged without any .ack-cni.yaml', () =>
  withServer({ 'cluster.json': createCluster('flannel'), 'policy.yaml': policy }, async (client, root) => {
    const uri = `file://${root}/policy.yaml`;
    await client.open(uri, policy);
    assert.deepEqual((await pull(client, uri)).map((d) => [d.code, d.range.start.line, d.range.start.character]), [['network-policy-unsupported', 1, 6]]);
    const info = await client.connection.sendRequest('ackCni/profileInfo', { uri });
    assert.deepEqual(info, { cni: 'flannel', summary: 'Flannel', origin: 'cluster.json', state: 'cluster-config', profileFile: null, suggestedFolder: root });
  }));

test('editing an open eni-config re-lints an open NetworkPolicy', () =>
  withServer({ 'eni-config.yaml': eniConfig('true'), 'policy.yaml': policy }, async (client, root) => {
    const policyUri = `file://${root}/policy.yaml`;
    const configUri = `file://${root}/eni-config.yaml`;
    await client.open(policyUri, policy);
    assert.deepEqual((await pull(client, policyUri)).map((d) => d.code), ['network-policy-unsupported']);
    await client.open(configUri, eniConfig('true'));
    const refreshes = client.refreshCount;
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: configUri, version: 2 },
      contentChanges: [{ text: eniConfig('false') }],
    });
    await client.until(() => client.refreshCount > refreshes, 'a refresh after the eni-config edit');
    assert.deepEqual(await pull(client, policyUri), [], 'disable_network_policy: "false" switches policy on');
  }));

test('two cluster configurations that disagree: nothing is guessed, and the status says which were found', () =>
  withServer({ 'a.json': createCluster('flannel'), 'b.json': createCluster('terway-eniip'), 'policy.yaml': policy }, async (client, root) => {
    const uri = `file://${root}/policy.yaml`;
    await client.open(uri, policy);
    assert.deepEqual(await pull(client, uri), []);
    const info = (await client.connection.sendRequest('ackCni/profileInfo', { uri })) as { state: string; origin: string };
    assert.deepEqual([info.state, info.origin], ['ambiguous', 'cluster configurations that disagree: a.json, b.json']);
  }));

test('hover and completion over the wire', () =>
  withServer({ '.ack-cni.yaml': 'cni: flannel\n', 'policy.yaml': policy }, async (client, root) => {
    const uri = `file://${root}/policy.yaml`;
    await client.open(uri, policy);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 8 } });
    assert.ok(hover && typeof hover.contents === 'object' && 'value' in hover.contents);
    assert.match(hover.contents.value, /Flannel does not enforce NetworkPolicy/);
    assert.deepEqual(hover.range, { start: { line: 1, character: 6 }, end: { line: 1, character: 19 } });
    const podUri = `file://${root}/pod.yaml`;
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    k8s.aliyun.com/\nspec: {containers: []}\n';
    await client.open(podUri, pod);
    const completion = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: podUri }, position: { line: 5, character: 19 } });
    const items = Array.isArray(completion) ? completion : (completion?.items ?? []);
    assert.deepEqual(
      items.map((item) => item.label),
      ['ack-cni-lint.io/ignore'],
      'Flannel supports none of the CNI-specific pod annotations, so only the neutral key is offered',
    );
    assert.deepEqual(items[0].textEdit && 'range' in items[0].textEdit ? items[0].textEdit.range : undefined, {
      start: { line: 5, character: 4 },
      end: { line: 5, character: 19 },
    });
  }));

const terraformCluster = fs.readFileSync(path.resolve(__dirname, '../fixtures/cluster-config/main.tf'), 'utf8');

test('a Terraform cluster: the server loads its reader when it first meets a .tf file, then lints and hovers main.tf and judges the manifests by it', () =>
  withServer({ 'main.tf': terraformCluster, 'policy.yaml': policy }, async (client, root) => {
    const terraformUri = `file://${root}/main.tf`;
    await client.open(terraformUri, terraformCluster, 'terraform');
    assert.deepEqual(
      (await pull(client, terraformUri)).map((d) => [d.code, d.range]),
      [['flannel-node-capacity', { start: { line: 4, character: 19 }, end: { line: 4, character: 21 } }]],
    );
    const lines = terraformCluster.split('\n');
    const addon = lines.findIndex((line) => line.includes('"flannel"'));
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: terraformUri }, position: { line: addon, character: lines[addon].indexOf('flannel') } });
    assert.ok(hover && typeof hover.contents === 'object' && 'value' in hover.contents, 'a hover on the CNI add-on');
    assert.match(hover.contents.value, /Flannel/);
    const policyUri = `file://${root}/policy.yaml`;
    await client.open(policyUri, policy);
    assert.deepEqual((await pull(client, policyUri)).map((d) => [d.code, d.range.start.line, d.range.start.character]), [['network-policy-unsupported', 1, 6]]);
  }));
