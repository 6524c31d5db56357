import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createLintCache, lintSteps, lintText, type LintOptions } from '../../server/src/engine/lint';
import { buildProfile } from '../../server/src/profile/resolve';
import type { ProfileValues } from '../../server/src/profile/validate';
import { corpusAvailable, corpusDir, yamlFilesUnder } from '../helpers/corpus';
import type { TextChange } from '../../server/src/yaml/split';
import { checkSettleScan } from '../helpers/yamlTree';
import { Prng } from '../fuzz/lib/prng';

const corpus = corpusDir;

const profiles: Record<string, ProfileValues | undefined> = {
  none: undefined,
  flannel: { cni: 'flannel' },
  'terway-policy-on': { cni: 'terway', terway: { networkPolicy: true, ipStack: 'ipv4' } },
};

function optionsFor(name: string): LintOptions {
  const values = profiles[name];
  return { profile: values && buildProfile(values, { kind: 'cli' }) };
}

/** The reference: the whole text through yaml's AST, no split, no cheap path, no cache. */
function reference(text: string, options: LintOptions) {
  return lintText(text, { ...options, wholeFile: true });
}

function lintWithCache(text: string, options: LintOptions, cache: ReturnType<typeof createLintCache>) {
  const steps = lintSteps(text, options, cache);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

const available = corpusAvailable;

test('fast path: every corpus file under every profile gives exactly the findings of the whole-file yaml path', { skip: available ? false : `corpus not found at ${corpus}` }, () => {
  const texts = yamlFilesUnder(corpus).map((file) => [file, fs.readFileSync(file, 'utf8')] as const);
  for (const name of Object.keys(profiles)) {
    const options = optionsFor(name);
    for (const [file, text] of texts) {
      assert.deepEqual(lintText(text, options), reference(text, options), `${name}: ${path.relative(corpus, file)}`);
    }
  }
});

test('settle scan: every corpus document it proves settled settles the js-yaml way and reads in yaml without an error, and it proves most of those', { skip: available ? false : `corpus not found at ${corpus}` }, () => {
  let settled = 0;
  let proven = 0;
  for (const file of yamlFilesUnder(corpus)) {
    const check = checkSettleScan(fs.readFileSync(file, 'utf8'));
    assert.deepEqual(check.differences, [], path.relative(corpus, file));
    settled += check.settled;
    proven += check.proven;
  }
  // 2,551 of 2,725 when the scan was written: the rest hold templates, quoted scalars over lines, JSON.
  assert.ok(proven > 0.9 * settled, `proved ${proven} of ${settled}`);
});

const splitCases: Record<string, string> = {
  'comments before the first marker': '# header\n\n---\nkind: NetworkPolicy\napiVersion: networking.k8s.io/v1\n---\na: 1\n',
  'a block scalar cut by a marker': 'a: |\n  text\n---\nb: [1,\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n',
  'an unclosed quote and flow collection before a marker': 'a: "open\n---\nb: {c: 1\n---\nd: 1\n',
  'documents ended by ...': 'a: 1\n...\n# between\nb: yes\n---\nc: 1\n',
  'a directive keeps the file in one piece': '%YAML 1.2\n---\na: 1\n---\nb: 2\n',
  'CRLF line ends': 'a: 1\r\n---\r\napiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  labels:\r\n    on: yes\r\n',
  'a byte-order mark and empty documents': '\uFEFF# c\n---\n---\n# only a comment\n---\n',
  'duplicate keys and tabs': 'a: 1\na: 2\n---\nb:\n\t- 1\n',
  'labels kubectl reads as non-strings': '---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels:\n    a: "true"\n    b: 1.0\n    c:\n',
  'a suppression that runs to the next document': 'a: 1\n# ack-cni-disable annotation-value-type\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  labels: {a: yes}\n',
  'escaped trigger words': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  template:\n    metadata:\n      annotations:\n        "k8s.aliyun\\x2ecom/eni": "true"\n',
  'templates': 'a: 1\n---\nname: {{ x }}\n',
  'Helm built-ins': 'a: b\n---\nimage: "{{ .Values.image }}"\n',
  'templates inside strings': 'a: 1\n---\nsummary: "Instance {{ $labels.instance }} down"\ntext: |\n  {{ $value }} errors\nplain: x {{ y }}\n\'{{ k }}\': 1\n',
  'a template beside one in a string': 'msg: "{{ a }}"\nname: {{ x }}\n',
  'a template in a comment': '# {{ x }}\na: "{{ y }}"\n',
  'a template in an anchored string': 'a: &t "{{ x }}"\nb: *t\nc: {{ z }}\n',
  'a comment glued to a closing bracket (an error to yaml only)': 'kind: NetworkPolicy\napiVersion: networking.k8s.io/v1\nspec:\n  podSelector: {}\n  ingress: []# ack-cni-disable\n',
  'a Unicode line separator after a marker': 'a: 1\n---\u2028kind: on\n---\nb: "\u2029"\n',
  'quotes and brackets that run over lines': "spec:\n  description: 'one\n    two'\n  rule:\n    \"a\n    b\"\n  list: [1,\n    2]\n---\n- a: \"x\n  y\"\n---\nk:\n  - [1,\n  2]\n---\n{\n\"a\": [1,\n2]\n}\n",
};

for (const [name, text] of Object.entries(splitCases)) {
  test(`fast path on ${name}: the findings of the whole-file path`, () => {
    for (const profile of Object.keys(profiles)) assert.deepEqual(lintText(text, optionsFor(profile)), reference(text, optionsFor(profile)), profile);
  });
}

test('cache: after an edit to one document, the findings are those of linting the new text afresh', () => {
  const options = optionsFor('flannel');
  const policy = (name: string) => `---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${name}\n`;
  const pod = (value: string) => `---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    ready: ${value}\n`;
  const cache = createLintCache();
  const versions = [policy('a') + pod('"yes"') + policy('b'), policy('a') + pod('yes') + policy('b'), pod('yes') + policy('b'), pod('yes') + policy('b') + policy('a')];
  for (const text of versions) assert.deepEqual(lintWithCache(text, options, cache), reference(text, options), text);
  assert.deepEqual(lintWithCache(versions[0], optionsFor('none'), cache), reference(versions[0], optionsFor('none')), 'other options, other results');
});

test('cache with the change since the last run: 400 random edits, each linted as the whole text would be', () => {
  const options = optionsFor('flannel');
  const documents = [...Object.values(splitCases).filter((text) => !text.startsWith('%')), '---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    k8s.aliyun.com/ingress-bandwidth: 10M\n'];
  let text = documents.join('\n---\n');
  const cache = createLintCache();
  const rng = new Prng(11);
  const lintChanged = (change?: TextChange) => {
    const steps = lintSteps(text, options, cache, change);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  };
  lintChanged();
  for (let round = 0; round < 400; round++) {
    const start = Math.floor(rng.next() * (text.length + 1));
    const end = Math.min(text.length, start + Math.floor(rng.next() * 8));
    const inserted = ['', 'x', '\n---\n', '---', ' ', '\n', '"', 'k8s.aliyun.com/ingress-bandwidth: 1M\n'][Math.floor(rng.next() * 8)];
    const before = text;
    text = text.slice(0, start) + inserted + text.slice(end);
    assert.deepEqual(lintChanged({ before, span: { start, endBefore: end, endAfter: start + inserted.length } }), reference(text, options), JSON.stringify({ before, start, end, inserted }));
  }
});

test('cache: findings of a document an edit left in place are reused as they were; new severities or a new locale make them afresh', () => {
  const bandwidth = (name: string) => `---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  annotations:\n    k8s.aliyun.com/ingress-bandwidth: 10M\n`;
  const before = bandwidth('a') + bandwidth('b');
  const after = `${before}# more\n`;
  const options = optionsFor('flannel');
  const cache = createLintCache();
  const first = lintWithCache(before, options, cache);
  const edited = lintSteps(after, options, cache, { before, span: { start: before.length, endBefore: before.length, endAfter: after.length } });
  let second;
  for (let step = edited.next(); ; step = edited.next()) if (step.done) { second = step.value; break; }
  assert.deepEqual(second, reference(after, options));
  const inFirstDocument = (finding: { start: number }) => finding.start < bandwidth('a').length;
  assert.ok(first.some(inFirstDocument) && first.filter(inFirstDocument).every((finding, index) => finding === second[index]), 'the same finding objects');
  assert.ok(second.filter((finding) => !inFirstDocument(finding)).every((finding) => !first.includes(finding)), 'the edited document made afresh');

  const changed: LintOptions = { ...options, locale: 'zh', ruleSettings: new Map([[first[0].ruleId, 'error']]) };
  const third = lintWithCache(after, changed, cache);
  assert.deepEqual(third, reference(after, changed));
  assert.notDeepEqual(third, second);
});
