import { charactersReadAlike } from './characters';
import { collectionFrame, MapKeys, scalarFrame, type Frame } from './frame';
import { Code, FlowDemand, flowCollection, keyName, keyPattern, plainEnd, quotedEnd, quotedValue, restIsEmpty, safeString, skipSpaces } from './blockScalars';

/**
 * A line scanner for the plain block YAML most manifests are written in: block mappings and
 * sequences, keys that are plainly strings, plain scalars, one-line quoted scalars, literal and
 * folded block scalars, one-line flow collections of scalars, comments. Anything else (anchors,
 * aliases, tags, escapes, quoted scalars over lines, nested flow collections, explicit keys,
 * duplicate keys, tabs, carriage returns, characters YAML forbids) ends the scan, and the chunk
 * goes the way it went before. A regular expression reads each line's shape, so a scan costs a
 * fraction of a js-yaml load, even in a process whose code has not warmed up yet (a language
 * server opening its first file).
 *
 * It does two jobs for the engine, each checked against what it stands in for: over the corpus,
 * by the unit tables and by the fuzzer (test/helpers/yamlTree.ts).
 * - `provablySettled`: what `settles` (engine/cheapPath.ts) learns by loading a chunk with
 *   js-yaml, that it is one readable document with nothing any rule can report, without building
 *   values. It is asked only about chunks without a trigger word or a checked apiVersion
 *   (`mentionsWhatRulesRead`), so of `mayMatter`'s checks one is left: labels and annotations
 *   under any `metadata` must be a map whose values kubectl reads as strings.
 * - `blockFrame`: the frames the positioned reader (positioned.ts) builds yaml's nodes from, as
 *   js-yaml's listener would give them, for the chunks that do matter; here a plain scalar stays
 *   on its line, and a block scalar is literal without keep chomping.
 */

/** What a map's entries are to the settle check: nothing, a `metadata` map, or its labels or annotations. */
const enum Role {
  None,
  Metadata,
  Strings,
}

const enum BlockLine {
  Text,
  Ended,
  Unproven,
}

/** A block collection the scan is in. */
interface Collection {
  column: number;
  sequence: boolean;
  role: Role;
  /** A map's keys so far. */
  keys: MapKeys;
  /** Its frame, when frames are built. */
  frame: Frame | null;
}

/** Far below `maxNestingDepth`, past which `mayMatter` gives up. */
const maxDepth = 64;

/**
 * A line's indentation, its sequence entry indicators (`- `, `- - `, a last `-` alone) and a key
 * followed by `:` and a space or the line's end. The value starts where the match ends.
 */
const lineShape = new RegExp(String.raw`( *)((?:-(?: +|(?=\n|$)))*)(?:(${keyPattern}):(?: +|(?=\n|$)))?`, 'y');

/** Whether the chunk is provably settled: one document, readable by both readers, that no rule can report on. */
export function provablySettled(chunk: string): boolean {
  return !chunk.includes('{{') && scannable(chunk) && new BlockScan(chunk, false).run();
}

/** The frame of a chunk's one document, a block collection; null when it is not in the subset the scan takes. */
export function blockFrame(chunk: string): Frame | null {
  if (!scannable(chunk)) return null;
  const scan = new BlockScan(chunk, true);
  return scan.run() ? scan.root : null;
}

function scannable(chunk: string): boolean {
  return !chunk.includes('\t') && !chunk.includes('\r') && chunk.charCodeAt(0) !== 0xfeff && charactersReadAlike(chunk);
}

class BlockScan {
  private readonly collections: Collection[] = [];
  root: Frame | null = null;
  private started = false;
  /** A key or entry whose value starts on a later line, or is null: while pendingColumn >= 0. */
  private pendingColumn = -1;
  private pendingOfKey = false;
  private pendingRole = Role.None;
  /** Where a null value would be: just after the key's `:` or the entry's `-`. */
  private pendingOpen = 0;
  /** A block scalar's lines must be deeper than blockParent (while >= 0), and as deep as its first. */
  private blockParent = -1;
  private blockIndent = -1;
  private blockLeadingBlank = 0;
  /** The block scalar's frame, filled in where it ends, with where its text starts and ends, and its chomping. */
  private block: Frame | null = null;
  private blockBody = 0;
  private blockLast = -1;
  private blockStrip = false;
  /** Lines deeper than plainParent (while >= 0) go on with a plain scalar. */
  private plainParent = -1;

  constructor(
    private readonly text: string,
    private readonly build: boolean,
  ) {}

  run(): boolean {
    const text = this.text;
    for (let lineStart = 0; lineStart < text.length; ) {
      let end = text.indexOf('\n', lineStart);
      if (end === -1) end = text.length;
      if (!this.line(lineStart, end)) return false;
      lineStart = end + 1;
    }
    if (this.blockParent >= 0) this.endBlock();
    if (this.pendingColumn >= 0 && !this.nullValue()) return false;
    return this.collections.length > 0 && this.collections.length <= maxDepth;
  }

