import { isMap, isScalar, type Node } from 'yaml';
import type { Localized } from '../l10n';
import type { Fix, TextEdit } from '../engine/finding';
import { entry } from '../yaml/nodes';
import { parseYamlDocuments } from '../yaml/parse';
import type { Profile } from './types';

function indentOf(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return text.slice(lineStart, offset);
}

/** End of the line's content at `offset`: before its "\r\n" or "\n" (text put there stays on that line). */
function endOfLine(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  if (newline === -1) return text.length;
  return text[newline - 1] === '\r' ? newline - 1 : newline;
}

/** `end` without the line break a node's range ends with (block scalars end after their last line's break). */
function beforeLineBreak(text: string, start: number, end: number): number {
  const lineBreak = /\r?\n$/.exec(text.slice(start, end))?.[0].length ?? 0;
  return end - lineBreak;
}

function newlineOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/**
 * The edit that sets `section.key: value` in a profile file's text, touching one line: the value
 * is replaced when the key exists, a line is added under the section when it does not, and the
 * section is appended at the end when it is missing. Null for flow-style sections.
 */
export function setProfileValueEdit(text: string, section: string, key: string, value: string): TextEdit | null {
  const [document] = parseYamlDocuments(text);
  const root = document?.doc.contents;
  if (!document || document.errors.length > 0 || (root && !isMap(root))) return null;
  const eol = newlineOf(text);
  const sectionEntry = isMap(root) ? entry(root, section) : undefined;
  if (!sectionEntry) {
    const needsBreak = text.length > 0 && !text.endsWith('\n');
    return { start: text.length, end: text.length, newText: `${needsBreak ? eol : ''}${section}:${eol}  ${key}: ${value}${eol}` };
  }
  const sectionNode = sectionEntry.valueNode;
  if (isMap(sectionNode)) {
    if (sectionNode.flow) return null;
    const existing = entry(sectionNode, key);
    if (existing && isScalar(existing.valueNode) && existing.valueNode.range) {
      const [start, end] = existing.valueNode.range;
      return { start, end: beforeLineBreak(text, start, end), newText: value };
    }
    if (existing) return null;
    const last = sectionNode.items[sectionNode.items.length - 1];
    const firstKey = sectionNode.items[0].key as Node;
    const indent = indentOf(text, firstKey.range![0]);
    const lastRange = (last.value as Node | null)?.range ?? (last.key as Node).range!;
    const at = endOfLine(text, beforeLineBreak(text, lastRange[0], lastRange[1]));
    return { start: at, end: at, newText: `${eol}${indent}${key}: ${value}` };
  }
  if (sectionNode === null || (isScalar(sectionNode) && sectionNode.value === null)) {
    const at = endOfLine(text, sectionEntry.keyNode.range![1]);
    const indent = indentOf(text, sectionEntry.keyNode.range![0]);
    return { start: at, end: at, newText: `${eol}${indent}  ${key}: ${value}` };
  }
  return null;
}

/** The edit that sets a top-level key (`cni: flannel`): in place when present, else a first line. */
export function setTopLevelValueEdit(text: string, key: string, value: string): TextEdit | null {
  const [document] = parseYamlDocuments(text);
  const root = document?.doc.contents;
  if (document && document.errors.length > 0) return null;
  if (root && !isMap(root)) return null;
  const existing = isMap(root) ? entry(root, key) : undefined;
  if (existing && isScalar(existing.valueNode) && existing.valueNode.range) {
    return { start: existing.valueNode.range[0], end: existing.valueNode.range[1], newText: value };
  }
  if (existing) return null;
  const at = root?.range ? root.range[0] : text.length;
  return { start: at, end: at, newText: `${key}: ${value}${newlineOf(text)}` };
}

/** A fix that edits the profile file in force; none when the profile comes from settings or flags. */
export function profileValueFix(profile: Profile, section: string, key: string, value: string, title: Localized): Fix | undefined {
  if (profile.source.kind !== 'file' || profile.fileText === undefined) return undefined;
  const edit = setProfileValueEdit(profile.fileText, section, key, value);
  return edit ? { title, changes: [{ file: profile.source.path, edits: [edit] }] } : undefined;
}
