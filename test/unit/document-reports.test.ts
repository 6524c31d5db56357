import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver';
import { DocumentReports } from '../../server/src/lsp/documentReports';

const diagnostic = (line: number, message = 'NetworkPolicy is ignored'): Diagnostic => ({
  range: { start: { line, character: 6 }, end: { line, character: 19 } },
  severity: 1,
  code: 'network-policy-unsupported',
  source: 'ack-cni',
  message,
});

test('document reports: a pull is answered unchanged while the diagnostics say the same, whichever lint result made them', () => {
  const reports = new DocumentReports<object>();
  let made = 0;
  const items = (list: Diagnostic[]) => () => {
    made++;
    return list;
  };
  const [first, second, third, fourth] = [{}, {}, {}, {}];
  assert.deepEqual(reports.report('u', first, items([diagnostic(1)]), undefined), { kind: 'full', resultId: '1', items: [diagnostic(1)] });
  assert.deepEqual(reports.report('u', second, items([diagnostic(1)]), '1'), { kind: 'unchanged', resultId: '1' }, 'a new result, the same diagnostics');
  assert.deepEqual(reports.report('u', second, items([]), '1'), { kind: 'unchanged', resultId: '1' }, 'the same result again');
  assert.equal(made, 2, 'the same result is not turned into diagnostics again');
  assert.deepEqual(reports.report('u', second, items([]), undefined), { kind: 'full', resultId: '1', items: [diagnostic(1)] }, 'a client without the id gets the report in full');
  assert.deepEqual(reports.report('u', third, items([diagnostic(2)]), '1'), { kind: 'full', resultId: '2', items: [diagnostic(2)] }, 'a line moved');
  assert.deepEqual(reports.report('u', fourth, items([diagnostic(2, 'other words')]), '2'), { kind: 'full', resultId: '3', items: [diagnostic(2, 'other words')] }, 'the message changed');
  reports.forget('u');
  assert.deepEqual(reports.report('u', fourth, items([diagnostic(2, 'other words')]), '3'), { kind: 'full', resultId: '4', items: [diagnostic(2, 'other words')] }, 'a closed document starts afresh');
});
