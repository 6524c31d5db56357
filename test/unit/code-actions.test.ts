import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionsForFinding, disableDocumentEdit, disableLineEdit, fixAllPlan } from '../../server/src/features/codeActions';
import type { Finding } from '../../server/src/engine/finding';
import { lintFixture } from '../helpers/ruleTable';
import { applyEdits } from '../helpers/markers';

const finding = (text: string, needle: string, ruleId = 'bandwidth-unsupported'): Finding => {
  const start = text.indexOf(needle);
  return { ruleId, severity: 'warning', message: 'm', start, end: start + needle.length };
};

test('disable for this line: a comment above, at the line\'s indentation (a list item\'s at its dash)', () => {
  const text = 'spec:\n  containers:\n  - name: x\n    image: y\n';
  assert.equal(applyEdits(text, [disableLineEdit(text, finding(text, 'name'))]), 'spec:\n  containers:\n  # ack-cni-disable-next-line bandwidth-unsupported\n  - name: x\n    image: y\n');
  assert.equal(applyEdits(text, [disableLineEdit(text, finding(text, 'image'))]), 'spec:\n  containers:\n  - name: x\n    # ack-cni-disable-next-line bandwidth-unsupported\n    image: y\n');
});

test('disable for this line: an existing directive above gets the rule added, once', () => {
  const text = 'a:\n  # ack-cni-disable-next-line network-policy-unsupported\n  b: c\n';
  const once = applyEdits(text, [disableLineEdit(text, finding(text, 'b: c'))]);
  assert.equal(once, 'a:\n  # ack-cni-disable-next-line network-policy-unsupported, bandwidth-unsupported\n  b: c\n');
  assert.equal(applyEdits(once, [disableLineEdit(once, finding(once, 'b: c'))]), once);
});

test('disable for this document: the first line of the finding\'s document, after its ---, CRLF kept', () => {
  const text = 'a: 1\r\n---\r\nkind: Pod\r\nb: 2\r\n';
  assert.equal(applyEdits(text, [disableDocumentEdit(text, finding(text, 'b: 2'))]), 'a: 1\r\n---\r\n# ack-cni-disable bandwidth-unsupported\r\nkind: Pod\r\nb: 2\r\n');
  assert.equal(applyEdits(text, [disableDocumentEdit(text, finding(text, 'a: 1'))]), '# ack-cni-disable bandwidth-unsupported\r\na: 1\r\n---\r\nkind: Pod\r\nb: 2\r\n');
});

test('actions for a finding: fix first and preferred, silencing, docs; JSON gets no comment actions', () => {
  const text = 'a: b\n';
  const withFix: Finding = { ...finding(text, 'b'), fix: { title: 'Fix it', changes: [{ file: null, edits: [{ start: 3, end: 4, newText: 'c' }] }] } };
  assert.deepEqual(
    actionsForFinding(text, withFix, 'en', false).map((a) => [a.title, a.isPreferred ?? false]),
    [
      ['Fix it', true],
      ['Disable bandwidth-unsupported for this line', false],
      ['Disable bandwidth-unsupported for this document', false],
      ['Show documentation for bandwidth-unsupported', false],
    ],
  );
  assert.deepEqual(actionsForFinding(text, withFix, 'zh', true).map((a) => a.title), ['Fix it', '查看 bandwidth-unsupported 的文档']);
});

test('fix all: every fix on the file itself, none on the profile; a second run has nothing left to do', () => {
  const profile = 'cni: terway\n';
  const text = [
    'apiVersion: networking.k8s.io/v1',
    'kind: NetworkPolicy',
    '---',
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  annotations:',
    '    k8s.aliyun.com/ingress-bandwidth: 10M # was bytes',
    '    k8s.aliyun.com/network-priority: "BestEffort"',
    '  labels: {canary: yes}',
    '',
  ].join('\n');
  const plan = fixAllPlan(lintFixture(text, { profile }), 'en');
  assert.ok(plan && plan.changes);
  const fixed = applyEdits(text, plan.changes[0].edits);
  assert.equal(
    fixed,
    text
      .replace('k8s.aliyun.com/ingress-bandwidth: 10M', 'kubernetes.io/ingress-bandwidth: 80Mi')
      .replace('"BestEffort"', '"best-effort"')
      .replace('{canary: yes}', '{canary: "yes"}'),
  );
  assert.equal(fixAllPlan(lintFixture(fixed, { profile }), 'en'), undefined);
});
