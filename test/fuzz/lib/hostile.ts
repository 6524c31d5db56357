/**
 * Hand-made hostile files, generated here rather than committed: alias bombs, extreme nesting,
 * huge files and lines, binary and UTF-16 bytes, odd line ends, templates, JSON with comments,
 * long document streams, values built to make regular expressions backtrack, hostile profiles
 * and Terraform. Each has the bytes a file on disk would hold and the text an editor would show.
 */
import { Prng } from './prng';
import type { InputKind, Seed } from './seeds';

export interface HostileInput {
  name: string;
  /** File name in the CLI and LSP workspaces; decides the kind (`.ack-cni.yaml`, `.tf`, else manifest). */
  fileName: string;
  kind: InputKind;
  /** The file's bytes on disk. */
  bytes: Buffer;
  /** The text an editor shows for those bytes (UTF-16 decoded, UTF-8 BOM dropped, invalid UTF-8 as U+FFFD). */
  text: string;
}

export interface HostileScale {
  /** Size of the big file; the issue asks for 50 MB, the test slice uses less. */
  bigFileBytes: number;
  /** Nesting depth of the deep inputs. */
  depth: number;
  /** Documents in the long stream. */
  streamDocuments: number;
}

export const fullScale: HostileScale = { bigFileBytes: 50 * 1024 * 1024, depth: 10_000, streamDocuments: 5_000 };
export const sliceScale: HostileScale = { bigFileBytes: 1024 * 1024, depth: 10_000, streamDocuments: 5_000 };

function kindOf(fileName: string): InputKind {
  if (fileName.endsWith('.ack-cni.yaml')) return 'profile';
  return fileName.endsWith('.tf') ? 'terraform' : 'manifest';
}

function fromText(name: string, fileName: string, text: string): HostileInput {
  return { name, fileName, kind: kindOf(fileName), bytes: Buffer.from(text, 'utf8'), text };
}

function fromBytes(name: string, fileName: string, bytes: Buffer, text: string): HostileInput {
  return { name, fileName, kind: kindOf(fileName), bytes, text };
}

const pod = (annotations: string, extra = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: hostile\n  annotations:\n${annotations}spec:\n  containers:\n    - name: c\n      image: nginx\n${extra}`;

const policy = (i: number) =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p${i}\nspec:\n  podSelector: {}\n  ingress:\n    - ports: [{port: 80, endPort: 90}]\n`;

const deployment = (i: number) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d${i}\nspec:\n  template:\n    metadata:\n      annotations:\n        k8s.aliyun.com/ingress-bandwidth: ${i}M\n        kubernetes.io/egress-bandwidth: ${i}m\n        k8s.aliyun.com/network-priority: Guaranteed\n    spec:\n      containers: [{name: c, image: x}]\n`;

const service = (i: number) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: s${i}\n  annotations:\n    service.beta.kubernetes.io/backend-type: eni\nspec:\n  ipFamilyPolicy: PreferDualStack\n  ports: [{port: ${i % 65535}}]\n`;

function repeatTo(bytes: number, piece: (i: number) => string): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const next = (i === 0 ? '' : '---\n') + piece(i);
    parts.push(next);
    size += next.length;
  }
  return parts.join('');
}

function blockNesting(depth: number, indent: number): string {
  const lines: string[] = [];
  for (let i = 0; i < depth; i++) lines.push(`${' '.repeat(i * indent)}a:`);
  return lines.join('\n') + '\n';
}

/** The billion laughs: ten levels of nine aliases each, 9^9 strings when expanded. */
function billionLaughs(): string {
  let text = 'lol0: &lol0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n';
  for (let i = 1; i < 10; i++) text += `lol${i}: &lol${i} [${Array(9).fill(`*lol${i - 1}`).join(', ')}]\n`;
  return text;
}