  private line(lineStart: number, end: number): boolean {
    const text = this.text;
    if (this.blockParent >= 0) {
      // A block scalar's text needs only its indentation read.
      const content = skipSpaces(text, lineStart, end);
      const read = this.blockLine(content - lineStart, content === end, end);
      if (read !== BlockLine.Ended) return read === BlockLine.Text;
    }
    lineShape.lastIndex = lineStart;
    const shape = lineShape.exec(text)!;
    const indent = shape[1].length;
    if (this.plainParent >= 0) {
      const content = lineStart + indent;
      if (content === end) return true;
      if (indent > this.plainParent) return this.plainLine(content, end);
      this.plainParent = -1;
    }
    const dashes = shape[2];
    const key = shape[3];
    const valueAt = lineShape.lastIndex;
    if (dashes === '' && key === undefined) return this.bareLine(indent, valueAt, end);
    this.started = true;
    if (this.collections.length > maxDepth) return false;
    const entry = dashes !== '';
    let collection = this.collectionAt(indent, entry, lineStart);
    if (!collection) return false;
    if (entry) {
      // `- - x` opens a sequence in an entry at each further indicator's column.
      let column = indent;
      for (let dash = dashes.indexOf('-', 1); dash !== -1; dash = dashes.indexOf('-', dash + 1)) {
        if (this.collections.length > maxDepth) return false;
        column = indent + dash;
        collection = this.open(column, true, Role.None, lineStart + column);
      }
      if (key === undefined) return this.value(valueAt, end, column, false, Role.None, lineStart + column + 1);
      collection = this.open(indent + dashes.length, false, Role.None, lineStart + indent + dashes.length);
    }
    return key !== undefined && this.entry(collection, key, lineStart + collection.column, valueAt, end);
  }

  /** A line while a block scalar is open: its text, the line that ends it (read as usual then), or one the subset does not take. */
  private blockLine(indent: number, blank: boolean, end: number): BlockLine {
    if (blank) {
      if (this.blockIndent < 0) this.blockLeadingBlank = Math.max(this.blockLeadingBlank, indent);
      // Spaces past the text's indentation are text; not worth building here.
      else if (this.build && indent > this.blockIndent) return BlockLine.Unproven;
      return BlockLine.Text;
    }
    if (this.blockIndent < 0 && indent > this.blockParent) {
      // yaml refuses leading blank lines longer than the first line of text.
      if (this.blockLeadingBlank > indent) return BlockLine.Unproven;
      this.blockIndent = indent;
      this.blockLast = end;
      return BlockLine.Text;
    }
    if (this.blockIndent >= 0 && indent >= this.blockIndent) {
      this.blockLast = end;
      return BlockLine.Text;
    }
    if (indent > this.blockParent) return BlockLine.Unproven;
    this.endBlock();
    return BlockLine.Ended;
  }

  private endBlock(): void {
    this.blockParent = -1;
    const block = this.block;
    if (!block || this.blockLast < 0) return;
    const indent = this.blockIndent;
    const lines = this.text.slice(this.blockBody, this.blockLast).split('\n');
    const value = lines.map((line) => (line.length <= indent ? '' : line.slice(indent))).join('\n');
    // Clipping ends the value with one line break, even at the end of a text without one (as yaml and js-yaml read it).
    block.result = this.blockStrip ? value : `${value}\n`;
    block.close = this.blockLast;
  }

  /** A line deeper than the collection of a plain scalar that may go on: it does, unless it is a comment. */
  private plainLine(content: number, end: number): boolean {
    // A comment ends the scalar; a line deeper than its collection after that is not taken.
    if (this.text.charCodeAt(content) === Code.Hash) {
      this.plainParent = -1;
      return true;
    }
    const close = plainEnd(this.text, content, end);
    if (close === -1 || this.build) return false;
    if (skipSpaces(this.text, close, end) !== end) this.plainParent = -1;
    return true;
  }

  /** A line with neither an entry nor a key: blank, a comment, a value on the line after its key, or the document's start marker. */
  private bareLine(indent: number, at: number, end: number): boolean {
    const text = this.text;
    if (at === end || text.charCodeAt(at) === Code.Hash) return true;
    if (this.pendingColumn >= 0 && indent > this.pendingColumn && this.pendingRole !== Role.Strings) {
      const column = this.pendingColumn;
      this.pendingColumn = -1;
      const code = text.charCodeAt(at);
      return code !== Code.Pipe && code !== Code.Greater && this.inlineValue(at, end, column, Role.None);
    }
    if (indent > 0 || this.started || !text.startsWith('---', at) || !restIsEmpty(text, at + 3, end)) return false;
    this.started = true;
    return true;
  }

