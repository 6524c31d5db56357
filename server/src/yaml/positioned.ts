import { FAILSAFE_SCHEMA, loadAll, type State } from 'js-yaml';
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, type Node, type ScalarTag } from 'yaml';
import { maxImplicitKeyLength, maxNestingDepth } from './parse';
import { jsonFrame } from './jsonFrame';
import { blockFrame } from './blockScan';
import type { Frame } from './frame';

/**
 * Longer documents go to yaml, unless they are JSON (jsonFrame.ts). While one is read here,
 * js-yaml's values, the frames and yaml's nodes are all alive; on the fuzzer's hostile documents
 * of 0.4 to 5 MB that still peaked lower than yaml's own parse, and took a third of its time (a
 * map of 100,000 annotations: 91 MB and 368 ms, against 162 MB and 1115 ms), but a document the
 * builder refuses after js-yaml has read it (50,000 anchors: 89 MB, 331 ms) costs that on top of
 * yaml's parse, which gets longer with the document.
 */
const maxPositionedLength = 8 * 1024 * 1024;

/** The frames could not be trusted to give yaml's tree for this text: the caller reads it with yaml. */
class Unsupported extends Error {}

const space = 32;
const tab = 9;
const newline = 10;
const carriageReturn = 13;
const hash = 35;

const isBlank = (code: number) => code === space || code === tab;
/** `!`, `&`, `*`: a tag, an anchor or an alias, which change how nodes are read and shared. */
const isPropertyOrAlias = (code: number) => code === 33 || code === 38 || code === 42;
const isWhite = (code: number) => isBlank(code) || code === newline || code === carriageReturn;

/** The first offset from `at` that is not separation space: blanks, line breaks and comments. */
function skipSeparation(text: string, at: number): number {
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (isWhite(code)) at++;
    else if (code === hash) {
      const end = text.indexOf('\n', at);
      at = end === -1 ? text.length : end + 1;
    } else break;
  }
  return at;
}

function skipBlanks(text: string, at: number): number {
  while (at < text.length && isBlank(text.charCodeAt(at))) at++;
  return at;
}

/** The offset just past the last non-white character before `at`. */
function trimBack(text: string, at: number): number {
  while (at > 0 && isWhite(text.charCodeAt(at - 1))) at--;
  return at;
}

/** Past the end of the line `at` is on; `at` itself when it already starts a line. */
function lineEndAfter(text: string, at: number): number {
  if (at === 0 || text.charCodeAt(at - 1) === newline) return at;
  const end = text.indexOf('\n', at);
  return end === -1 ? text.length : end + 1;
}

