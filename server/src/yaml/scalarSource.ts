import type { Scalar } from 'yaml';

/**
 * Where the characters of a YAML string scalar's value come from in the source text, so that a
 * finding about a part of the value (a JSON node inside an annotation, say) can point at exactly
 * those source characters, whatever the quoting, escaping, folding or indentation.
 */
export interface ScalarSource {
  /** The scalar's string value (the same as `scalar.value`). */
  readonly value: string;
  /** Source offset where value position `index` (0 … value.length) starts. */
  offset(index: number): number;
  /**
   * Source [start, end) of the value's characters [from, to). An empty span maps to the source
   * position of `from`.
   */
  span(from: number, to: number): [number, number];
}

/**
 * The source map of a string scalar, or null when the scalar is not a string or its value cannot
 * be traced exactly (an unusual construct): callers then point at the whole scalar instead. The
 * map is rebuilt from the source and compared with the parser's value, so it is never wrong.
 */
export function scalarSource(text: string, scalar: Scalar): ScalarSource | null {
  if (typeof scalar.value !== 'string' || !scalar.range) return null;
  const expected = scalar.value;
  for (const built of decodings(text, scalar)) {
    if (built && built.value === expected) return built.toSource(scalar.range[1]);
  }
  return null;
}

/**
 * The value being rebuilt, with the source [start, end) of each UTF-16 code unit. The value is
 * joined from its pieces once, and the offsets sit in typed arrays: built with `+=` and arrays of
 * numbers, one character at a time, an annotation value of 3 MB took 260 MB at its peak (a chain
 * of 3 million strings) and half a second.
 */
class ValueBuilder {
  private readonly pieces: string[] = [];
  private starts: Int32Array;
  private ends: Int32Array;
  private length = 0;
  private joined: string | undefined;

  /** `capacity`: how many code units the value is likely to hold (more are made room for). */
  constructor(capacity: number) {
    this.starts = new Int32Array(Math.max(16, capacity));
    this.ends = new Int32Array(this.starts.length);
  }

  get value(): string {
    return (this.joined ??= this.pieces.join(''));
  }

  add(chars: string, start: number, end: number): void {
    this.makeRoom(chars.length);
    for (let i = 0; i < chars.length; i++) {
      this.starts[this.length] = start;
      this.ends[this.length++] = end;
    }
    this.pieces.push(chars);
  }

  /** The source characters [from, to), each standing for itself. */
  addVerbatim(text: string, from: number, to: number): void {
    this.makeRoom(to - from);
    for (let at = from; at < to; at++) {
      this.starts[this.length] = at;
      this.ends[this.length++] = at + 1;
    }
    this.pieces.push(text.slice(from, to));
  }

  private makeRoom(count: number): void {
    this.joined = undefined;
    if (this.length + count <= this.starts.length) return;
    const capacity = Math.max(2 * this.starts.length, this.length + count);
    const grown = (from: Int32Array) => {
      const to = new Int32Array(capacity);
      to.set(from.subarray(0, this.length));
      return to;
    };
    this.starts = grown(this.starts);
    this.ends = grown(this.ends);
  }

  toSource(valueEnd: number): ScalarSource {
    const { value, length } = this;
    const starts = this.starts.subarray(0, length);
    const ends = this.ends.subarray(0, length);
    const offset = (index: number) => (index < length ? starts[index] : length > 0 ? ends[length - 1] : valueEnd);
    return {
      value,
      offset,
      span(from, to) {
        if (to <= from) {
          const at = offset(from);
          return [at, at];
        }
        return [starts[from], ends[to - 1]];
      },
    };
  }
}

/** Candidate decodings of a scalar; block scalars with an explicit indentation indicator try each indentation. */
function* decodings(text: string, scalar: Scalar): Generator<ValueBuilder | null> {
  const [start, end] = scalar.range!;
  switch (scalar.type) {
    case 'PLAIN':
      yield decodeFlow(text, start, end, 'none');
      return;
    case 'QUOTE_SINGLE':
      yield text[start] === "'" && text[end - 1] === "'" ? decodeFlow(text, start + 1, end - 1, 'single') : null;
      return;
    case 'QUOTE_DOUBLE':
      yield text[start] === '"' && text[end - 1] === '"' ? decodeFlow(text, start + 1, end - 1, 'double') : null;
      return;
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED':
      yield* decodeBlock(text, start, end);
      return;
    default:
      yield null;
  }
}

const isBreak = (c: string | undefined) => c === '\n' || c === '\r';
const isWhite = (c: string | undefined) => c === ' ' || c === '\t';

/** Length of the line break at `at`: CRLF counts as one break. */
function breakLength(text: string, at: number): number {
  return text[at] === '\r' && text[at + 1] === '\n' ? 2 : 1;
}