  /** The collection a line's first entry or key at `indent` belongs to: a new one in a pending value, or an open one. */
  private collectionAt(indent: number, entry: boolean, lineStart: number): Collection | null {
    const collections = this.collections;
    if (this.pendingColumn >= 0) {
      const column = this.pendingColumn;
      if (indent > column || (indent === column && this.pendingOfKey && entry)) {
        this.pendingColumn = -1;
        if (entry && this.pendingRole === Role.Strings) return null;
        return this.open(indent, entry, this.pendingRole, lineStart + indent);
      }
      if (!this.nullValue()) return null;
    }
    if (collections.length === 0) return indent === 0 ? this.open(0, entry, Role.None, lineStart) : null;
    while (collections.length > 1 && collections[collections.length - 1].column > indent) collections.pop();
    let collection = collections[collections.length - 1];
    // A sequence written at its key's column ends where the next key of that map starts.
    if (collection.sequence && !entry && collections.length > 1 && collections[collections.length - 2].column === indent) {
      collections.pop();
      collection = collections[collections.length - 1];
    }
    return collection.column === indent && collection.sequence === entry ? collection : null;
  }

  /** The pending value is null: labels and annotations may not be. */
  private nullValue(): boolean {
    this.pendingColumn = -1;
    if (this.pendingRole === Role.Strings) return false;
    if (this.build) this.add({ open: this.pendingOpen, close: this.pendingOpen, kind: null, result: null, children: [] });
    return true;
  }

  private open(column: number, sequence: boolean, role: Role, start: number): Collection {
    const frame = this.build ? collectionFrame(start, sequence ? 'sequence' : 'mapping') : null;
    if (frame) this.add(frame);
    const collection: Collection = { column, sequence, role, keys: new MapKeys(), frame };
    this.collections.push(collection);
    return collection;
  }

  /** Adds a frame to the innermost open collection's, or makes it the root. */
  private add(frame: Frame): void {
    const parent = this.collections[this.collections.length - 1];
    if (parent) parent.frame!.children.push(frame);
    else this.root = frame;
  }

  private entry(collection: Collection, key: string, keyStart: number, valueAt: number, end: number): boolean {
    const name = keyName(key);
    if (name === null || !collection.keys.add(name)) return false;
    if (this.build) this.add(scalarFrame(keyStart, keyStart + key.length, name));
    const role = this.build ? Role.None : name === 'metadata' ? Role.Metadata : collection.role === Role.Metadata && (name === 'labels' || name === 'annotations') ? Role.Strings : Role.None;
    if (collection.role === Role.Strings) return valueAt !== end && safeString(this.text, valueAt, end);
    return this.value(valueAt, end, collection.column, true, role, keyStart + key.length + 1);
  }

  /** A key's or entry's value from `at`: on a later line when the line ends here, else on this one. */
  private value(at: number, end: number, column: number, ofKey: boolean, role: Role, indicatorEnd: number): boolean {
    if (at === end || this.text.charCodeAt(at) === Code.Hash) {
      this.pendingColumn = column;
      this.pendingOfKey = ofKey;
      this.pendingRole = role;
      this.pendingOpen = indicatorEnd;
      return true;
    }
    return this.inlineValue(at, end, column, role);
  }

  /** A value on its line: a one-line scalar, a block scalar's header or a one-line flow collection. */
  private inlineValue(at: number, end: number, column: number, role: Role): boolean {
    const text = this.text;
    const code = text.charCodeAt(at);
    // Labels and annotations must be a map: on their key's line, only a flow one.
    if (role === Role.Strings && code !== Code.OpenBrace) return false;
    if (code === Code.Quote || code === Code.Apostrophe) {
      const close = quotedEnd(text, at, end);
      if (close === -1 || !restIsEmpty(text, close, end)) return false;
      if (this.build) this.add(scalarFrame(at, close, quotedValue(text, at, close)));
      return true;
    }
    if (code === Code.OpenBrace || code === Code.OpenBracket) {
      const frame = this.build ? collectionFrame(at, code === Code.OpenBrace ? 'mapping' : 'sequence') : null;
      const demand = role === Role.Strings ? FlowDemand.Strings : role === Role.Metadata ? FlowDemand.NoLabels : FlowDemand.None;
      if (!flowCollection(text, at, end, demand, frame)) return false;
      if (frame) this.add(frame);
      return true;
    }
    if (code === Code.Pipe || code === Code.Greater) return this.blockHeader(at, end, column);
    const close = plainEnd(text, at, end);
    if (close === -1) return false;
    if (this.build) this.add(scalarFrame(at, close, text.slice(at, close)));
    // Without a comment after it, the lines after it may go on with it.
    if (skipSpaces(text, close, end) === end) this.plainParent = column;
    return true;
  }

  /** `|` or `>` with an optional chomping indicator; the scalar's text is the lines deeper than the collection at `column`. */
  private blockHeader(at: number, end: number, column: number): boolean {
    const text = this.text;
    const chomp = text.charCodeAt(at + 1);
    const indicated = chomp === Code.Dash || chomp === Code.Plus;
    if (!restIsEmpty(text, indicated ? at + 2 : at + 1, end)) return false;
    this.blockParent = column;
    this.blockIndent = -1;
    this.blockLeadingBlank = 0;
    if (!this.build) return true;
    // Folding and keep chomping are not built here.
    if (text.charCodeAt(at) === Code.Greater || chomp === Code.Plus) return false;
    this.block = scalarFrame(at, at, '');
    this.add(this.block);
    this.blockBody = end + 1;
    this.blockLast = -1;
    this.blockStrip = chomp === Code.Dash;
    return true;
  }
}
