/**
 * The round-trip oracle: what must hold after a quick fix is applied to a text. It is independent
 * of the rules: the data comes from js-yaml, the positions from `yaml`'s own tree, the comments
 * from `yaml`'s concrete syntax tree. Each check returns problems as sentences instead of throwing,
 * so one sweep can report every failing fix with its rule and file.
 */
import { isDeepStrictEqual } from 'node:util';
import * as jsYaml from 'js-yaml';
import { isAlias, isMap, isScalar, isSeq, Parser, type Node } from 'yaml';
import type { TextEdit } from '../../server/src/engine/finding';
import { parseYamlDocuments, type YamlDocument } from '../../server/src/yaml/parse';

export type Step = string | number;

/** A difference between two js-yaml loads, as the smallest structural change at a path (document index first). */
export type DataChange =
  | { op: 'changed'; path: Step[]; before: unknown; after: unknown }
  | { op: 'removed'; path: Step[] }
  | { op: 'added'; path: Step[] }
  | { op: 'item-removed'; path: Step[] };

/**
 * What one edit touches, found from the original text's nodes:
 * - `value`: the edit lies inside one scalar value (or alias) at `path`; only that value may change;
 * - `key`: the edit lies inside the key scalar of the entry at `path`: that one key may move (renamed),
 *   its value may change with it;
 * - `structure`: the edit spans entries of the collection at `path` (removing an entry, adding one,
 *   filling an empty value): exactly one entry below it is removed, added, or goes from empty to set.
 */
export interface EditTarget {
  kind: 'value' | 'key' | 'structure';
  path: Step[];
  /** The text range of the node the path names (for `structure`, the collection), in the original. */
  range: [number, number];
  /** The entry the node belongs to (key and value, or the sequence item; the collection for `structure`): where its finding should be. */
  entry: [number, number];
}

/** What the checks need of a text, computed once per text (the original is compared with many fixes). */
interface Analysis {
  text: string;
  documents: YamlDocument[];
  /** js-yaml's load, undefined when js-yaml rejects the text. */
  data: unknown[] | undefined;
  comments: CommentToken[];
}

const recent: Analysis[] = [];

function analyse(text: string): Analysis {
  const cached = recent.find((a) => a.text === text);
  if (cached) return cached;
  const analysis = { text, documents: parseYamlDocuments(text), data: loadAll(text), comments: commentsOf(text) };
  recent.unshift(analysis);
  recent.length = Math.min(recent.length, 4);
  return analysis;
}