/** Offset of the first character at or after `at` (before `end`) that is not a space or tab. */
function skipWhite(text: string, at: number, end: number): number {
  while (at < end && isWhite(text[at])) at++;
  return at;
}

const simpleEscapes: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};
const hexEscapeLength: Record<string, number> = { x: 2, u: 4, U: 8 };

/**
 * Plain, single- and double-quoted scalars: [start, end) is the text between the quotes.
 * Line folding: trailing white space of a line and leading white space of the next go; a single
 * line break becomes a space, n > 1 breaks become n − 1 line feeds.
 */
function decodeFlow(text: string, start: number, end: number, escapes: 'none' | 'single' | 'double'): ValueBuilder | null {
  const out = new ValueBuilder(end - start);
  let pendingWhite: number[] = [];
  const flushWhite = () => {
    for (const at of pendingWhite) out.add(text[at], at, at + 1);
    pendingWhite = [];
  };
  let i = start;
  while (i < end) {
    const c = text[i];
    if (isWhite(c)) {
      pendingWhite.push(i++);
    } else if (isBreak(c)) {
      // Trailing white space before a fold is not content.
      i = foldLines(text, i, end, pendingWhite.length > 0 ? pendingWhite[0] : i, out);
      pendingWhite = [];
    } else if (escapes === 'single' && c === "'" && text[i + 1] === "'") {
      flushWhite();
      out.add("'", i, i + 2);
      i += 2;
    } else if (escapes === 'double' && c === '\\') {
      flushWhite();
      const next = decodeEscape(text, i, end, out);
      if (next < 0) return null;
      i = next;
    } else {
      flushWhite();
      let runEnd = i + 1;
      while (runEnd < end && standsForItself(text[runEnd], escapes)) runEnd++;
      out.addVerbatim(text, i, runEnd);
      i = runEnd;
    }
  }
  flushWhite();
  return out;
}

/** A character of a flow scalar that is a character of its value as it is, whatever follows it. */
function standsForItself(c: string, escapes: 'none' | 'single' | 'double'): boolean {
  return !isWhite(c) && !isBreak(c) && !(escapes === 'single' && c === "'") && !(escapes === 'double' && c === '\\');
}

/** Folds the line break at `at` and any blank lines after it; returns where the next line's content starts. */
function foldLines(text: string, at: number, end: number, gapStart: number, out: ValueBuilder): number {
  const breaks: Array<[number, number]> = [];
  let next = at;
  for (;;) {
    const length = breakLength(text, next);
    breaks.push([next, next + length]);
    const content = skipWhite(text, next + length, end);
    if (content < end && isBreak(text[content])) {
      next = content;
      continue;
    }
    next = content;
    break;
  }
  if (breaks.length === 1) out.add(' ', gapStart, next);
  else for (const [s, e] of breaks.slice(1)) out.add('\n', s, e);
  return next;
}

/** Decodes the escape at `at` (a backslash) into `out`; returns the offset after it, or -1 when invalid. */
function decodeEscape(text: string, at: number, end: number, out: ValueBuilder): number {
  const kind = text[at + 1];
  if (isBreak(kind)) {
    // An escaped line break joins the lines with nothing in between; blank lines after it still count.
    let next = skipWhite(text, at + 1 + breakLength(text, at + 1), end);
    while (next < end && isBreak(text[next])) {
      const length = breakLength(text, next);
      out.add('\n', next, next + length);
      next = skipWhite(text, next + length, end);
    }
    return next;
  }
  const simple = simpleEscapes[kind];
  if (simple !== undefined) {
    out.add(simple, at, at + 2);
    return at + 2;
  }
  const digits = hexEscapeLength[kind];
  if (digits === undefined) return -1;
  const hex = text.slice(at + 2, at + 2 + digits);
  if (hex.length !== digits || !/^[0-9a-fA-F]+$/.test(hex)) return -1;
  const codePoint = parseInt(hex, 16);
  if (codePoint > 0x10ffff) return -1;
  out.add(String.fromCodePoint(codePoint), at, at + 2 + digits);
  return at + 2 + digits;
}

interface BlockHeader {
  folded: boolean;
  chomping: 'strip' | 'clip' | 'keep';
  /** The indentation indicator digit, if any. */
  indicator: number | undefined;
  /** Offset of the first content line. */
  contentStart: number;
}

interface SourceLine {
  start: number;
  /** End of the line's text, before its line break. */
  end: number;
  /** End of its line break (equal to `end` when the line has none). */
  breakEnd: number;
}

