import { isMap, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
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

export function replaceScalarEdit(scalar: Scalar, value: string): TextEdit {
  const [start, end] = scalar.range!;
  return { start, end, newText: scalarText(scalar, value) };
}

/** A fix on the linted file that replaces one scalar, keeping its quoting style. */
export function replaceScalarFix(_text: string, scalar: Scalar, value: string, title: Localized): Fix {
  return { title, changes: [{ file: null, edits: [replaceScalarEdit(scalar, value)] }] };
}

export function editsFix(title: Localized, edits: TextEdit[]): Fix {
  return { title, changes: [{ file: null, edits }] };
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function nextLineStart(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

/**
 * Deletes one entry of a map. In block style the entry's whole lines go (a comment on the same
 * line goes with it; comment lines above and below stay). In flow style the entry and one
 * neighbouring comma go. Returns null when the entry shares its lines with other content.
 */
export function removePairEdit(text: string, map: YAMLMap, pair: Pair): TextEdit | null {
  const key = pair.key as Node | null;
  const value = pair.value as Node | null;
  if (!key?.range) return null;
  const start = key.range[0];
  const valueEnd = value?.range ? value.range[1] : key.range[1];
  if (map.flow) {
    const index = map.items.indexOf(pair);
    const after = text.slice(valueEnd);
    const commaAfter = /^\s*,\s*/.exec(after);
    if (commaAfter && index < map.items.length - 1) return { start, end: valueEnd + commaAfter[0].length, newText: '' };
    const before = text.slice(0, start);
    const commaBefore = /,\s*$/.exec(before);
    if (commaBefore) return { start: start - commaBefore[0].length, end: valueEnd, newText: '' };
    return { start, end: valueEnd, newText: '' };
  }
  const lineStart = lineStartOf(text, start);
  if (text.slice(lineStart, start).trim() !== '') return null;
  const valueNodeEnd = value?.range ? value.range[2] : key.range[2];
  const end = nextLineStart(text, Math.max(valueEnd, valueNodeEnd - 1));
  const trailing = text.slice(valueEnd, end).replace(/#.*$/m, '').trim();
  if (trailing !== '' && !isMap(value)) return null;
  if (isOnlyEntry(map, pair)) return { start, end: valueEnd, newText: '{}' };
  return { start: lineStart, end, newText: '' };
}

function isOnlyEntry(map: YAMLMap, pair: Pair): boolean {
  return map.items.length === 1 && map.items[0] === pair;
}