export function loadAll(text: string): unknown[] | undefined {
  try {
    return jsYaml.loadAll(text);
  } catch {
    return undefined;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** The structural differences between two loads of a text. */
export function diffData(before: unknown, after: unknown, path: Step[] = [], out: DataChange[] = []): DataChange[] {
  // Collections are walked once (comparing whole subtrees at every level would be quadratic on
  // the corpus's megabyte files); leaves and odd shapes are compared whole.
  if (before === after) return out;
  if (isPlainObject(before) && isPlainObject(after)) {
    for (const key of Object.keys(before)) {
      if (!Object.prototype.hasOwnProperty.call(after, key)) out.push({ op: 'removed', path: [...path, key] });
      else diffData(before[key], after[key], [...path, key], out);
    }
    for (const key of Object.keys(after)) if (!Object.prototype.hasOwnProperty.call(before, key)) out.push({ op: 'added', path: [...path, key] });
    return out;
  }
  if (!Array.isArray(before) || !Array.isArray(after)) {
    if (!isDeepStrictEqual(before, after)) out.push({ op: 'changed', path, before, after });
    return out;
  }
  if (before.length === after.length) {
    before.forEach((item, i) => diffData(item, after[i], [...path, i], out));
    return out;
  }
  if (after.length === before.length - 1) {
    let i = 0;
    while (i < after.length && isDeepStrictEqual(before[i], after[i])) i++;
    if (isDeepStrictEqual(before.slice(i + 1), after.slice(i))) {
      out.push({ op: 'item-removed', path: [...path, i] });
      return out;
    }
  }
  out.push({ op: 'changed', path, before, after });
  return out;
}

function keyName(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  return String(key);
}

/**
 * Whether an edit lies inside a node's range. An insertion at either end of a non-empty node is
 * outside it (text added next to the node); an insertion into an empty node (`key:` with nothing)
 * is inside.
 */
function contains(range: readonly number[] | undefined | null, edit: TextEdit): boolean {
  if (!range) return false;
  if (edit.start === edit.end && range[0] < range[1]) return range[0] < edit.start && edit.end < range[1];
  return range[0] <= edit.start && edit.end <= range[1];
}

/** A node's range; a scalar's without the line break a block scalar's range ends with (text added after it is not in it). */
function rangeOf(text: string, node: Node): [number, number] {
  const [start, end] = node.range!;
  if (!isScalar(node)) return [start, end];
  let trimmed = end;
  while (trimmed > start && (text[trimmed - 1] === '\n' || text[trimmed - 1] === '\r')) trimmed--;
  return [start, trimmed];
}

function locateIn(text: string, node: Node | null, path: Step[], edit: TextEdit, entry?: [number, number]): EditTarget | undefined {
  if (!node?.range || !contains(rangeOf(text, node), edit)) return undefined;
  const range = rangeOf(text, node);
  const here = (kind: EditTarget['kind']): EditTarget => ({ kind, path, range, entry: kind === 'structure' ? range : (entry ?? range) });
  if (isScalar(node) || isAlias(node)) return here('value');
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      const keyPath = [...path, keyName(key)];
      const pairSpan: [number, number] | undefined = key?.range ? [rangeOf(text, key)[0], value?.range ? rangeOf(text, value)[1] : rangeOf(text, key)[1]] : undefined;
      if (isScalar(key) && key.range && contains(rangeOf(text, key), edit)) return { kind: 'key', path: keyPath, range: rangeOf(text, key), entry: pairSpan! };
      const inner = locateIn(text, value, keyPath, edit, pairSpan);
      if (inner) return inner;
    }
    return here('structure');
  }
  if (isSeq(node)) {
    for (const [i, item] of node.items.entries()) {
      const inner = locateIn(text, item as Node, [...path, i], edit);
      if (inner) return inner;
    }
    return here('structure');
  }
  return here('structure');
}

/** The target of one edit in the original text (document index first), or undefined when it touches no document. */
export function locateEdit(text: string, documents: readonly YamlDocument[], edit: TextEdit): EditTarget | undefined {
  for (const document of documents) {
    if (edit.start < document.start || edit.end > document.end) continue;
    const contents = document.doc.contents as Node | null;
    const inner = locateIn(text, contents, [document.index], edit);
    return inner ?? { kind: 'structure', path: [document.index], range: [document.start, document.end], entry: [document.start, document.end] };
  }
  return undefined;
}

function startsWith(path: readonly Step[], prefix: readonly Step[]): boolean {
  return prefix.length <= path.length && prefix.every((step, i) => path[i] === step);
}

function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

/**
 * Assigns every data change to a target that allows it; returns the changes no target explains.
 * A `key` target takes at most one removal (its key) and one addition (the new key) in its map; a
 * `structure` target takes at most one removal, addition, item removal or empty-to-set change,
 * one level below its collection at most.
 */
export function unexplainedChanges(changes: readonly DataChange[], targets: readonly EditTarget[]): DataChange[] {
  const used = new Map<EditTarget, { removed: number; added: number }>();
  const quota = (target: EditTarget) => {
    let q = used.get(target);
    if (!q) used.set(target, (q = { removed: 0, added: 0 }));
    return q;
  };
  const explains = (target: EditTarget, change: DataChange): boolean => {
    const parent = target.path.slice(0, -1);
    const q = quota(target);
    if (target.kind === 'value') return change.op === 'changed' && startsWith(change.path, target.path);
    if (target.kind === 'key') {
      if (change.op === 'changed') return startsWith(change.path, target.path);
      if (change.op === 'removed' && isDeepStrictEqual(change.path, target.path) && q.removed === 0) return !!++q.removed;
      if (change.op === 'added' && isDeepStrictEqual(change.path.slice(0, -1), parent) && q.added === 0) return !!++q.added;
      return false;
    }
    // structure: one entry directly in the collection, or in a collection right below it (an
    // emptied map written `{}` on its parent's line starts the edit in the parent).
    const depth = change.path.length - 1 - target.path.length;
    if (!startsWith(change.path, target.path) || depth < 0 || depth > 1 || q.removed + q.added > 0) return false;
    if (change.op === 'changed') {
      if (!isEmptyValue(change.before)) return false;
      q.added++;
      return true;
    }
    if (change.op === 'added') q.added++;
    else q.removed++;
    return true;
  };
  return changes.filter((change) => !targets.some((target) => explains(target, change)));
}

