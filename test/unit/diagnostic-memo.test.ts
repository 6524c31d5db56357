import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver';
import type { Finding } from '../../server/src/engine/finding';
import { commonPrefixLength, DiagnosticMemo } from '../../server/src/lsp/diagnosticMemo';

const prefixCases: Array<[string, string, string, number]> = [
  ['equal texts', 'abc', 'abc', 3],
  ['differ at the first character', 'abc', 'xbc', 0],
  ['one is a prefix of the other', 'abc', 'abcdef', 3],
  ['empty', '', 'abc', 0],
  ['differ just past a block of 65,536', 'a'.repeat(65_536) + 'b', 'a'.repeat(65_536) + 'c', 65_536],
  ['differ inside the second block', 'a'.repeat(100_000) + 'b' + 'a'.repeat(50_000), 'a'.repeat(100_000) + 'c' + 'a'.repeat(50_000), 100_000],
  ['differ a character before a block ends', 'a'.repeat(2_047) + 'b', 'a'.repeat(2_047) + 'c', 2_047],
];

for (const [name, a, b, expected] of prefixCases) {
  test(`commonPrefixLength: ${name}`, () => {
    assert.equal(commonPrefixLength(a, b), expected);
    assert.equal(commonPrefixLength(b, a), expected);
  });
}

const finding = (start: number, end: number): Finding => ({ ruleId: 'r', severity: 'warning', message: `at ${start}`, start, end });

/** A memo whose conversion records the findings it was given and makes a diagnostic of each. */
function memoWithLog() {
  const memo = new DiagnosticMemo();
  const converted: Finding[][] = [];
  const diagnostics = (text: string, findings: Finding[]) =>
    memo.diagnostics('file:///a.yaml', text, findings, (some) => {
      converted.push([...some]);
      return some.map((f) => ({ message: f.message, range: { start: { line: 0, character: f.start }, end: { line: 0, character: f.end } } }) as Diagnostic);
    });
  return { memo, converted, diagnostics };
}

test('diagnostics of the same findings before an edit are kept; findings after it, or new, are converted', () => {
  const { converted, diagnostics } = memoWithLog();
  const [early, late] = [finding(0, 3), finding(10, 12)];
  const first = diagnostics('abcdefghijklmnop', [early, late]);
  assert.deepEqual(converted, [[early, late]]);
  const moved = finding(11, 13);
  const second = diagnostics('abcdefgXhijklmnop', [early, moved]);
  assert.deepEqual(converted[1], [moved]);
  assert.equal(second[0], first[0]);
  assert.deepEqual(second[1].message, 'at 11');
});

test('the same finding object is converted again when text before its end changed', () => {
  const { converted, diagnostics } = memoWithLog();
  const kept = finding(5, 8);
  diagnostics('aaaaaaaaaa', [kept]);
  diagnostics('aaaaaaabaa', [kept]);
  assert.deepEqual(converted, [[kept], [kept]]);
  diagnostics('aaaaaaabaa', [kept]);
  assert.deepEqual(converted[2], [], 'unchanged text: nothing converted');
});

test('a forgotten document starts afresh', () => {
  const { memo, converted, diagnostics } = memoWithLog();
  const kept = finding(0, 1);
  diagnostics('ab', [kept]);
  memo.forget('file:///a.yaml');
  diagnostics('ab', [kept]);
  assert.deepEqual(converted, [[kept], [kept]]);
});
