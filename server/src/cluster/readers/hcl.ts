import * as fs from 'node:fs';
import * as path from 'node:path';
// `require` form on purpose: esbuild then bundles the package's CommonJS build; its ES module build
// needs import.meta.url, which a CommonJS bundle does not have.
import TreeSitter = require('web-tree-sitter');
import { LineIndex } from '../../yaml/lineIndex';
import { atOffsets, type At, type CharSpan, type MapEntry, type Value } from './values';

/**
 * Terraform (HCL) parsing with web-tree-sitter and the prebuilt Terraform grammar of
 * @tree-sitter-grammars/tree-sitter-hcl. Loading the WebAssembly is asynchronous and happens once
 * (initHcl); parsing afterwards is synchronous. Node offsets are UTF-16 code units of the text
 * (web-tree-sitter parses a JavaScript string as UTF-16), the same offsets as everywhere else.
 */

export type HclNode = TreeSitter.Node;

const runtimeWasm = 'web-tree-sitter.wasm';
const grammarWasm = 'tree-sitter-terraform.wasm';

let parser: TreeSitter.Parser | undefined;
let loading: Promise<void> | undefined;

/** Where a WebAssembly file may be: a given folder, next to the running bundle (dist/), or in node_modules. */
function wasmPath(file: string, packagePath: string, dirs: readonly string[]): string {
  const candidates = [...dirs.map((dir) => path.join(dir, file)), path.join(__dirname, file)];
  try {
    candidates.push(require.resolve(packagePath));
  } catch {
    // not installed: the bundle's copy is the only one
  }
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  if (!found) throw new Error(`ack-cni-lint: ${file} not found (looked in ${candidates.join(', ')})`);
  return found;
}

/**
 * Loads the parser once; later calls return the same promise. `wasmDir` is an extra folder to look
 * in first for web-tree-sitter.wasm and tree-sitter-terraform.wasm.
 */
