import { charactersReadAlike } from '../yaml/characters';
import { kubectlPlainType } from '../yaml/scalarType';

/**
 * A line scanner that proves, for the plain block YAML most manifests are written in, what
 * `settles` (cheapPath.ts) learns by loading a chunk with js-yaml: the chunk is one readable
 * document with nothing any rule can report. It builds no values, and a regular expression reads
 * each line's shape, so the thousands of documents of a large file that no rule cares about cost
 * a fraction of a load, even in a process whose code has not warmed up yet (a language server
 * opening its first file).
 *
 * It answers only for a strict subset: block mappings and sequences, keys that are plainly
 * strings, plain scalars, one-line quoted scalars, block scalars, one-line flow collections of
 * scalars, comments. Anything else (anchors, aliases, tags, escapes, quoted scalars over lines,
 * nested flow collections, explicit keys, tabs, carriage returns, characters YAML forbids) is
 * "not proven", and the chunk takes the js-yaml way as before. It is asked only about chunks
 * that hold no trigger word and no checked apiVersion (`mentionsWhatRulesRead`). What it proves
 * must hold for `settles`, and yaml must read the chunk without an error: the tests check both
 * over the corpus, and the fuzzer over its inputs (test/helpers/yamlTree.ts).
 *
 * Of `mayMatter`'s checks, one can still fail on such chunks: labels and annotations under any
 * `metadata` must be a map whose values kubectl reads as strings.
 */

/** What a map's entries are to `mayMatter`: nothing, a `metadata` map, or its labels or annotations. */
const enum Role {
  None,
  Metadata,
  Strings,
}

interface Frame {
  column: number;
  sequence: boolean;
  role: Role;
  /** A map's keys so far, in a Set once there are many. */
  keys: string[];
  manyKeys: Set<string> | null;
}

/** Far below `maxNestingDepth`, past which `mayMatter` gives up. */
const maxDepth = 64;
/** `maxKeyLength` of cheapPath.ts: yaml refuses longer implicit keys. */
const maxKeyLength = 1000;
/** Keys a map holds before they go into a Set. */
const fewKeys = 16;

/**
 * A line's indentation, its sequence entry indicators (`- `, `- - `, a last `-` alone) and a key
 * both readers' core schemas take as a string (a word of these characters, or quoted), followed
 * by `:` and a space or the line's end. The value starts where the match ends.
 */
const keyPattern = String.raw`[A-Za-z_/$][\w./$-]*|\.[A-Za-z][\w./$-]*|"[^"\n\\]*"|'[^'\n]*'`;
const lineShape = new RegExp(String.raw`( *)((?:-(?: +|(?=\n|$)))*)(?:(${keyPattern}):(?: +|(?=\n|$)))?`, 'y');
/** A key in a flow map, followed by `:` and a space. */
const flowKey = new RegExp(String.raw`(${keyPattern}): +`, 'y');
/** Plain keys the core schemas read as something else. */
const nonStringKey = /^(?:true|false|null|\.inf|\.nan)$/i;
/**
 * The rest of a plain scalar on its line: it stops before trailing spaces, before ` #`, and at a
 * `:` followed by a space or the line's end (which this subset leaves to js-yaml).
 */
