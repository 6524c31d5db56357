import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { lintFixture } from '../helpers/ruleTable';
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
