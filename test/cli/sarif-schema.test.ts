/**
 * The CLI's SARIF output against the SARIF 2.1.0 JSON schema, and the rule metadata GitHub code scanning
 * shows. The schema is test data from a package (no download): the SARIF SDK's copy of the final 2.1.0
 * schema in @microsoft/sarif-multitool-ts (declared as JSON Schema 2020-12), not the 2.1.0-rtm.5 draft that
 * other npm packages carry.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { rules } from '../../server/src/rules';
import { corpusDir } from '../helpers/corpus';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli.js');
const schemaFile = path.join(root, 'node_modules/@microsoft/sarif-multitool-ts/assets/sarif-2.1.0.schema.json');
const corpus = corpusDir;

const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

function schemaErrors(log: unknown): string[] {
  if (validate(log)) return [];
  return (validate.errors ?? []).slice(0, 20).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}

interface Sarif {
  version: string;
  runs: Array<{
    tool: { driver: { name: string; version: string; informationUri: string; rules: Rule[] } };
    artifacts: Array<{ location: ArtifactLocation }>;
    results: Result[];
  }>;
}
interface Rule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri: string;
  defaultConfiguration: { level: string };
  properties: { tags: string[] };
}
interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}
interface Result {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: Array<{ physicalLocation: { artifactLocation: ArtifactLocation; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }>;
}

function sarif(args: string[], cwd: string, env: Record<string, string> = {}): Sarif {
  const result = spawnSync(process.execPath, [cli, '--format', 'sarif', ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { PATH: process.env.PATH, LANG: 'C', ...env },
  });
  assert.ok(result.status === 0 || result.status === 1, `exit ${result.status}: ${result.stderr}`);
  assert.equal(result.stderr, '');
  return JSON.parse(result.stdout) as Sarif;
}

function assertValid(log: Sarif, what: string): void {
  assert.deepEqual(schemaErrors(log), [], `${what}: the SARIF log validates against the 2.1.0 schema`);
}

/** What GitHub code scanning shows for a rule: name, short and full description, help (text and Markdown), a link, a level, tags. */
function assertCodeScanningMetadata(log: Sarif, docsSuffix: string): void {
  const driver = log.runs[0].tool.driver;
  assert.equal(driver.name, 'ack-cni-lint');
  assert.match(driver.version, /^\d+\.\d+\.\d+/);
  assert.match(driver.informationUri, /^https:\/\//);
  assert.deepEqual(driver.rules.map((r) => r.id), rules.map((r) => r.id));
  for (const rule of driver.rules) {
    assert.match(rule.name, /^[A-Z][A-Za-z]+$/, `${rule.id}: a name`);
    assert.ok(rule.shortDescription.text.trim().length > 0, `${rule.id}: shortDescription`);
    assert.ok(rule.fullDescription.text.trim().length > 0, `${rule.id}: fullDescription`);
    assert.ok(rule.help.text.trim().length > 0, `${rule.id}: help.text`);
    assert.ok(rule.help.markdown.includes(`](${rule.helpUri})`), `${rule.id}: help.markdown links the rule page`);
    assert.ok(rule.helpUri.endsWith(`docs/rules/${docsSuffix}${rule.id}.md`), `${rule.id}: helpUri ${rule.helpUri}`);
    assert.ok(new URL(rule.helpUri).protocol === 'https:', `${rule.id}: helpUri is https`);
    assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level), `${rule.id}: default level`);
    assert.ok(rule.properties.tags.length > 0, `${rule.id}: tags`);
  }
  for (const result of log.runs[0].results) {
    assert.equal(driver.rules[result.ruleIndex]?.id, result.ruleId, 'ruleIndex points at the rule');
    assert.ok(result.message.text.trim().length > 0);
    const { region } = result.locations[0].physicalLocation;
    assert.ok(region.startLine >= 1 && region.startColumn >= 1, 'a 1-based region');
    assert.ok(region.endLine > region.startLine || (region.endLine === region.startLine && region.endColumn >= region.startColumn), 'the region ends after it starts');
  }
}