function readBlockHeader(text: string, start: number, end: number): BlockHeader | null {
  const style = text[start];
  if (style !== '|' && style !== '>') return null;
  let chomping: BlockHeader['chomping'] = 'clip';
  let indicator: number | undefined;
  let i = start + 1;
  for (let n = 0; n < 2; n++) {
    const c = text[i];
    if (c === '-' || c === '+') chomping = c === '-' ? 'strip' : 'keep';
    else if (c !== undefined && c >= '1' && c <= '9') indicator = Number(c);
    else break;
    i++;
  }
  while (i < end && !isBreak(text[i])) i++;
  const contentStart = i < end ? i + breakLength(text, i) : end;
  return { folded: style === '>', chomping, indicator, contentStart };
}

function sourceLines(text: string, start: number, end: number): SourceLine[] {
  const lines: SourceLine[] = [];
  let i = start;
  while (i < end) {
    let lineEnd = i;
    while (lineEnd < end && !isBreak(text[lineEnd])) lineEnd++;
    const breakEnd = lineEnd < end ? Math.min(end, lineEnd + breakLength(text, lineEnd)) : lineEnd;
    lines.push({ start: i, end: lineEnd, breakEnd });
    i = breakEnd;
  }
  return lines;
}

function leadingSpaces(text: string, line: SourceLine): number {
  let n = 0;
  while (line.start + n < line.end && text[line.start + n] === ' ') n++;
  return n;
}

/** Literal (`|`) and folded (`>`) block scalars, for each indentation that may apply. */
function* decodeBlock(text: string, start: number, end: number): Generator<ValueBuilder | null> {
  const header = readBlockHeader(text, start, end);
  if (!header) {
    yield null;
    return;
  }
  const lines = sourceLines(text, header.contentStart, end);
  const firstText = lines.find((line) => leadingSpaces(text, line) < line.end - line.start);
  const detected = firstText ? leadingSpaces(text, firstText) : Math.max(0, ...lines.map((line) => leadingSpaces(text, line)));
  if (header.indicator === undefined) {
    yield decodeBlockLines(text, lines, detected, header);
    return;
  }
  // The indicator counts from the parent node's indentation, which the scalar does not record.
  for (let indent = header.indicator; indent <= Math.max(header.indicator, detected); indent++) {
    yield decodeBlockLines(text, lines, indent, header);
  }
}

interface BlockLine extends SourceLine {
  /** Start of the line's content after the indentation; null for an empty line. */
  contentStart: number | null;
}

function classifyLines(text: string, lines: SourceLine[], indent: number): BlockLine[] | null {
  const out: BlockLine[] = [];
  for (const line of lines) {
    const spaces = leadingSpaces(text, line);
    const length = line.end - line.start;
    if (spaces === length && spaces <= indent) out.push({ ...line, contentStart: null });
    else if (spaces < indent) return null;
    else out.push({ ...line, contentStart: line.start + indent });
  }
  return out;
}

function decodeBlockLines(text: string, source: SourceLine[], indent: number, header: BlockHeader): ValueBuilder | null {
  const lines = classifyLines(text, source, indent);
  if (!lines) return null;
  const out = new ValueBuilder(source.length > 0 ? source[source.length - 1].breakEnd - source[0].start : 0);
  const addBreak = (line: SourceLine) => {
    if (line.breakEnd > line.end) out.add('\n', line.end, line.breakEnd);
  };
  const contentIndexes = lines.flatMap((line, index) => (line.contentStart === null ? [] : [index]));
  const last = contentIndexes.length > 0 ? contentIndexes[contentIndexes.length - 1] : -1;
  const isSpaced = (line: BlockLine) => isWhite(text[line.contentStart!]);
  let previous: BlockLine | null = null;
  let blanks: BlockLine[] = [];
  for (let index = 0; index <= last; index++) {
    const line = lines[index];
    if (line.contentStart === null) {
      blanks.push(line);
      continue;
    }
    if (previous === null) {
      blanks.forEach(addBreak);
    } else if (header.folded && !isSpaced(previous) && !isSpaced(line)) {
      // Folding: one break between text lines becomes a space; with blank lines, only the blanks count.
      if (blanks.length === 0) out.add(' ', previous.end, previous.breakEnd);
      else blanks.forEach(addBreak);
    } else {
      addBreak(previous);
      blanks.forEach(addBreak);
    }
    out.addVerbatim(text, line.contentStart, line.end);
    previous = line;
    blanks = [];
  }
  if (header.chomping === 'strip') return out;
  // The parser ends a clipped or kept scalar with a line feed even when the file ends without one.
  if (previous && previous.breakEnd === previous.end) out.add('\n', previous.end, previous.end);
  else if (previous) addBreak(previous);
  if (header.chomping === 'keep') lines.slice(last + 1).forEach(addBreak);
  return out;
}
