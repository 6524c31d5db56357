import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleTable, lintFixture } from '../../helpers/ruleTable';
import { yamlSyntax } from '../../../server/src/rules/core/yaml-syntax';

ruleTable(yamlSyntax, [
  {
    name: 'a duplicate key',
    text: 'apiVersion: v1\nkind: ConfigMap\n⟦kind⟧: Secret\n',
    expect: [{ severity: 'error', message: 'YAML syntax error: Map keys must be unique (this document is not checked until it parses).' }],
  },
  {
    name: 'a tab used for indentation',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n⟦\t⟧name: x\n',
    expect: [
      {
        severity: 'error',
        message: 'YAML syntax error: Tabs are not allowed as indentation (this document is not checked until it parses).',
      },
    ],
  },
  {
    name: 'an unclosed bracket at the very end of the file stays inside the text',
    text: '[⟦⟧',
    expect: [{ severity: 'error', message: 'YAML syntax error: Flow sequence must end with a ] (this document is not checked until it parses).' }],
  },
  {
    name: 'in Simplified Chinese',
    locale: 'zh',
    text: 'a: 1\n⟦a⟧: 2\n',
    expect: [{ severity: 'error', message: 'YAML 语法错误：Map keys must be unique（在修正前不会检查此文档）。' }],
  },
  { name: 'valid YAML and JSON', text: 'a: 1\n---\n{"b": [1, 2]}\n', expect: [] },
]);

test('yaml-syntax: the other documents of a broken file are still checked', () => {
  const findings = lintFixture(
    'apiVersion: v1\nkind: ConfigMap\nkind: Secret\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n',
    { profile: 'cni: flannel\n' },
  );
  assert.deepEqual(
    findings.map((f) => f.ruleId),
    ['yaml-syntax', 'network-policy-unsupported'],
  );
});