function lineStartOf(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

/**
 * What a line holds from `lineStart` on: where its content starts, and whether it is blank or a
 * comment. Where the next line starts is left to the callers that go on to it: most stop at a line
 * of content, which need not be searched for its end.
 */
function lineAt(text: string, lineStart: number): { content: number; blank: boolean; comment: boolean } {
  const content = skipBlanks(text, lineStart);
  const code = text.charCodeAt(content);
  const blank = content >= text.length || code === newline || (code === carriageReturn && text.charCodeAt(content + 1) === newline);
  return { content, blank, comment: code === hash };
}

/**
 * Where a scalar or flow collection ends with its comments, from where its text ends: yaml gives
 * it the rest of its line and the comment lines right after it (blank lines between) that are
 * indented deeper than the block collection it is in, at `column`, up to the first that is not:
 * the ones after that are the collection's or its parents' (collectionEnd).
 */
function scalarEnd(text: string, end: number, column: number): number {
  let result = lineEndAfter(text, end);
  for (let line = result; line < text.length; ) {
    const { content, blank, comment } = lineAt(text, line);
    if (comment && content - line <= column) break;
    if (!comment && !blank) break;
    const next = lineEndAfter(text, content + 1);
    if (comment) result = next;
    line = next;
  }
  return Math.min(result, text.length);
}

/**
 * Where a block collection at `column` ends with its comments, from where its last node's end: when
 * it is indented and one of the comment lines after it is as deep as it, it keeps all of them,
 * and the blanks up to the next line's content; otherwise they are its parent's (yaml's parser).
 */
function collectionEnd(text: string, end: number, column: number): number {
  if (column <= 0) return end;
  let keep = false;
  for (let line = end; line < text.length; ) {
    const { content, blank, comment } = lineAt(text, line);
    if (comment) keep ||= content - line >= column;
    else if (!blank) return keep ? content : end;
    line = lineEndAfter(text, content + 1);
  }
  return keep ? text.length : end;
}

/** Whether a comment line follows `at`, before the next content. */
function commentFollows(text: string, at: number): boolean {
  for (let line = lineEndAfter(text, at + 1); line < text.length; ) {
    const { content, blank, comment } = lineAt(text, line);
    if (comment) return true;
    if (!blank) return false;
    line = lineEndAfter(text, content + 1);
  }
  return false;
}

/** How yaml's range of a node depends on where the node sits. */
interface Place {
  /** Column of the block collection the node is in (-1 at the root). */
  column: number;
  /** Inside a flow collection: the range ends with the node's own text. */
  inFlow: boolean;
  depth: number;
}

/** yaml's schema as the parser (yaml/parse.ts) sets it up, made once: nothing here changes it. */
const schema = new Document(null, { merge: true }).schema;

/**
 * A prototype for nodes of a yaml class made without its constructor: the constructors give each
 * node its kind (and each collection its schema) with Object.defineProperty, which took a fifth
 * of building the nodes in a fresh process. On the prototype, yaml's `isMap` and the rest, and
 * `instanceof`, find them all the same.
 */
function prototypeFor<T extends object>(sample: T, extra: PropertyDescriptorMap = {}): T {
  const [kind] = Object.getOwnPropertySymbols(sample);
  return Object.create(Object.getPrototypeOf(sample), { [kind]: { value: (sample as Record<symbol, unknown>)[kind] }, ...extra });
}

const withSchema = { schema: { value: schema, writable: true, configurable: true } };
const scalarPrototype = prototypeFor(new Scalar(null));
const mapPrototype = prototypeFor(new YAMLMap(schema), withSchema);
const seqPrototype = prototypeFor(new YAMLSeq(schema), withSchema);
const pairPrototype = prototypeFor(new Pair(null));

function newScalar(value: unknown): Scalar {
  const scalar: Scalar = Object.create(scalarPrototype);
  scalar.value = value;
  return scalar;
}

function newCollection<T extends YAMLMap | YAMLSeq>(prototype: T): T {
  const collection: T = Object.create(prototype);
  collection.items = [];
  return collection;
}

function newPair(key: Scalar, value: Node): Pair<Scalar, Node> {
  const pair: Pair<Scalar, Node> = Object.create(pairPrototype);
  pair.key = key;
  pair.value = value;
  return pair;
}
/** The scalar tags yaml tries on a plain scalar, in its order. */
const plainTags = schema.tags.filter((tag): tag is ScalarTag => !tag.collection && tag.default === true && !!tag.test);

/**
 * How every plain scalar the core schema resolves to something other than a string begins: null
 * (`~`, `null`, empty), booleans (`true`, `False`…), numbers (`-1`, `+.5`, `0x1f`, `.inf`,
 * `.NaN`). The others (most of them: names, images, paths) skip the tags' eight tests.
 */
const mayNotBeString = /^(?:$|[-+.0-9~nNtTfF])/;

/**
 * Turns the readers' frames into yaml's nodes, with the ranges yaml gives them: [start, end of
 * the value, end with trailing comments], where a block collection's value ends where its last
 * node's comments do. Plain scalars are resolved by yaml's own schema, so values and types are yaml's.
 */
class Builder {
  constructor(private readonly text: string) {}

  node(composed: Frame, place: Place): Node {
    if (place.depth > maxNestingDepth - 8) throw new Unsupported();
    // js-yaml tries a node at the start of a block as a mapping key first (`{a: 1}` as in
    // `{a: 1}: b`); when no `:` follows, the node it composed stands for the whole.
    let frame = composed;
    while (frame.children.length === 1 && typeof frame.result === 'object' && frame.result !== null && frame.children[0].result === frame.result) frame = frame.children[0];
    if (frame.kind === null) return this.empty(frame, place);
    const start = skipSeparation(this.text, frame.open);
    const first = this.text.charCodeAt(start);
    // Tags, anchors and aliases take yaml's path.
    if (isPropertyOrAlias(first)) throw new Unsupported();
    if (frame.kind === 'scalar') return this.scalar(frame, start, first, place);
    if (frame.kind === 'mapping') return this.map(frame, start, first === 123, place);
    if (frame.kind === 'sequence') return this.seq(frame, start, first === 91, place);
    throw new Unsupported();
  }

  /** The end with trailing comments of a node whose text ends at `end`. */
  private nodeEnd(end: number, place: Place): number {
    return place.inFlow ? end : scalarEnd(this.text, end, place.column);
  }

  /** An empty node (`key:`, `- `): yaml puts a null scalar after the indicator's blanks. */
  private empty(frame: Frame, place: Place): Scalar {
    if (place.inFlow) throw new Unsupported();
    const at = skipBlanks(this.text, frame.open);
    const code = this.text.charCodeAt(at);
    // An anchor or a tag on nothing (`key: &a`, `key: !!str`): yaml places the node after them.
    if (isPropertyOrAlias(code)) throw new Unsupported();
    // It takes comment lines after it too, but where it then ends depends on what follows them.
    if (commentFollows(this.text, at)) throw new Unsupported();
    const end = code === hash ? Math.min(lineEndAfter(this.text, at + 1), this.text.length) : at;
    // With a comment on its line, yaml's lexer also stretches it over some of the blank lines after.
    if (code === hash && end < this.text.length && lineAt(this.text, end).blank) throw new Unsupported();
    return this.placed(this.plain(''), [at, at, end], 'PLAIN', '');
  }

  private scalar(frame: Frame, start: number, first: number, place: Place): Scalar {
    const value = frame.result;
    if (typeof value !== 'string') throw new Unsupported();
    if (first === 124 || first === 62) return this.blockScalar(frame, start, first, value, place);
    const end = trimBack(this.text, frame.close);
    const quoted = first === 39 || first === 34;
    const type = !quoted ? 'PLAIN' : first === 39 ? 'QUOTE_SINGLE' : 'QUOTE_DOUBLE';
    return this.placed(quoted ? newScalar(value) : this.plain(value), [start, end, this.nodeEnd(end, place)], type, value);
  }

  /** `|` and `>` scalars; keep chomping (`+`) and indentation indicators go to yaml. */
  private blockScalar(frame: Frame, start: number, first: number, value: string, place: Place): Scalar {
    const headerEnd = lineEndAfter(this.text, start + 1);
    if (value === '' || /^.[^#]*[+1-9]/.test(this.text.slice(start, headerEnd))) throw new Unsupported();
    const end = this.blockScalarEnd(headerEnd, lineEndAfter(this.text, trimBack(this.text, frame.close)));
    return this.placed(newScalar(value), [start, end, this.nodeEnd(end, place)], first === 124 ? 'BLOCK_LITERAL' : 'BLOCK_FOLDED', value);
  }

  /**
   * Where a block scalar ends, from `afterText` (past its last line of text): yaml also gives it
   * the lines of blanks after that up to the last one indented deeper than its text.
   */
  private blockScalarEnd(headerEnd: number, afterText: number): number {
    const text = this.text;
    let firstLine = headerEnd;
    while (isWhite(text.charCodeAt(skipBlanks(text, firstLine)))) firstLine = lineEndAfter(text, skipBlanks(text, firstLine) + 1);
    const indent = skipBlanks(text, firstLine) - firstLine;
    let end = afterText;
    for (let line = afterText; line < text.length; ) {
      const content = skipBlanks(text, line);
      const code = text.charCodeAt(content);
      if (code === tab) throw new Unsupported(); // yaml reads trailing tabs as part of the scalar, and refuses them
      if (content < text.length && code !== newline && code !== carriageReturn) break;
      const next = lineEndAfter(text, content + 1);
      if (content - line > indent) end = Math.min(next, text.length);
      line = next;
    }
    return end;
  }

  private placed(scalar: Scalar, range: [number, number, number], type: Scalar.Type, source: string): Scalar {
    scalar.range = range;
    scalar.source = source;
    scalar.type = type;
    return scalar;
  }

  /** A plain scalar's value as yaml's core schema resolves it (null, booleans, numbers, strings). */
  private plain(source: string): Scalar {
    const tag = mayNotBeString.test(source) ? plainTags.find((candidate) => candidate.test!.test(source)) : undefined;
    if (!tag) return newScalar(source);
    const value = tag.resolve(source, () => {
      throw new Unsupported();
    }, {});
    const scalar = value instanceof Scalar ? value : newScalar(value);
    if (tag.format) scalar.format = tag.format;
    return scalar;
  }

  /** Where the items of a collection starting at `start` sit. */
  private inside(start: number, flow: boolean, place: Place): Place {
    return { column: flow ? place.column : start - lineStartOf(this.text, start), inFlow: flow || place.inFlow, depth: place.depth + 1 };
  }

  private map(frame: Frame, start: number, flow: boolean, place: Place): YAMLMap {
    const children = frame.children;
    if (children.length % 2 !== 0) throw new Unsupported();
    const map = newCollection(mapPrototype);
    const items = this.inside(start, flow, place);
    const keys: Place = { column: items.column, inFlow: true, depth: items.depth };
    for (let index = 0; index < children.length; index += 2) {
      const key = this.node(children[index], keys);
      // A key must be a scalar followed by `:` (`{a, b}` and `? key` are read another way by yaml).
      if (!(key instanceof Scalar) || key.source === '<<' || key.source!.length > maxImplicitKeyLength) throw new Unsupported();
      if (this.text.charCodeAt(skipBlanks(this.text, key.range![1])) !== 58) throw new Unsupported();
      map.items.push(newPair(key, this.node(children[index + 1], items)));
    }
    return this.collection(map, frame, start, flow, items.column, place);
  }

  private seq(frame: Frame, start: number, flow: boolean, place: Place): YAMLSeq {
    const items = frame.result as unknown[];
    // `[a: b]` holds one pair made of two nodes.
    if (frame.children.length !== items.length) throw new Unsupported();
    const seq = newCollection(seqPrototype);
    const inside = this.inside(start, flow, place);
    for (const child of frame.children) seq.items.push(this.node(child, inside));
    return this.collection(seq, frame, start, flow, inside.column, place);
  }

  /** Places a collection; a block one at `column` keeps the comment lines after it that are as deep as it. */
  private collection<T extends YAMLMap | YAMLSeq>(node: T, frame: Frame, start: number, flow: boolean, column: number, place: Place): T {
    if (flow) {
      node.flow = true;
      const end = trimBack(this.text, frame.close);
      node.range = [start, end, this.nodeEnd(end, place)];
      return node;
    }
    const last = node.items.at(-1);
    const lastNode = (last instanceof Pair ? last.value : last) as Node | undefined;
    if (!lastNode?.range) throw new Unsupported();
    const end = lastNode.range[2];
    // At the root, the comments after the last node are the document's.
    node.range = [start, end, place.column < 0 ? end : collectionEnd(this.text, end, column)];
    return node;
  }
}

/** Collects js-yaml's nodes as frames, each holding the frames composed inside it. */
function frameListener(roots: Frame[], length: number) {
  const open: Frame[] = [];
  return (event: 'open' | 'close', state: State) => {
    if (event === 'open') {
      open.push({ open: state.position, close: 0, kind: null, result: null, children: [] });
      return;
    }
    const frame = open.pop()!;
    // js-yaml reads the text with a line break added at the end when it has none.
    frame.close = Math.min(state.position, length);
    frame.kind = state.kind;
    frame.result = state.result;
    (open.at(-1)?.children ?? roots).push(frame);
  };
}

/**
 * Reads a chunk holding one YAML document (split at its `---`) into the tree yaml would give: its
 * classes, values, scalar types and ranges. The frames come from `readers`: the block scan
 * (blockScan.ts), which takes plain block YAML in a strict subset that yaml reads as js-yaml does;
 * the parsers, jsonc-parser for one JSON object or array (jsonFrame.ts) and js-yaml, about five
 * times faster than yaml, for the rest; or any of them, the block scan first.
 * Returns null when they fail or when the document holds what only yaml reads the same way
 * (tags, anchors and aliases, merge keys, explicit or complex keys, keep chomping, a byte order
 * mark, several documents); the caller then parses it with yaml. Before the parsers, the caller
 * has ruled out what js-yaml accepts and yaml refuses (engine/cheapPath.ts jsYamlMayRead).
 */
export function readPositioned(chunk: string, readers: PositionedReaders = 'any'): { doc: Document.Parsed; start: number } | null {
  // Directives (`%YAML`) and a byte order mark, which js-yaml drops and so shifts every offset, go to yaml.
  if (chunk.charCodeAt(0) === 0xfeff || chunk.charCodeAt(0) === 37 || chunk.includes('\n%')) return null;
  // A lone carriage return ends a line for yaml (as parse.ts reads it), not for the offsets here.
  if (chunk.includes('\r') && /\r(?!\n)/.test(chunk)) return null;
  const root = readers === 'block scan' ? scannedFrame(chunk) : readers === 'parsers' ? parsedFrame(chunk) : (scannedFrame(chunk) ?? parsedFrame(chunk));
  if (!root) return null;
  try {
    const contents = new Builder(chunk).node(root, { column: -1, inFlow: false, depth: 1 });
    // A document that is one scalar is no object a rule reads, and the two parsers part ways on
    // some (`--- # c` with no line break after it): yaml reads those.
    if (contents instanceof Scalar) return null;
    // Without a value, not null: yaml would make a node of null first, and contents is set just below.
    const doc = new Document(undefined, { merge: true, schema }) as unknown as Document.Parsed;
    doc.contents = contents as Document.Parsed['contents'];
    const marker = /^(?:[ \t]*(?:#.*)?\r?\n)*---(?=[ \t\r\n]|$)/.exec(chunk);
    const start = marker ? marker[0].length - 3 : lineStartOf(chunk, contents.range![0]);
    doc.range = [start, contents.range![1], chunk.length];
    return { doc, start };
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
}

/**
 * Which readers give the positioned reader its frames: the block scan (blockScan.ts), which takes
 * the plain block YAML most manifests are written in; the parsers, jsonc-parser for JSON and
 * js-yaml for the rest; or any, the block scan first.
 */
export type PositionedReaders = 'block scan' | 'parsers' | 'any';

function scannedFrame(chunk: string): Frame | null {
  return chunk.length > maxPositionedLength ? null : blockFrame(chunk);
}

function parsedFrame(chunk: string): Frame | null {
  return jsonFrame(chunk) ?? (chunk.length > maxPositionedLength ? null : jsYamlFrame(chunk));
}

/** The frame of a chunk's document as js-yaml reads it; null when js-yaml fails or the chunk does not hold exactly one document. */
function jsYamlFrame(chunk: string): Frame | null {
  const roots: Frame[] = [];
  let documents: unknown[];
  try {
    documents = loadAll(chunk, undefined, { schema: FAILSAFE_SCHEMA, listener: frameListener(roots, chunk.length) });
  } catch {
    return null;
  }
  if (documents.length !== 1 || documents[0] === null || documents[0] === undefined || roots.length !== 1) return null;
  return roots[0];
}
