/**
 * Documents for the round trip that the corpus has too few of: real Deployments, Pods, Services…
 * from the corpus with the annotations and fields the fixable rules flag injected into their own
 * text (block, flow and multi-line flow style, quoted and plain, with comments around), the same
 * objects as JSON, and hand-written `.ack-cni.yaml` texts and cluster configurations with slips.
 * Everything is deterministic (a seeded generator), so a failure names a reproducible document.
 */
import * as jsYaml from 'js-yaml';
import { isMap, isScalar, type Node, type Pair, type YAMLMap } from 'yaml';
import { parseYamlDocuments } from '../../server/src/yaml/parse';
import type { SweepFile } from './sweep';

/** mulberry32: a small deterministic generator, so every run builds the same documents. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

/**
 * A value as it can be written: `block` is its text after `key: ` in block style (a function of the
 * entry's indentation for block scalars), `flow` its text inside a flow map (undefined when it has
 * no flow form), `json` the JSON value.
 */
interface Value {
  block: string | ((indent: string) => string);
  flow?: string;
  json: unknown;
}

const plain = (text: string, json: unknown = text): Value => ({ block: text, flow: text, json });
const dq = (text: string): Value => ({ block: JSON.stringify(text), flow: JSON.stringify(text), json: text });
const sq = (text: string): Value => ({ block: `'${text.replace(/'/g, "''")}'`, flow: `'${text.replace(/'/g, "''")}'`, json: text });
/** A block scalar (`|-`, `>-`): only in block style. */
const blockScalar = (header: string, lines: readonly string[], json: string): Value => ({
  block: (indent) => `${header}\n${lines.map((line) => `${indent}  ${line}`).join('\n')}`,
  json,
});

interface Entry {
  key: string;
  value: Value;
}

// Terway's bytes/s annotation: parseable, convertible, out of range, and broken spellings.
const aliyunBandwidthValues: Value[] = [
  plain('10M'), dq('10M'), sq('1.5G'), plain('100K'), plain('128K'), dq('125B'), plain('1m'), plain('0.5M'),
  plain('10MB'), dq('1024K'), plain('2G'), dq(' 20M '), plain('3.5k'), plain('1T'), plain('100', 100), plain('10 M'),
  plain('fast'), plain('1Gib'), sq('0.3M'), plain('5mb'), blockScalar('|-', ['10M'], '10M'), blockScalar('>-', ['256K'], '256K'),
  plain('200KiB'), dq('1e3K'), plain('-5M'),
];
// kubernetes.io bandwidth in bits/s: the slips bandwidth-invalid rewrites and some it leaves alone.
const kubernetesBandwidthValues: Value[] = [
  plain('10m'), dq('10Mbps'), sq('500kbps'), plain('10Mbit'), plain('10Mb'), plain('1.5Gbps'), plain('100mbps'),
  plain('10MB'), dq('1m'), plain('10 Mbps'), plain('20M'), plain('1Pbps'), plain('0.5m'), plain('2Gb/s'),
  blockScalar('|-', ['10m'], '10m'), blockScalar('>-', ['100Mbps'], '100Mbps'), plain('80Mi'), dq('1.5M'), plain('999'),
];
const priorityValues: Value[] = [
  plain('Guaranteed'), dq('BestEffort'), sq('best_effort'), plain('Burstable'), plain('BURSTABLE'), plain('guarantee'),
  plain('best-effort'), dq('burstable '), plain('besteffort'), blockScalar('>-', ['Guaranteed'], 'Guaranteed'), plain('high'),
  plain('guaranteed'), dq(''), plain('yes', true),
];
// Label and annotation values kubectl reads as something other than a string (YAML 1.1).
const nonStringValues: Value[] = [
  plain('yes', true), plain('on', true), plain('1_000', 1000), plain('true', true), plain('Off', false), plain('y', true),
  plain('0x1F', 31), plain('1.5', 1.5), plain('~', null), plain('null', null), plain('.inf', Infinity), plain('0o17', 15),
  plain('+12', 12), plain('NO', false), plain('2024', 2024), { block: '', flow: '', json: null },
];
const backendValues: Value[] = [plain('eni'), dq('eni'), sq('eni'), blockScalar('|-', ['eni'], 'eni')];