export interface CommentToken {
  offset: number;
  source: string;
  /** Alone on its line (only whitespace before it). */
  ownLine: boolean;
  line: string;
}

/** Every comment of a YAML text, from the concrete syntax tree (so `#` inside scalars is not one). */
export function commentsOf(text: string): CommentToken[] {
  const out: CommentToken[] = [];
  const seen = new Set<unknown>();
  const visit = (token: unknown): void => {
    if (!token || typeof token !== 'object' || seen.has(token)) return;
    seen.add(token);
    if (Array.isArray(token)) {
      token.forEach(visit);
      return;
    }
    const t = token as { type?: string; offset?: number; source?: unknown };
    if (t.type === 'comment' && typeof t.offset === 'number' && typeof t.source === 'string') {
      const lineStart = text.lastIndexOf('\n', t.offset - 1) + 1;
      const lineEnd = text.indexOf('\n', t.offset);
      const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd).replace(/\r$/, '');
      out.push({ offset: t.offset, source: t.source.trimEnd(), ownLine: text.slice(lineStart, t.offset).trim() === '', line });
      return;
    }
    for (const value of Object.values(token)) visit(value);
  };
  for (const token of new Parser().parse(text)) visit(token);
  return out.sort((a, b) => a.offset - b.offset);
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/**
 * Comments of `original` missing from `fixed`: every comment line must still be there as written
 * (indentation included); every trailing comment must still be somewhere (it may end up alone on
 * its line when the entry before it goes). Only a trailing comment inside a `removable` range (an
 * entry the fix deletes, with its lines) may go.
 */
export function lostComments(original: string, fixed: string, removable: ReadonlyArray<readonly [number, number]>): string[] {
  const after = analyse(fixed).comments;
  const lines = countBy(after.filter((c) => c.ownLine), (c) => c.line.trimEnd());
  const sources = countBy(after, (c) => c.source);
  const take = (pool: Map<string, number>, key: string): boolean => {
    const left = pool.get(key) ?? 0;
    if (left > 0) pool.set(key, left - 1);
    return left > 0;
  };
  const lost: string[] = [];
  const before = analyse(original).comments.filter((c) => c.ownLine || !removable.some(([start, end]) => c.offset >= start && c.offset < end));
  // Comment lines first: a trailing comment that became a line must not take a line's place.
  for (const comment of before.filter((c) => c.ownLine)) {
    if (take(lines, comment.line.trimEnd())) take(sources, comment.source);
    else lost.push(`comment line ${JSON.stringify(comment.line)}`);
  }
  for (const comment of before.filter((c) => !c.ownLine)) {
    if (!take(sources, comment.source)) lost.push(`trailing comment ${JSON.stringify(comment.source)}`);
  }
  return lost;
}

export interface RoundTripInput {
  original: string;
  fixed: string;
  /** The edits the fix made (all on this text). */
  edits: readonly TextEdit[];
  /** The text is JSON (JSON.parse must still read the result when it read the original). */
  json?: boolean;
  /** Data must not change at all (suppression comments). */
  noDataChange?: boolean;
  /** The range of the finding the fix belongs to: some edit must touch its entry. */
  finding?: { start: number; end: number };
  /** Places in this text the finding names as its cause (related information): an edit may change the object there instead. */
  causes?: ReadonlyArray<{ start: number; end: number }>;
}

export interface RoundTripResult {
  problems: string[];
  targets: EditTarget[];
}

