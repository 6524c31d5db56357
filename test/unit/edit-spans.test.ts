import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { composeSpans, editOf, EditSpans, type Edit } from '../../server/src/lsp/editSpans';
import type { EditSpan } from '../../server/src/yaml/split';
import { Prng } from '../fuzz/lib/prng';

function apply(text: string, edit: Edit, inserted: string): string {
  return text.slice(0, edit.start) + inserted + text.slice(edit.end);
}

function randomEdit(rng: Prng, text: string): { edit: Edit; inserted: string } {
  const start = Math.floor(rng.next() * (text.length + 1));
  const end = Math.min(text.length, start + Math.floor(rng.next() * 6));
  const inserted = 'xyz'.slice(0, Math.floor(rng.next() * 4));
  return { edit: { start, end, length: inserted.length }, inserted };
}

/** The span's promise: the texts agree before `start` and from its two ends on. */
function assertSpanHolds(before: string, after: string, span: EditSpan): void {
  assert.ok(span.start <= span.endBefore && span.endBefore <= before.length && span.start <= span.endAfter && span.endAfter <= after.length, JSON.stringify(span));
  assert.equal(after.slice(0, span.start), before.slice(0, span.start));
  assert.equal(after.slice(span.endAfter), before.slice(span.endBefore));
}

test('composeSpans: the span of up to ten edits in a row covers every change they made, for 5,000 random runs', () => {
  const rng = new Prng(3);
  for (let round = 0; round < 5_000; round++) {
    const base = 'abcdefghijklmnopqrstuvwxyz0123456789'.slice(0, 1 + Math.floor(rng.next() * 36));
    let text = base;
    let span: EditSpan | undefined;
    const edits = 1 + Math.floor(rng.next() * 10);
    for (let index = 0; index < edits; index++) {
      const { edit, inserted } = randomEdit(rng, text);
      span = composeSpans(span, edit);
      text = apply(text, edit, inserted);
      assertSpanHolds(base, text, span);
    }
  }
});

test('composeSpans: two keystrokes next to each other make a span of both and no more', () => {
  const first = composeSpans(undefined, { start: 10, end: 10, length: 1 });
  assert.deepEqual(composeSpans(first, { start: 11, end: 11, length: 1 }), { start: 10, endBefore: 10, endAfter: 12 });
});

test('EditSpans: a lint learns what changed since the last lint started, and nothing when the extent is unknown', () => {
  const spans = new EditSpans();
  assert.equal(spans.lintStarts('u', 'abc'), undefined, 'the first lint has nothing to compare with');
  spans.edited('u', { start: 1, end: 2, length: 2 });
  assert.deepEqual(spans.lintStarts('u', 'axxc'), { before: 'abc', span: { start: 1, endBefore: 2, endAfter: 3 } });
  assert.equal(spans.lintStarts('u', 'axxc'), undefined, 'no edit since');
  spans.edited('u', { start: 0, end: 0, length: 1 });
  spans.edited('u', null);
  spans.edited('u', { start: 0, end: 0, length: 1 });
  assert.equal(spans.lintStarts('u', 'zzaxxc'), undefined, 'a whole-text change hides where it changed');
  spans.forget('u');
  spans.edited('u', { start: 0, end: 0, length: 1 });
  assert.equal(spans.lintStarts('u', 'q'), undefined, 'a closed document is not tracked');
});

test('editOf: one ranged change becomes offsets in the text it applies to; several, or a whole-text one, are unknown', () => {
  const document = TextDocument.create('file:///a.yaml', 'yaml', 1, 'a: 1\nb: 2\n');
  const range = { start: { line: 1, character: 3 }, end: { line: 1, character: 4 } };
  assert.deepEqual(editOf(document, [{ range, text: '42' }]), { start: 8, end: 9, length: 2 });
  assert.equal(editOf(document, [{ range, text: '4' }, { range, text: '2' }]), null);
  assert.equal(editOf(document, [{ text: 'a: 3\n' }]), null);
});