const systemKeys = ['k8s.aliyun.com/pod-ips', 'k8s.aliyun.com/allocated', 'k8s.aliyun.com/pod-uid', 'k8s.aliyun.com/pod-eni', 'k8s.aliyun.com/pod-networking'];
const systemValues: Value[] = [plain('192.168.1.23'), dq('true'), sq('abc-123'), plain('true', true), dq('[{"eniId": "eni-1"}]')];

/** What to inject into the pod template's annotations; each recipe aims at a family of rules. */
const podRecipes: Array<(random: Random) => Entry[]> = [
  (r) => [
    { key: 'k8s.aliyun.com/ingress-bandwidth', value: pick(r, aliyunBandwidthValues) },
    ...(r() < 0.6 ? [{ key: 'k8s.aliyun.com/egress-bandwidth', value: pick(r, aliyunBandwidthValues) }] : []),
  ],
  (r) => [
    { key: 'kubernetes.io/egress-bandwidth', value: pick(r, kubernetesBandwidthValues) },
    ...(r() < 0.6 ? [{ key: 'kubernetes.io/ingress-bandwidth', value: pick(r, kubernetesBandwidthValues) }] : []),
  ],
  (r) => [{ key: 'k8s.aliyun.com/network-priority', value: pick(r, priorityValues) }],
  (r) => [{ key: pick(r, ['k8s.aliyun.com/eni', 'k8s.aliyun.com/ENI']), value: pick(r, [dq('true'), plain('true', true), sq('true')]) }],
  (r) => [{ key: pick(r, systemKeys), value: pick(r, systemValues) }],
  (r) => [
    { key: 'k8s.aliyun.com/network-priority', value: pick(r, priorityValues) },
    { key: 'k8s.aliyun.com/ingress-bandwidth', value: pick(r, aliyunBandwidthValues) },
    { key: 'kubernetes.io/egress-bandwidth', value: pick(r, kubernetesBandwidthValues) },
    { key: pick(r, ['k8s.aliyun.com/eni', ...systemKeys]), value: pick(r, systemValues) },
  ],
  (r) => [
    { key: 'k8s.aliyun.com/egress-bandwidth', value: pick(r, aliyunBandwidthValues) },
    { key: 'kubernetes.io/egress-bandwidth', value: pick(r, kubernetesBandwidthValues) },
  ],
  (r) => [
    { key: 'prometheus.io/port', value: pick(r, nonStringValues) },
    { key: 'sidecar.istio.io/inject', value: pick(r, nonStringValues) },
  ],
  // A multi-NIC request as JSON in a block scalar, wrong on an inner line: the finding points
  // inside the value, where no comment line can go.
  (r) => [
    {
      key: 'k8s.aliyun.com/pod-networks-request',
      value: pick(r, [
        blockScalar('|', ['[', '  {"network": "extra", "defaultRoute": "yes"}', ']'], '[\n  {"network": "extra", "defaultRoute": "yes"}\n]\n'),
        blockScalar('|-', ['[{"network": "extra",', '  "allocationType": {"type": "Fixd"}}]'], '[{"network": "extra",\n  "allocationType": {"type": "Fixd"}}]'),
        dq('[{"network": ""}]'),
      ]),
    },
    ...(r() < 0.5 ? [{ key: 'kubernetes.io/egress-bandwidth', value: pick(r, kubernetesBandwidthValues) }] : []),
  ],
];

const labelKeys = ['canary', 'example.com/enabled', 'tier-count', 'managed'];

/** Writes a key as plain, double- or single-quoted. */
function keyText(random: Random, key: string): string {
  const roll = random();
  return roll < 0.7 ? key : roll < 0.85 ? JSON.stringify(key) : `'${key}'`;
}

function blockValue(value: Value, indent: string): string {
  return typeof value.block === 'function' ? value.block(indent) : value.block;
}

type Style = 'block' | 'flow' | 'flow-lines';

