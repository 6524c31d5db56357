import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { OpenDocument } from '../../server/src/lsp/openDocument';
import { Prng } from '../fuzz/lib/prng';

/** Pieces of text where line counting can go wrong: every kind of line break, next to each other, and surrogate pairs. */
const pieces = ['a', 'bc', ' ', '\n', '\r', '\r\n', '\n\r', 'é', '😀', '---\n', 'key: value\n'];

function randomText(rng: Prng, maxPieces: number): string {
  let text = '';
  for (let count = rng.int(0, maxPieces); count > 0; count--) text += pieces[rng.int(0, pieces.length - 1)];
  return text;
}

/**
 * Everything the manager and the server ask of a document, compared with the library's answers
 * for a document created with the same text (its line table kept through edits goes wrong on
 * ranges past the last line, which ours reads as the end of the text).
 */
function assertSameAnswers(ours: OpenDocument, text: string, context: string): void {
  const theirs = TextDocument.create('file:///a.yaml', 'yaml', 1, text);
  assert.equal(ours.getText(), text, context);
  assert.equal(ours.lineCount, theirs.lineCount, `lineCount: ${context}`);
  for (let offset = -2; offset <= text.length + 2; offset++) assert.deepEqual(ours.positionAt(offset), theirs.positionAt(offset), `positionAt(${offset}): ${context}`);
  for (let line = -1; line <= theirs.lineCount + 1; line++) {
    for (let character = -1; character <= 8; character++) {
      const position = { line, character };
      assert.equal(ours.offsetAt(position), theirs.offsetAt(position), `offsetAt(${line}:${character}): ${context}`);
    }
    assert.deepEqual(ours.getLineRange(line), theirs.getLineRange(line), `getLineRange(${line}): ${context}`);
    assert.equal(ours.getEOLCharacters(line), theirs.getEOLCharacters(line), `getEOLCharacters(${line}): ${context}`);
  }
}

function randomPosition(rng: Prng, document: TextDocument) {
  return { line: rng.int(-1, document.lineCount), character: rng.int(-1, 6) };
}

function randomChange(rng: Prng, document: TextDocument): TextDocumentContentChangeEvent {
  if (rng.chance(0.05)) return { text: randomText(rng, 12) };
  return { range: { start: randomPosition(rng, document), end: randomPosition(rng, document) }, text: randomText(rng, rng.chance(0.3) ? 6 : 2) };
}

/** The text a change makes, its range read as the library reads it in a document created with the text. */
function applied(text: string, change: TextDocumentContentChangeEvent): string {
  if (!('range' in change)) return change.text;
  const document = TextDocument.create('file:///a.yaml', 'yaml', 1, text);
  const [from, to] = [document.offsetAt(change.range.start), document.offsetAt(change.range.end)].sort((a, b) => a - b);
  return text.slice(0, from) + change.text + text.slice(to);
}

test('open document: edits, positions, offsets and lines as vscode-languageserver-textdocument reads them, over 3,000 random edits', () => {
  const rng = new Prng(20261207);
  for (let round = 0; round < 100; round++) {
    let text = randomText(rng, 30);
    const ours = new OpenDocument('file:///a.yaml', 'yaml', 1, text);
    // Half the rounds ask for a position first, so edits go through the kept line table, not a fresh one.
    if (round % 2 === 0) ours.positionAt(0);
    for (let edit = 0; edit < 30; edit++) {
      const changes = Array.from({ length: rng.int(1, 3) }, () => randomChange(rng, TextDocument.create('file:///a.yaml', 'yaml', 1, text)));
      const context = JSON.stringify({ round, edit, before: text, changes });
      ours.update(changes, edit + 2);
      for (const change of changes) text = applied(text, change);
      assert.equal(ours.version, edit + 2);
      assertSameAnswers(ours, text, context);
    }
  }
});

test('open document: the library gives the same text for edits within the document', () => {
  const rng = new Prng(7);
  let theirs = TextDocument.create('file:///a.yaml', 'yaml', 1, randomText(rng, 30));
  const ours = new OpenDocument('file:///a.yaml', 'yaml', 1, theirs.getText());
  ours.positionAt(0);
  for (let edit = 0; edit < 500; edit++) {
    const position = () => {
      const line = rng.int(0, theirs.lineCount - 1);
      return { line, character: rng.int(0, theirs.getLineRange(line).end.character) };
    };
    const changes = [{ range: { start: position(), end: position() }, text: randomText(rng, 3) }];
    ours.update(changes, edit + 2);
    theirs = TextDocument.update(theirs, changes, edit + 2);
    assert.equal(ours.getText(), theirs.getText(), JSON.stringify(changes));
    assert.equal(ours.lineCount, theirs.lineCount);
  }
});

test('open document: a line table that has to grow, and getText of a range', () => {
  const ours = new OpenDocument('file:///a.yaml', 'yaml', 1, 'a\nb');
  ours.positionAt(0);
  ours.update([{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'x\n'.repeat(40) }], 2);
  assert.equal(ours.lineCount, 42);
  assert.deepEqual(ours.positionAt(ours.getText().length), { line: 41, character: 1 });
  assert.equal(ours.getText({ start: { line: 40, character: 0 }, end: { line: 41, character: 1 } }), 'x\nb');
});
