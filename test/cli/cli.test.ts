import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { rules } from '../../server/src/rules';

const cli = path.resolve(__dirname, '../../dist/cli.js');
const workspace = path.resolve(__dirname, '../fixtures/workspace');

function run(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: workspace,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, LANG: 'C', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The JSON report in one line per file: `path cni@source rule@line:col-endLine:endCol …`. */
function summary(stdout: string): string[] {
  const report = JSON.parse(stdout) as {
    version: number;
    files: Array<{ path: string; profile: { cni: string; source: string } | null; diagnostics: Array<Record<string, unknown>> }>;
  };
  assert.equal(report.version, 1);
  return report.files.map((f) =>
    [
      f.path,
      f.profile ? `${f.profile.cni}@${f.profile.source}` : 'no-profile',
      ...f.diagnostics.map((d) => `${d.rule}@${d.line}:${d.column}-${d.endLine}:${d.endColumn}`),
    ].join(' '),
  );
}

test('json: every linted file, its profile and exact 1-based ranges; nested profiles win; ignores honoured', () => {
  const { code, stdout, stderr } = run(['.', '--format', 'json']);
  assert.equal(stderr, '');
  assert.equal(code, 1);
  assert.deepEqual(summary(stdout), [
    '.ack-cni.yaml flannel@.ack-cni.yaml',
    'broken.yaml flannel@.ack-cni.yaml yaml-syntax@5:1-5:4 network-policy-unsupported@7:7-7:20',
    'compose.yaml flannel@.ack-cni.yaml',
    'list.yaml flannel@.ack-cni.yaml network-policy-unsupported@8:11-8:24',
    'manifest.json flannel@.ack-cni.yaml network-policy-unsupported@3:11-3:26',
    'nested/.ack-cni.yaml terway@nested/.ack-cni.yaml',
    'nested/netpol.yaml terway@nested/.ack-cni.yaml',
    'netpol.yaml flannel@.ack-cni.yaml network-policy-unsupported@2:7-2:20',
    'other/terway-profile.yaml flannel@.ack-cni.yaml',
    'suppressed.yaml flannel@.ack-cni.yaml',
    'template.yaml flannel@.ack-cni.yaml template-skipped@4:9-4:28',
  ]);
});

test('json: a diagnostic carries rule, severity, message and positions', () => {
  const report = JSON.parse(run(['netpol.yaml', '--format', 'json']).stdout);
  assert.deepEqual(
    report.files.map((f: { path: string }) => f.path),
    ['.ack-cni.yaml', 'netpol.yaml'],
    'the profile in force is reported under its own path',
  );
  assert.deepEqual(report.files[1].diagnostics, [
    {
      rule: 'network-policy-unsupported',
      severity: 'error',
      message: 'Flannel does not enforce NetworkPolicy: this policy isolates nothing.',
      line: 2,
      column: 7,
      endLine: 2,
      endColumn: 20,
    },
  ]);
});

test('text: one line per finding and a summary, plain when not a terminal', () => {
  const { code, stdout } = run(['netpol.yaml', 'nested']);
  assert.equal(code, 1);
  assert.equal(
    stdout,
    [
      'netpol.yaml:2:7 error network-policy-unsupported Flannel does not enforce NetworkPolicy: this policy isolates nothing.',
      '1 error, 0 warnings in 4 files checked',
      '',
    ].join('\n'),
  );
});

test('text: colour when forced, none with NO_COLOR', () => {
  assert.match(run(['netpol.yaml'], { FORCE_COLOR: '1' }).stdout, /\u001b\[31merror\u001b\[0m/);
  assert.doesNotMatch(run(['netpol.yaml'], { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout, /\u001b\[/);
});

test('text: messages follow LANG (Simplified Chinese)', () => {
  const { stdout } = run(['netpol.yaml'], { LANG: 'zh_CN.UTF-8' });
  assert.match(stdout, /^netpol\.yaml:2:7 error network-policy-unsupported Flannel 不支持 NetworkPolicy：此策略不会隔离任何流量。$/m);
});

test('sarif: 2.1.0 with the whole catalogue as rules, help links and one result per finding', () => {
  const { code, stdout } = run(['netpol.yaml', 'broken.yaml', '--format', 'sarif']);
  assert.equal(code, 1);
  const log = JSON.parse(stdout);
  assert.equal(log.version, '2.1.0');
  const driver = log.runs[0].tool.driver;
  assert.equal(driver.name, 'ack-cni-lint');
  assert.deepEqual(driver.rules.map((r: { id: string }) => r.id), rules.map((r) => r.id));
  const rule = driver.rules.find((r: { id: string }) => r.id === 'network-policy-unsupported');
  assert.equal(rule.helpUri, 'https://github.com/ack-cni-lint/ack-cni-lint/blob/main/docs/rules/network-policy-unsupported.md');
  assert.equal(rule.defaultConfiguration.level, 'error');
  assert.ok(rule.help.text.length > 0 && rule.help.markdown.includes('[Documentation]('));
  assert.deepEqual(
    log.runs[0].results.map((r: { ruleId: string; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: unknown } }> }) => [
      r.ruleId,
      r.level,
      r.locations[0].physicalLocation.artifactLocation.uri,
      r.locations[0].physicalLocation.region,
    ]),
    [
      ['yaml-syntax', 'error', 'broken.yaml', { startLine: 5, startColumn: 1, endLine: 5, endColumn: 4 }],
      ['network-policy-unsupported', 'error', 'broken.yaml', { startLine: 7, startColumn: 7, endLine: 7, endColumn: 20 }],
      ['network-policy-unsupported', 'error', 'netpol.yaml', { startLine: 2, startColumn: 7, endLine: 2, endColumn: 20 }],
    ],
  );
  for (const result of log.runs[0].results) assert.equal(driver.rules[result.ruleIndex].id, result.ruleId);
});

test('exit 0 when no error-level finding remains; --max-warnings turns warnings into exit 1', () => {
  assert.equal(run(['netpol.yaml', '--rule', 'network-policy-unsupported=warning']).code, 0);
  assert.equal(run(['netpol.yaml', '--rule', 'network-policy-unsupported=warning', '--max-warnings', '0']).code, 1);
  assert.equal(run(['netpol.yaml', '--rule', 'network-policy-unsupported=warning', '--max-warnings', '1']).code, 0);
  assert.equal(run(['netpol.yaml', '--rule', 'network-policy-unsupported=off']).code, 0);
});

test('--profile replaces the search; --cni applies only where no profile file exists', () => {
  assert.equal(run(['netpol.yaml', '--profile', 'nested/.ack-cni.yaml']).code, 0);
  const outside = path.resolve(__dirname, '../fixtures/no-profile');
  const withCni = spawnSync(process.execPath, [cli, '--cni', 'flannel', '--format', 'json', 'np.yaml'], { cwd: outside, encoding: 'utf8' });
  assert.deepEqual(summary(withCni.stdout), ['np.yaml flannel@--cni network-policy-unsupported@2:7-2:20']);
  const without = spawnSync(process.execPath, [cli, '--format', 'json', 'np.yaml'], { cwd: outside, encoding: 'utf8' });
  assert.deepEqual(summary(without.stdout), ['np.yaml no-profile']);
  assert.equal(without.status, 0);
});

test('exit 2 with a clear message for usage and I/O errors', () => {
  const cases: Array<[string[], RegExp]> = [
    [['missing.yaml'], /^ack-cni-lint: no such file or folder: missing\.yaml$/m],
    [['--format', 'xml'], /--format must be text, json or sarif; got "xml"/],
    [['--cni', 'calico'], /--cni must be terway, terway-edge or flannel; got "calico"/],
    [['--rule', 'network-policy-unsuported=off'], /unknown rule "network-policy-unsuported" \(did you mean "network-policy-unsupported"\?\)/],
    [['--rule', 'network-policy-unsupported=loud'], /severity of "network-policy-unsupported" must be one of off, hint, info, warning, error/],
    [['--rule', 'nonsense'], /--rule expects <id>=<severity>/],
    [['--max-warnings', 'many'], /--max-warnings expects a whole number/],
    [['--profile', 'nope.yaml'], /^ack-cni-lint: profile not found: nope\.yaml$/m],
    [['--bogus'], /Unknown option '--bogus'/],
  ];
  for (const [args, message] of cases) {
    const { code, stdout, stderr } = run(args);
    assert.equal(code, 2, `exit code of ${args.join(' ')}`);
    assert.equal(stdout, '');
    assert.match(stderr, message);
  }
});

test('--help and --version', () => {
  assert.match(run(['--help']).stdout, /^Usage: ack-cni-lint \[options\] \[paths\.\.\.\]/);
  assert.equal(run(['--version']).stdout, `${require('../../package.json').version}\n`);
});

test('a Terraform cluster among the paths is the profile; findings inside it are reported under its path', () => {
  const cwd = path.resolve(__dirname, '../fixtures/cluster-config');
  const result = spawnSync(process.execPath, [cli, '.', '--format', 'json'], { cwd, encoding: 'utf8' });
  assert.equal(result.status, 1);
  assert.deepEqual(summary(result.stdout), [
    'main.tf flannel@main.tf flannel-node-capacity@5:20-5:22',
    'policy.yaml flannel@main.tf network-policy-unsupported@2:7-2:20',
  ]);
});

test('a closed pipe (ack-cni-lint … | head) ends quietly, without a stack trace', () => {
  const corpusLike = path.resolve(__dirname, '../..');
  // SARIF with the whole catalogue is larger than a pipe buffer, so the CLI is still writing when head exits.
  const result = spawnSync('sh', ['-c', `"${process.execPath}" "${cli}" examples test/fixtures --format sarif | head -c 10`], {
    cwd: corpusLike,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, LANG: 'C' },
  });
  assert.equal(result.stdout, '{\n  "$sche');
  assert.equal(result.stderr, '');
});

test('cross-file: an ALB Ingress and its ClusterIP Service in another file, in every format; a path alone is its own workspace', () => {
  const examples = path.resolve(__dirname, '../../examples');
  const runIn = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: examples, encoding: 'utf8', env: { PATH: process.env.PATH, LANG: 'C' } }).stdout;
  const text = runIn(['flannel-cluster']).split('\n');
  const at = text.findIndex((line) => line.startsWith('flannel-cluster/ingress.yaml:18:23 error alb-clusterip-backend '));
  assert.ok(at >= 0, text.join('\n'));
  assert.equal(text[at + 1], '  flannel-cluster/storefront-service.yaml:4:9 Service storefront: ClusterIP');
  const json = JSON.parse(runIn(['flannel-cluster', '--format', 'json']));
  const ingress = json.files.find((f: { path: string }) => f.path === 'flannel-cluster/ingress.yaml');
  assert.deepEqual(ingress.diagnostics[0].related, [
    { path: 'flannel-cluster/storefront-service.yaml', message: 'Service storefront: ClusterIP', line: 4, column: 9, endLine: 4, endColumn: 19 },
  ]);
  const sarif = JSON.parse(runIn(['flannel-cluster', '--format', 'sarif']));
  const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'alb-clusterip-backend');
  assert.deepEqual(result.relatedLocations, [
    {
      id: 0,
      physicalLocation: { artifactLocation: { uri: 'flannel-cluster/storefront-service.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 4, startColumn: 9, endLine: 4, endColumn: 19 } },
      message: { text: 'Service storefront: ClusterIP' },
    },
  ]);
  const alone = JSON.parse(runIn(['flannel-cluster/ingress.yaml', '--format', 'json']));
  assert.deepEqual(alone.files.find((f: { path: string }) => f.path === 'flannel-cluster/ingress.yaml').diagnostics, []);
});

test('a profile whose from: names a Terraform file outside the linted paths: lint and report read it (the Terraform reader loads on demand)', () => {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'ack-cni-cli-'));
  try {
    fs.mkdirSync(path.join(cwd, 'k8s'));
    fs.mkdirSync(path.join(cwd, 'infra'));
    fs.copyFileSync(path.resolve(__dirname, '../fixtures/cluster-config/main.tf'), path.join(cwd, 'infra/main.tf'));
    fs.writeFileSync(path.join(cwd, '.ack-cni.yaml'), 'from: infra/main.tf\n');
    fs.writeFileSync(path.join(cwd, 'k8s/policy.yaml'), 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\n');
    const result = spawnSync(process.execPath, [cli, 'k8s', '--format', 'json'], { cwd, encoding: 'utf8' });
    assert.equal(result.stderr, '');
    assert.equal(result.status, 1);
    assert.deepEqual(summary(result.stdout), ['.ack-cni.yaml flannel@.ack-cni.yaml', 'k8s/policy.yaml flannel@.ack-cni.yaml network-policy-unsupported@2:7-2:20']);
    // The report resolves the same profile for its `ignore:`.
    const report = spawnSync(process.execPath, [cli, 'report', 'k8s', '--format', 'json'], { cwd, encoding: 'utf8' });
    assert.equal(report.stderr, '');
    assert.equal(report.status, 0);
    assert.equal(JSON.parse(report.stdout).files.total, 1);
  } finally {
    fs.rmSync(cwd, { recursive: true, force: true });
  }
});

test('a profile whose from: names a path too long to exist is a profile finding, not an I/O error', () => {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'ack-cni-cli-'));
  try {
    fs.writeFileSync(path.join(cwd, '.ack-cni.yaml'), `cni: flannel\nfrom: ./cluster${'x'.repeat(5000)}.json\n`);
    fs.writeFileSync(path.join(cwd, 'policy.yaml'), 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\n');
    const result = spawnSync(process.execPath, [cli, '.', '--format', 'json'], { cwd, encoding: 'utf8' });
    assert.equal(result.stderr, '');
    assert.equal(result.status, 1);
    assert.deepEqual(summary(result.stdout), [
      '.ack-cni.yaml flannel@.ack-cni.yaml profile-invalid@2:7-2:5021',
      'policy.yaml flannel@.ack-cni.yaml network-policy-unsupported@2:7-2:20',
    ]);
  } finally {
    fs.rmSync(cwd, { recursive: true, force: true });
  }
});
