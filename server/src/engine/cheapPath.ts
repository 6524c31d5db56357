import { CORE_SCHEMA, loadAll } from 'js-yaml';
import { keptRead, maxImplicitKeyLength, maxNestingDepth, parseYamlDocuments, type YamlDocument } from '../yaml/parse';
import { charactersReadAlike } from '../yaml/characters';
import { readPositioned } from '../yaml/positioned';
import { kubectlPlainType } from '../yaml/scalarType';
import { calicoPolicyKinds } from '../rules/support/keys';
import { provablySettled } from '../yaml/blockScan';
import { actionsInsideScalars, findBuiltinAction } from './template';

/**
 * Words every annotation key, field and name a rule or cluster reader looks for contains one of
 * (k8s.aliyun.com/*, kubernetes.io/*-bandwidth, network.alibabacloud.com, ipFamilyPolicy,
 * backend-type, cluster_type, eni-config, kube-flannel-cfg), plus what changes how a document is
 * read: merge keys and suppressions. A document that mentions none, even in a comment, has
 * nothing those rules can report. A new rule keyed on other words must add them here; its rule
 * table fails until it does, since the tables lint through this path. Template actions (`{{`)
 * are looked at by `settles`.
 */
const triggers = /k8s\.aliyun\.com|network\.alibabacloud\.com|bandwidth|ipFamil|backend-type|cluster_type|eni-config|kube-flannel-cfg|ack-cni|<</;

/** API groups whose kinds rules check by kind: NetworkPolicy, Ingress and the rest of networking.k8s.io. */
const checkedGroups = new Set(['networking.k8s.io', 'extensions']);
const calicoKinds = new Set<string>(calicoPolicyKinds);
/**
 * A trigger word, or an apiVersion of those groups written out: such a document never settles, so
 * it is not loaded twice to learn so (one search for both).
 */
const mayBeChecked = new RegExp(
  `${triggers.source}|apiVersion["']?\\s*:\\s*["']?(?:${[...checkedGroups].map((group) => group.replace(/\./g, '\\.')).join('|')}|[\\w.-]*projectcalico\\.org)/`,
);

/** Whether a chunk holds a trigger word or a checked apiVersion: it never settles, and the settle scan is not asked about it. */
export function mentionsWhatRulesRead(chunk: string): boolean {
  return mayBeChecked.test(chunk);
}

type Loaded = Record<string, unknown>;

