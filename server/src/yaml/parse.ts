import { Composer, CST, isAlias, isMap, isPair, isScalar, isSeq, Lexer, Parser, YAMLParseError, type Document, type YAMLError } from 'yaml';

/** One `---`-separated YAML document of a file, with the offsets it spans. */
export interface YamlDocument {
  index: number;
  doc: Document.Parsed;
  /** First offset of the document (its `---` marker or first token). */
  start: number;
  /** Offset just past the document's last token. */
  end: number;
  errors: YAMLError[];
}

/**
 * Collections nested deeper than this are not composed. The composer recurses once per level,
 * and so do the node visitors after it; near the end of the stack V8 can fail to compile a regular
 * expression and abort the whole process (a fatal "out of memory", not a catchable error), so a
 * 10,000-deep `[[[…]]]` must never reach it. Real manifests, CRD schemas included, nest far less.
 */
export const maxNestingDepth = 256;

/**
 * Keys the fast readers take, at the most: yaml reports implicit keys longer than 1024 characters
 * and js-yaml accepts them, so the cheap path and the positioned reader leave longer ones to yaml.
 */
export const maxImplicitKeyLength = 1000;

/** What YAML 1.2 does not allow in a stream (c-printable), as go-yaml and so kubectl reject it. */
export const nonPrintable = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F\x80-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The first collection nested deeper than `maxNestingDepth`, found without recursion. */
function tooDeep(root: CST.Token): CST.Token | undefined {
  const stack: Array<[CST.Token, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    if (!CST.isCollection(token)) continue;
    if (depth > maxNestingDepth) return token;
    for (const item of token.items) {
      if (item.key) stack.push([item.key, depth + 1]);
      if (item.value) stack.push([item.value, depth + 1]);
    }
  }
  return undefined;
}

/** Error tokens kept between two documents; see withoutDeepDocuments. */
const maxStrayErrors = 100;

interface Unread {
  /** Where the too-deep collection starts. */
  at: number;
  /** The document's real end (its content is dropped before composing). */
  end: number;
}

/**
 * Passes the parser's tokens on, but empties documents nested too deeply and notes where they
 * were; a document's end is where the next token starts (the text's end for the last one).
 */
function* withoutDeepDocuments(tokens: Iterable<CST.Token>, textLength: number, unread: Map<number, Unread>): Generator<CST.Token> {
  let held: { token: CST.Document; at: number } | undefined;
  const release = (end: number) => {
    unread.set(held!.token.offset, { at: held!.at, end });
    const token = { ...held!.token, value: undefined, end: undefined };
    held = undefined;
    return token;
  };
  let strayErrors = 0;
  for (const token of tokens) {
    // Garbage between documents (binary data, `}{}{…`) is one error token per character: past the
    // first hundred of a stretch they say nothing new (yaml-syntax shows twenty) and cost time.
    if (token.type === 'error' && ++strayErrors > maxStrayErrors) continue;
    if (token.type === 'document') strayErrors = 0;
    if (held) yield release(token.offset);
    const deep = token.type === 'document' && token.value ? tooDeep(token.value) : undefined;
    if (deep) held = { token: token as CST.Document, at: deep.offset };
    else yield token;
  }
  if (held) yield release(textLength);
}

/**
 * Duplicate keys, found the way the yaml package finds them (scalar keys with the same value; merge
 * keys `<<` never clash) but with a set per map: the package compares each new key with every
 * earlier one, so a map of 100,000 annotations took minutes. Hence `uniqueKeys: false` below.
 */
