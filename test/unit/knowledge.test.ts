import { test } from 'node:test';
import assert from 'node:assert/strict';
import { annotationCatalogue } from '../../server/src/knowledge/annotations';
import { kindCatalogue } from '../../server/src/knowledge/kinds';
import { profileKeyKnowledge } from '../../server/src/knowledge/profileKeys';
import { ruleVerdicts } from '../../server/src/knowledge/ruleVerdicts';
import { fieldCatalogue } from '../../server/src/knowledge/fields';
import * as rows from '../../server/src/knowledge/comparison';
import { explainAliyunBandwidth, explainKubernetesBandwidth } from '../../server/src/knowledge/bandwidthValues';
import { profileSchema } from '../../server/src/profile/schema';
import { ruleById } from '../../server/src/rules';
import { podWith, serviceWith } from '../../server/src/features/probe';
import { lintFixture } from '../helpers/ruleTable';

const profiles = [undefined, 'cni: flannel\n', 'cni: terway\n', 'cni: terway\nterway:\n  eniMode: exclusive\n', 'cni: terway-edge\n'];
const values = ['10M', '10m', 'x', 'true', 'eni', '', 'Guaranteed'];

test('the annotation catalogue names, for each key, every rule that reports on it, and its rules know the key', () => {
  for (const knowledge of annotationCatalogue) {
    const fired = new Set<string>();
    for (const profile of profiles) {
      for (const value of [knowledge.sample ?? 'x', ...values]) {
        const text = knowledge.place === 'service' ? serviceWith(knowledge.key, value) : podWith(knowledge.key, value);
        const line = text.split('\n').find((l) => l.includes(JSON.stringify(knowledge.key)))!;
        const start = text.indexOf(line);
        for (const finding of lintFixture(text, { profile })) {
          if (finding.start >= start && finding.end <= start + line.length) fired.add(finding.ruleId);
        }
      }
    }
    const expected = new Set([...knowledge.rules, 'annotation-value-type']);
    assert.deepEqual([...fired].filter((id) => !expected.has(id)), [], `${knowledge.key}: rules that report on it but are not listed`);
    if (knowledge.rules.length > 0) assert.ok(knowledge.rules.some((id) => fired.has(id)), `${knowledge.key}: none of its rules ever reports on it`);
  }
});

test('every rule id the knowledge names is in the catalogue', () => {
  const named = [
    ...annotationCatalogue.flatMap((k) => [...k.rules, ...(k.valueRules ?? [])]),
    ...kindCatalogue.flatMap((k) => k.rules),
    ...Object.values(profileKeyKnowledge).flatMap((k) => k.rules),
    ...Object.keys(ruleVerdicts),
    ...fieldCatalogue.flatMap((f) => f.rules),
  ];
  assert.deepEqual(named.filter((id) => !ruleById.has(id)), []);
});

test('every profile key the knowledge explains is in the profile schema', () => {
  for (const path of Object.keys(profileKeyKnowledge)) {
    const [section, key] = path.split('.');
    const spec = profileSchema[section];
    assert.ok(spec && (key === undefined || (spec.type === 'section' && key in spec.fields)), path);
  }
});

test('every comparison row speaks of Flannel and of Terway, and of Terway Edge only where the facts do', () => {
  for (const [name, row] of Object.entries(rows)) {
    const cells = Object.keys(row.cells);
    assert.ok(cells.includes('flannel'), `${name}: Flannel`);
    assert.ok(cells.some((column) => column.startsWith('terway') && column !== 'terway-edge'), `${name}: Terway`);
    // cni-facts.md §4 says nothing about these features on Terway Edge.
    assert.ok(!cells.includes('terway-edge'), `${name}: Terway Edge`);
  }
});

test('a kubernetes.io bandwidth value reads in bits per second; a binary suffix gets both readings', () => {
  assert.deepEqual(explainKubernetesBandwidth('10M'), { en: '`10M` = 10 Mbit/s.', zh: '`10M` = 10 Mbit/s。' });
  assert.equal(explainKubernetesBandwidth('80Mi').en, '`80Mi` = 80 Mibit/s = 83.88608 Mbit/s.');
  assert.equal(explainKubernetesBandwidth('10m').en, '`10m` = 0.01 bit/s.');
  assert.equal(explainKubernetesBandwidth('10Mbps').en, '`10Mbps` is not a Kubernetes quantity (a number with an optional suffix such as k, M, G or Mi, counted in bits per second).');
});

test('a k8s.aliyun.com bandwidth value reads as 1024-based bytes per second, with its exact kubernetes.io equivalent', () => {
  assert.deepEqual(explainAliyunBandwidth('10M'), {
    en: '`10M` = 10 MiB/s = 80 Mibit/s (83.88608 Mbit/s); kubernetes.io equivalent: `80Mi`.',
    zh: '`10M` = 10 MiB/s = 80 Mibit/s（83.88608 Mbit/s）；对应的 kubernetes.io 写法：`80Mi`。',
  });
  assert.equal(explainAliyunBandwidth('1.5G').en, '`1.5G` = 1.5 GiB/s = 12 Gibit/s (12.884901888 Gbit/s); kubernetes.io equivalent: `12Gi`.');
  assert.equal(explainAliyunBandwidth('1m').en, '`1m` = 1 MiB/s = 8 Mibit/s (8.388608 Mbit/s); kubernetes.io equivalent: `8Mi`.');
  assert.equal(explainAliyunBandwidth('125B').en, '`125B` = 125 B/s = 1000 bit/s; kubernetes.io equivalent: `1000`.');
  assert.equal(explainAliyunBandwidth('100B').en, '`100B` = 100 B/s = 800 bit/s; no kubernetes.io equivalent, since Kubernetes accepts only 1k to 1P bit/s.');
  assert.equal(
    explainAliyunBandwidth('100').en,
    '`100` is not a value Terway can parse: it needs a number above 0 and a unit (B, K, M, G or T, 1024-based bytes per second).',
  );
});
