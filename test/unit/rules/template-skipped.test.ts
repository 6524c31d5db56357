import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleTable, lintFixture } from '../../helpers/ruleTable';
import { templateSkipped } from '../../../server/src/rules/core/template-skipped';

const message = 'This file is a Go/Helm template, not plain YAML: it is not checked. Lint the rendered output instead.';

ruleTable(templateSkipped, [
  {
    name: 'a Helm built-in in a plain value: one hint on the first action',
    profile: 'cni: flannel\n',
    text: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ⟦{{ .Release.Name }}⟧\n  labels: {{ include "labels" . }}\n',
    expect: [{ severity: 'hint', message }],
  },
  {
    name: 'a Helm built-in inside a quoted string still makes a template',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "⟦{{ .Values.name }}⟧"\n',
    expect: [{ severity: 'hint', message }],
  },
  {
    name: 'control lines of a template',
    text: '⟦{{- if .Capabilities.APIVersions.Has "x" }}⟧\napiVersion: v1\nkind: Pod\n{{- end }}\n',
    expect: [{ severity: 'hint', message }],
  },
  {
    name: 'a `{{ }}` that YAML would read as a flow map',
    text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ⟦{{ name }}⟧\n',
    expect: [{ severity: 'hint', message }],
  },
  {
    name: 'a `{{ }}` inside a plain string is data (Argo CD ApplicationSet paths, Prometheus texts)',
    text: 'apiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\nspec:\n  template:\n    spec:\n      source:\n        path: guestbook/{{.cluster}}\n        description: failed for {{ $labels.pod }}.\n',
    expect: [],
  },
  {
    name: 'Go templates inside quoted and block strings are data (Prometheus alerts)',
    text: [
      'apiVersion: monitoring.coreos.com/v1',
      'kind: PrometheusRule',
      'spec:',
      '  groups:',
      '    - rules:',
      '        - annotations:',
      '            summary: "{{ $labels.instance }} is down"',
      "            value: '{{ printf \"%.2f\" $value }}'",
      '            description: |',
      '              {{ if gt $value 1.0 }}high{{ end }}',
      '',
    ].join('\n'),
    expect: [],
  },
  { name: '`{{` in a comment is not a template', text: '# rendered from {{ something }}\napiVersion: v1\nkind: Pod\n', expect: [] },
]);

test('template-skipped: a template gets that one hint and no other finding', () => {
  const findings = lintFixture('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: {{ .Release.Name }}\n', {
    profile: 'cni: flannel\n',
  });
  assert.deepEqual(findings.map((f) => f.ruleId), ['template-skipped']);
});