const plainRest = /(?:[^\n: ]|:(?![ \n]|$)| +(?![ #\n]|$))*/y;
/** Characters a plain scalar here may not start with (`-` and `:` may, before anything but a space). */
const indicatorStart = /[,[\]{}#&*!|>'"%@`?]/;

const enum Code {
  Newline = 10,
  Space = 32,
  Quote = 34,
  Hash = 35,
  Percent = 37,
  Apostrophe = 39,
  Plus = 43,
  Comma = 44,
  Dash = 45,
  Colon = 58,
  Backslash = 92,
  Greater = 62,
  OpenBracket = 91,
  CloseBracket = 93,
  OpenBrace = 123,
  Pipe = 124,
  CloseBrace = 125,
}

/** What a value on its key's or entry's line is: not proven, a scalar or flow collection, a block scalar's header, or a plain scalar the next lines may go on with. */
const enum Inline {
  Unproven,
  Done,
  BlockScalar,
  Plain,
}

/** Whether the chunk is provably settled: one document, readable by both readers, that no rule can report on. */
export function provablySettled(chunk: string): boolean {
  if (chunk.includes('\t') || chunk.includes('\r') || chunk.includes('{{') || chunk.charCodeAt(0) === 0xfeff || !charactersReadAlike(chunk)) return false;
  const frames: Frame[] = [];
  // A key or entry whose value starts on a later line, or is null: while pendingColumn >= 0.
  let pendingColumn = -1;
  let pendingOfKey = false;
  let pendingRole = Role.None;
  // A block scalar's lines must be deeper than blockParent (while >= 0), and as deep as its first.
  let blockParent = -1;
  let blockIndent = -1;
  let blockLeadingBlank = 0;
  // Lines deeper than plainParent (while >= 0) go on with a plain scalar.
  let plainParent = -1;
  let started = false;
  for (let lineStart = 0; lineStart < chunk.length; ) {
    let end = chunk.indexOf('\n', lineStart);
    if (end === -1) end = chunk.length;
    lineShape.lastIndex = lineStart;
    const shape = lineShape.exec(chunk)!;
    const indent = shape[1].length;
    const lineAt = lineStart;
    lineStart = end + 1;
    if (blockParent >= 0) {
      if (lineAt + indent === end) {
        if (blockIndent < 0 && indent > blockLeadingBlank) blockLeadingBlank = indent;
        continue;
      }
      if (blockIndent < 0 && indent > blockParent) {
        // yaml refuses leading blank lines longer than the first line of text.
        if (blockLeadingBlank > indent) return false;
        blockIndent = indent;
        continue;
      }
      if (blockIndent >= 0 && indent >= blockIndent) continue;
      if (indent > blockParent) return false;
      blockParent = -1;
    }
    if (plainParent >= 0) {
      const content = lineAt + indent;
      if (content === end) continue;
      if (indent > plainParent) {
        // A comment ends the scalar; a line deeper than its collection after that is not proven.
        if (chunk.charCodeAt(content) === Code.Hash) {
          plainParent = -1;
          continue;
        }
        const close = plainEnd(chunk, content, end);
        if (close === -1) return false;
        if (skipSpaces(chunk, close, end) !== end) plainParent = -1;
        continue;
      }
      plainParent = -1;
    }
    const dashes = shape[2];
    const key = shape[3];
    const valueAt = lineShape.lastIndex;
    if (dashes === '' && key === undefined) {
      if (valueAt === end || chunk.charCodeAt(valueAt) === Code.Hash) continue;
      // A key's or entry's value on the lines after it (`description:` over its text).
      if (pendingColumn >= 0 && indent > pendingColumn && pendingRole !== Role.Strings) {
        const inline = inlineValue(chunk, valueAt, end, Role.None);
        if (inline !== Inline.Done && inline !== Inline.Plain) return false;
        if (inline === Inline.Plain) plainParent = pendingColumn;
        pendingColumn = -1;
        continue;
      }
      // Otherwise only a document start marker, before anything else.
      if (indent > 0 || started || !chunk.startsWith('---', valueAt) || !restIsEmpty(chunk, valueAt + 3, end)) return false;
      started = true;
      continue;
    }
    started = true;
    if (frames.length > maxDepth) return false;
    const entry = dashes !== '';
    let frame: Frame;
    if (pendingColumn >= 0 && (indent > pendingColumn || (indent === pendingColumn && pendingOfKey && entry))) {
      if (entry && pendingRole === Role.Strings) return false;
      frame = pushFrame(frames, indent, entry, pendingRole);
      pendingColumn = -1;
    } else {
      if (pendingColumn >= 0 && pendingRole === Role.Strings) return false;
      pendingColumn = -1;
      if (frames.length === 0) {
        if (indent !== 0) return false;
        frame = pushFrame(frames, 0, entry, Role.None);
      } else {
        while (frames.length > 1 && frames[frames.length - 1].column > indent) frames.pop();
        frame = frames[frames.length - 1];
        // A sequence written at its key's column ends where the next key of that map starts.
        if (frame.sequence && !entry && frames.length > 1 && frames[frames.length - 2].column === indent) {
          frames.pop();
          frame = frames[frames.length - 1];
        }
        if (frame.column !== indent || frame.sequence !== entry) return false;
      }
    }
    if (entry) {
      // `- - x` opens a sequence in an entry at each further indicator's column.
      let column = indent;
      for (let dash = dashes.indexOf('-', 1); dash !== -1; dash = dashes.indexOf('-', dash + 1)) {
        column = indent + dash;
        frame = pushFrame(frames, column, true, Role.None);
      }
      if (key === undefined) {
        if (valueAt === end || chunk.charCodeAt(valueAt) === Code.Hash) {
          pendingColumn = column;
          pendingOfKey = false;
          pendingRole = Role.None;
          continue;
        }
        const inline = inlineValue(chunk, valueAt, end, Role.None);
        if (inline === Inline.Unproven) return false;
        if (inline === Inline.BlockScalar) {
          blockParent = column;
          blockIndent = -1;
          blockLeadingBlank = 0;
        } else if (inline === Inline.Plain) plainParent = column;
        continue;
      }
      frame = pushFrame(frames, indent + dashes.length, false, Role.None);
    }
    if (key === undefined) return false;
    const name = keyName(key);
    if (name === null || !addKey(frame, name)) return false;
    const role = name === 'metadata' ? Role.Metadata : frame.role === Role.Metadata && (name === 'labels' || name === 'annotations') ? Role.Strings : Role.None;
    if (valueAt === end || chunk.charCodeAt(valueAt) === Code.Hash) {
      if (frame.role === Role.Strings) return false;
      pendingColumn = frame.column;
      pendingOfKey = true;
      pendingRole = role;
      continue;
    }
    if (frame.role === Role.Strings) {
      if (!safeString(chunk, valueAt, end)) return false;
      continue;
    }
    const inline = inlineValue(chunk, valueAt, end, role);
    if (inline === Inline.Unproven) return false;
    if (inline === Inline.BlockScalar) {
      blockParent = frame.column;
      blockIndent = -1;
      blockLeadingBlank = 0;
    } else if (inline === Inline.Plain) plainParent = frame.column;
  }
  return frames.length > 0 && frames.length <= maxDepth && !(pendingColumn >= 0 && pendingRole === Role.Strings);
}

function pushFrame(frames: Frame[], column: number, sequence: boolean, role: Role): Frame {
  const frame: Frame = { column, sequence, role, keys: [], manyKeys: null };
  frames.push(frame);
  return frame;
}

/** A key's text (a quoted one's without its quotes), or null when a core schema may read it as no string or yaml may refuse it. */
function keyName(key: string): string | null {
  if (key.length > maxKeyLength) return null;
  const first = key.charCodeAt(0);
  if (first === Code.Quote || first === Code.Apostrophe) return key.slice(1, -1);
  return key.length <= 5 && nonStringKey.test(key) ? null : key;
}

/** Adds a key to a map; false when the map holds it already. */
function addKey(frame: Frame, name: string): boolean {
  if (frame.manyKeys) {
    if (frame.manyKeys.has(name)) return false;
    frame.manyKeys.add(name);
    return true;
  }
  if (frame.keys.includes(name)) return false;
  frame.keys.push(name);
  if (frame.keys.length > fewKeys) frame.manyKeys = new Set(frame.keys);
  return true;
}

/** A value on its key's or entry's line: a one-line scalar, a block scalar's header or a one-line flow collection. */
function inlineValue(text: string, at: number, end: number, role: Role): Inline {
  const code = text.charCodeAt(at);
  // Labels and annotations must be a map: on their key's line, only a flow one.
  if (role === Role.Strings && code !== Code.OpenBrace) return Inline.Unproven;
  if (code === Code.Quote || code === Code.Apostrophe) {
    const close = quotedEnd(text, at, end);
    return close !== -1 && restIsEmpty(text, close, end) ? Inline.Done : Inline.Unproven;
  }
  if (code === Code.OpenBrace || code === Code.OpenBracket) return flowCollection(text, at, end, role) ? Inline.Done : Inline.Unproven;
  if (code === Code.Pipe || code === Code.Greater) {
    const chomp = text.charCodeAt(at + 1);
    return restIsEmpty(text, chomp === Code.Dash || chomp === Code.Plus ? at + 2 : at + 1, end) ? Inline.BlockScalar : Inline.Unproven;
  }
  const close = plainEnd(text, at, end);
  if (close === -1) return Inline.Unproven;
  // Without a comment after it, the lines after it may go on with it.
  return skipSpaces(text, close, end) === end ? Inline.Plain : Inline.Done;
}

/** A one-line scalar kubectl reads as a string, as the values of labels and annotations must be. */
function safeString(text: string, at: number, end: number): boolean {
  const code = text.charCodeAt(at);
  if (code === Code.Quote || code === Code.Apostrophe) {
    const close = quotedEnd(text, at, end);
    return close !== -1 && restIsEmpty(text, close, end) && quotedIsString(text, at, close);
  }
  const close = plainEnd(text, at, end);
  return close !== -1 && plainlyString(text.slice(at, close));
}

/** Whether a quoted scalar's value is one kubectl reads as a string however it is written. */
function quotedIsString(text: string, at: number, close: number): boolean {
  const value = text.slice(at + 1, close - 1);
  return (text.charCodeAt(at) === Code.Quote || !value.includes("''")) && kubectlPlainType(value) === 'string';
}

/**
 * A plain scalar kubectl reads as a string, which js-yaml's core schema then does too: YAML 1.1's
 * nulls, booleans and numbers, as kubectl reads them, hold every one of the core schema's (`1_0`
 * and `0o7` are numbers to both, `1.2.3` and `-.nan` strings to both).
 */
function plainlyString(value: string): boolean {
  return kubectlPlainType(value) === 'string';
}

/** Where a quoted scalar starting at `at` closes on its line (after the closing quote); -1 when it runs on. */
function quotedEnd(text: string, at: number, end: number): number {
  const quote = text.charCodeAt(at);
  for (let close = at + 1; close < end; close++) {
    const code = text.charCodeAt(close);
    // An escape could make a trigger word the chunk does not spell out.
    if (code === Code.Backslash && quote === Code.Quote) return -1;
    if (code !== quote) continue;
    if (quote === Code.Apostrophe && text.charCodeAt(close + 1) === Code.Apostrophe) {
      close++;
      continue;
    }
    return close + 1;
  }
  return -1;
}

/** Where a plain scalar starting at `at` ends on its line (before trailing spaces and a comment); -1 when this subset does not take it. */
function plainEnd(text: string, at: number, end: number): number {
  const first = text.charCodeAt(at);
  if (indicatorStart.test(text.charAt(at)) || ((first === Code.Dash || first === Code.Colon) && (at + 1 === end || text.charCodeAt(at + 1) === Code.Space))) return -1;
  plainRest.lastIndex = at + 1;
  plainRest.test(text);
  const close = plainRest.lastIndex;
  return close <= end && text.charCodeAt(close) !== Code.Colon ? close : -1;
}

/**
 * A flow collection closed on its line, holding only one-line scalars (and, in a map, keys that
 * are plainly strings): `{cpu: 100m, memory: 128Mi}`, `["sh", "-c"]`, `{}`.
 */
function flowCollection(text: string, at: number, end: number, role: Role): boolean {
  const isMap = text.charCodeAt(at) === Code.OpenBrace;
  if (!isMap && role === Role.Strings) return false;
  const close = isMap ? Code.CloseBrace : Code.CloseBracket;
  const keys: string[] = [];
  let next = skipSpaces(text, at + 1, end);
  if (text.charCodeAt(next) === close) return restIsEmpty(text, next + 1, end);
  for (;;) {
    if (isMap) {
      flowKey.lastIndex = next;
      const key = flowKey.exec(text)?.[1];
      if (key === undefined || flowKey.lastIndex > end) return false;
      const name = keyName(key);
      // A flat flow map cannot hold the map labels or annotations must be.
      if (name === null || keys.includes(name) || (role === Role.Metadata && (name === 'labels' || name === 'annotations'))) return false;
      keys.push(name);
      next = flowKey.lastIndex;
    }
    const scalarEnd = flowScalarEnd(text, next, end, role === Role.Strings);
    if (scalarEnd === -1) return false;
    next = skipSpaces(text, scalarEnd, end);
    const code = text.charCodeAt(next);
    if (code === close) return restIsEmpty(text, next + 1, end);
    if (code !== Code.Comma) return false;
    next = skipSpaces(text, next + 1, end);
    if (text.charCodeAt(next) === close) return false; // a trailing comma: not worth proving
  }
}

/** Where a scalar inside a flow collection ends; -1 for anything but a one-line quoted scalar or a plain one without `:`, `#`, quotes and brackets. */
function flowScalarEnd(text: string, at: number, end: number, mustBeString: boolean): number {
  const code = text.charCodeAt(at);
  if (code === Code.Quote || code === Code.Apostrophe) {
    const close = quotedEnd(text, at, end);
    if (close === -1 || text.charCodeAt(close) === Code.Colon || (mustBeString && !quotedIsString(text, at, close))) return -1;
    return close;
  }
  if (at >= end || indicatorStart.test(text.charAt(at)) || (code === Code.Dash && text.charCodeAt(at + 1) === Code.Space)) return -1;
  let close = at;
  for (; close < end; close++) {
    const c = text.charCodeAt(close);
    if (c === Code.Comma || c === Code.CloseBrace || c === Code.CloseBracket) break;
    if (c === Code.Colon || c === Code.Hash || c === Code.OpenBrace || c === Code.OpenBracket || c === Code.Quote || c === Code.Apostrophe) return -1;
  }
  let last = close;
  while (last > at && text.charCodeAt(last - 1) === Code.Space) last--;
  if (last === at) return -1; // an empty entry: null
  if (mustBeString && !plainlyString(text.slice(at, last))) return -1;
  return close;
}

function skipSpaces(text: string, at: number, end: number): number {
  while (at < end && text.charCodeAt(at) === Code.Space) at++;
  return at;
}

/** Whether a line holds nothing after `at` but spaces and a comment (a `#` after a space). */
function restIsEmpty(text: string, at: number, end: number): boolean {
  const next = skipSpaces(text, at, end);
  return next === end || (next > at && text.charCodeAt(next) === Code.Hash);
}
