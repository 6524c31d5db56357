import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitAfterEdit, splitDocuments, type EditSpan } from '../../server/src/yaml/split';
import { Prng } from '../fuzz/lib/prng';

/** Pieces of YAML streams, markers and what looks like them included. */
const pieces = ['---\n', '--- # c\n', '---\r\n', '----\n', ' ---\n', '...\n', 'a: 1\n', 'kind: Service\n', '# comment\n', '\n', 'b: |\n  ---\n', '%YAML 1.2\n', 'x: "q\n', 'c: d\r\n', '\r', '-', '--', '\n---', 'k: v'];

function randomText(rng: Prng, parts: number): string {
  let text = '';
  for (let index = 0; index < parts; index++) text += pieces[Math.floor(rng.next() * pieces.length)];
  return text;
}

/** One random edit of `text`: the new text and the span it changed. */
function randomEdit(rng: Prng, text: string): { text: string; span: EditSpan } {
  const start = Math.floor(rng.next() * (text.length + 1));
  const end = Math.min(text.length, start + Math.floor(rng.next() * 12));
  const inserted = rng.next() < 0.5 ? randomText(rng, 1 + Math.floor(rng.next() * 2)) : 'x'.repeat(Math.floor(rng.next() * 3));
  return { text: text.slice(0, start) + inserted + text.slice(end), span: { start, endBefore: end, endAfter: start + inserted.length } };
}

test('splitAfterEdit: gives exactly the chunks of a whole split, for 20,000 random edits of random streams', () => {
  const rng = new Prng(5);
  for (let round = 0; round < 20_000; round++) {
    const before = randomText(rng, 4 + Math.floor(rng.next() * 30));
    const { text, span } = randomEdit(rng, before);
    const chunks = splitAfterEdit(text, { text: before, chunks: splitDocuments(before) }, span);
    assert.deepEqual(chunks, splitDocuments(text), JSON.stringify({ before, span }));
  }
});
