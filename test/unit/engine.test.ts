import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { lintFixture } from '../helpers/ruleTable';
import { lintSteps, lintText } from '../../server/src/engine/lint';
import { networkPolicyUnsupported } from '../../server/src/rules/policy/network-policy-unsupported';
import type { Rule } from '../../server/src/rules/types';

test('engine: a rule that throws becomes one internal-error finding naming it; the other rules still report', () => {
  const failing = mock.method(networkPolicyUnsupported as Required<Rule>, 'checkObject', () => {
    throw new Error('boom');
  });
  try {
    const text = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  labels:\n    canary: yes\n';
    const findings = lintFixture(text, { profile: 'cni: flannel\n' });
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.severity, f.message]),
      [
        ['internal-error', 'warning', 'Rule network-policy-unsupported failed on this document: boom'],
        ['annotation-value-type', 'error', '`yes` is a boolean to kubectl (YAML 1.1), but label values must be strings: the object is rejected.'],
      ],
    );
  } finally {
    failing.mock.restore();
  }
});

test('engine: documents that are not Kubernetes objects are left alone', () => {
  const compose = 'services:\n  web:\n    image: nginx\n    labels:\n      enabled: yes\n';
  const values = 'replicaCount: 1\nkind: NetworkPolicy\n';
  assert.deepEqual(lintFixture(compose, { profile: 'cni: flannel\n' }), []);
  assert.deepEqual(lintFixture(values, { profile: 'cni: flannel\n' }), []);
});

test('engine: a text over the size limit gets one file-too-large hint on its first line, nothing else', () => {
  const text = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n' + '# padding\n'.repeat(200);
  const findings = lintText(text, { profile: undefined, maxLength: 1024 });
  assert.deepEqual(
    findings.map((f) => [f.ruleId, f.severity, f.start, f.end, f.message]),
    [['file-too-large', 'hint', 0, 32, 'This file (2 KB) is larger than ackCni.maxFileSizeKb (1 KB): it is not linted in the editor.']],
  );
  assert.deepEqual(lintText(text, { profile: undefined, maxLength: text.length }), [], 'at the limit it is linted');
});

test('lintSteps gives way every 64 KB while it settles documents, as it does after each document it reads', () => {
  const configMap = (index: number) => `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings-${index}\ndata:\n  key: value\n`;
  const text = Array.from({ length: 4_000 }, (_, index) => configMap(index)).join('');
  const steps = lintSteps(text, { profile: undefined });
  let pauses = 0;
  let step = steps.next();
  for (; !step.done; step = steps.next()) pauses++;
  assert.deepEqual(step.value, []);
  assert.equal(pauses, Math.floor((text.length - 1) / (64 * 1024)), `${pauses} pauses over ${text.length} characters`);
});