describe('SARIF output validates against the SARIF 2.1.0 schema', () => {
  test('the schema is the final 2.1.0 one, and it rejects what it should (the check can fail)', () => {
    assert.match(schema.title, /Version 2\.1\.0 JSON Schema/);
    assert.doesNotMatch(JSON.stringify(schema.title), /rtm/i);
    assert.deepEqual(schema.properties.version.enum, ['2.1.0']);
    const minimal = { version: '2.1.0', runs: [{ tool: { driver: { name: 't' } }, results: [] }] };
    assert.deepEqual(schemaErrors(minimal), []);
    const location = { physicalLocation: { artifactLocation: { uri: 'a.yaml' }, region: { startLine: 1 } } };
    const withResult = (result: object) => ({ version: '2.1.0', runs: [{ tool: { driver: { name: 't' } }, results: [result] }] });
    assert.notDeepEqual(schemaErrors({ ...minimal, version: '2.1.0-rtm.5' }), [], 'another version');
    assert.notDeepEqual(schemaErrors(withResult({ ruleId: 'x', locations: [location] })), [], 'a result without a message');
    assert.notDeepEqual(schemaErrors(withResult({ message: { text: 'm' }, level: 'fatal' })), [], 'an unknown level');
    assert.notDeepEqual(
      schemaErrors(withResult({ message: { text: 'm' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'a' }, region: { startLine: 0 } } }] })),
      [],
      'a 0-based line',
    );
    assert.notDeepEqual(schemaErrors({ ...minimal, runs: [{ tool: { driver: { name: 't', rules: [{ id: 'r', helpUri: 'not a uri' }] } } }] }), [], 'a helpUri that is no URI');
  });

  test('the test workspace (profiles, broken YAML, templates, JSON, Lists, suppressions), in English', () => {
    const log = sarif(['.'], path.join(root, 'test/fixtures/workspace'));
    assertValid(log, 'test/fixtures/workspace');
    assertCodeScanningMetadata(log, '');
    assert.ok(log.runs[0].results.length >= 5, `${log.runs[0].results.length} results`);
  });

  test('examples/ and a Terraform cluster, in Simplified Chinese: zh-cn rule pages and messages', () => {
    const examples = sarif(['examples'], root, { LANG: 'zh_CN.UTF-8' });
    assertValid(examples, 'examples');
    assertCodeScanningMetadata(examples, 'zh-cn/');
    assert.ok(examples.runs[0].results.some((r) => /[\u4e00-\u9fff]/.test(r.message.text)), 'Chinese messages');
    for (const rule of examples.runs[0].tool.driver.rules) assert.doesNotMatch(rule.help.markdown, /\*\*Fix:\*\*|\[Documentation\]/, `${rule.id}: help in one language`);
    const terraform = sarif(['.'], path.join(root, 'test/fixtures/cluster-config'), { LANG: 'zh_CN.UTF-8' });
    assertValid(terraform, 'test/fixtures/cluster-config');
    assert.ok(terraform.runs[0].results.some((r) => r.locations[0].physicalLocation.artifactLocation.uri === 'main.tf'), 'a finding in main.tf');
  });

  test('file names with spaces, non-ASCII, "#", "?", "%" and ":" are one relative URI each, and a file outside the working directory is an absolute file URI', () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ack-cni-sarif-')));
    const outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ack-cni-sarif-outside-')));
    try {
      const policy = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: x}\nspec: {podSelector: {}}\n';
      const names = ['with space.yaml', '网络策略.yaml', 'a#b.yaml', 'what?.yaml', '100%.yaml', 'c:d.yaml'];
      fs.mkdirSync(path.join(dir, 'sub dir'));
      for (const name of names) fs.writeFileSync(path.join(dir, 'sub dir', name), policy);
      // At the top, "c:d.yaml" would read as a URI with the scheme "c" unless its ":" is encoded.
      fs.writeFileSync(path.join(dir, 'c:d.yaml'), policy);
      fs.writeFileSync(path.join(outside, 'elsewhere.yaml'), policy);
      const log = sarif(['--cni', 'flannel', 'sub dir', 'c:d.yaml', path.join(outside, 'elsewhere.yaml')], dir);
      assertValid(log, 'odd file names');
      const base = new URL(`file://${dir}/`);
      const resolved = (location: ArtifactLocation) => {
        if (location.uriBaseId !== undefined) {
          assert.equal(location.uriBaseId, '%SRCROOT%');
          assert.doesNotMatch(location.uri, /^[a-z][a-z0-9+.-]*:/i, `${location.uri} is a relative reference`);
          return decodeURIComponent(new URL(location.uri, base).pathname);
        }
        assert.match(location.uri, /^file:\/\//);
        return decodeURIComponent(new URL(location.uri).pathname);
      };
      const files = log.runs[0].results.map((r) => resolved(r.locations[0].physicalLocation.artifactLocation)).sort();
      const expected = [...names.map((name) => path.join(dir, 'sub dir', name)), path.join(dir, 'c:d.yaml'), path.join(outside, 'elsewhere.yaml')].sort();
      assert.deepEqual(files, expected, 'each result resolves to its own file');
      assert.deepEqual(log.runs[0].artifacts.map((a) => resolved(a.location)).sort(), expected);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  test('the real-world corpus under a Flannel profile', { skip: fs.existsSync(corpus) ? false : `corpus not found at ${corpus}`, timeout: 300_000 }, () => {
    const log = sarif(['--cni', 'flannel', '.'], corpus);
    assertValid(log, 'corpus');
    assertCodeScanningMetadata(log, '');
    assert.ok(log.runs[0].results.length > 100, `${log.runs[0].results.length} results`);
  });
});
