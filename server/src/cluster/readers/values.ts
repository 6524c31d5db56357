import { parseTree, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { isAlias, isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { scalarSource } from '../../yaml/scalarSource';
import { jsonTooDeepAt } from '../../util/jsonDepth';
import { deref } from '../../yaml/nodes';
import type { Located } from '../plan';

/**
 * A neutral tree of the values a cluster configuration holds, whatever its syntax (YAML, JSON,
 * HCL, or JSON embedded in a string of any of them), with where each value stands in the file.
 * The readers map field names of each format onto the plan through this one shape.
 */

/** [start, end) offsets into the file's text and the source text there. */
export interface At {
  start: number;
  end: number;
  raw: string;
}

/**
 * Where the characters of a string value come from: value characters [from, to) → the file's
 * [start, end). Absent when the value cannot be traced character by character; the whole value
 * is then the best position there is.
 */
export type CharSpan = (from: number, to: number) => [number, number];

export interface ScalarValue extends At {
  kind: 'scalar';
  value: string | number | boolean | null;
  chars?: CharSpan;
}

export interface ListValue extends At {
  kind: 'list';
  items: Value[];
}

export interface MapValue extends At {
  kind: 'map';
  entries: MapEntry[];
}

/** Anything that is not a literal: a Terraform reference, function call or template, a YAML tag. */
export interface OtherValue extends At {
  kind: 'other';
}

export type Value = ScalarValue | ListValue | MapValue | OtherValue;

export interface MapEntry {
  key: string;
  keyAt: At;
  value: Value;
}

export function atOffsets(text: string, start: number, end: number): At {
  return { start, end, raw: text.slice(start, end) };
}

export function locate<T>(at: At, value: T): Located<T> {
  return { value, start: at.start, end: at.end, raw: at.raw };
}

/** The entry of `key` (the last one when a key repeats: Go's JSON decoder keeps the last). */
export function field(map: Value | undefined, key: string): MapEntry | undefined {
  if (map?.kind !== 'map') return undefined;
  let found: MapEntry | undefined;
  for (const entry of map.entries) if (entry.key === key) found = entry;
  return found;
}

export function fieldValue(map: Value | undefined, key: string): Value | undefined {
  return field(map, key)?.value;
}

/** The value when it is a string literal. */
export function stringOf(value: Value | undefined): (ScalarValue & { value: string }) | undefined {
  return value?.kind === 'scalar' && typeof value.value === 'string' ? (value as ScalarValue & { value: string }) : undefined;
}

/** The value when it is a boolean literal. */
export function booleanOf(value: Value | undefined): boolean | undefined {
  return value?.kind === 'scalar' && typeof value.value === 'boolean' ? value.value : undefined;
}

/** A whole number written as a number or as a string of digits (ACK's API writes `"24"`). */
export function integerOf(value: Value | undefined): number | undefined {
  if (value?.kind !== 'scalar') return undefined;
  if (typeof value.value === 'number') return Number.isInteger(value.value) ? value.value : undefined;
  if (typeof value.value === 'string' && /^\s*\d+\s*$/.test(value.value)) return Number(value.value);
  return undefined;
}

/** "true"/"false" in any case, as ACK's addon configs write booleans, or a boolean literal. */
export function stringBooleanOf(value: Value | undefined): boolean | undefined {
  const plain = booleanOf(value);
  if (plain !== undefined) return plain;
  const text = stringOf(value)?.value.trim().toLowerCase();
  return text === 'true' ? true : text === 'false' ? false : undefined;
}

/** Whether a value says something: not null, not an empty string or list or map. Non-literals count. */
export function isPresent(value: Value | undefined): boolean {
  if (!value) return false;
  switch (value.kind) {
    case 'scalar':
      return value.value !== null && value.value !== '';
    case 'list':
      return value.items.length > 0;
    case 'map':
      return value.entries.length > 0;
    default:
      return true;
  }
}

/** Where characters [from, to) of a string value stand; the whole value when they cannot be traced. */
export function partOf(text: string, value: ScalarValue, from: number, to: number): At {
  if (!value.chars) return value;
  const [start, end] = value.chars(from, to);
  return atOffsets(text, start, end);
}

/**
 * The comma-separated items of a string (`"172.21.0.0/20,fd00::/112"`), each located at its own
 * characters; an item that cannot be traced keeps the whole value's range.
 */
export function splitItems(text: string, value: ScalarValue & { value: string }): Located<string>[] {
  const items: Located<string>[] = [];
  let offset = 0;
  for (const part of value.value.split(',')) {
    const item = part.trim();
    const from = offset + part.indexOf(item);
    offset += part.length + 1;
    if (item !== '') items.push(locate(partOf(text, value, from, from + item.length), item));
  }
  return items;
}

/** The string items of a list literal (other items are left alone). */
export function stringItems(value: Value | undefined): Located<string>[] {
  if (value?.kind !== 'list') return [];
  return value.items.flatMap((item) => {
    const string = stringOf(item);
    return string && string.value.trim() !== '' ? [locate(string, string.value.trim())] : [];
  });
}

// ---------------------------------------------------------------------------------------------
// YAML (and JSON read as YAML flow syntax)

/** The value tree of a YAML node; aliases are followed, and located where they are written. */
export function fromYaml(text: string, node: unknown, doc: Document, depth = 0): Value | undefined {
  const written = node as Node | null;
  if (!written || !written.range) return undefined;
  const at = atOffsets(text, written.range[0], written.range[1]);
  let target: unknown = written;
  if (isAlias(written)) {
    target = deref(written, doc);
    if (!target || depth > 20) return { kind: 'other', ...at };
  }
  if (isScalar(target)) {
    const value = target.value;
    if (value !== null && typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return { kind: 'other', ...at };
    const source = target === written && typeof value === 'string' ? scalarSource(text, target) : null;
    return { kind: 'scalar', value: value as ScalarValue['value'], ...at, ...(source ? { chars: source.span } : {}) };
  }
  if (isSeq(target)) {
    return { kind: 'list', items: target.items.flatMap((item) => fromYaml(text, item, doc, depth + 1) ?? []), ...at };
  }
  if (isMap(target)) {
    const entries: MapEntry[] = [];
    for (const pair of target.items) {
      const key = pair.key;
      if (!isScalar(key) || !key.range || (typeof key.value !== 'string' && typeof key.value !== 'number')) continue;
      const value = fromYaml(text, pair.value, doc, depth + 1) ?? { kind: 'scalar' as const, value: null, ...atOffsets(text, key.range[1], key.range[1]) };
      entries.push({ key: String(key.value), keyAt: atOffsets(text, key.range[0], key.range[1]), value });
    }
    return { kind: 'map', entries, ...at };
  }
  return { kind: 'other', ...at };
}

// ---------------------------------------------------------------------------------------------
// JSON embedded in a string value (an eni-config key, an addon's `config`)

/**
 * The value tree of JSON written in a string value, located in the file through the string's
 * character map. Undefined when the string does not hold valid JSON (comments and trailing commas
 * are errors, as Go's decoder has them): a configuration its program cannot read says nothing.
 */
export function fromJsonString(text: string, value: ScalarValue & { value: string }): Value | undefined {
  // Too deep to parse safely (util/jsonDepth.ts): left unread, like a value that is not JSON.
  if (jsonTooDeepAt(value.value) !== undefined) return undefined;
  const errors: ParseError[] = [];
  const root = parseTree(value.value, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (!root || errors.length > 0) return undefined;
  const outer = (from: number, to: number): At => partOf(text, value, from, to);
  return fromJsonNode(value.value, root, outer);
}

function fromJsonNode(json: string, node: JsonNode, outer: (from: number, to: number) => At): Value {
  const at = outer(node.offset, node.offset + node.length);
  switch (node.type) {
    case 'object': {
      const entries: MapEntry[] = [];
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        if (keyNode?.type !== 'string' || !valueNode) continue;
        entries.push({ key: String(keyNode.value), keyAt: outer(keyNode.offset, keyNode.offset + keyNode.length), value: fromJsonNode(json, valueNode, outer) });
      }
      return { kind: 'map', entries, ...at };
    }
    case 'array':
      return { kind: 'list', items: (node.children ?? []).map((item) => fromJsonNode(json, item, outer)), ...at };
    case 'string': {
      const string = String(node.value);
      const decoded = decodeJsonString(json, node.offset, node.length);
      const chars: CharSpan | undefined =
        decoded && decoded.starts.length === string.length
          ? (from, to) => {
              const start = from < decoded.starts.length ? decoded.starts[from] : node.offset + node.length - 1;
              const inner = outer(start, to <= from ? start : decoded.ends[to - 1]);
              return [inner.start, inner.end];
            }
          : undefined;
      return { kind: 'scalar', value: string, ...at, ...(chars ? { chars } : {}) };
    }
    case 'number':
    case 'boolean':
      return { kind: 'scalar', value: node.value as number | boolean, ...at };
    case 'null':
      return { kind: 'scalar', value: null, ...at };
    default:
      return { kind: 'other', ...at };
  }
}

const jsonEscapes: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Decodes a JSON string token at [offset, offset + length) with the source range of each value character. */
function decodeJsonString(json: string, offset: number, length: number): { starts: number[]; ends: number[] } | undefined {
  const starts: number[] = [];
  const ends: number[] = [];
  const end = offset + length - 1;
  let i = offset + 1;
  while (i < end) {
    if (json[i] !== '\\') {
      starts.push(i);
      ends.push(i + 1);
      i++;
      continue;
    }
    const kind = json[i + 1];
    if (kind === 'u') {
      if (!/^[0-9a-fA-F]{4}$/.test(json.slice(i + 2, i + 6))) return undefined;
      starts.push(i);
      ends.push(i + 6);
      i += 6;
    } else if (jsonEscapes[kind] !== undefined) {
      starts.push(i);
      ends.push(i + 2);
      i += 2;
    } else {
      return undefined;
    }
  }
  return { starts, ends };
}