/** A bomb where the rules look: container lists, labels, annotations and pod templates made of aliases. */
function kubernetesBomb(): string {
  let text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: bomb\n  labels: &l0 {k8s.aliyun.com/ingress-bandwidth: 10M, a: b}\n  annotations: *l0\nspec:\n';
  text += `  x0: &x0 [${Array(9).fill('*l0').join(', ')}]\n`;
  for (let i = 1; i < 12; i++) text += `  x${i}: &x${i} [${Array(9).fill(`*x${i - 1}`).join(', ')}]\n`;
  text += '  template: &t\n    metadata:\n      annotations: *l0\n    spec:\n      containers: *x11\n      initContainers: *x11\n      volumes: *x11\n';
  text += '---\napiVersion: v1\nkind: List\nitems: &items [*t, *t, *t]\nmore: [*items, *items]\n';
  return text;
}

/** Merge keys (`<<`) that merge merges: the composer is built with merge support on. */
function mergeBomb(): string {
  let text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: merge\n  annotations:\n    m0: &m0 {a0: 1, k8s.aliyun.com/ingress-bandwidth: 10M}\n';
  for (let i = 1; i < 30; i++) text += `    m${i}: &m${i} {<<: [*m${i - 1}, *m${i - 1}], a${i}: ${i}}\n`;
  text += 'spec:\n  template:\n    metadata:\n      annotations:\n        <<: *m29\n';
  return text;
}

/** Values built to make backtracking regular expressions slow, under every annotation the rules parse. */
function backtrackingValues(): string {
  const values = [
    '1'.repeat(50_000) + '\n\nx',
    '1'.repeat(50_000) + '\nx\ny',
    '1'.repeat(50_000) + '!',
    '1.'.repeat(25_000),
    '1'.repeat(50_000) + ' ' + 'M'.repeat(10),
    ' '.repeat(50_000) + 'M',
    '1e' + '9'.repeat(50_000),
    '0.' + '0'.repeat(50_000) + '1',
    '1h'.repeat(25_000),
    '1.1.1.1'.repeat(10_000) + '/',
    '{{-' + ' '.repeat(50_000),
    '[' + '{"a":'.repeat(5_000),
    'G'.repeat(50_000),
  ];
  const keys = [
    'k8s.aliyun.com/ingress-bandwidth',
    'kubernetes.io/egress-bandwidth',
    'k8s.aliyun.com/network-priority',
    'k8s.aliyun.com/pod-networks-request',
    'k8s.aliyun.com/pod-ip-reservation',
    'ack-cni-lint.io/ignore',
  ];
  const docs: string[] = [];
  for (const value of values) {
    const annotations = keys.map((key) => `    ${key}: ${JSON.stringify(value)}\n`).join('');
    docs.push(pod(annotations));
  }
  docs.push(`apiVersion: network.alibabacloud.com/v1beta1\nkind: PodNetworking\nmetadata: {name: n}\nspec:\n  allocationType: {type: Fixed, releaseStrategy: TTL, releaseAfter: ${JSON.stringify('1h'.repeat(25_000))}}\n  vSwitchOptions: [${JSON.stringify('v'.repeat(50_000))}]\n`);
  return docs.join('---\n');
}

function binary(rng: Prng, size: number): Buffer {
  return rng.bytes(size);
}

function utf16(text: string, bigEndian: boolean): Buffer {
  const le = Buffer.from('\uFEFF' + text, 'utf16le');
  if (!bigEndian) return le;
  const be = Buffer.alloc(le.length);
  for (let i = 0; i + 1 < le.length; i += 2) {
    be[i] = le[i + 1];
    be[i + 1] = le[i];
  }
  return be;
}