function duplicateKeyErrors(doc: Document.Parsed): YAMLParseError[] {
  const errors: YAMLParseError[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = pair.key;
        if (isScalar(key) && !(typeof key.value === 'number' && Number.isNaN(key.value))) {
          if (seen.has(key.value) && key.range) errors.push(new YAMLParseError([key.range[0], key.range[0] + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
          seen.add(key.value);
        }
        stack.push(pair.key, pair.value);
      }
    } else if (isSeq(node)) {
      stack.push(...node.items);
    } else if (isPair(node)) {
      stack.push(node.key, node.value);
    } else if (isAlias(node)) {
      continue; // the anchored node is walked where it stands
    }
  }
  return errors;
}

/** Runs one step of the composer without capturing stack traces for the parse errors it creates. */
function quietly<T>(step: () => T): T {
  // A document full of errors (binary data, a broken flow collection) makes tens of thousands of
  // YAMLParseError objects; their stack traces are never read and cost most of the parse time.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return step();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * Passes the parser's tokens on until the parser itself runs out of stack: it recurses once per
 * level that one token closes, so a line of 10,000 `a: a: a: …` overflows it before any document
 * is complete. The parser's recursion runs no regular expression (the lexer's run at the top), so
 * catching the RangeError here is safe; the rest of the text is then reported unread.
 */
function* untilParserOverflows(tokens: Iterable<CST.Token>, overflow: { happened: boolean }): Generator<CST.Token> {
  try {
    yield* tokens;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    overflow.happened = true;
  }
}

/**
 * The lexemes of a text as the parser is to see them: what lies inside flow collections nested
 * more than one level deeper than `maxNestingDepth`, and the rest of a line after that many
 * `key:` or `- ` indicators (`a: a: a: …`, `- - - …`, each a collection nested in the one before),
 * becomes one run of spaces as long as it. A document holding such a collection is not read anyway
 * (withoutDeepDocuments finds it at the levels kept), and the parser spends about a microsecond
 * on each level: the 200,000 of a line of `{{{{…` took 400 ms, 50,000 `a: ` and 20,000 `- ` ran it
 * out of stack (the rest of the file went unread), and 23,000 `- ` that did not took 100 ms.
 * Offsets stay those of the text; the markers the lexer adds (document, scalar, flow end) are not
 * text and have no length.
 */
function* shallowLexemes(lexemes: Iterable<string>): Generator<string> {
  const kept = maxNestingDepth + 1;
  let depth = 0;
  // Block indicators at flow depth 0 since the last line break there: each nests a collection.
  let indicatorsOnLine = 0;
  let blanked = 0;
  for (const lexeme of lexemes) {
    const type = CST.tokenType(lexeme);
    let blank: boolean;
    if (type === 'doc-mode' || type === 'flow-error-end' || type === 'doc-start' || type === 'doc-end') {
      depth = 0;
      indicatorsOnLine = 0;
      blank = false;
    } else if (type === 'newline' && depth === 0) {
      indicatorsOnLine = 0;
      blank = false;
    } else if (type === 'flow-map-start' || type === 'flow-seq-start') {
      blank = depth++ >= kept || indicatorsOnLine > kept;
    } else if ((type === 'flow-map-end' || type === 'flow-seq-end') && depth > 0) {
      blank = --depth >= kept || indicatorsOnLine > kept;
    } else if ((type === 'map-value-ind' || type === 'seq-item-ind') && depth === 0) {
      blank = ++indicatorsOnLine > kept;
    } else {
      blank = depth > kept || indicatorsOnLine > kept;
    }
    if (blank) {
      if (type !== 'scalar') blanked += lexeme.length;
      continue;
    }
    if (blanked > 0) yield ' '.repeat(blanked);
    blanked = 0;
    yield lexeme;
  }
  if (blanked > 0) yield ' '.repeat(blanked);
}

function* parseTokens(source: string): Generator<CST.Token> {
  const parser = new Parser();
  for (const lexeme of shallowLexemes(new Lexer().lex(source))) yield* parser.next(lexeme);
  yield* parser.end();
}

/** An empty document standing for the text from `from` to the end, which the parser could not read. */
function unreadRest(text: string, from: number): Document.Parsed {
  const [rest] = new Composer().compose(new Parser().parse(''), true, 0);
  rest.range = [from, from, text.length];
  rest.errors.push(new YAMLParseError([from, Math.min(from + 1, text.length)], 'RESOURCE_EXHAUSTION', 'nested too deeply to read: the rest of the file is not checked'));
  return rest;
}

/**
 * Yields the documents of a YAML or JSON text one at a time, so callers can stop or yield to
 * other work between documents. JSON is read as YAML flow syntax, which keeps one position
 * model for both. A byte-order mark stays in the text so offsets match the editor's.
 * Documents nested deeper than `maxNestingDepth` or holding characters YAML forbids (binary
 * data, NUL) come with an error and no content, as a document that does not parse.
 */
export function* iterateYamlDocuments(text: string): Generator<YamlDocument> {
  const parsed = kept;
  if (parsed?.text === text && parsed.reader === readYamlDocuments) {
    yield* parsed.value as YamlDocument[];
    return;
  }
  // The tree kept for another text goes first: two large trees at once are what is to be avoided.
  kept = undefined;
  const documents: YamlDocument[] = [];
  for (const document of readYamlDocuments(text)) {
    documents.push(document);
    yield document;
  }
  kept = { text, reader: readYamlDocuments, value: documents };
}

/** The documents of a text one at a time, as iterateYamlDocuments reads them, but none kept: for a caller that looks at each once. */
export function* readYamlDocuments(text: string): Generator<YamlDocument> {
  const composer = new Composer({ merge: true, prettyErrors: false, uniqueKeys: false });
  const unread = new Map<number, Unread>();
  const overflow = { happened: false };
  // YAML ends a line at a lone "\r" too (old Mac files; go-yaml, so kubectl, reads them), the yaml
  // package does not: it gets "\n" there, which keeps every offset the same.
  const source = text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
  const tokens = untilParserOverflows(parseTokens(source), overflow);
  const documents = composer.compose(withoutDeepDocuments(tokens, text.length, unread), true, text.length);
  let index = 0;
  let nextBad = -1;
  let lastEnd = 0;
  for (;;) {
    const step = quietly(() => documents.next());
    if (step.done) break;
    const doc = step.value;
    const deep = unread.get(doc.range[0]);
    const start = doc.range[0];
    const end = deep ? Math.max(deep.end, doc.range[2]) : doc.range[2];
    const found: YAMLParseError[] = [];
    if (deep) {
      found.push(new YAMLParseError([deep.at, deep.at + 1], 'RESOURCE_EXHAUSTION', `collections nested deeper than ${maxNestingDepth} levels are not read`));
    } else {
      found.push(...duplicateKeyErrors(doc));
      // Documents come in order, so one search serves every document up to the match it found.
      if (nextBad !== -2 && nextBad < start) {
        nonPrintable.lastIndex = start;
        nextBad = nonPrintable.exec(text)?.index ?? -2;
      }
      if (nextBad >= start && nextBad < end) {
        const code = text.codePointAt(nextBad)!.toString(16).toUpperCase().padStart(4, '0');
        found.push(new YAMLParseError([nextBad, nextBad + 1], 'UNEXPECTED_TOKEN', `the control character U+${code} is not allowed in YAML (a binary or wrongly encoded file?)`));
      }
    }
    if (found.length > 0) {
      doc.errors.push(...found);
      doc.errors.sort((a, b) => a.pos[0] - b.pos[0]);
    }
    lastEnd = Math.max(lastEnd, end);
    yield { index: index++, doc, start, end, errors: doc.errors };
  }
  if (overflow.happened) {
    const rest = unreadRest(text, lastEnd);
    yield { index, doc: rest, start: lastEnd, end: text.length, errors: rest.errors };
  }
}

/**
 * The documents of the text read to its end last, kept until another text is parsed. The same
 * text is parsed over and over otherwise: the server lints a file, then each hover parses it and
 * lints it for its verdict, code actions look at it once per diagnostic, an open `.ack-cni.yaml`
 * is resolved and then linted. A 5 MB JSON file is a 140 MB tree (and 320 MB more while it is
 * built): the server went over 1.4 GB when a hover parsed it again after the lint. One tree is
 * kept at a time, so memory holds at most the largest file's. The documents are shared: nothing
 * may change them. keptRead keeps other readers' trees in the same place.
 */
let kept: { text: string; reader: (text: string) => unknown; value: unknown } | undefined;

/**
 * The last text a reader of keptRead gave null for: asked again, it answers null at once (the
 * block scan would read a CRD of 1.5 MB it declines up to where it stops, 7 ms of each hover,
 * before the next reader's kept tree answered).
 */
let declined: { text: string; reader: (text: string) => unknown } | undefined;

/**
 * What `read` gives for `text`, kept where the last parse is (and in its stead) until another
 * text is read: for a large document that another reader than yaml reads (yaml/positioned.ts),
 * which each request would otherwise read afresh. When `read` gives null (it leaves the text to
 * another reader or to yaml), what is kept of the same text stays: a hover in a CRD of 1.5 MB
 * parsed it anew each time when the null took its place.
 */
export function keptRead<T>(text: string, read: (text: string) => T | null): T | null {
  if (kept?.text === text && kept.reader === read) return kept.value as T;
  if (declined?.text === text && declined.reader === read) return null;
  if (kept?.text !== text) kept = undefined;
  const value = read(text);
  if (value !== null) kept = { text, reader: read, value };
  else declined = { text, reader: read };
  return value;
}

/** Drops the kept parse: the fuzz harness times the lint of a text as its first parse. */
export function forgetLastParse(): void {
  kept = undefined;
  declined = undefined;
}

/** The documents of a YAML or JSON text (see iterateYamlDocuments), all at once. */
export function parseYamlDocuments(text: string): YamlDocument[] {
  return [...iterateYamlDocuments(text)];
}