export function initHcl(options: { wasmDir?: string } = {}): Promise<void> {
  loading ??= (async () => {
    const dirs = options.wasmDir ? [options.wasmDir] : [];
    const runtime = fs.readFileSync(wasmPath(runtimeWasm, `web-tree-sitter/${runtimeWasm}`, dirs));
    await TreeSitter.Parser.init({ wasmBinary: runtime });
    const grammar = fs.readFileSync(wasmPath(grammarWasm, `@tree-sitter-grammars/tree-sitter-hcl/${grammarWasm}`, dirs));
    const language = await TreeSitter.Language.load(new Uint8Array(grammar));
    const instance = new TreeSitter.Parser();
    instance.setLanguage(language);
    parser = instance;
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

/** A Terraform text was to be read before initHcl() had completed. */
export class HclNotLoaded extends Error {
  constructor() {
    super('ack-cni-lint: Terraform support is not loaded yet (await initTerraform() first)');
  }
}

export function hclReady(): boolean {
  return parser !== undefined;
}

/** White space that tree-sitter is not shown whole (see parsedRanges). */
const longBlank = /[ \t\r\n]{256,}/g;

/**
 * The parts of the text tree-sitter is to read: all of it but the bulk of long runs of white space,
 * of which it reads the first character and the first line break. After a syntax error its
 * recovery walks such a run once per character of it: 24,000 spaces under a YAML mapping read as
 * Terraform took 5 s, and the time grows with the square of the run. The parts left out are white
 * space between tokens, or inside a heredoc or a string, which the readers take from the text
 * itself; positions stay those of the text. Undefined when there is no such run.
 */
function parsedRanges(text: string): TreeSitter.Range[] | undefined {
  const runs = [...text.matchAll(longBlank)];
  if (runs.length === 0) return undefined;
  const lines = LineIndex.of(text);
  const range = (startIndex: number, endIndex: number): TreeSitter.Range => {
    const start = lines.position(startIndex);
    const end = lines.position(endIndex);
    return { startIndex, endIndex, startPosition: { row: start.line, column: start.character }, endPosition: { row: end.line, column: end.character } };
  };
  const ranges: TreeSitter.Range[] = [];
  let from = 0;
  for (const run of runs) {
    const at = run.index!;
    ranges.push(range(from, at + 1));
    const lineBreak = run[0].indexOf('\n', 1);
    if (lineBreak !== -1) ranges.push(range(at + lineBreak, at + lineBreak + 1));
    from = at + run[0].length;
  }
  ranges.push(range(from, text.length));
  return ranges;
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Parses `text` and hands the tree's root to `read`; the tree is freed afterwards. A text that
 * tree-sitter has not read after 25 ms and 1 s per MB, both of time and of the process's CPU
 * time, is left unread (`unread`): its error recovery spends up to 4 s per MB on garbage such as
 * a line of 50,000 quotes, while real files take 0.4 to 0.9 s per MB. CPU time alone cut a real
 * file of 5,000 resources off in a loaded test run: the first parses of a process spend as much
 * CPU time again on other threads, compiling the grammar's WebAssembly (103 ms of CPU time in
 * 55 ms for 500 resources). Time alone would do the same on a machine busy with other work.
 */
export function withHclTree<T>(text: string, read: (root: HclNode) => T, unread: T): T {
  if (!parser) throw new HclNotLoaded();
  const includedRanges = parsedRanges(text);
  const budgetMs = 25 + text.length / 1024;
  const [started, cpuStarted] = [performance.now(), cpuMs()];
  const overBudget = () => performance.now() - started > budgetMs && cpuMs() - cpuStarted > budgetMs;
  const tree = parser.parse(text, null, { ...(includedRanges ? { includedRanges } : {}), progressCallback: overBudget });
  if (!tree) {
    parser.reset();
    return unread;
  }
  try {
    return read(tree.rootNode);
  } finally {
    tree.delete();
  }
}

export function namedChildren(node: HclNode, type?: string): HclNode[] {
  return node.namedChildren.filter((child): child is HclNode => child !== null && (type === undefined || child.type === type));
}

export function firstChild(node: HclNode, type: string): HclNode | undefined {
  return namedChildren(node, type)[0];
}

/** A block's type and labels: `resource "alicloud_cs_managed_kubernetes" "k8s"` → resource, [alicloud_cs_managed_kubernetes, k8s]. */
export function blockHeader(text: string, block: HclNode): { type: string; labels: string[] } {
  const [typeNode, ...rest] = namedChildren(block);
  const labels: string[] = [];
  for (const node of rest) {
    if (node.type === 'identifier') labels.push(node.text);
    else if (node.type === 'string_lit') {
      const decoded = decodeQuoted(text, node.startIndex + 1, node.endIndex - 1);
      if (decoded) labels.push(decoded.value);
    } else break;
  }
  return { type: typeNode?.type === 'identifier' ? typeNode.text : '', labels };
}

/** The attributes and nested blocks of a block's body. */
export function bodyOf(block: HclNode): { attributes: Map<string, HclAttribute>; blocks: HclNode[] } {
  const attributes = new Map<string, HclAttribute>();
  const blocks: HclNode[] = [];
  const body = firstChild(block, 'body');
  for (const child of body ? namedChildren(body) : []) {
    if (child.type === 'block') blocks.push(child);
    else if (child.type === 'attribute') {
      const name = firstChild(child, 'identifier');
      const expression = firstChild(child, 'expression');
      if (name && expression) attributes.set(name.text, { name: name.text, nameNode: name, expression });
    }
  }
  return { attributes, blocks };
}

export interface HclAttribute {
  name: string;
  nameNode: HclNode;
  expression: HclNode;
}

export function nodeAt(text: string, node: HclNode): At {
  return atOffsets(text, node.startIndex, node.endIndex);
}

/**
 * The value tree of an HCL expression: literals (strings without interpolation, numbers, booleans,
 * null, heredocs without interpolation), tuples and objects of literals. Anything else —
 * references, function calls, templates, conditionals, `for` — is `other`, left alone.
 */
export function fromHcl(text: string, expression: HclNode): Value {
  const at = nodeAt(text, expression);
  const other: Value = { kind: 'other', ...at };
  if (expression.hasError) return other;
  const parts = namedChildren(expression).filter((child) => child.type !== 'comment');
  if (parts.length !== 1) return other;
  const [inner] = parts;
  switch (inner.type) {
    case 'literal_value':
      return literal(text, inner) ?? other;
    case 'collection_value':
      return collection(text, inner) ?? other;
    case 'template_expr': {
      const heredoc = firstChild(inner, 'heredoc_template');
      return (heredoc && heredocValue(text, heredoc)) ?? other;
    }
    default:
      return other;
  }
}

function literal(text: string, node: HclNode): Value | undefined {
  const [value] = namedChildren(node);
  if (!value) return undefined;
  const at = nodeAt(text, node);
  switch (value.type) {
    case 'string_lit': {
      const decoded = decodeQuoted(text, value.startIndex + 1, value.endIndex - 1);
      return decoded ? { kind: 'scalar', value: decoded.value, ...at, chars: decoded.chars } : undefined;
    }
    case 'numeric_lit': {
      const number = Number(value.text);
      return Number.isFinite(number) ? { kind: 'scalar', value: number, ...at } : undefined;
    }
    case 'bool_lit':
      return { kind: 'scalar', value: value.text === 'true', ...at };
    case 'null_lit':
      return { kind: 'scalar', value: null, ...at };
    default:
      return undefined;
  }
}

function collection(text: string, node: HclNode): Value | undefined {
  const [inner] = namedChildren(node);
  const at = nodeAt(text, node);
  if (inner?.type === 'tuple') {
    return { kind: 'list', items: namedChildren(inner, 'expression').map((item) => fromHcl(text, item)), ...at };
  }
  if (inner?.type === 'object') {
    const entries: MapEntry[] = [];
    for (const element of namedChildren(inner, 'object_elem')) {
      const [keyExpression, valueExpression] = namedChildren(element, 'expression');
      const key = keyExpression && objectKey(text, keyExpression);
      if (key && valueExpression) entries.push({ key: key.name, keyAt: nodeAt(text, keyExpression), value: fromHcl(text, valueExpression) });
    }
    return { kind: 'map', entries, ...at };
  }
  return undefined;
}

/** An object key: a bare identifier (`IPVlan = …`) or a string literal (`"IPVlan" = …`). */
function objectKey(text: string, expression: HclNode): { name: string } | undefined {
  const parts = namedChildren(expression);
  if (parts.length !== 1) return undefined;
  const [part] = parts;
  if (part.type === 'variable_expr') return { name: part.text };
  const value = part.type === 'literal_value' ? literal(text, part) : undefined;
  return value?.kind === 'scalar' && typeof value.value === 'string' ? { name: value.value } : undefined;
}

/** `jsonencode(<literal>)`: the literal's value tree, for configs written as Terraform objects. */
export function jsonencodeArgument(text: string, expression: HclNode): Value | undefined {
  const parts = namedChildren(expression);
  const call = parts.length === 1 && parts[0].type === 'function_call' ? parts[0] : undefined;
  if (!call || firstChild(call, 'identifier')?.text !== 'jsonencode') return undefined;
  const args = firstChild(call, 'function_arguments');
  const argExpressions = args ? namedChildren(args, 'expression') : [];
  return argExpressions.length === 1 ? fromHcl(text, argExpressions[0]) : undefined;
}

/** Builds a string value with the source range of each of its characters. */
class CharMap {
  value = '';
  readonly starts: number[] = [];
  readonly ends: number[] = [];

  add(chars: string, start: number, end: number): void {
    for (let i = 0; i < chars.length; i++) {
      this.starts.push(start);
      this.ends.push(end);
    }
    this.value += chars;
  }

  span(fallback: number): CharSpan {
    return (from, to) => {
      const start = from < this.starts.length ? this.starts[from] : fallback;
      return [start, to <= from ? start : this.ends[to - 1]];
    };
  }
}

const hclEscapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/**
 * Decodes the text of a quoted HCL string between its quotes: `\n \r \t \" \\ \uNNNN \UNNNNNNNN`,
 * and `$${` / `%%{` for a literal `${` / `%{`. Undefined for an unknown escape.
 */
function decodeQuoted(text: string, start: number, end: number): { value: string; chars: CharSpan } | undefined {
  const out = new CharMap();
  let i = start;
  while (i < end) {
    const c = text[i];
    if (c === '\\') {
      const kind = text[i + 1];
      const digits = kind === 'u' ? 4 : kind === 'U' ? 8 : 0;
      if (digits > 0) {
        const hex = text.slice(i + 2, i + 2 + digits);
        const codePoint = /^[0-9a-fA-F]+$/.test(hex) && hex.length === digits ? parseInt(hex, 16) : NaN;
        if (!(codePoint <= 0x10ffff)) return undefined;
        out.add(String.fromCodePoint(codePoint), i, i + 2 + digits);
        i += 2 + digits;
      } else if (hclEscapes[kind] !== undefined) {
        out.add(hclEscapes[kind], i, i + 2);
        i += 2;
      } else {
        return undefined;
      }
    } else if ((c === '$' || c === '%') && text[i + 1] === c && text[i + 2] === '{') {
      out.add(`${c}{`, i, i + 3);
      i += 3;
    } else {
      out.add(c, i, i + 1);
      i++;
    }
  }
  return { value: out.value, chars: out.span(end) };
}

/**
 * A heredoc without interpolation: `<<EOT` keeps its lines as written; `<<-EOT` removes the
 * indentation its least indented line has. Each line keeps its line break.
 */
function heredocValue(text: string, heredoc: HclNode): Value | undefined {
  if (namedChildren(heredoc).some((child) => child.type === 'template_interpolation' || child.type === 'template_directive')) return undefined;
  const identifiers = namedChildren(heredoc, 'heredoc_identifier');
  const opener = firstChild(heredoc, 'heredoc_start');
  if (identifiers.length < 2 || !opener) return undefined;
  const strip = opener.text === '<<-';
  const contentStart = text.indexOf('\n', identifiers[0].endIndex) + 1;
  const closer = identifiers[identifiers.length - 1];
  const contentEnd = text.lastIndexOf('\n', closer.startIndex - 1) + 1;
  if (contentStart <= 0 || contentEnd < contentStart) return undefined;
  const lines: Array<[number, number]> = [];
  for (let at = contentStart; at < contentEnd; ) {
    const next = text.indexOf('\n', at);
    const lineEnd = next === -1 || next >= contentEnd ? contentEnd : next + 1;
    lines.push([at, lineEnd]);
    at = lineEnd;
  }
  const indentOf = ([s, e]: [number, number]) => {
    let n = 0;
    while (s + n < e && (text[s + n] === ' ' || text[s + n] === '\t')) n++;
    return n;
  };
  const isBlank = ([s, e]: [number, number]) => text.slice(s, e).trim() === '';
  const indent = strip ? Math.min(...lines.filter((line) => !isBlank(line)).map(indentOf), Infinity) : 0;
  const out = new CharMap();
  for (const [s, e] of lines) {
    const from = s + Math.min(indent === Infinity ? 0 : indent, indentOf([s, e]));
    for (let i = from; i < e; i++) out.add(text[i], i, i + 1);
  }
  const at = nodeAt(text, heredoc);
  return { kind: 'scalar', value: out.value, ...at, chars: out.span(contentEnd) };
}