export function hostileInputs(scale: HostileScale, corpusSample: readonly Seed[]): HostileInput[] {
  const rng = new Prng(0x5eed);
  const depth = scale.depth;
  const out: HostileInput[] = [];
  const add = (name: string, fileName: string, text: string) => out.push(fromText(name, fileName, text));

  // Alias bombs.
  add('billion-laughs', 'billion-laughs.yaml', billionLaughs());
  add('alias-bomb-in-workloads', 'alias-bomb-workloads.yaml', kubernetesBomb());
  add('merge-key-bomb', 'merge-key-bomb.yaml', mergeBomb());
  add('alias-to-itself', 'alias-self.yaml', 'a: &a [*a]\nb: &b {c: *b}\napiVersion: v1\nkind: Pod\nmetadata: &m {name: x, annotations: *m}\n');
  add('alias-bomb-profile', '.ack-cni.yaml', billionLaughs() + 'cni: &c terway\nterway: &t {eniMode: *c, networkPolicy: *t}\nrules: *lol9\nignore: *lol9\n');
  add('alias-bomb-json', 'bomb.json', `{"a": [${Array(1000).fill('"x"').join(',')}], "b": [${Array(1000).fill('[1,2,3]').join(',')}]}\n`);

  // Nesting.
  add(`flow-seq-${depth}-deep`, 'deep-flow-seq.yaml', `a: ${'['.repeat(depth)}${']'.repeat(depth)}\n`);
  add(`flow-map-${depth}-deep`, 'deep-flow-map.yaml', `a: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n`);
  add(`compact-seq-${depth}-deep`, 'deep-compact-seq.yaml', `${'- '.repeat(depth)}x\n`);
  add('block-map-3000-deep', 'deep-block-map.yaml', blockNesting(3000, 1));
  add(`json-${depth}-deep`, 'deep.json', `${'{"a": '.repeat(depth)}1${'}'.repeat(depth)}\n`);
  add(`pod-containers-${depth}-deep`, 'deep-pod.yaml', pod('    a: b\n').replace('  containers:\n    - name: c\n      image: nginx\n', `  containers: ${'['.repeat(depth)}${']'.repeat(depth)}\n`));
  add(
    `annotation-json-${depth}-deep`,
    'deep-annotation-json.yaml',
    pod(
      `    k8s.aliyun.com/pod-networks-request: '${'['.repeat(depth)}${']'.repeat(depth)}'\n    k8s.aliyun.com/pod-networks: '{"podNetworks": ${'{"a": '.repeat(depth)}1${'}'.repeat(depth)}}'\n`,
    ),
  );
  add(
    `eni-config-json-${depth}-deep`,
    'deep-eni-config.yaml',
    `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: eni-config, namespace: kube-system}\ndata:\n  eni_conf: '${'{"a": '.repeat(depth)}1${'}'.repeat(depth)}'\n  10-terway.conf: '${'['.repeat(depth)}${']'.repeat(depth)}'\n`,
  );
  add(`create-cluster-${depth}-deep`, 'deep-create-cluster.json', `{"cluster_type": "ManagedKubernetes", "addons": ${'['.repeat(depth)}${']'.repeat(depth)}, "nodepools": [${'{"a": '.repeat(depth)}1${'}'.repeat(depth)}]}\n`);
  add(`list-items-300-deep`, 'deep-list.yaml', `${'apiVersion: v1\nkind: List\nitems:\n- '.repeat(1)}${'{apiVersion: v1, kind: List, items: ['.repeat(300)}{apiVersion: v1, kind: Pod, metadata: {name: x}}${']}'.repeat(300)}\n`);
  add(`profile-${depth}-deep`, '.ack-cni.yaml', `cni: terway\nterway: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n`);
  add(`terraform-blocks-${depth}-deep`, 'deep-blocks.tf', `resource "alicloud_cs_managed_kubernetes" "k" {\n${'a {\n'.repeat(depth)}${'}\n'.repeat(depth)}}\n`);
  add(`terraform-expression-${depth}-deep`, 'deep-expression.tf', `resource "alicloud_cs_managed_kubernetes" "k" {\n  pod_cidr = ${'('.repeat(depth)}"10.0.0.0/8"${')'.repeat(depth)}\n  addons = ${'['.repeat(depth)}${']'.repeat(depth)}\n}\n`);
  for (const near of [250, 256, 257, 300, 500]) {
    add(`flow-seq-${near}-deep-pod`, `near-limit-${near}.yaml`, pod(`    a: b\n`, `  x: ${'['.repeat(near)}${']'.repeat(near)}\n  y: ${'{a: '.repeat(near)}1${'}'.repeat(near)}\n`));
  }

  // The big file: real documents repeated up to the size the scale asks for (no templates: one
  // `{{ .Values }}` would make the engine skip the whole file, and the point is to lint all of it).
  const sample = corpusSample.filter((seed) => seed.text.length < 200_000 && !seed.text.includes('{{') && !seed.origin.startsWith('_helm'));
  const bigPieces = sample.length > 0 ? sample : [{ text: deployment(1) }];
  add(`big-${Math.round(scale.bigFileBytes / 1024 / 1024)}mb-stream`, 'big.yaml', repeatTo(scale.bigFileBytes, (i) => {
    const text = bigPieces[i % bigPieces.length].text;
    return text.endsWith('\n') ? text : text + '\n';
  }));

  // Binary and encodings.
  for (const [name, bytes] of [
    ['binary-random-64k', binary(rng, 65_536)],
    ['binary-png-header', Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), binary(rng, 4096)])],
    ['binary-gzip-header', Buffer.concat([Buffer.from('1f8b0800000000000003', 'hex'), binary(rng, 4096)])],
    ['binary-nul-bytes', Buffer.alloc(100_000)],
  ] as const) {
    out.push(fromBytes(name, `${name}.yaml`, bytes, bytes.toString('utf8')));
  }
  const utf16Text = deployment(7) + '---\n' + policy(7);
  out.push(fromBytes('utf16le-bom', 'utf16le.yaml', utf16(utf16Text, false), utf16Text));
  out.push(fromBytes('utf16be-bom', 'utf16be.yaml', utf16(utf16Text, true), utf16Text));
  out.push(fromText('utf16le-bom-read-as-utf8', 'utf16-as-utf8.yaml', utf16(utf16Text, false).toString('utf8')));
  out.push(fromBytes('utf16le-bom-profile', '.ack-cni.yaml', utf16('cni: flannel\n', false), 'cni: flannel\n'));
  out.push(fromBytes('utf8-bom', 'utf8-bom.yaml', Buffer.from('\uFEFF' + utf16Text, 'utf8'), utf16Text));
  add('bom-in-the-middle', 'bom-middle.yaml', deployment(1) + '---\n\uFEFF' + policy(2));
  add('lone-surrogates', 'surrogates.yaml', pod(`    k8s.aliyun.com/network-priority: "\uD800\uDC00\uD800x\uDFFF"\n    "\uD83D": 10M\n`));
  add('control-characters', 'controls.yaml', pod(`    k8s.aliyun.com/ingress-bandwidth: 10\u0000M\n    kubernetes.io/egress-bandwidth: "1\u0007M"\n`).replace('kind: Pod', 'kind: Pod\u0000'));

  // Line ends.
  const mixedSource = deployment(3) + '---\n' + policy(3) + '---\n' + service(3);
  add('crlf', 'crlf.yaml', mixedSource.replace(/\n/g, '\r\n'));
  add('cr-only', 'cr-only.yaml', mixedSource.replace(/\n/g, '\r'));
  add('mixed-line-ends', 'mixed-eol.yaml', mixedSource.replace(/\n/g, () => rng.pick(['\n', '\r\n', '\r'])));
  add('unicode-line-separators', 'u2028.yaml', mixedSource.replace(/\n/g, (_m) => rng.pick(['\n', '\u2028', '\u2029', '\u0085'])));
  add('crlf-profile', '.ack-cni.yaml', 'cni: flannel\r\nflannel:\r\n  bandwidth: maybe\r\nrules:\r\n  nope: error\r\n');
  add('cr-only-profile', '.ack-cni.yaml', 'cni: terway\rterway:\r  eniMode: share\r');
  add('crlf-terraform', 'crlf.tf', 'resource "alicloud_cs_managed_kubernetes" "k" {\r\n  pod_cidr = "10.0.0.0/33"\r\n  node_cidr_mask = 31\r\n}\r\n');

  // Long lines.
  add('annotation-value-5mb-line', 'long-value.yaml', pod(`    k8s.aliyun.com/pod-networks-request: '[${Array(120_000).fill('{"interfaceName":"eth1"}').join(',')}]'\n`));
  add('key-1mb', 'long-key.yaml', pod(`    ${'k'.repeat(1_000_000)}: 10M\n`));
  add('comment-1mb', 'long-comment.yaml', `# ${'c'.repeat(1_000_000)}\n${policy(1)}`);
  add('minified-json-2mb', 'minified.json', JSON.stringify({ apiVersion: 'v1', kind: 'List', items: Array.from({ length: 8_000 }, (_, i) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: `s${i}`, annotations: { 'service.beta.kubernetes.io/backend-type': 'eni' } }, spec: { ipFamilyPolicy: 'RequireDualStack' } })) }));
  add('backtracking-values', 'backtracking.yaml', backtrackingValues());
  add('no-newline-at-all', 'one-line.yaml', 'a'.repeat(2_000_000));
  add('spaces-without-colon', 'spaces.yaml', pod('    a: b\n', `  k${' '.repeat(100_000)}x\n  ${'a '.repeat(50_000)}\n`));
  add('compact-implicit-keys', 'implicit-keys.yaml', `${pod('    a: b\n')}  replicas: ${'a: '.repeat(20_000)}x\n`);

  // Templates.
  add('helm-template', 'deployment.yaml', `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "chart.fullname" . }}\n  annotations:\n    {{- toYaml .Values.annotations | nindent 4 }}\nspec:\n  template:\n    metadata:\n      annotations:\n        k8s.aliyun.com/ingress-bandwidth: {{ .Values.bw | quote }}\n{{- if .Values.policy }}\n---\n${policy(1)}{{- end }}\n`);
  add('braces-in-strings-many', 'braces.yaml', pod(Array.from({ length: 20_000 }, (_, i) => `    a${i}: "{{ x${i} }}"\n`).join('')));
  add('unbalanced-braces-many', 'unbalanced.yaml', pod(`    a: b\n`) + '{{'.repeat(100_000) + '\n');
  add('braces-in-comments', 'braces-comments.yaml', Array.from({ length: 20_000 }, (_, i) => `# {{ comment ${i} }}\n`).join('') + policy(1));
  add('template-profile', '.ack-cni.yaml', 'cni: {{ .Values.cni }}\nterway:\n  eniMode: {{ x }}\n');

  // JSON with comments, trailing commas and JSON5.
  add('json-with-comments', 'commented.json', `// a comment\n{\n  /* block */ "apiVersion": "networking.k8s.io/v1", // trailing\n  "kind": "NetworkPolicy",\n  "metadata": {"name": "x",},\n  "spec": {"podSelector": {}},\n}\n`);
  add('json5', 'json5.json', `{apiVersion: 'v1', kind: 'Pod', metadata: {name: 'x', annotations: {'k8s.aliyun.com/ingress-bandwidth': 0x10, n: Infinity, m: NaN, +1: .5,}},}\n`);
  add('json-create-cluster-comments', 'cluster.json', `{\n  // CreateCluster body\n  "cluster_type": "ManagedKubernetes", /* flannel */\n  "container_cidr": "172.20.0.0/20",\n  "addons": [{"name": "flannel",},],\n}\n`);

  // Long streams.
  add(`stream-${scale.streamDocuments}-documents`, 'stream.yaml', Array.from({ length: scale.streamDocuments }, (_, i) => [policy, deployment, service][i % 3](i)).join('---\n'));
  add('stream-empty-documents', 'empty-docs.yaml', '---\n'.repeat(scale.streamDocuments) + '...\n'.repeat(100));
  add('stream-directives', 'directives.yaml', Array.from({ length: 500 }, (_, i) => `%YAML 1.${i % 3}\n%TAG !e! tag:e.com,2000:\n--- !e!x\n${policy(i)}...\n`).join(''));

  // Wide rather than deep.
  add('annotations-100k', 'wide-annotations.yaml', pod(Array.from({ length: 100_000 }, (_, i) => `    k${i}: "${i}"\n`).join('')));
  add('duplicate-keys-10k', 'duplicates.yaml', pod(`    k8s.aliyun.com/ingress-bandwidth: 10M\n`.repeat(10_000)));
  add('anchors-50k', 'anchors.yaml', pod(Array.from({ length: 50_000 }, (_, i) => `    a${i}: &x${i} v${i}\n    b${i}: *x${i}\n`).join('')));
  add('suppressions-50k', 'suppressions.yaml', Array.from({ length: 50_000 }, () => '# ack-cni-disable-next-line network-policy-unsupported, bandwidth-invalid\n').join('') + policy(1));
  add('ignore-annotation-long', 'ignore-long.yaml', pod(`    ack-cni-lint.io/ignore: "${Array.from({ length: 50_000 }, (_, i) => `rule-${i}`).join(',')}"\n`));
  add('empty', 'empty.yaml', '');
  add('only-bom', 'only-bom.yaml', '\uFEFF');
  add('whitespace-only', 'whitespace.yaml', ' \t\n\r\n   \n');
  add('tabs-everywhere', 'tabs.yaml', deployment(2).replace(/ {2}/g, '\t'));
  add('complex-keys', 'complex-keys.yaml', `? [a, b]\n: c\n? {kind: NetworkPolicy}\n: d\napiVersion: v1\nkind: Pod\nmetadata:\n  ? [name]\n  : x\n  annotations:\n    ? k8s.aliyun.com/ingress-bandwidth\n    : 10M\n`);
  add('tags', 'tags.yaml', `apiVersion: !!str v1\nkind: !Pod Pod\nmetadata: !!map\n  name: !!binary aGVsbG8=\n  annotations: !!omap\n    - k8s.aliyun.com/ingress-bandwidth: 10M\nspec: !!set {a, b}\n`);

  // Hostile profiles.
  add('profile-from-outside', '.ack-cni.yaml', 'cni: terway\nfrom: ../../../../../../etc/passwd\n');
  add('profile-from-absolute', '.ack-cni.yaml', 'from: /etc/shadow\n');
  add('profile-from-itself', '.ack-cni.yaml', 'from: ./.ack-cni.yaml\n');
  add('profile-from-huge', '.ack-cni.yaml', `from: ${'../'.repeat(100_000)}x\n`);
  add('profile-ignore-patterns', '.ack-cni.yaml', `cni: flannel\nignore:\n${Array.from({ length: 5_000 }, (_, i) => `  - "${'**/'.repeat(i % 40)}*${i}[a-z]{1,2}?"\n`).join('')}`);
  add('profile-rules-many', '.ack-cni.yaml', `cni: flannel\nrules:\n${Array.from({ length: 20_000 }, (_, i) => `  rule-${i}: ${['off', 'error', 'loud', 1][i % 4]}\n`).join('')}`);
  add('profile-wrong-types', '.ack-cni.yaml', 'cni: [terway]\nterway: 5\nflannel: "x"\ncluster: {nodes: 1e400, nodeCidrMask: -1, podCidr: 10.0.0.0/99, instanceTypes: ecs.g7}\nrules: [a]\nignore: {a: b}\n');

  // Hostile cluster configurations.
  add('terraform-10k-resources', 'many.tf', Array.from({ length: 10_000 }, (_, i) => `resource "alicloud_cs_managed_kubernetes" "k${i}" {\n  pod_cidr = "10.${i % 256}.0.0/16"\n  node_cidr_mask = ${i % 40}\n}\n`).join(''));
  add('terraform-garbage', 'garbage.tf', '}{'.repeat(50_000) + '"'.repeat(1000) + '<<EOF\n' + '${'.repeat(10_000));
  add('terraform-heredoc', 'heredoc.tf', `resource "alicloud_cs_managed_kubernetes" "k" {\n  name = <<-EOT\n  ${'x'.repeat(100_000)}\n  EOT\n  pod_cidr = "\${var.a}\${var.b}"\n  addons {\n    name = "terway-eniip"\n    config = <<EOF\n{"IPVlan": "true", "NetworkPolicy": ${'['.repeat(5000)}\nEOF\n  }\n}\n`);
  add('create-cluster-100k-nodepools', 'nodepools.json', JSON.stringify({ cluster_type: 'ManagedKubernetes', addons: [{ name: 'flannel' }], container_cidr: '172.20.0.0/20', nodepools: Array.from({ length: 100_000 }, (_, i) => ({ count: i, instance_types: ['ecs.g7.large'] })) }));
  add('create-cluster-huge-numbers', 'numbers.json', '{"cluster_type": "ManagedKubernetes", "num_of_nodes": 1e400, "node_cidr_mask": 1e-400, "container_cidr": "0.0.0.0/0", "service_cidr": "::/0,0.0.0.0/0", "addons": [{"name": "terway-eniip", "config": "{\\"IPVlan\\": 1e400}"}]}\n');

  return out;
}
