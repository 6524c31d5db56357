import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintFixture } from '../helpers/ruleTable';

const flannel = { profile: 'cni: flannel\n' };
const policy = (name: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${name}\n`;
const linesOf = (text: string) => lintFixture(text, flannel).map((f) => `${f.ruleId}@${text.slice(0, f.start).split('\n').length}`);

test('suppression: disable-next-line silences the next line with content, only for the rules named', () => {
  const text = [
    'apiVersion: networking.k8s.io/v1',
    '# ack-cni-disable-next-line network-policy-unsupported',
    '',
    '# another comment in between',
    'kind: NetworkPolicy',
    '---',
    'apiVersion: networking.k8s.io/v1',
    '# ack-cni-disable-next-line bandwidth-unsupported, dual-stack-unsupported',
    'kind: NetworkPolicy',
    '',
  ].join('\n');
  assert.deepEqual(linesOf(text), ['network-policy-unsupported@9']);
});

test('suppression: disable-line at the end of the line', () => {
  const text = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy # ack-cni-disable-line network-policy-unsupported\n';
  assert.deepEqual(linesOf(text), []);
});

test('suppression: disable silences to the end of its YAML document only', () => {
  const text = ['# ack-cni-disable network-policy-unsupported', policy('a'), '---', policy('b')].join('\n');
  assert.deepEqual(linesOf(text), ['network-policy-unsupported@9']);
});

test('suppression: a comment without rule ids silences every rule', () => {
  assert.deepEqual(linesOf(`# ack-cni-disable\n${policy('a')}`), []);
});

test('suppression: the directive must be a comment and spelt exactly', () => {
  const text = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: x # ack-cni-disabled network-policy-unsupported\n';
  assert.deepEqual(linesOf(text.replace('name: x', 'name: "x#ack-cni-disable-line"')), ['network-policy-unsupported@2']);
  assert.deepEqual(linesOf(text), ['network-policy-unsupported@2']);
});

test('suppression: the ack-cni-lint.io/ignore annotation silences the listed rules for that object only', () => {
  const text = [
    policy('ignored').replace('  name: ignored\n', '  name: ignored\n  annotations:\n    ack-cni-lint.io/ignore: "bandwidth-unsupported, network-policy-unsupported"\n'),
    '---',
    policy('reported'),
  ].join('\n');
  assert.deepEqual(linesOf(text), ['network-policy-unsupported@10']);
});

test('suppression: rule severities from settings win over the profile', () => {
  const findings = lintFixture(policy('a'), { profile: 'cni: flannel\nrules:\n  network-policy-unsupported: off\n', rules: { 'network-policy-unsupported': 'info' } });
  assert.deepEqual(findings.map((f) => `${f.ruleId}:${f.severity}`), ['network-policy-unsupported:info']);
});

test('suppression: disable runs to the next --- even where the parser ends a broken document early (round-trip regression)', () => {
  // A Helm template: the parser's first document stops at the first template action, the text
  // of the document goes on to the next marker.
  const template = [
    '# ack-cni-disable template-skipped',
    '{{- $values := deepCopy $.Values }}',
    'kind: DaemonSet',
    'metadata:',
    '  name: {{ $pool.name }}',
    '  namespace: {{ $.Release.Namespace }}',
    '{{- if $pool.enabled }}',
    '',
  ].join('\n');
  assert.deepEqual(lintFixture(template).map((f) => f.ruleId), []);
  // It still stops at the next document.
  const two = ['# ack-cni-disable network-policy-unsupported', policy('a'), '---', policy('b')].join('\n');
  assert.deepEqual(linesOf(two), ['network-policy-unsupported@9']);
});
