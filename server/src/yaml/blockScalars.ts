import { kubectlPlainType } from './scalarType';
import { MapKeys, scalarFrame, type Frame } from './frame';
import { maxImplicitKeyLength } from './parse';

/**
 * The pieces of one line the block scanner (blockScan.ts) reads: keys, one-line scalars and
 * one-line flow collections, each in the strict subset it takes, with offsets into the text and
 * `end` the end of the line.
 */

/** A key both readers' core schemas take as a string: a word of these characters, or quoted without escapes. */
export const keyPattern = String.raw`[A-Za-z_/$][\w./$-]*|\.[A-Za-z][\w./$-]*|"[^"\n\\]*"|'[^'\n]*'`;
/** A key in a flow map, followed by `:` and a space. */
const flowKey = new RegExp(String.raw`(${keyPattern}): +`, 'y');
/** Plain keys the core schemas read as something else. */
const nonStringKey = /^(?:true|false|null|\.inf|\.nan)$/i;
/**
 * The rest of a plain scalar on its line: it stops before trailing spaces, before ` #`, and at a
 * `:` followed by a space or the line's end (which the subset leaves to js-yaml).
 */
const plainRest = /(?:[^\n: ]|:(?![ \n]|$)| +(?![ #\n]|$))*/y;
/** Characters a plain scalar here may not start with (`-` and `:` may, before anything but a space). */
const indicatorStart = /[,[\]{}#&*!|>'"%@`?]/;

export const enum Code {
  Space = 32,
  Quote = 34,
  Hash = 35,
  Apostrophe = 39,
  Plus = 43,
  Comma = 44,
  Dash = 45,
  Colon = 58,
  Greater = 62,
  OpenBracket = 91,
  Backslash = 92,
  CloseBracket = 93,
  OpenBrace = 123,
  Pipe = 124,
  CloseBrace = 125,
}

/** A key's text (a quoted one's without its quotes), or null when a core schema may read it as no string or yaml may refuse it. */
export function keyName(key: string): string | null {
  if (key.length > maxImplicitKeyLength) return null;
  const first = key.charCodeAt(0);
  if (first === Code.Quote || first === Code.Apostrophe) return key.slice(1, -1);
  return key.length <= 5 && nonStringKey.test(key) ? null : key;
}

/** Where a quoted scalar starting at `at` closes on its line (after the closing quote); -1 when it runs on or holds an escape. */
export function quotedEnd(text: string, at: number, end: number): number {
  const quote = text.charCodeAt(at);
  for (let close = at + 1; close < end; close++) {
    const code = text.charCodeAt(close);
    // An escape could make a trigger word the chunk does not spell out, and its value is not the text.
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

/** The value of a one-line quoted scalar from `at` to `close` (past its closing quote). */
export function quotedValue(text: string, at: number, close: number): string {
  const inside = text.slice(at + 1, close - 1);
  return text.charCodeAt(at) === Code.Apostrophe && inside.includes("''") ? inside.replace(/''/g, "'") : inside;
}

/** Where a plain scalar starting at `at` ends on its line (before trailing spaces and a comment); -1 when the subset does not take it. */
export function plainEnd(text: string, at: number, end: number): number {
  const first = text.charCodeAt(at);
  if (indicatorStart.test(text.charAt(at)) || ((first === Code.Dash || first === Code.Colon) && (at + 1 === end || text.charCodeAt(at + 1) === Code.Space))) return -1;
  plainRest.lastIndex = at + 1;
  plainRest.test(text);
  const close = plainRest.lastIndex;
  return close <= end && text.charCodeAt(close) !== Code.Colon ? close : -1;
}

/** A one-line scalar kubectl reads as a string, as the values of labels and annotations must be. */
export function safeString(text: string, at: number, end: number): boolean {
  const code = text.charCodeAt(at);
  if (code === Code.Quote || code === Code.Apostrophe) {
    const close = quotedEnd(text, at, end);
    return close !== -1 && restIsEmpty(text, close, end) && kubectlPlainType(quotedValue(text, at, close)) === 'string';
  }
  const close = plainEnd(text, at, end);
  return close !== -1 && plainlyString(text.slice(at, close));
}

/**
 * A plain scalar kubectl reads as a string, which js-yaml's core schema then does too: YAML 1.1's
 * nulls, booleans and numbers, as kubectl reads them, hold every one of the core schema's (`1_0`
 * and `0o7` are numbers to both, `1.2.3` and `-.nan` strings to both).
 */
function plainlyString(value: string): boolean {
  return kubectlPlainType(value) === 'string';
}

/** What a flow collection must hold for the settle check: anything, no labels or annotations key, or strings only. */
export const enum FlowDemand {
  None,
  NoLabels,
  Strings,
}

/**
 * Whether a flow collection is closed on its line, holding only one-line scalars (and, in a map,
 * keys that are plainly strings): `{cpu: 100m, memory: 128Mi}`, `["sh", "-c"]`, `{}`. Its
 * scalars' frames go into `frame` when there is one, and its end.
 */
export function flowCollection(text: string, at: number, end: number, demand: FlowDemand, frame: Frame | null): boolean {
  const isMap = text.charCodeAt(at) === Code.OpenBrace;
  if (!isMap && demand === FlowDemand.Strings) return false;
  const close = isMap ? Code.CloseBrace : Code.CloseBracket;
  const keys = new MapKeys();
  let next = skipSpaces(text, at + 1, end);
  for (let first = true; ; first = false) {
    if (first && text.charCodeAt(next) === close) break;
    if (isMap) {
      flowKey.lastIndex = next;
      const key = flowKey.exec(text)?.[1];
      if (key === undefined || flowKey.lastIndex > end) return false;
      const name = keyName(key);
      // A flat flow map cannot hold the map labels or annotations must be.
      if (name === null || (demand === FlowDemand.NoLabels && (name === 'labels' || name === 'annotations')) || !keys.add(name)) return false;
      frame?.children.push(scalarFrame(next, next + key.length, name));
      next = flowKey.lastIndex;
    }
    const scalarEnd = flowScalar(text, next, end, demand === FlowDemand.Strings, frame);
    if (scalarEnd === -1) return false;
    next = skipSpaces(text, scalarEnd, end);
    const code = text.charCodeAt(next);
    if (code === close) break;
    if (code !== Code.Comma) return false;
    next = skipSpaces(text, next + 1, end);
    if (text.charCodeAt(next) === close) return false; // a trailing comma: not worth taking
  }
  if (frame) frame.close = next + 1;
  return restIsEmpty(text, next + 1, end);
}

/**
 * Where a scalar inside a flow collection ends, adding its frame to `into`; -1 for anything but
 * a one-line quoted scalar or a plain one without `:`, `#`, quotes and brackets.
 */
function flowScalar(text: string, at: number, end: number, mustBeString: boolean, into: Frame | null): number {
  const code = text.charCodeAt(at);
  if (code === Code.Quote || code === Code.Apostrophe) {
    const close = quotedEnd(text, at, end);
    if (close === -1 || text.charCodeAt(close) === Code.Colon) return -1;
    const value = quotedValue(text, at, close);
    if (mustBeString && kubectlPlainType(value) !== 'string') return -1;
    into?.children.push(scalarFrame(at, close, value));
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
  if (mustBeString || into) {
    const value = text.slice(at, last);
    if (mustBeString && !plainlyString(value)) return -1;
    into?.children.push(scalarFrame(at, last, value));
  }
  return close;
}

export function skipSpaces(text: string, at: number, end: number): number {
  while (at < end && text.charCodeAt(at) === Code.Space) at++;
  return at;
}

/** Whether a line holds nothing after `at` but spaces and a comment (a `#` after a space). */
export function restIsEmpty(text: string, at: number, end: number): boolean {
  const next = skipSpaces(text, at, end);
  return next === end || (next > at && text.charCodeAt(next) === Code.Hash);
}
