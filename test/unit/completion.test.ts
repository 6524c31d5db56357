import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completionsAt } from '../../server/src/features/completion';
import type { CompletionEntry } from '../../server/src/features/types';
import { cursorAt, featureContext, type ContextOptions } from '../helpers/cursor';

/** Completes at the `‸` of a fixture; each entry with the text its range covers, which must end at the cursor. */
function complete(marked: string, options: ContextOptions = {}): { text: string; offset: number; entries: CompletionEntry[] } {
  const { text, offset } = cursorAt(marked);
  return { text, offset, entries: completionsAt(featureContext(text, options), offset) };
}

/** label → what gets inserted, and the typed text it replaces. */
function offered(marked: string, options: ContextOptions = {}): Array<[string, string, string]> {
  const { text, entries } = complete(marked, options);
  return entries.map((e) => [e.label, e.insertText, text.slice(e.start, e.end)]);
}

const labels = (marked: string, options: ContextOptions = {}) => complete(marked, options).entries.map((e) => e.label);

/** A Deployment with `typed` as the last line of its pod template's annotations (indented by 8). */
const deployment = (typed: string, more = '') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    metadata:\n      annotations:\n${more}        ${typed}\n    spec:\n      containers:\n      - name: web\n        image: nginx\n`;
const pod = (typed: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n    ${typed}\nspec:\n  containers:\n  - name: web\n    image: nginx\n`;
const service = (annotation: string, policy = 'SingleStack') =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    ${annotation}\nspec:\n  ipFamilyPolicy: ${policy}\n  ports:\n  - port: 80\n`;

const terway = (settings = '') => ({ profile: `cni: terway\n${settings ? `terway:\n${settings}` : ''}` });
const flannel = { profile: 'cni: flannel\n' };

test('a key typed without its colon: the pod-template keys the profile supports, replacing what was typed', () => {
  const { text, entries } = complete(deployment('k8s.al‸'), terway('  networkPriority: true\n'));
  assert.deepEqual(
    entries.map((e) => [e.label, e.insertText, e.start, e.end, e.kind]),
    ['kubernetes.io/ingress-bandwidth', 'kubernetes.io/egress-bandwidth', 'k8s.aliyun.com/network-priority'].map((key) => [
      key,
      `${key}: `,
      text.indexOf('k8s.al'),
      text.indexOf('k8s.al') + 'k8s.al'.length,
      'annotation',
    ]),
  );
});

test('Flannel: no bandwidth keys until flannel.bandwidth, never network-priority; a Pod gets the ignore annotation', () => {
  assert.deepEqual(labels(deployment('‸'), flannel), []);
  assert.deepEqual(labels(deployment('‸'), { profile: 'cni: flannel\nflannel:\n  bandwidth: true\n' }), ['kubernetes.io/ingress-bandwidth', 'kubernetes.io/egress-bandwidth']);
  assert.deepEqual(offered(pod('‸'), flannel), [['ack-cni-lint.io/ignore', 'ack-cni-lint.io/ignore: ', '']]);
});

test('no profile, or Terway Edge where the facts are silent: only the keys that mean the same on every CNI', () => {
  assert.deepEqual(labels(deployment('‸')), ['kubernetes.io/ingress-bandwidth', 'kubernetes.io/egress-bandwidth']);
  assert.deepEqual(labels(pod('‸')), ['kubernetes.io/ingress-bandwidth', 'kubernetes.io/egress-bandwidth', 'ack-cni-lint.io/ignore']);
  assert.deepEqual(labels(deployment('‸'), { profile: 'cni: terway-edge\n' }), ['kubernetes.io/ingress-bandwidth', 'kubernetes.io/egress-bandwidth']);
});

test('Terway modes: what each one supports', () => {
  // Default Terway: shared ENI, veth, priority off, no trunking.
  assert.deepEqual(labels(deployment('‸'), terway()), ['kubernetes.io/ingress-bandwidth', 'kubernetes.io/egress-bandwidth']);
  assert.deepEqual(labels(deployment('‸'), terway('  datapath: ipvlan\n  networkPriority: true\n')), ['kubernetes.io/egress-bandwidth', 'k8s.aliyun.com/network-priority']);
  assert.deepEqual(labels(deployment('‸'), terway('  datapath: datapathv2\n  networkPriority: true\n  version: "1.12.0"\n')), ['kubernetes.io/egress-bandwidth']);
  assert.deepEqual(labels(deployment('‸'), terway('  eniMode: exclusive\n')), ['k8s.aliyun.com/pod-networks-request']);
  assert.deepEqual(labels(deployment('‸'), terway('  trunking: true\n')), [
    'kubernetes.io/ingress-bandwidth',
    'kubernetes.io/egress-bandwidth',
    'k8s.aliyun.com/pod-networks-request',
  ]);
});

test('mixed mode: a key that works on shared nodes only is offered, with that caveat in its documentation', () => {
  const priority = complete(deployment('‸'), terway('  eniMode: mixed\n  networkPriority: true\n')).entries.find((e) => e.label === 'k8s.aliyun.com/network-priority');
  assert.deepEqual(priority, {
    label: 'k8s.aliyun.com/network-priority',
    kind: 'annotation',
    detail: 'Terway egress priority',
    documentation: [
      "Egress priority of the pod's traffic on its node: `guaranteed`, `burstable` or `best-effort` (tc priority bands 0, 1 and 2). Terway applies it on shared ENIs once `enable_network_priority` is on in `10-terway.conf`, which replaces the ENI's default qdisc.",
      '**Your cluster** (Terway · mixed ENI · policy off, from `.ack-cni.yaml`): Pods on exclusive-ENI node pools (eniOnly) get no k8s.aliyun.com/network-priority: Terway applies it only on shared ENIs.',
      'Rule docs: [network-priority-invalid](https://github.com/ack-cni-lint/ack-cni-lint/blob/main/docs/rules/network-priority-invalid.md) · [network-priority-unsupported](https://github.com/ack-cni-lint/ack-cni-lint/blob/main/docs/rules/network-priority-unsupported.md)',
    ].join('\n\n'),
    insertText: 'k8s.aliyun.com/network-priority: ',
    start: priority!.start,
    end: priority!.end,
  });
});

test('documentation in Chinese', () => {
  const [ingress] = complete(deployment('kub‸'), { locale: 'zh' }).entries;
  assert.equal(ingress.detail, 'Pod 入方向带宽限制（bit/s）');
  assert.equal(
    ingress.documentation,
    '限制 Pod 的入方向流量。取值为以 **bit/s** 为单位的 Kubernetes 数量（`10M` 即 10 Mbit/s），有效范围 1k 到 1P；由 CNI 的带宽功能执行限速。\n\n规则文档：[bandwidth-unsupported](https://github.com/ack-cni-lint/ack-cni-lint/blob/main/docs/rules/zh-cn/bandwidth-unsupported.md) · [bandwidth-invalid](https://github.com/ack-cni-lint/ack-cni-lint/blob/main/docs/rules/zh-cn/bandwidth-invalid.md)',
  );
});

test('keys already in the map are not offered again; a colon after the cursor is kept', () => {
  assert.deepEqual(labels(deployment('‸', '        kubernetes.io/egress-bandwidth: 10M\n')), ['kubernetes.io/ingress-bandwidth']);
  assert.deepEqual(offered(deployment('kubernetes.io/in‸: 10M')).map(([label, insert]) => [label, insert]), [
    ['kubernetes.io/ingress-bandwidth', 'kubernetes.io/ingress-bandwidth'],
    ['kubernetes.io/egress-bandwidth', 'kubernetes.io/egress-bandwidth'],
  ]);
});

test('the object\'s own annotations get only what is read there; a Service gets backend-type', () => {
  const own = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  annotations:\n    ‸\nspec:\n  template:\n    spec:\n      containers: []\n';
  assert.deepEqual(labels(own, terway()), ['ack-cni-lint.io/ignore']);
  assert.deepEqual(labels(service('‸'), flannel), ['service.beta.kubernetes.io/backend-type', 'ack-cni-lint.io/ignore']);
});

test('network-priority values: all three, replacing the typed part of the value', () => {
  const priority = 'k8s.aliyun.com/network-priority: ';
  assert.deepEqual(offered(deployment(`${priority}bu‸`), terway('  networkPriority: true\n')), [
    ['guaranteed', 'guaranteed', 'bu'],
    ['burstable', 'burstable', 'bu'],
    ['best-effort', 'best-effort', 'bu'],
  ]);
  const { entries } = complete(deployment(`${priority}‸`));
  assert.deepEqual(entries[0], {
    label: 'guaranteed',
    kind: 'value',
    detail: 'k8s.aliyun.com/network-priority',
    documentation: 'Highest priority (band 0), for latency-critical traffic.',
    insertText: 'guaranteed',
    start: entries[0].start,
    end: entries[0].start,
  });
});

test('values keep the quotes the user opened (stepping over the closing one), and get a space after a bare colon', () => {
  const { text, offset, entries } = complete(deployment('k8s.aliyun.com/network-priority: "bu‸"'));
  assert.deepEqual(
    entries.map((e) => [e.insertText, text.slice(e.start, e.end)]),
    [
      ['"guaranteed"', '"bu"'],
      ['"burstable"', '"bu"'],
      ['"best-effort"', '"bu"'],
    ],
  );
  assert.equal(entries[0].end, offset + 1);
  assert.deepEqual(offered(deployment("k8s.aliyun.com/network-priority: 'b‸")).map(([, insert]) => insert), ["'guaranteed'", "'burstable'", "'best-effort'"]);
  assert.deepEqual(offered(deployment('k8s.aliyun.com/network-priority:‸')).map(([, insert, typed]) => [insert, typed]), [
    [' guaranteed', ''],
    [' burstable', ''],
    [' best-effort', ''],
  ]);
});

test('values kubectl would not read as strings are quoted', () => {
  assert.deepEqual(offered(deployment('k8s.aliyun.com/pod-ip-reservation: ‸'), terway('  ipamType: legacy\n')), [
    ['true', '"true"', ''],
    ['false', '"false"', ''],
  ]);
});

test('backend-type: eni only on Terway', () => {
  const backend = 'service.beta.kubernetes.io/backend-type: ‸';
  assert.deepEqual(labels(service(backend), terway()), ['eni', 'ecs']);
  assert.deepEqual(labels(service(backend), flannel), ['ecs']);
  assert.deepEqual(labels(service(backend)), ['ecs']);
  assert.deepEqual(labels(service(backend), { profile: 'cni: terway-edge\n' }), ['ecs']);
});

test('ipFamilyPolicy: the dual-stack values only on a dual-stack cluster', () => {
  const policy = service('a: b', 'Pre‸');
  assert.deepEqual(offered(policy, terway('  ipStack: dual\n')), [
    ['SingleStack', 'SingleStack', 'Pre'],
    ['PreferDualStack', 'PreferDualStack', 'Pre'],
    ['RequireDualStack', 'RequireDualStack', 'Pre'],
  ]);
  assert.deepEqual(labels(policy, terway()), ['SingleStack']);
  assert.deepEqual(labels(policy, flannel), ['SingleStack']);
  assert.deepEqual(labels(policy), ['SingleStack']);
});

test('PodNetworking eniType: the ENI types the cluster provides', () => {
  const podNetworking = 'apiVersion: network.alibabacloud.com/v1beta1\nkind: PodNetworking\nmetadata:\n  name: extra\nspec:\n  eniOptions:\n    eniType: ‸\n';
  assert.deepEqual(labels(podNetworking, terway('  trunking: true\n')), ['Default', 'Trunk']);
  assert.deepEqual(labels(podNetworking, terway('  eniMode: exclusive\n')), ['Default', 'ENI']);
  assert.deepEqual(labels(podNetworking, flannel), []);
});

test('ack-cni-lint.io/ignore: rule ids, for the item after the last comma', () => {
  const { text, entries } = complete(pod('ack-cni-lint.io/ignore: "bandwidth-unsupported, net‸"'), flannel);
  assert.ok(entries.length > 10);
  assert.ok(entries.every((e) => text.slice(e.start, e.end) === 'net'));
  assert.deepEqual(entries.find((e) => e.label === 'network-policy-unsupported')?.insertText, 'network-policy-unsupported');
});

test('List items: the item\'s own pod template', () => {
  const list = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: a\n    annotations:\n      ‸\n  spec:\n    containers: []\n';
  assert.deepEqual(labels(list, flannel), ['ack-cni-lint.io/ignore']);
});

test('nowhere else: comments, block scalars, other maps, JSON', () => {
  assert.deepEqual(labels(deployment('# k8s.al‸')), []);
  assert.deepEqual(labels(deployment('note: |\n          k8s.al‸')), []);
  assert.deepEqual(labels('apiVersion: v1\nkind: ConfigMap\ndata:\n  ‸\n'), []);
  assert.deepEqual(labels('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels:\n    ‸\n'), []);
  assert.deepEqual(labels('{"apiVersion": "v1", "kind": "Pod", "metadata": {"annotations": {‸}}}'), []);
});

// --- .ack-cni.yaml ---

const profileFile = { kind: 'profile' as const, profile: 'cni: terway\n' };

test('profile: the top-level keys not yet written; sections end with their colon', () => {
  assert.deepEqual(offered('cni: terway\n‸\n', profileFile), [
    ['from', 'from: ', ''],
    ['terway', 'terway:', ''],
    ['flannel', 'flannel:', ''],
    ['cluster', 'cluster:', ''],
    ['rules', 'rules:', ''],
    ['ignore', 'ignore: ', ''],
  ]);
});

test('profile: the keys of a section, the typed part replaced, with docs, values and default', () => {
  const { text, entries } = complete('cni: terway\nterway:\n  eniMode: shared\n  data‸\n', profileFile);
  assert.deepEqual(entries.map((e) => e.label), ['datapath', 'networkPolicy', 'trunking', 'ipStack', 'ipamType', 'networkPriority', 'version']);
  const [datapath] = entries;
  assert.deepEqual([datapath.insertText, text.slice(datapath.start, datapath.end), datapath.detail], ['datapath: ', 'data', 'terway.datapath']);
  assert.equal(
    datapath.documentation,
    [
      'veth (policy routing, default), ipvlan (legacy IPvlan+eBPF) or datapathv2 (eBPF acceleration).',
      'Values: `veth` · `ipvlan` · `datapathv2`; default: `veth`.',
      '`veth`: policy routing, NetworkPolicy through Calico Felix (or Cilium with the eBPF provider). `ipvlan`: legacy IPvlan + eBPF, egress-only bandwidth limits. `datapathv2`: eBPF acceleration (Cilium), shared ENI mode only, since Terway v1.8.0; no egress priority.',
    ].join('\n\n'),
  );
});

test('profile: enum and boolean values, the default preselected, written plain (the profile is YAML 1.2)', () => {
  assert.deepEqual(
    complete('cni: terway\nterway:\n  eniMode: ex‸\n', profileFile).entries.map((e) => [e.label, e.insertText, e.preselect ?? false]),
    [
      ['shared', 'shared', true],
      ['exclusive', 'exclusive', false],
      ['mixed', 'mixed', false],
    ],
  );
  assert.deepEqual(
    complete('cni: flannel\nflannel:\n  bandwidth: ‸\n', profileFile).entries.map((e) => [e.label, e.insertText, e.preselect ?? false]),
    [
      ['true', 'true', false],
      ['false', 'false', true],
    ],
  );
  const cni = complete('cni: ‸\n', { kind: 'profile' }).entries;
  assert.deepEqual(cni.map((e) => e.label), ['terway', 'terway-edge', 'flannel']);
  assert.equal(cni[2].documentation, "ACK's modified Flannel: a pod CIDR apart from the VPC, one VPC route per node; no NetworkPolicy, no dual stack.");
});

test('profile rules: rule ids not yet listed, then severities', () => {
  const ids = complete('cni: terway\nrules:\n  bandwidth-unsupported: off\n  ‸\n', profileFile).entries;
  assert.ok(ids.some((e) => e.label === 'network-policy-unsupported' && e.insertText === 'network-policy-unsupported: '));
  assert.ok(!ids.some((e) => e.label === 'bandwidth-unsupported'));
  assert.deepEqual(labels('cni: terway\nrules:\n  bandwidth-unsupported: ‸\n', profileFile), ['off', 'hint', 'info', 'warning', 'error']);
});

test('profile: nothing inside lists or unknown sections', () => {
  assert.deepEqual(labels('cni: terway\nignore:\n  - ‸\n', profileFile), []);
  assert.deepEqual(labels('cni: terway\nunknown:\n  ‸\n', profileFile), []);
  assert.deepEqual(labels('cni: terway\nterway:\n  version: ‸\n', profileFile), []);
});

test('a large file: completion reads the document at the cursor alone and answers with offsets in the whole file', () => {
  const filler = Array.from({ length: 3000 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\ndata:\n  a: b\n`).join('---\n');
  const { text, offset, entries } = complete(`${filler}---\n${deployment('kub‸')}---\n${filler}`);
  assert.ok(text.length > 400_000);
  assert.deepEqual(
    entries.map((e) => [e.label, e.start, e.end]),
    [
      ['kubernetes.io/ingress-bandwidth', offset - 3, offset],
      ['kubernetes.io/egress-bandwidth', offset - 3, offset],
    ],
  );
});
