import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rules } from '../../server/src/rules';
import { sources } from '../../server/src/docs/sources';
import { generatedDocs, withRuleTable } from '../../server/src/docs/renderRuleDoc';

const root = path.resolve(__dirname, '../..');

/** PRODUCT §4: every rule but the cross-file alb-clusterip-backend. */
const requiredIds = [
  'network-policy-unsupported', 'network-policy-endport', 'calico-policy-unsupported', 'bandwidth-unsupported',
  'bandwidth-invalid', 'aliyun-bandwidth-deprecated', 'aliyun-bandwidth-invalid', 'eni-annotation-obsolete',
  'annotation-value-type', 'network-priority-invalid', 'network-priority-unsupported', 'pod-ip-reservation-unsupported',
  'pod-networks-invalid', 'pod-networks-unsupported', 'podnetworking-unsupported', 'podnetworking-invalid',
  'dual-stack-unsupported', 'eni-backend-unsupported', 'eip-annotation-deprecated', 'system-annotation',
  'profile-invalid', 'yaml-syntax',
  // cluster rules (PRODUCT §4, issue 4)
  'cidr-overlap', 'cidr-invalid', 'flannel-node-capacity', 'node-quota', 'pods-per-node',
  'datapath-os-unsupported', 'terway-mode-conflict', 'dual-stack-config', 'cni-field-ignored',
];

test('the catalogue holds every rule of the contract, each id once and in kebab-case', () => {
  const ids = rules.map((r) => r.id);
  assert.deepEqual([...new Set(ids)].length, ids.length, 'duplicate rule ids');
  for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  assert.deepEqual(requiredIds.filter((id) => !ids.includes(id)), []);
});

for (const rule of rules) {
  test(`${rule.id}: documented in English and Chinese, with a one-sentence remediation and real sources`, () => {
    for (const text of [rule.title, rule.appliesTo, rule.remediation]) {
      assert.ok(text.en.trim().length > 0 && text.zh.trim().length > 0);
      assert.match(text.zh, /[\u4e00-\u9fff]/, 'Chinese text is written in Chinese');
    }
    assert.match(rule.remediation.en, /\.$/, 'the remediation is a sentence ending with a period');
    assert.match(rule.remediation.zh, /。$/, 'the Chinese remediation ends with 。');
    for (const locale of ['en', 'zh'] as const) {
      for (const part of ['what', 'why', 'fix'] as const) assert.ok(rule.docs[locale][part].trim().length > 20, `${locale}.${part} is written`);
    }
    for (const source of rule.docs.sources) assert.ok(source in sources, `unknown source ${source}`);
    if (rule.scope === 'manifest') {
      assert.ok(rule.checkObject, 'a manifest rule checks objects');
      assert.ok(rule.docs.example.bad.length > 0, 'a manifest rule shows an example');
      assert.ok(rule.docs.sources.length > 0, 'a manifest rule cites its sources');
    }
  });
}

test('docs/rules is generated from the catalogue and up to date (npm run docs:rules)', () => {
  const expected = generatedDocs(rules);
  for (const [file, text] of expected) {
    const onDisk = fs.existsSync(path.join(root, file)) ? fs.readFileSync(path.join(root, file), 'utf8') : undefined;
    assert.equal(onDisk, text, `${file} is stale: run npm run docs:rules`);
  }
  for (const dir of ['docs/rules', 'docs/rules/zh-cn']) {
    for (const name of fs.readdirSync(path.join(root, dir)).filter((n) => n.endsWith('.md'))) {
      assert.ok(expected.has(`${dir}/${name}`), `${dir}/${name} belongs to no rule: run npm run docs:rules`);
    }
  }
});

test('the README rule table is up to date (npm run docs:rules)', () => {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  assert.equal(readme, withRuleTable(readme, rules), 'README.md rule table is stale: run npm run docs:rules');
});
