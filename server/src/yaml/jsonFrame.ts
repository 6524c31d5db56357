import type { Frame } from './positioned';
import { maxNestingDepth } from './parse';

/** Scalars have no children; one array serves them all (nothing adds to it). */
const noChildren: Frame[] = [];

/** A JSON number, or `true`, `false`, `null`: the plain scalars JSON has. */
const literal = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?|true|false|null/y;

const quote = 34;
const comma = 44;
const colon = 58;
const openBracket = 91;
const closeBracket = 93;
const openBrace = 123;
const closeBrace = 125;

const isJsonWhite = (code: number) => code === 32 || code === 10 || code === 13 || code === 9;
/** What may follow a number or a literal: without one, `1.5.3` or `truex` would be a YAML plain scalar. */
const endsLiteral = (code: number) => Number.isNaN(code) || isJsonWhite(code) || code === comma || code === closeBracket || code === closeBrace;

/** Keys up to this many are checked for duplicates one against another; a set checks more. */
const linearKeyCheck = 16;

function scalar(open: number, close: number, value: string): Frame {
  return { open, close, kind: 'scalar', result: value, children: noChildren };
}

/**
 * Reads a text that is one JSON value (RFC 8259; blanks and line ends around it) into the frames
 * the positioned reader builds yaml's nodes from, without js-yaml: for a JSON file of many small
 * objects, js-yaml's values on top of the frames and nodes weighed more than yaml's own parse (a
 * 5 MB cluster configuration of 100,000 node pools). Each frame spans its node's text exactly; a
 * collection's result is its children, a scalar's the string js-yaml's failsafe schema would give
 * (the unescaped text of a string, the source of a number or literal), which the builder resolves
 * as yaml does. Anything else is null, and the caller reads the text as before: comments, YAML
 * flow syntax, trailing commas, raw control characters in strings, duplicate keys (yaml reports
 * them), nesting deeper than yaml/parse.ts reads.
 */
export function jsonFrame(text: string): Frame | null {
  const reader = new JsonReader(text);
  reader.skipWhite();
  const first = text.charCodeAt(reader.at);
  if (first !== openBrace && first !== openBracket) return null;
  const root = reader.value(1);
  if (!root) return null;
  reader.skipWhite();
  return reader.at === text.length ? root : null;
}

class JsonReader {
  at = 0;

  constructor(private readonly text: string) {}

  skipWhite(): void {
    while (isJsonWhite(this.text.charCodeAt(this.at))) this.at++;
  }

  value(depth: number): Frame | null {
    this.skipWhite();
    const start = this.at;
    const code = this.text.charCodeAt(start);
    if (code === openBrace) return this.object(start, depth);
    if (code === openBracket) return this.array(start, depth);
    if (code === quote) {
      const value = this.string();
      return value === null ? null : scalar(start, this.at, value);
    }
    literal.lastIndex = start;
    if (!literal.test(this.text) || !endsLiteral(this.text.charCodeAt(literal.lastIndex))) return null;
    this.at = literal.lastIndex;
    return scalar(start, this.at, this.text.slice(start, this.at));
  }

  /** The value of the string whose opening quote is at `at`, which moves past its closing quote. */
  private string(): string | null {
    const text = this.text;
    const open = this.at;
    let escaped = false;
    let index = open + 1;
    for (;;) {
      const code = text.charCodeAt(index);
      if (code === quote) break;
      // JSON forbids raw control characters in strings; NaN is the end of the text.
      if (!(code >= 32)) return null;
      if (code === 92) {
        escaped = true;
        index += 2;
      } else index++;
    }
    this.at = index + 1;
    if (!escaped) return text.slice(open + 1, index);
    try {
      return JSON.parse(text.slice(open, index + 1)) as string;
    } catch {
      return null;
    }
  }

  private object(start: number, depth: number): Frame | null {
    let keys: Set<string> | undefined;
    return this.collection(start, depth, closeBrace, 'mapping', (children) => {
      this.skipWhite();
      const keyStart = this.at;
      if (this.text.charCodeAt(keyStart) !== quote) return false;
      const key = this.string();
      if (key === null) return false;
      if (children.length < 2 * linearKeyCheck) {
        for (let index = 0; index < children.length; index += 2) if (children[index].result === key) return false;
      } else {
        keys ??= new Set(children.filter((_, index) => index % 2 === 0).map((child) => child.result as string));
        if (keys.has(key)) return false;
        keys.add(key);
      }
      children.push(scalar(keyStart, this.at, key));
      this.skipWhite();
      if (this.text.charCodeAt(this.at++) !== colon) return false;
      const value = this.value(depth + 1);
      if (value === null) return false;
      children.push(value);
      return true;
    });
  }

  private array(start: number, depth: number): Frame | null {
    return this.collection(start, depth, closeBracket, 'sequence', (children) => {
      const item = this.value(depth + 1);
      if (item === null) return false;
      children.push(item);
      return true;
    });
  }

  /**
   * The collection whose opening bracket is at `start`, up to its `closer`: `readItem` reads one
   * item into the children (a value, or a key and its value), false when it cannot.
   */
  private collection(start: number, depth: number, closer: number, kind: 'mapping' | 'sequence', readItem: (children: Frame[]) => boolean): Frame | null {
    if (depth > maxNestingDepth) return null;
    const children: Frame[] = [];
    this.at++;
    this.skipWhite();
    if (this.text.charCodeAt(this.at) === closer) this.at++;
    else {
      for (;;) {
        if (!readItem(children)) return null;
        this.skipWhite();
        const next = this.text.charCodeAt(this.at++);
        if (next === closer) break;
        if (next !== comma) return null;
      }
    }
    return { open: start, close: this.at, kind, result: children, children };
  }
}