function isMap(value: unknown): value is Loaded {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value kubectl reads as the same string however it was written (quoted or plain). */
function isPlainlySafeString(value: unknown): boolean {
  return typeof value === 'string' && kubectlPlainType(value) === 'string';
}

function checkedKind(object: unknown): boolean {
  if (!isMap(object) || typeof object.apiVersion !== 'string' || typeof object.kind !== 'string') return false;
  const slash = object.apiVersion.indexOf('/');
  const group = slash === -1 ? '' : object.apiVersion.slice(0, slash);
  return checkedGroups.has(group) || (group.endsWith('projectcalico.org') && calicoKinds.has(object.kind));
}

/** Labels and annotations annotation-value-type would flag, or may: anything but a map of safe strings. */
function suspiciousMetadata(metadata: Loaded): boolean {
  for (const field of ['labels', 'annotations']) {
    if (!(field in metadata)) continue;
    const map = metadata[field];
    if (!isMap(map) || !Object.values(map).every(isPlainlySafeString)) return true;
  }
  return false;
}

/**
 * Whether a loaded document may matter to a rule, or yaml may read it differently from js-yaml:
 * objects of checked kinds, suspicious labels or annotations anywhere (a superset of the metadata
 * annotation-value-type reads), trigger words hidden behind escapes, deep nesting (aliases can nest
 * anchored collections past js-yaml's own limit), long keys. It tracks the values it has seen only
 * when aliases may share them (and an anchor may contain its own alias).
 */
function mayMatter(root: unknown, escaped: boolean, aliased: boolean): boolean {
  const objects = !isMap(root) ? [] : Array.isArray(root.items) ? [root, ...root.items] : [root];
  if (objects.some(checkedKind)) return true;
  const seen = aliased ? new Set<unknown>() : undefined;
  const walk = (value: unknown, depth: number): boolean => {
    if (typeof value === 'string') return escaped && triggers.test(value);
    if (typeof value !== 'object' || value === null) return false;
    if (seen) {
      if (seen.has(value)) return false;
      seen.add(value);
    }
    if (depth > maxNestingDepth - 8) return true;
    if (Array.isArray(value)) {
      for (const item of value) if (walk(item, depth + 1)) return true;
      return false;
    }
    const map = value as Loaded;
    if (isMap(map.metadata) && suspiciousMetadata(map.metadata)) return true;
    for (const key in map) {
      if (key.length > maxImplicitKeyLength || (escaped && triggers.test(key)) || walk(map[key], depth + 1)) return true;
    }
    return false;
  };
  return walk(root, 1);
}

const isWordCode = (code: number) => (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);

/** Where the quoted scalar opening at `start` closes, searching to `end`; -1 when it does not. */
function quoteEnd(chunk: string, start: number, quote: number, end: number): number {
  for (let at = start; at < end; at++) {
    const code = chunk.charCodeAt(at);
    if (quote === 34 && code === 92) {
      at++;
    } else if (code === quote) {
      if (quote === 39 && chunk.charCodeAt(at + 1) === 39) at++; // '' is a quote inside single quotes
      else return at;
    }
  }
  return -1;
}

/** A line's indentation: leading spaces, or -1 when a tab comes before its content (yaml refuses some that js-yaml takes). */
function indentOf(chunk: string, from: number, to: number): number {
  let at = from;
  while (at < to && chunk.charCodeAt(at) === 32) at++;
  return chunk.charCodeAt(at) === 9 ? -1 : at - from;
}

/** The column where a line's block node starts: its indentation plus any `- ` sequence entries before it. */
function blockColumn(line: string): number {
  return /^(?:[ ]*-[ ]+)*[ ]*/.exec(line)![0].length;
}

/** Whether the code of a line (up to a comment) ends with a block scalar header (`key: |`, `- >-`): the lines deeper than its block are text. */
function endsWithBlockScalarHeader(chunk: string, lineStart: number, codeEnd: number): boolean {
  let at = codeEnd - 1;
  while (at >= lineStart && (chunk.charCodeAt(at) === 32 || chunk.charCodeAt(at) === 9 || chunk.charCodeAt(at) === 13)) at--;
  if (at >= lineStart && (chunk.charCodeAt(at) === 45 || chunk.charCodeAt(at) === 43)) at--; // chomping: - or +
  const indicator = chunk.charCodeAt(at);
  if (at < lineStart || (indicator !== 124 && indicator !== 62)) return false;
  return at === lineStart || chunk.charCodeAt(at - 1) === 32 || chunk.charCodeAt(at - 1) === 9;
}

/** What may open or close a quoted scalar, a flow collection or a comment. */
const structureChars = /["'#[\]{}]/g;
const anyStructureChar = new RegExp(structureChars.source);

/**
 * Whether a quoted scalar or a flow collection may read differently in yaml and js-yaml because it
 * runs on past a line end: yaml wants the lines it runs on to be indented deeper than the block
 * it sits in, js-yaml does not (`- a: "x` over `  y"` parses only in js-yaml). So a chunk goes the
 * full way when such a line is not deeper, or starts with a tab. A quote opens a scalar only where
 * a node may start, not inside a word (`don't`, `5"`); nothing after ` #` and nothing inside a
 * block scalar is structure. (Sending every chunk with an apostrophe or a multi-line description
 * the full way took half of the CLI's time over the corpus.) A flow node that starts the document
 * at column 0 (a JSON file) may run on at any indentation.
 */
function mayRunOverLines(chunk: string): boolean {
  // Many documents hold no quote, bracket or comment at all (a Service, a plain Deployment; 1,880
  // of the 3,008 in the 1 MB bench file): one search says so, without the walk line by line.
  if (!anyStructureChar.test(chunk)) return false;
  let quote = 0; // the open quote, 0 when none
  let depth = 0; // open flow collections
  let deeperThan = 0; // lines an open quote or collection runs on to must be indented more than this
  let blockScalarAbove = -1; // while >= 0: lines indented more are the text of a block scalar
  let seenContent = false;
  let nextStructure = -1; // the first structure character at or after the last place searched from
  for (let lineStart = 0; lineStart < chunk.length; ) {
    const newline = chunk.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? chunk.length : newline;
    const open = quote !== 0 || depth !== 0;
    if (open || blockScalarAbove >= 0) {
      const indent = indentOf(chunk, lineStart, lineEnd);
      const empty = lineEnd === lineStart || (lineEnd === lineStart + 1 && chunk.charCodeAt(lineStart) === 13);
      if (open && !empty && indent <= deeperThan) return true;
      if (!open && (empty || indent > blockScalarAbove)) {
        lineStart = lineEnd + 1;
        continue;
      }
      blockScalarAbove = -1;
    }
    let codeEnd = lineEnd;
    for (let at = lineStart; at < lineEnd; at++) {
      if (quote !== 0) {
        const close = quoteEnd(chunk, at, quote, lineEnd);
        if (close === -1) break;
        if (chunk.charCodeAt(close + 1) === 35) return true; // `"q"# c`: a comment without a space before it, an error only to yaml
        quote = 0;
        at = close;
        continue;
      }
      if (nextStructure < at) {
        structureChars.lastIndex = at;
        nextStructure = structureChars.exec(chunk)?.index ?? chunk.length;
      }
      if (nextStructure >= lineEnd) break;
      at = nextStructure;
      const code = chunk.charCodeAt(at);
      const before = at === lineStart ? 32 : chunk.charCodeAt(at - 1);
      if (code === 34 || code === 39) {
        if (isWordCode(before)) continue;
        if (depth === 0) deeperThan = runOnIndent(chunk.slice(lineStart, lineEnd), at - lineStart, seenContent);
        quote = code;
      } else if (code === 35) {
        if (before !== 32 && before !== 9) continue;
        codeEnd = at;
        break;
      } else if (code === 91 || code === 123) {
        if (depth === 0) deeperThan = runOnIndent(chunk.slice(lineStart, lineEnd), at - lineStart, seenContent);
        depth++;
      } else {
        depth--;
        if (chunk.charCodeAt(at + 1) === 35) return true; // `[]# c`: a comment glued to a bracket, an error only to yaml
      }
    }
    if (depth < 0) return true;
    if (quote === 0 && depth === 0 && endsWithBlockScalarHeader(chunk, lineStart, codeEnd)) blockScalarAbove = blockColumn(chunk.slice(lineStart, codeEnd));
    if (!seenContent) {
      const code = chunk.slice(lineStart, codeEnd).trim();
      seenContent = code !== '' && !code.startsWith('---');
    }
    lineStart = lineEnd + 1;
  }
  return quote !== 0 || depth !== 0;
}

/**
 * The indentation lines must go deeper than when a quote or bracket at `column` of `line` runs on:
 * the block its node sits in. A node that starts its line's block (`key:` over `  "text…`, `- [`)
 * sits in a block indented less than itself; one after a key sits in the key's block. The first
 * node of a document at column 0 (a JSON file) sits in none.
 */
function runOnIndent(line: string, column: number, seenContent: boolean): number {
  const block = blockColumn(line);
  if (column !== block) return block;
  if (column > 0) return column - 1;
  return seenContent ? 0 : -1;
}

/** A tab in a line's indentation: yaml refuses some that js-yaml reads (`\ta`). */
const tabIndented = /^\uFEFF? *\t/m;

/**
 * Whether js-yaml may read a chunk (one document, split at `---`) as yaml does: no text where the
 * two are known to part ways, which yaml then reads (and reports, when it refuses it): document
 * end markers, tab indentation, quotes and brackets running over lines, characters YAML forbids.
 */
export function jsYamlMayRead(chunk: string): boolean {
  if (/\n\.\.\.|^\.\.\./.test(chunk) || (chunk.includes('\t') && tabIndented.test(chunk)) || mayRunOverLines(chunk)) return false;
  return charactersReadAlike(chunk);
}

/**
 * A js-yaml listener that collects where its scalars lie: from where each node began (separation
 * space and properties included, which hold no `{{` but in comments) to where it ended. Aliases
 * are not scalars to it.
 */
function scalarSpanListener(spans: Array<[number, number]>) {
  const opened: number[] = [];
  return (event: 'open' | 'close', state: { position: number; kind: string | null }) => {
    if (event === 'open') opened.push(state.position);
    else if (opened.length > 0) {
      const start = opened.pop()!;
      if (state.kind === 'scalar') spans.push([start, state.position]);
    }
  };
}

/**
 * Whether one YAML document (a chunk of the file holding exactly one), which js-yaml may read, is
 * settled without a tree: it has no finding for any rule under any profile. Whenever yaml might
 * see something else (an empty document, several documents), the answer is no; when js-yaml
 * cannot load it at all, `unreadable`.
 *
 * A document with `{{` (a Prometheus alert text, a Go template in an Argo CD path) settles only
 * when it holds no Helm built-in and each `{{` outside comments lies inside a scalar js-yaml read,
 * as the full path would find with yaml's scalars (engine/template.ts).
 */
export function settles(chunk: string): boolean | 'unreadable' {
  const templated = chunk.includes('{{');
  // js-yaml drops a byte order mark, which would shift the scalars' offsets by one.
  if (templated && (chunk.charCodeAt(0) === 0xfeff || findBuiltinAction(chunk) !== null)) return false;
  const scalars: Array<[number, number]> = [];
  let documents: unknown[];
  try {
    // The core schema: the default one adds timestamps (a test on every plain scalar) and merge
    // keys (a trigger here). A date stays a string, which kubectlPlainType judges as the rules do.
    documents = loadAll(chunk, undefined, { schema: CORE_SCHEMA, ...(templated ? { listener: scalarSpanListener(scalars) } : {}) });
  } catch {
    return 'unreadable';
  }
  if (documents.length !== 1 || documents[0] === null || documents[0] === undefined) return false;
  if (templated && !actionsInsideScalars(chunk, scalars.sort((a, b) => a[0] - b[0]))) return false;
  return !mayMatter(documents[0], chunk.includes('\\'), chunk.includes('*'));
}

/** A chunk's document as yaml would give it, read by some of the positioned reader's readers; null when they leave it to yaml. */
function positionedDocument(chunk: string, readers: 'block scan' | 'parsers'): YamlDocument | null {
  const read = readers === 'block scan' ? readScannedDocument : readParsedDocument;
  return chunk.length > keptLength ? keptRead(chunk, read) : read(chunk);
}

/**
 * A document longer than this is kept once read, as yaml's parse of a text is: the lint, each
 * hover and each code action would read it afresh (a 5 MB JSON file: 0.5 s and 220 MB each time).
 */
const keptLength = 1024 * 1024;

const readScannedDocument = (chunk: string) => asDocument(chunk, readPositioned(chunk, 'block scan'));
const readParsedDocument = (chunk: string) => asDocument(chunk, readPositioned(chunk, 'parsers'));

function asDocument(chunk: string, read: ReturnType<typeof readPositioned>): YamlDocument | null {
  return read && { index: 0, doc: read.doc, start: read.start, end: chunk.length, errors: [] };
}

/**
 * Reads one chunk the cheap way when it can: `settled` when it has nothing any rule can report,
 * else its document as yaml would give it, read by the block scan or js-yaml (yaml/positioned.ts),
 * else null and the caller parses it with yaml, which also reports what does not parse. The block
 * scan comes first: most documents are in the subset it takes, which yaml reads as it does
 * whatever js-yaml would make of them, so neither js-yaml nor the search for where the two part
 * ways (jsYamlMayRead) is needed for those.
 */
export function readCheaply(chunk: string): 'settled' | YamlDocument | null {
  const mentions = mentionsWhatRulesRead(chunk);
  if (!mentions && provablySettled(chunk)) return 'settled';
  const scanned = positionedDocument(chunk, 'block scan');
  if (scanned || !jsYamlMayRead(chunk)) return scanned;
  const settled = mentions ? false : settles(chunk);
  // What js-yaml cannot load (a Go template, a duplicate key) goes to yaml, the reference reader,
  // without a second js-yaml load by the positioned reader, which fails on nearly all of it too
  // (a fifth of the bytes of the corpus' Helm templates).
  if (settled === 'unreadable') return null;
  return settled ? 'settled' : positionedDocument(chunk, 'parsers');
}

/** The documents of one chunk, read by the block scan or js-yaml where they read them as yaml does, else by yaml. */
export function chunkDocuments(chunk: string): YamlDocument[] {
  const read = positionedDocument(chunk, 'block scan') ?? (jsYamlMayRead(chunk) ? positionedDocument(chunk, 'parsers') : null);
  return read ? [read] : parseYamlDocuments(chunk);
}
