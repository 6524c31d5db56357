import { visit, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Localized } from '../l10n';
import type { Fix, TextEdit } from '../engine/finding';
import { isSafePlainString } from './scalarType';

function doubleQuoted(value: string): string {
  return JSON.stringify(value);
}

/** `value` written in the style of `scalar` (plain stays plain when that still reads as the same string). */
export function scalarText(scalar: Scalar | null, value: string): string {
  switch (scalar?.type) {
    case 'QUOTE_SINGLE':
      return `'${value.replace(/'/g, "''")}'`;
    case 'QUOTE_DOUBLE':
      return doubleQuoted(value);
    case 'PLAIN':
      return isSafePlainString(value) ? value : doubleQuoted(value);
    default:
      return isSafePlainString(value) ? value : doubleQuoted(value);
  }
}

function isBlockScalar(scalar: Scalar): boolean {
  return scalar.type === 'BLOCK_LITERAL' || scalar.type === 'BLOCK_FOLDED';
}

/**
 * A block scalar (`|-`, `>`) rewritten as a flow scalar: its range ends after the line break of
 * its last line, which must stay (else the next line joins the value), and a comment on its
 * header line (`|- # note`) is kept after the new value.
 */
function replaceBlockScalarEdit(text: string, scalar: Scalar, value: string): TextEdit {
  const [start, rangeEnd] = scalar.range!;
  const lineBreak = /\r?\n$/.exec(text.slice(start, rangeEnd))?.[0].length ?? 0;
  const headerEnd = text.indexOf('\n', start);
  const header = text.slice(start, headerEnd === -1 ? rangeEnd : headerEnd);
  const comment = /\s(#.*?)\r?$/.exec(header)?.[1];
  return { start, end: rangeEnd - lineBreak, newText: scalarText(null, value) + (comment ? ` ${comment}` : '') };
}

export function replaceScalarEdit(text: string, scalar: Scalar, value: string): TextEdit {
  if (isBlockScalar(scalar)) return replaceBlockScalarEdit(text, scalar, value);
  const [start, end] = scalar.range!;
  return { start, end, newText: scalarText(scalar, value) };
}

/** A fix on the linted file that replaces one scalar, keeping its quoting style. */
export function replaceScalarFix(text: string, scalar: Scalar, value: string, title: Localized): Fix {
  return { title, changes: [{ file: null, edits: [replaceScalarEdit(text, scalar, value)] }] };
}

export function editsFix(title: Localized, edits: TextEdit[]): Fix {
  return { title, changes: [{ file: null, edits }] };
}

/**
 * In a flow collection an item goes with one comma: the one after it (a last item can have one:
 * `{a: 1, b: 2, }`), or else the one before it when it is last.
 */
function removeFlowItem(text: string, start: number, end: number): TextEdit {
  const commaAfter = /^\s*,\s*/.exec(text.slice(end));
  if (commaAfter) return { start, end: end + commaAfter[0].length, newText: '' };
  const commaBefore = /,\s*$/.exec(text.slice(0, start));
  if (commaBefore) return { start: start - commaBefore[0].length, end, newText: '' };
  return { start, end, newText: '' };
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function nextLineStart(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

/**
 * The comment lines among the lines [start, end) — not lines inside a scalar of `value` (a `#`
 * line in a block scalar is content) — as they are written, each with its line break.
 */
function commentLinesWithin(text: string, start: number, end: number, value: Node | null): string {
  const scalars: Array<[number, number]> = [];
  if (value) {
    visit(value, {
      Scalar(_key, scalar) {
        if (scalar.range) scalars.push([scalar.range[0], scalar.range[1]]);
      },
    });
  }
  let kept = '';
  for (let at = start; at < end; at = nextLineStart(text, at)) {
    const line = text.slice(at, Math.min(nextLineStart(text, at), end));
    if (/^[ \t]*#/.test(line) && !scalars.some(([s, e]) => s < at && at < e)) kept += line;
  }
  return kept;
}

/**
 * Deletes one entry of a map. In block style the entry's whole lines go (a comment on the same
 * line goes with it; comment lines above and below stay, and so do comment lines inside its
 * value, such as those between the entries of a section). In flow style the entry and one
 * neighbouring comma go. Returns null when the entry shares its lines with other content.
 */
export function removePairEdit(text: string, map: YAMLMap, pair: Pair): TextEdit | null {
  const key = pair.key as Node | null;
  const value = pair.value as Node | null;
  if (!key?.range) return null;
  const start = key.range[0];
  const valueEnd = value?.range ? value.range[1] : key.range[1];
  if (map.flow) return removeFlowItem(text, start, valueEnd);
  const lineStart = lineStartOf(text, start);
  if (text.slice(lineStart, start).trim() !== '') return null;
  // Block scalars and block maps end after their last line break; other values end mid-line.
  const end = valueEnd > 0 && text[valueEnd - 1] === '\n' ? valueEnd : nextLineStart(text, valueEnd);
  if (text.slice(valueEnd, end).replace(/#.*$/m, '').trim() !== '') return null;
  const keptComments = commentLinesWithin(text, nextLineStart(text, start), end, value);
  if (isOnlyEntry(map, pair)) return keptComments === '' ? emptyMapEdit(text, lineStart, start, end) : null;
  return { start: lineStart, end, newText: keptComments };
}

/**
 * Removing a map's only entry leaves an empty map: `annotations: {}` on the parent key's line when
 * the entry sits right below it, else `{}` in the entry's place (a comment line in between stays).
 */
function emptyMapEdit(text: string, lineStart: number, start: number, end: number): TextEdit {
  const lineBreak = /\r?\n$/.exec(text.slice(start, end))?.[0].length ?? 0;
  const parentColon = /:[ \t]*\r?\n$/.exec(text.slice(0, lineStart));
  if (parentColon) return { start: lineStart - parentColon[0].length + 1, end: end - lineBreak, newText: ' {}' };
  return { start, end: end - lineBreak, newText: '{}' };
}

function isOnlyEntry(map: YAMLMap, pair: Pair): boolean {
  return map.items.length === 1 && map.items[0] === pair;
}

/**
 * Deletes one scalar item of a sequence. In block style the item's whole line goes (a comment on
 * that line goes with it; the lines around it stay). In flow style the item and one comma go.
 * Null when the item is not alone on its line (e.g. `- - a`) or is the only item: an empty
 * sequence usually means something else than a shorter one, so that choice is left to the user.
 */
export function removeSeqItemEdit(text: string, seq: YAMLSeq, item: Node): TextEdit | null {
  if (!item.range || seq.items.length < 2 || !seq.items.includes(item)) return null;
  const [start, end] = item.range;
  if (seq.flow) return removeFlowItem(text, start, end);
  const lineStart = lineStartOf(text, start);
  if (!/^[ \t]*-[ \t]+$/.test(text.slice(lineStart, start))) return null;
  const lineEnd = nextLineStart(text, end);
  const rest = text.slice(end, lineEnd).replace(/#.*/, '').trim();
  if (rest !== '') return null;
  return { start: lineStart, end: lineEnd, newText: '' };
}