/** The spans of every map entry (key to the end of its value) and sequence item of the documents. */
function entrySpans(text: string, documents: readonly YamlDocument[]): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const walk = (node: Node | null): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        const value = pair.value as Node | null;
        if (key?.range) spans.push([key.range[0], value?.range ? rangeOf(text, value)[1] : rangeOf(text, key)[1]]);
        walk(value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items as Array<Node | null>) {
        if (item?.range) spans.push(rangeOf(text, item));
        walk(item);
      }
    }
  };
  for (const document of documents) walk(document.doc.contents as Node | null);
  return spans;
}

/** Parse errors of a text under `yaml`, as messages. */
function yamlErrors(documents: readonly YamlDocument[]): string[] {
  return documents.flatMap((d) => d.errors.map((e) => e.message.split('\n')[0]));
}

/** Every check of one applied fix: parses, loads, data equal except at the targets, comments kept. */
export function checkRoundTrip(input: RoundTripInput): RoundTripResult {
  const { original, fixed, edits } = input;
  const problems: string[] = [];
  const base = analyse(original);
  const result = analyse(fixed);
  const beforeDocs = base.documents;
  const afterDocs = result.documents;
  const targets: EditTarget[] = [];
  for (const edit of edits) {
    const target = locateEdit(original, beforeDocs, edit);
    if (target) targets.push(target);
    else if (!input.noDataChange) problems.push(`edit ${JSON.stringify(edit)} touches no YAML document`);
  }
  if (yamlErrors(beforeDocs).length === 0) {
    const errors = yamlErrors(afterDocs);
    if (errors.length > 0) problems.push(`yaml cannot parse the result: ${errors[0]}`);
    if (afterDocs.length !== beforeDocs.length) problems.push(`yaml reads ${afterDocs.length} documents, was ${beforeDocs.length}`);
  }
  const before = base.data;
  if (before !== undefined) {
    const after = result.data;
    if (after === undefined) {
      try {
        jsYaml.loadAll(fixed);
      } catch (error) {
        problems.push(`js-yaml cannot load the result: ${String((error as Error).message).split('\n')[0]}`);
      }
    } else if (after.length !== before.length) {
      problems.push(`js-yaml loads ${after.length} documents, was ${before.length}`);
    } else {
      const changes = diffData(before, after);
      const unexplained = input.noDataChange ? changes : unexplainedChanges(changes, targets);
      for (const change of unexplained.slice(0, 3)) {
        problems.push(`data ${change.op} at ${JSON.stringify(change.path)}${change.op === 'changed' ? `: ${JSON.stringify(change.before)} → ${JSON.stringify(change.after)}` : ''} (targets ${targets.map((t) => `${t.kind} ${JSON.stringify(t.path)}`).join(', ') || 'none'})`);
      }
    }
  }
  if (input.json) {
    let parsedBefore = true;
    try {
      JSON.parse(original);
    } catch {
      parsedBefore = false;
    }
    if (parsedBefore) {
      try {
        JSON.parse(fixed);
      } catch (error) {
        problems.push(`JSON.parse cannot read the result: ${(error as Error).message}`);
      }
    }
  }
  const finding = input.finding;
  // A cause is an object elsewhere (the Service an Ingress routes to): any edit inside its document answers it.
  const causeDocuments = (input.causes ?? []).map((cause) => beforeDocs.findIndex((d) => d.start <= cause.start && cause.end <= d.end));
  const touches = (t: EditTarget) =>
    (finding !== undefined && t.entry[0] <= finding.end && finding.start <= t.entry[1]) || causeDocuments.includes(t.path[0] as number);
  if (finding && targets.length > 0 && !targets.some(touches)) {
    problems.push(`no edit touches the finding's entry (finding at ${finding.start}-${finding.end}, targets ${targets.map((t) => `${t.kind} ${JSON.stringify(t.path)}`).join(', ')})`);
  }
  // Trailing comments may go only with an entry the edit removes whole (key to end of value).
  const entries = entrySpans(original, beforeDocs);
  const removable = edits
    .filter((edit) => entries.some(([start, end]) => edit.start <= start && end <= edit.end))
    .map((edit) => [edit.start, edit.end] as const);
  for (const lost of lostComments(original, fixed, removable)) problems.push(`lost ${lost}`);
  return { problems, targets };
}
