/**
 * Mutations of seed documents, driven by a seeded generator: each one is a slip a person, a
 * template engine, an encoding converter or a broken transfer could make to a real manifest.
 */
import type { Prng } from './prng';
import { plantedAnnotations, plantedValues } from './seeds';

export interface MutationContext {
  rng: Prng;
  /** Another seed text, for crossover mutations (documents swapped between files). */
  other: () => string;
}

type Mutation = (text: string, ctx: MutationContext) => string;

function splitLines(text: string): string[] {
  return text.split('\n');
}

/** A run of `1..max` lines [from, to) inside `lines`. */
function lineRun(rng: Prng, lines: readonly string[], max: number): [number, number] {
  const from = rng.int(0, Math.max(0, lines.length - 1));
  return [from, Math.min(lines.length, from + rng.int(1, max))];
}

function at(rng: Prng, text: string): number {
  return rng.int(0, text.length);
}

function insert(text: string, offset: number, piece: string): string {
  return text.slice(0, offset) + piece + text.slice(offset);
}

/** Documents of a stream, split at `---` lines (good enough for mutation; the parser decides later). */
function documentsOf(text: string): string[] {
  return text.split(/^(?=---)/m);
}

const specialTokens = [
  ': ', '- ', '---\n', '\n---\n', '...\n', '&a ', '*a', '*missing', '!!binary ', '!!str ', '!!map ', '!custom ', '<<: *a\n', '? ', '|\n', '>-\n', '|2-\n',
  '{', '}', '[', ']', ',', '#', ' # comment', '%YAML 1.1\n', '%TAG ! tag:x,2000:\n', '{{ .Values.x }}', '{{ x }}', '{{- include "a" . }}', '{{', '}}', "'", '"', '\\',
  '\r', '\r\n', '\u2028', '\u0085', '\uFEFF', '\u0000', '\u0007', '\u001b[31m', '%', '@', '`', '\t', '\\u00', '"\\x', '\uD800', '\uDFFF', '😀', '中文', 'é',
  '# ack-cni-disable\n', '# ack-cni-disable-next-line\n', '# ack-cni-disable-line bandwidth-invalid', '\n  annotations:\n', 'kind: NetworkPolicy\n', 'apiVersion: v1\n',
];

const kinds = [
  'NetworkPolicy', 'Pod', 'Deployment', 'StatefulSet', 'Job', 'CronJob', 'DaemonSet', 'Service', 'PodNetworking', 'GlobalNetworkPolicy', 'ConfigMap', 'List', 'PodList',
  'NetworkSet', 'Tier', 'PodENI', 'ReplicaSet', 'PodTemplate', '"Pod"', '[Pod]', '{a: b}', '', 'Pod\u0000',
];

const apiVersions = ['v1', 'apps/v1', 'networking.k8s.io/v1', 'crd.projectcalico.org/v1', 'projectcalico.org/v3', 'network.alibabacloud.com/v1beta1', 'batch/v1', '1', '[v1]'];

function interestingChar(rng: Prng): string {
  switch (rng.int(0, 4)) {
    case 0:
      return String.fromCharCode(rng.int(0, 0x1f)); // C0 controls, NUL included
    case 1:
      return String.fromCharCode(rng.int(0x80, 0xff)); // Latin-1 / C1
    case 2:
      return String.fromCharCode(rng.int(0xd800, 0xdfff)); // lone surrogate halves
    case 3:
      return String.fromCodePoint(rng.int(0x1f300, 0x1f64f)); // astral: two UTF-16 units
    default:
      return String.fromCharCode(rng.int(0x20, 0x7e));
  }
}

