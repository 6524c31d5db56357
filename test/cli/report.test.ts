import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const cli = path.resolve(__dirname, '../../dist/cli.js');
const fixtures = path.resolve(__dirname, '../fixtures/report');

function run(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [cli, 'report', ...args], { cwd: fixtures, encoding: 'utf8', env: { PATH: process.env.PATH, LANG: 'C', ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('report: Markdown on standard output by default, links relative to the working directory, exit 0', () => {
  const { code, stdout, stderr } = run(['shop']);
  assert.equal(stderr, '');
  assert.equal(code, 0, 'findings do not make the report fail');
  assert.match(stdout, /^# CNI readiness report\n/);
  assert.match(stdout, /\n\*\*Terway, shared ENI, NetworkPolicy on: nothing breaks on it; 2 place\(s\) are ignored or degraded \(listed below\)\.\*\*\n/);
  assert.match(stdout, /\| Flannel \| breaks \| 6 \| 1 \| 0 \|/);
  assert.match(stdout, /\[shop\/netpol\.yaml:2:7\]\(shop\/netpol\.yaml#L2\)/);
});

test('report: JSON, version 1, paths relative to the working directory', () => {
  const { code, stdout } = run(['shop', '--format', 'json']);
  assert.equal(code, 0);
  const report = JSON.parse(stdout);
  assert.equal(report.version, 1);
  assert.deepEqual(report.paths, ['shop']);
  assert.deepEqual(report.files, { total: 7, templates: ['shop/chart.yaml'], yamlErrors: ['shop/broken.yaml'] });
  assert.equal(report.recommendation.option, 'terway-shared-policy');
  assert.deepEqual(report.options.map((o: { id: string; fit: string }) => `${o.id}:${o.fit}`), [
    'terway-shared-policy:degraded',
    'terway-datapathv2:breaks',
    'terway-exclusive:breaks',
    'flannel:breaks',
    'terway-edge:unknown',
  ]);
  assert.deepEqual(report.options[2].breaks[0], {
    rule: 'network-policy-unsupported',
    severity: 'error',
    title: 'NetworkPolicy is not enforced by this CNI',
    verdict: 'not enforced',
    count: 1,
    places: [{ path: 'shop/netpol.yaml', line: 2, column: 7, endLine: 2, endColumn: 20, message: 'Terway in exclusive ENI mode runs no policy agent: this policy isolates nothing.' }],
  });
  assert.deepEqual(report.features[0], { id: 'network-policy', title: 'Kubernetes NetworkPolicy', count: 1, places: [{ path: 'shop/netpol.yaml', line: 2, column: 7, endLine: 2, endColumn: 20 }] });
});

test('report: --output writes the file, its links relative to its own folder; Chinese under a Chinese locale', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ack-cni-report-'));
  const out = path.join(dir, 'report.md');
  const { code, stdout } = run(['shop', '-o', out], { LANG: 'zh_CN.UTF-8' });
  assert.equal(code, 0);
  assert.equal(stdout, '');
  const text = fs.readFileSync(out, 'utf8');
  assert.match(text, /^# CNI 就绪报告\n/);
  assert.ok(text.includes(`[shop/netpol.yaml:2:7](${path.relative(dir, path.join(fixtures, 'shop/netpol.yaml'))}#L2)`), 'shown from the working directory, linked from the report’s folder');
  fs.rmSync(dir, { recursive: true, force: true });
});

test('report: usage errors and missing paths exit 2 with a clear message; --help exits 0', () => {
  const format = run(['shop', '--format', 'sarif']);
  assert.equal(format.code, 2);
  assert.equal(format.stderr, 'ack-cni-lint: --format must be markdown or json; got "sarif"\nRun "ack-cni-lint report --help" for usage.\n');
  const unknown = run(['--cni', 'flannel']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /^ack-cni-lint: Unknown option '--cni'/);
  const missing = run(['nowhere']);
  assert.equal(missing.code, 2);
  assert.equal(missing.stderr, 'ack-cni-lint: no such file or folder: nowhere\n');
  const help = run(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: ack-cni-lint report \[options\] \[paths\.\.\.\]/);
});