/** The entries as lines of a block map at `indent`, with comments above, after some entries and below. */
function blockLines(random: Random, entries: readonly Entry[], indent: string, nl: string): string {
  const lines: string[] = [];
  if (random() < 0.4) lines.push(`${indent}# injected for the round trip`);
  entries.forEach((entry, i) => {
    if (i > 0 && random() < 0.25) lines.push(`${indent}# between entries`);
    const value = blockValue(entry.value, indent);
    const separator = value === '' ? ':' : ': ';
    const trailing = random() < 0.4 && !value.includes('\n') ? `  # note ${i}` : '';
    lines.push(`${indent}${keyText(random, entry.key)}${separator}${value}${trailing}`);
  });
  if (random() < 0.3) lines.push(`${indent}# end of injected entries`);
  return lines.map((line) => line + nl).join('');
}

/** The entries as a flow map body (`k: v, k2: v2`), or as lines inside `{ … }` with comments. */
function flowBody(random: Random, entries: readonly Entry[], style: Style, indent: string, nl: string): string | undefined {
  if (entries.some((e) => e.value.flow === undefined)) return undefined;
  const written = entries.map((e) => `${keyText(random, e.key)}${e.value.flow === '' ? '' : `: ${e.value.flow}`}`);
  if (style === 'flow') return written.join(', ');
  const lines = written.map((w, i) => `${indent}${w}${i < written.length - 1 ? ',' : ''}${random() < 0.4 ? ` # note ${i}` : ''}`);
  if (random() < 0.5) lines.unshift(`${indent}# injected for the round trip`);
  return `${nl}${lines.join(nl)}${nl}${indent}`;
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function columnText(text: string, offset: number): string | undefined {
  const before = text.slice(lineStartOf(text, offset), offset);
  return /^[ ]*$/.test(before) ? before : undefined;
}

function pairOf(map: YAMLMap, key: string): Pair<Node, Node | null> | undefined {
  return map.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair<Node, Node | null> | undefined;
}

function mapAtPath(node: Node | null, path: readonly string[]): YAMLMap | undefined {
  let current: Node | null = node;
  for (const step of path) {
    if (!isMap(current)) return undefined;
    current = pairOf(current, step)?.value ?? null;
  }
  return isMap(current) ? current : undefined;
}

interface Insertion {
  at: number;
  text: string;
}

/**
 * Injects `entries` into the map under `field` (annotations, labels) of the block map `owner`
 * (a metadata map): at the top of an existing block or flow map, or as a new field before the
 * owner's first entry. Undefined when the layout does not allow it (flow owner, duplicate keys).
 */
function injectField(text: string, owner: YAMLMap, field: string, entries: readonly Entry[], style: Style, random: Random, nl: string): Insertion | undefined {
  if (owner.flow || owner.items.length === 0) return undefined;
  const existing = pairOf(owner, field);
  if (existing) {
    const map = existing.value;
    if (!isMap(map) || map.items.length === 0 && !map.flow) return undefined;
    if (entries.some((e) => pairOf(map, e.key))) return undefined;
    if (map.flow) {
      const open = map.range![0];
      if (text[open] !== '{') return undefined;
      const body = flowBody(random, entries, 'flow', '', nl);
      if (body === undefined) return undefined;
      return { at: open + 1, text: map.items.length > 0 ? `${body}, ` : body };
    }
    const firstKey = map.items[0].key as Node;
    const indent = columnText(text, firstKey.range![0]);
    if (indent === undefined) return undefined;
    return { at: lineStartOf(text, firstKey.range![0]), text: blockLines(random, entries, indent, nl) };
  }
  const firstKey = owner.items[0].key as Node;
  const indent = columnText(text, firstKey.range![0]);
  if (indent === undefined) return undefined;
  const at = lineStartOf(text, firstKey.range![0]);
  if (style !== 'block') {
    const body = flowBody(random, entries, style, `${indent}    `, nl);
    if (body !== undefined) return { at, text: `${indent}${field}: {${body}}${random() < 0.3 ? ' # flow' : ''}${nl}` };
  }
  const comment = random() < 0.3 ? ' # injected' : '';
  return { at, text: `${indent}${field}:${comment}${nl}${blockLines(random, entries, `${indent}  `, nl)}` };
}

/** `ipFamilyPolicy` and `ipFamilies` written into a Service spec, in one of several layouts. */
function serviceSpecLines(random: Random, indent: string, nl: string): string {
  const policy = pick(random, ['RequireDualStack', 'PreferDualStack', '"RequireDualStack"', "'PreferDualStack'", 'SingleStack']);
  const families = pick(random, [
    `[IPv4, IPv6]`,
    `["IPv4", "IPv6"] # both`,
    `[IPv6, IPv4]`,
    `[IPv6]`,
    `${nl}${indent}- IPv4${nl}${indent}- IPv6`,
    `${nl}${indent}  - IPv6 # v6 first${nl}${indent}  - IPv4`,
    `${nl}${indent}# the families${nl}${indent}- IPv4 # v4${nl}${indent}- 'IPv6'`,
    `[${nl}${indent}  IPv4,${nl}${indent}  IPv6${nl}${indent}]`,
  ]);
  const lines: string[] = [];
  if (random() < 0.3) lines.push(`${indent}# dual stack asked for`);
  if (random() < 0.85) lines.push(`${indent}ipFamilyPolicy: ${policy}${random() < 0.3 ? ' # policy' : ''}`);
  if (random() < 0.85) lines.push(`${indent}ipFamilies: ${families}`.replace(/: \n/, ':\n').replace(/: \r\n/, ':\r\n'));
  return lines.map((l) => l + nl).join('');
}

/** Where pod templates sit in the workload kinds the generator uses. */
const templateMetadataPaths: Record<string, readonly string[]> = {
  Deployment: ['spec', 'template', 'metadata'],
  StatefulSet: ['spec', 'template', 'metadata'],
  DaemonSet: ['spec', 'template', 'metadata'],
  ReplicaSet: ['spec', 'template', 'metadata'],
  Job: ['spec', 'template', 'metadata'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'metadata'],
  Pod: ['metadata'],
};

export const generatedKinds = [...Object.keys(templateMetadataPaths), 'Service'];

function applyInsertions(text: string, insertions: Insertion[]): string {
  let out = text;
  for (const insertion of [...insertions].sort((a, b) => b.at - a.at)) out = out.slice(0, insertion.at) + insertion.text + out.slice(insertion.at);
  return out;
}

/**
 * One generated YAML text: the corpus file with entries injected into one object (its document
 * index `docIndex`), or undefined when that object's layout does not take them.
 */
function injectYaml(text: string, docIndex: number, kind: string, random: Random): string | undefined {
  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  const document = parseYamlDocuments(text)[docIndex];
  const root = document?.doc.contents as Node | null;
  if (!isMap(root)) return undefined;
  const style: Style = pick(random, ['block', 'block', 'flow', 'flow-lines'] as const);
  const insertions: Insertion[] = [];
  if (kind === 'Service') {
    const metadata = mapAtPath(root, ['metadata']);
    if (metadata && random() < 0.8) {
      const annotation = injectField(text, metadata, 'annotations', [{ key: 'service.beta.kubernetes.io/backend-type', value: pick(random, backendValues) }], style, random, nl);
      if (annotation) insertions.push(annotation);
    }
    const spec = mapAtPath(root, ['spec']);
    if (spec && !spec.flow && spec.items.length > 0 && !pairOf(spec, 'ipFamilyPolicy') && !pairOf(spec, 'ipFamilies')) {
      const firstKey = spec.items[0].key as Node;
      const indent = columnText(text, firstKey.range![0]);
      if (indent !== undefined) insertions.push({ at: lineStartOf(text, firstKey.range![0]), text: serviceSpecLines(random, indent, nl) });
    }
  } else {
    const metadata = mapAtPath(root, templateMetadataPaths[kind]);
    if (!metadata) return undefined;
    const annotations = injectField(text, metadata, 'annotations', pick(random, podRecipes)(random), style, random, nl);
    if (annotations) insertions.push(annotations);
  }
  const objectMetadata = mapAtPath(root, ['metadata']);
  if (objectMetadata && random() < 0.35) {
    const labels = [{ key: pick(random, labelKeys), value: pick(random, nonStringValues) }];
    const injected = injectField(text, objectMetadata, 'labels', labels, pick(random, ['block', 'flow'] as const), random, nl);
    // Two insertions at one offset would interleave: keep the labels only when they go elsewhere.
    if (injected && !insertions.some((i) => i.at === injected.at)) insertions.push(injected);
  }
  if (insertions.length === 0) return undefined;
  return applyInsertions(text, insertions);
}

/** The object as JSON with the same kinds of entries injected as data. */
function injectJson(object: Record<string, unknown>, kind: string, random: Random): string {
  const copy = JSON.parse(JSON.stringify(object)) as Record<string, unknown>;
  const at = (path: readonly string[]): Record<string, unknown> => {
    let current = copy;
    for (const step of path) {
      if (!current[step] || typeof current[step] !== 'object') current[step] = {};
      current = current[step] as Record<string, unknown>;
    }
    return current;
  };
  const put = (path: readonly string[], entries: readonly Entry[]) => {
    const map = at(path);
    for (const entry of entries) if (!(entry.key in map)) map[entry.key] = entry.value.json;
  };
  if (kind === 'Service') {
    put(['metadata', 'annotations'], [{ key: 'service.beta.kubernetes.io/backend-type', value: dq('eni') }]);
    const spec = at(['spec']);
    spec.ipFamilyPolicy ??= pick(random, ['RequireDualStack', 'PreferDualStack']);
    spec.ipFamilies ??= pick(random, [['IPv4', 'IPv6'], ['IPv6', 'IPv4'], ['IPv6']]);
  } else {
    put([...templateMetadataPaths[kind], 'annotations'], pick(random, podRecipes)(random));
  }
  if (random() < 0.5) put(['metadata', 'labels'], [{ key: pick(random, labelKeys), value: pick(random, nonStringValues) }]);
  const text = JSON.stringify(copy, (_key, value) => (value === Infinity ? 1e999 : value), pick(random, [2, 4, 0]));
  return text.replace(/1e\+?999/g, '1e999') + '\n';
}

export interface CorpusFile {
  name: string;
  text: string;
}

/**
 * Generated manifests: for each corpus object of a generated kind, `perObject` variants in YAML
 * (its own file with entries injected) and some as JSON. Files over `maxSize` are left out, so a
 * sweep stays quick.
 */
export function generateManifests(files: readonly CorpusFile[], options: { perObject: number; maxObjects: number; maxSize: number; seed: number }): SweepFile[] {
  const random = seededRandom(options.seed);
  const out: SweepFile[] = [];
  const perKind = new Map<string, number>();
  for (const file of files) {
    if (file.text.length > options.maxSize || file.name.startsWith('_helm-templates/') || !/\.ya?ml$/i.test(file.name)) continue;
    const documents = parseYamlDocuments(file.text);
    if (documents.some((d) => d.errors.length > 0)) continue;
    let loaded: unknown[];
    try {
      loaded = jsYaml.loadAll(file.text);
    } catch {
      continue;
    }
    if (loaded.length !== documents.length) continue;
    loaded.forEach((value, docIndex) => {
      const object = value as Record<string, unknown> | null;
      const kind = object && typeof object.kind === 'string' ? object.kind : undefined;
      if (!kind || !generatedKinds.includes(kind) || (perKind.get(kind) ?? 0) >= options.maxObjects) return;
      perKind.set(kind, (perKind.get(kind) ?? 0) + 1);
      for (let variant = 0; variant < options.perObject; variant++) {
        const base = random() < 0.15 ? file.text.replace(/\r?\n/g, '\r\n') : file.text;
        const text = injectYaml(base, docIndex, kind, random);
        if (text !== undefined) out.push({ name: `generated/${file.name}#${docIndex}.${variant}.yaml`, text });
      }
      if (random() < 0.25) out.push({ name: `generated/${file.name}#${docIndex}.json`, text: injectJson(object!, kind, random) });
    });
  }
  return out;
}

/** `.ack-cni.yaml` texts with enum slips, unknown keys and CNI-specific fields, in several styles. */
export function generateProfiles(seed: number, count: number): SweepFile[] {
  const random = seededRandom(seed);
  const cniValues = ['flannel', 'terway', 'Flannel', 'teway', '"Terway"', "'flanel'", 'terway-egde', 'calico'];
  const terwaySlips: Array<[string, string]> = [
    ['eniMode', 'share'], ['eniMode', 'Exclusive'], ['eniMode', '"mixd"'], ['datapath', 'Veth'], ['datapath', "'ipvlan '"],
    ['datapath', 'datapathV2'], ['ipStack', 'dualstack'], ['ipStack', 'IPv4'], ['ipamType', 'CRD'], ['ipamType', 'legacyy'],
    ['netwrokPolicy', 'true'], ['eniMod', 'shared'], ['networkpriority', 'false'], ['Trunking', 'true'], ['verison', '"1.14.0"'],
  ];
  const clusterSlips: Array<[string, string]> = [
    ['edition', 'Pro'], ['edition', 'basci'], ['podCidr', '172.20.0.1/16'], ['serviceCidr', '"172.21.0.5/20"'],
    ['vpcCidr', "'192.168.1.0/16'"], ['podCidr', '10.0.0.0/8'], ['nodeCidrMask', '30'], ['nodeCidrMask', '"22"'],
    ['nodes', '300'], ['kubernetesVersion', '"1.30"'], ['podCidr', '172.16.0.0/20'], ['nodeCidrMask', '24'], ['serviceCidr', '172.21.0.0/20'],
    ['serviceCidr', '"172.21.0.1/20,fd00::1/112"'], ['serviceCidr', '172.21.0.0/20, fd00::5/112'],
  ];
  const topSlips: Array<[string, string]> = [['flanel', '{bandwidth: true}'], ['terwy', '{}'], ['ignore', '["charts/**"]']];
  const ruleSlips = ['aliyun-bandwith-deprecated: off', 'network-policy-unsuported: warning', 'bandwidth-invalid: error'];
  const out: SweepFile[] = [];
  for (let i = 0; i < count; i++) {
    const nl = random() < 0.2 ? '\r\n' : '\n';
    const flowSections = random() < 0.25;
    const comment = () => (random() < 0.35 ? `  # ${pick(random, ['from the console', 'set at creation', 'TODO check'])}` : '');
    const section = (name: string, entries: Array<[string, string]>): string[] => {
      const unique = entries.filter(([key], index) => entries.findIndex(([other]) => other === key) === index);
      if (unique.length === 0) return [];
      if (flowSections) return [`${name}: {${unique.map(([k, v]) => `${k}: ${v}`).join(', ')}}${comment()}`];
      const lines = [`${name}:${comment()}`];
      for (const [k, v] of unique) {
        if (random() < 0.2) lines.push(`  # about ${k}`);
        lines.push(`  ${k}: ${v}${comment()}`);
      }
      return lines;
    };
    const lines: string[] = [];
    if (random() < 0.5) lines.push('# cluster profile for the round trip');
    lines.push(`cni: ${pick(random, cniValues)}${comment()}`);
    const terway = Array.from({ length: Math.floor(random() * 3) }, () => pick(random, terwaySlips));
    const cluster = Array.from({ length: Math.floor(random() * 4) }, () => pick(random, clusterSlips));
    lines.push(...section('terway', terway));
    if (random() < 0.3) lines.push(...section('flannel', [['bandwidth', pick(random, ['true', 'false', 'yes'])]]));
    lines.push(...section('cluster', cluster));
    if (random() < 0.3) {
      const [key, value] = pick(random, topSlips);
      lines.push(`${key}: ${value}`);
    }
    if (random() < 0.3) lines.push('rules:', `  ${pick(random, ruleSlips)}`);
    if (random() < 0.3) lines.push('# end');
    out.push({ name: `generated/profile-${i}/.ack-cni.yaml`, text: lines.join(nl) + (random() < 0.9 ? nl : '') });
  }
  return out;
}

/** CreateCluster bodies (JSON and YAML) and kube-flannel-cfg ConfigMaps with host bits and node masks. */
export function generateClusterConfigs(seed: number, count: number): SweepFile[] {
  const random = seededRandom(seed);
  const podCidrs = ['172.20.0.1/16', '172.20.0.0/20', '10.0.0.5/8', '172.16.0.0/26', '172.20.3.7/20', '192.168.0.0/16'];
  const serviceCidrs = ['172.21.0.1/20', '172.21.0.0/20', '172.21.0.0/25', '192.168.0.0/16'];
  const masks = ['"24"', '24', '"30"', '22', '26', '"28"'];
  const out: SweepFile[] = [];
  for (let i = 0; i < count; i++) {
    const format = pick(random, ['json', 'json-compact', 'yaml', 'flannel-cfg', 'flannel-cfg-inline'] as const);
    const pod = pick(random, podCidrs);
    const service = pick(random, serviceCidrs);
    const mask = pick(random, masks);
    const nodes = pick(random, [10, 30, 100, 300, 1000]);
    const cni = pick(random, ['flannel', 'terway-eniip']);
    if (format === 'json' || format === 'json-compact') {
      const body: Record<string, unknown> = {
        name: `generated-${i}`,
        cluster_type: 'ManagedKubernetes',
        cluster_spec: 'ack.pro.small',
        kubernetes_version: '1.30.1-aliyun.1',
        container_cidr: pod,
        service_cidr: service,
        node_cidr_mask: JSON.parse(mask),
        num_of_nodes: nodes,
        addons: [{ name: cni, config: '' }],
        ...(cni === 'terway-eniip' ? { pod_vswitch_ids: ['vsw-1'] } : {}),
      };
      out.push({ name: `generated/cluster-${i}.json`, text: JSON.stringify(body, null, format === 'json' ? 2 : 0) + '\n' });
    } else if (format === 'yaml') {
      const lines = [
        '# CreateCluster body kept as YAML',
        `name: generated-${i}`,
        'cluster_type: ManagedKubernetes',
        `kubernetes_version: "1.30.1-aliyun.1"`,
        `container_cidr: ${pick(random, [pod, `"${pod}"`, `'${pod}'`])} # pods`,
        `service_cidr: ${service}`,
        `node_cidr_mask: ${mask}  # per node`,
        `num_of_nodes: ${nodes}`,
        'addons:',
        `  - name: ${cni}`,
        '    config: ""',
      ];
      out.push({ name: `generated/cluster-${i}.yaml`, text: lines.join('\n') + '\n' });
    } else {
      const subnetLen = Number(JSON.parse(mask));
      const netConf = `{"Network": "${pod}", "SubnetLen": ${subnetLen}, "Backend": {"Type": "ali-vpc"}}`;
      const data =
        format === 'flannel-cfg'
          ? `  net-conf.json: |\n    {\n      "Network": "${pod}",\n      "SubnetLen": ${subnetLen},\n      "Backend": {"Type": "ali-vpc"}\n    }\n`
          : `  net-conf.json: '${netConf}' # one line\n`;
      out.push({
        name: `generated/flannel-cfg-${i}.yaml`,
        text: `kind: ConfigMap\napiVersion: v1\nmetadata:\n  name: kube-flannel-cfg\n  namespace: kube-system\ndata:\n  # the network\n${data}`,
      });
    }
  }
  return out;
}

/** PodNetworking objects with enum slips (eniType, allocation type, release strategy, vSwitch policy), block and flow style. */
export function generatePodNetworkings(seed: number, count: number): SweepFile[] {
  const random = seededRandom(seed);
  const out: SweepFile[] = [];
  for (let i = 0; i < count; i++) {
    const eniType = pick(random, ['trunk', '"Trunc"', "'eni'", 'default', 'Trunk', 'ENI ']);
    const type = pick(random, ['fixed', 'Elastic', '"elastic"', 'Fixd']);
    const strategy = pick(random, ['ttl', 'Never', "'never'", 'TTL']);
    const policy = pick(random, ['ordered', 'Random', '"most"', 'Most']);
    const flow = random() < 0.3;
    const spec = flow
      ? [
          `  eniOptions: {eniType: ${eniType}} # flow`,
          `  allocationType: {type: ${type}, releaseStrategy: ${strategy}, releaseAfter: 30m}`,
          `  vSwitchSelectOptions: {vSwitchSelectionPolicy: ${policy}}`,
        ]
      : [
          '  eniOptions:',
          `    eniType: ${eniType}${random() < 0.4 ? ' # the ENI kind' : ''}`,
          '  allocationType:',
          '    # how long the IP stays',
          `    type: ${type}`,
          `    releaseStrategy: ${strategy}`,
          '    releaseAfter: 30m',
          '  vSwitchSelectOptions:',
          `    vSwitchSelectionPolicy: ${policy}`,
        ];
    const text = [
      'apiVersion: network.alibabacloud.com/v1beta1',
      'kind: PodNetworking',
      'metadata:',
      `  name: net-${i}`,
      'spec:',
      ...spec,
      '  selector:',
      '    podSelector:',
      '      matchLabels: {net: extra}',
      '',
    ].join('\n');
    out.push({ name: `generated/podnetworking-${i}.yaml`, text });
  }
  return out;
}