const mutations: Record<string, Mutation> = {
  deleteLines(text, { rng }) {
    const lines = splitLines(text);
    const [from, to] = lineRun(rng, lines, 4);
    lines.splice(from, to - from);
    return lines.join('\n');
  },
  duplicateLines(text, { rng }) {
    const lines = splitLines(text);
    const [from, to] = lineRun(rng, lines, 6);
    lines.splice(to, 0, ...lines.slice(from, to));
    return lines.join('\n');
  },
  swapLines(text, { rng }) {
    const lines = splitLines(text);
    const a = rng.int(0, lines.length - 1);
    const b = rng.int(0, lines.length - 1);
    [lines[a], lines[b]] = [lines[b], lines[a]];
    return lines.join('\n');
  },
  indentLines(text, { rng }) {
    const lines = splitLines(text);
    const [from, to] = lineRun(rng, lines, 8);
    const pad = ' '.repeat(rng.int(1, 4));
    for (let i = from; i < to; i++) lines[i] = pad + lines[i];
    return lines.join('\n');
  },
  dedentLines(text, { rng }) {
    const lines = splitLines(text);
    const [from, to] = lineRun(rng, lines, 8);
    const by = rng.int(1, 4);
    for (let i = from; i < to; i++) lines[i] = lines[i].replace(new RegExp(`^ {1,${by}}`), '');
    return lines.join('\n');
  },
  flipQuote(text, { rng }) {
    const quotes = [...text.matchAll(/['"]/g)].map((m) => m.index!);
    if (quotes.length === 0 || rng.chance(0.3)) return insert(text, at(rng, text), rng.pick(["'", '"']));
    const index = rng.pick(quotes);
    const replacement = rng.pick(["'", '"', '', '\\"', "''"]);
    return text.slice(0, index) + replacement + text.slice(index + 1);
  },
  truncate(text, { rng }) {
    return text.slice(0, at(rng, text));
  },
  insertTab(text, { rng }) {
    const lines = splitLines(text);
    const [from, to] = lineRun(rng, lines, 3);
    for (let i = from; i < to; i++) lines[i] = rng.chance(0.5) ? lines[i].replace(/^( +)/, (spaces) => '\t'.repeat(Math.max(1, spaces.length >> 1))) : '\t' + lines[i];
    return lines.join('\n');
  },
  randomChars(text, { rng }) {
    let piece = '';
    for (let n = rng.int(1, 16); n > 0; n--) piece += interestingChar(rng);
    const offset = at(rng, text);
    return rng.chance(0.5) ? insert(text, offset, piece) : text.slice(0, offset) + piece + text.slice(offset + piece.length);
  },
  specialToken(text, { rng }) {
    return insert(text, at(rng, text), rng.pick(specialTokens));
  },
  deleteRange(text, { rng }) {
    const offset = at(rng, text);
    return text.slice(0, offset) + text.slice(offset + rng.int(1, 40));
  },
  duplicateRange(text, { rng }) {
    const offset = at(rng, text);
    const piece = text.slice(offset, offset + rng.int(1, 200));
    return insert(text, offset, piece);
  },
  swapDocuments(text, { rng }) {
    const docs = documentsOf(text);
    if (docs.length < 2) return text + (text.endsWith('\n') ? '' : '\n') + '---\n' + text;
    const a = rng.int(0, docs.length - 1);
    const b = rng.int(0, docs.length - 1);
    [docs[a], docs[b]] = [docs[b], docs[a]];
    return docs.join('');
  },
  crossover(text, { rng, other }) {
    const mine = documentsOf(text);
    const theirs = documentsOf(other());
    const taken = rng.pick(theirs);
    const index = rng.int(0, mine.length);
    const piece = taken.startsWith('---') || index === 0 ? taken : `---\n${taken}`;
    mine.splice(index, rng.chance(0.5) ? 1 : 0, piece.endsWith('\n') ? piece : piece + '\n');
    return mine.join('');
  },
  spliceText(text, { rng, other }) {
    const source = other();
    const from = at(rng, source);
    return insert(text, at(rng, text), source.slice(from, from + rng.int(1, 400)));
  },
  plantAnnotation(text, { rng }) {
    const lines = splitLines(text);
    const anchors = lines.flatMap((line, i) => (/^\s*(annotations|labels|metadata):\s*$/.test(line) ? [i] : []));
    const index = anchors.length > 0 ? rng.pick(anchors) : rng.int(0, lines.length - 1);
    const indent = (lines[index]?.match(/^\s*/)?.[0] ?? '') + '  ';
    const key = rng.pick(plantedAnnotations);
    const value = rng.pick(plantedValues).replace(/\n/g, `\n${indent}  `);
    lines.splice(index + 1, 0, `${indent}${rng.chance(0.2) ? `"${key}"` : key}: ${value}`);
    return lines.join('\n');
  },
  replaceValue(text, { rng }) {
    const values = [...text.matchAll(/:[ \t]+([^\s#][^\n]*)/g)];
    if (values.length === 0) return text;
    const match = rng.pick(values);
    const start = match.index! + match[0].length - match[1].length;
    return text.slice(0, start) + rng.pick(plantedValues) + text.slice(start + match[1].length);
  },
  changeKind(text, { rng }) {
    const sites = [...text.matchAll(/^(\s*)(kind|apiVersion):[ \t]*([^\n]*)/gm)];
    if (sites.length === 0) return `apiVersion: ${rng.pick(apiVersions)}\nkind: ${rng.pick(kinds)}\n${text}`;
    const match = rng.pick(sites);
    const replacement = `${match[1]}${match[2]}: ${match[2] === 'kind' ? rng.pick(kinds) : rng.pick(apiVersions)}`;
    return text.slice(0, match.index!) + replacement + text.slice(match.index! + match[0].length);
  },
  lineEnds(text, { rng }) {
    switch (rng.int(0, 3)) {
      case 0:
        return text.replace(/\n/g, '\r\n');
      case 1:
        return text.replace(/\n/g, '\r');
      case 2:
        return text.replace(/\n/g, () => rng.pick(['\n', '\r\n', '\r']));
      default:
        return text.replace(/\r?\n/g, '\u2028');
    }
  },
  bom(text, { rng }) {
    return rng.pick(['\uFEFF', '\uFEFF\uFEFF', '\uFFFE']) + text;
  },
  nest(text, { rng }) {
    const depth = rng.int(10, 300);
    const offset = at(rng, text);
    return insert(text, offset, rng.chance(0.5) ? '['.repeat(depth) + ']'.repeat(depth) : '{a: '.repeat(depth) + '1' + '}'.repeat(depth));
  },
  longLine(text, { rng }) {
    const lines = splitLines(text);
    const index = rng.int(0, lines.length - 1);
    lines[index] = lines[index] + rng.pick(['x', ' ', 'a: ', '- ', '"', '\\']).repeat(rng.int(1_000, 60_000));
    return lines.join('\n');
  },
  anchors(text, { rng }) {
    const values = [...text.matchAll(/:[ \t]+([^\s#&*][^\n]*)/g)];
    if (values.length < 2) return text;
    const first = rng.pick(values);
    const second = rng.pick(values);
    let out = text;
    const [a, b] = first.index! < second.index! ? [first, second] : [second, first];
    const bStart = b.index! + b[0].length - b[1].length;
    out = out.slice(0, bStart) + '*fz' + out.slice(bStart + b[1].length);
    const aStart = a.index! + a[0].length - a[1].length;
    return out.slice(0, aStart) + '&fz ' + out.slice(aStart);
  },
  jsonify(text) {
    // A document as JSON (with comments and trailing commas sprinkled in by later mutations).
    return `{"apiVersion": "v1", "kind": "Pod", // comment\n "metadata": {"name": "x", "annotations": {"k8s.aliyun.com/ingress-bandwidth": "10M",}},\n/* block */ "spec": ${JSON.stringify(text.slice(0, 200))}}\n`;
  },
};

export const mutationNames = Object.keys(mutations);

/** Applies 1–4 mutations; returns the text and the names applied, in order (for failure reports). */
export function mutate(seedText: string, ctx: MutationContext): { text: string; applied: string[] } {
  let text = seedText;
  const applied: string[] = [];
  const count = ctx.rng.chance(0.5) ? 1 : ctx.rng.chance(0.6) ? 2 : ctx.rng.int(3, 4);
  for (let i = 0; i < count; i++) {
    const name = ctx.rng.pick(mutationNames);
    text = mutations[name](text, ctx);
    applied.push(name);
  }
  return { text, applied };
}
