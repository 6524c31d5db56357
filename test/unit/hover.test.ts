import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { hoverAt } from '../../server/src/features/hover';
import { createLintCache, lintSteps, lintText, settledBefore } from '../../server/src/engine/lint';
import { profileFrom } from '../helpers/ruleTable';
import { cursorAt, featureContext, type ContextOptions } from '../helpers/cursor';

/** Hovers at the `‸` of a fixture: the text the hover covers, and its Markdown split into paragraphs. */
function hover(marked: string, options: ContextOptions = {}): { on: string; paragraphs: string[] } | null {
  const { text, offset } = cursorAt(marked);
  const result = hoverAt(featureContext(text, options), offset);
  return result && { on: text.slice(result.start, result.end), paragraphs: result.markdown.split('\n\n') };
}

const docs = (...ids: string[]) => `Rule docs: ${ids.map((id) => `[${id}](https://github.com/ack-cni-lint/ack-cni-lint/blob/main/docs/rules/${id}.md)`).join(' · ')}`;
const docsZh = (...ids: string[]) => `规则文档：${ids.map((id) => `[${id}](https://github.com/ack-cni-lint/ack-cni-lint/blob/main/docs/rules/zh-cn/${id}.md)`).join(' · ')}`;

const networkPolicy = (kind: string) => `apiVersion: networking.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: deny-all\nspec:\n  podSelector: {}\n`;

/** A Deployment whose pod template carries `annotations` (lines indented by 8). */
const deployment = (annotations: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    metadata:\n      annotations:\n${annotations}    spec:\n      containers:\n      - name: web\n        image: nginx\n`;

const flannel = { profile: 'cni: flannel\n', origin: 'deploy/.ack-cni.yaml' };
const terway = { profile: 'cni: terway\n', origin: 'deploy/.ack-cni.yaml' };

const networkPolicyTable = [
  '| Cluster | NetworkPolicy |',
  '| --- | --- |',
  '| Terway, shared ENI, veth | Enforced once NetworkPolicy is switched on (off by default): Calico Felix, or Cilium with the eBPF provider |',
  '| Terway, shared ENI, DataPath V2 | Enforced once NetworkPolicy is switched on: Cilium (eBPF) |',
  '| Terway, exclusive ENI | Not enforced: exclusive-ENI nodes run no policy agent |',
  '| **Flannel** | Not enforced: the object is stored but isolates nothing |',
].join('\n');

test('NetworkPolicy kind on Flannel: what it is, the comparison with the Flannel row in bold, and the verdict from the finding', () => {
  assert.deepEqual(hover(networkPolicy('Network‸Policy'), flannel), {
    on: 'NetworkPolicy',
    paragraphs: [
      '**NetworkPolicy** — `networking.k8s.io/v1`',
      '**Your cluster** (Flannel, from `deploy/.ack-cni.yaml`): not enforced — Flannel does not enforce NetworkPolicy: this policy isolates nothing.',
      "Kubernetes' pod firewall: it selects pods and lists the traffic allowed to and from them. The API server stores it on any cluster; only a policy engine in the CNI makes it isolate anything.",
      networkPolicyTable,
      docs('network-policy-unsupported', 'network-policy-endport'),
    ],
  });
});

test('NetworkPolicy kind in Simplified Chinese', () => {
  assert.deepEqual(hover(networkPolicy('NetworkPolicy‸'), { ...flannel, locale: 'zh' }), {
    on: 'NetworkPolicy',
    paragraphs: [
      '**NetworkPolicy** — `networking.k8s.io/v1`',
      '**您的集群**（Flannel，来自 `deploy/.ack-cni.yaml`）：不生效 — Flannel 不支持 NetworkPolicy：此策略不会隔离任何流量。',
      'Kubernetes 的 Pod 防火墙：选中一组 Pod，并列出允许进出它们的流量。任何集群的 API Server 都会保存它，但只有 CNI 中的策略引擎才会真正执行隔离。',
      [
        '| 集群 | NetworkPolicy |',
        '| --- | --- |',
        '| Terway 共享 ENI，veth | 开启 NetworkPolicy 后生效（默认关闭）：由 Calico Felix 执行，策略引擎为 eBPF 时由 Cilium 执行 |',
        '| Terway 共享 ENI，DataPath V2 | 开启 NetworkPolicy 后生效：由 Cilium（eBPF）执行 |',
        '| Terway 独占 ENI | 不生效：独占 ENI 节点上没有策略组件 |',
        '| **Flannel** | 不生效：对象会被保存，但不隔离任何流量 |',
      ].join('\n'),
      docsZh('network-policy-unsupported', 'network-policy-endport'),
    ],
  });
});

test('NetworkPolicy kind where it is enforced: the honoured word, and the Terway row of the datapath in force in bold', () => {
  const result = hover(networkPolicy('‸NetworkPolicy'), { profile: 'cni: terway\nterway:\n  networkPolicy: true\n  datapath: datapathv2\n' });
  assert.equal(result?.paragraphs[3].split('\n')[3], '| **Terway, shared ENI, DataPath V2** | Enforced once NetworkPolicy is switched on: Cilium (eBPF) |');
  assert.equal(result?.paragraphs[1], '**Your cluster** (Terway · shared · DataPath V2 · policy on, from `.ack-cni.yaml`): enforced.');
});

test('NetworkPolicy kind: every finding of its rules in the object, worded by severity (mixed mode is partial)', () => {
  const text = networkPolicy('Network‸Policy') + '  ingress:\n  - ports:\n    - port: 8000\n      endPort: 7000\n';
  const result = hover(text, { profile: 'cni: terway\nterway:\n  eniMode: mixed\n  networkPolicy: true\n' });
  assert.equal(
    result?.paragraphs[1],
    [
      '**Your cluster** (Terway · mixed ENI · policy on, from `.ack-cni.yaml`):',
      '- not enforced on exclusive-ENI node pools — Pods on exclusive-ENI node pools (eniOnly) are not isolated by this policy: Terway runs no policy agent there.',
      '- rejected — endPort 7000 is below port 8000: the API server rejects this NetworkPolicy.',
    ].join('\n'),
  );
});

test('kubernetes.io bandwidth value: what the quantity means, the mode-by-mode row, and the verdict', () => {
  assert.deepEqual(hover(deployment('        kubernetes.io/egress-bandwidth: 1‸0M\n'), terway), {
    on: '10M',
    paragraphs: [
      '**`kubernetes.io/egress-bandwidth`** — pod annotation',
      '**Your cluster** (Terway · shared · policy off, from `deploy/.ack-cni.yaml`): applied.',
      '`10M` = 10 Mbit/s.',
      [
        '| Cluster | Bandwidth limit |',
        '| --- | --- |',
        '| **Terway, shared ENI, veth** | Egress and ingress |',
        '| Terway, shared ENI, IPvlan (legacy) | Egress only |',
        '| Terway, shared ENI, DataPath V2 | Egress and ingress (ingress from Terway v1.13.0), for traffic leaving or entering the node |',
        '| Terway, exclusive ENI | Not applied |',
        '| Terway, trunk member ENI | Not applied |',
        "| Flannel | Only after bandwidth limiting is enabled in ACK's Flannel config (v0.15.1.4-e02c8f12-aliyun or later; off by default) |",
      ].join('\n'),
      docs('bandwidth-unsupported', 'bandwidth-invalid'),
    ],
  });
});

test('kubernetes.io bandwidth value Kubernetes rejects: the reading and the bandwidth-invalid finding', () => {
  const result = hover(deployment('        kubernetes.io/egress-bandwidth: "10m‸"\n'), terway);
  assert.equal(result?.on, '"10m"');
  assert.equal(result?.paragraphs[2], '`10m` = 0.01 bit/s.');
  assert.equal(
    result?.paragraphs[1],
    '**Your cluster** (Terway · shared · policy off, from `deploy/.ack-cni.yaml`): rejected — 10m is 0.01 bit/s, below the 1k minimum that Kubernetes accepts: m means milli; 10M is 10 Mbit/s.',
  );
});

test('k8s.aliyun.com bandwidth value: bytes per second, 1024-based, with the kubernetes.io equivalent', () => {
  assert.deepEqual(hover(deployment('        k8s.aliyun.com/ingress-bandwidth: 10M‸\n'), terway), {
    on: '10M',
    paragraphs: [
      '**`k8s.aliyun.com/ingress-bandwidth`** — pod annotation · deprecated',
      '**Your cluster** (Terway · shared · policy off, from `deploy/.ack-cni.yaml`): deprecated — k8s.aliyun.com/ingress-bandwidth is deprecated in Terway and will be removed: use kubernetes.io/ingress-bandwidth (in bits per second) instead.',
      '`10M` = 10 MiB/s = 80 Mibit/s (83.88608 Mbit/s); kubernetes.io equivalent: `80Mi`.',
      [
        '| Cluster | Bandwidth limit (deprecated keys) |',
        '| --- | --- |',
        '| **Terway, shared ENI, veth** | Egress and ingress; deprecated |',
        '| Terway, shared ENI, IPvlan (legacy) | Egress only; deprecated |',
        '| Terway, shared ENI, DataPath V2 | Egress and ingress (ingress from Terway v1.13.0); deprecated |',
        '| Terway, exclusive ENI | Not applied |',
        '| Terway, trunk member ENI | Not applied |',
        '| Flannel | Ignored: only Terway reads these keys |',
      ].join('\n'),
      docs('aliyun-bandwidth-deprecated', 'aliyun-bandwidth-invalid'),
    ],
  });
});

test('k8s.aliyun.com bandwidth on Flannel, in Chinese: the error-level finding reads "ignored"', () => {
  const result = hover(deployment('        k8s.aliyun.com/egress-bandwidth: 1.5G‸\n'), { ...flannel, locale: 'zh' });
  assert.equal(result?.paragraphs[0], '**`k8s.aliyun.com/egress-bandwidth`** — Pod 注解 · 已废弃');
  assert.equal(result?.paragraphs[2], '`1.5G` = 1.5 GiB/s = 12 Gibit/s（12.884901888 Gbit/s）；对应的 kubernetes.io 写法：`12Gi`。');
  assert.equal(
    result?.paragraphs[1],
    '**您的集群**（Flannel，来自 `deploy/.ack-cni.yaml`）：被忽略 — Flannel 会忽略 k8s.aliyun.com/egress-bandwidth（只有 Terway 读取该注解）：该 Pod 没有出方向限速。',
  );
});

const networkPriorityHeading = '**`k8s.aliyun.com/network-priority`** — pod annotation';

/** What follows the verdict in a network-priority hover: the docs and the table. */
const networkPriorityDocs = [
  "Egress priority of the pod's traffic on its node: `guaranteed`, `burstable` or `best-effort` (tc priority bands 0, 1 and 2). Terway applies it on shared ENIs once `enable_network_priority` is on in `10-terway.conf`, which replaces the ENI's default qdisc.",
  [
    '| Cluster | Egress priority |',
    '| --- | --- |',
    '| Terway, shared ENI, veth | Applied when enable_network_priority is on in 10-terway.conf |',
    '| Terway, shared ENI, IPvlan (legacy) | Applied when enable_network_priority is on in 10-terway.conf |',
    '| Terway, shared ENI, DataPath V2 | Not applied |',
    '| Terway, exclusive ENI | Not applied |',
    '| Terway, trunk member ENI | Not applied |',
    '| Flannel | Not applied: Flannel has no such feature |',
  ].join('\n'),
];

test('no profile: the docs and the table, and how to set the CNI instead of a verdict', () => {
  assert.deepEqual(hover(deployment('        k8s.aliyun.com/network‸-priority: burstable\n')), {
    on: 'k8s.aliyun.com/network-priority',
    paragraphs: [
      networkPriorityHeading,
      '**Your cluster** (no CNI set): unknown — no CNI is set for this file: add a `.ack-cni.yaml` with `cni: terway`, `terway-edge` or `flannel` next to your manifests, or set `ackCni.cni`.',
      ...networkPriorityDocs,
      docs('network-priority-invalid', 'network-priority-unsupported'),
    ],
  });
});

test('no profile: findings of the rules that hold for every CNI still show, then how to set the CNI', () => {
  const result = hover(deployment('        k8s.aliyun.com/network-priority: Guaranteed‸\n'));
  assert.equal(result?.paragraphs[3], '`Guaranteed` is not one of `guaranteed`, `burstable`, `best-effort`.');
  assert.deepEqual(result?.paragraphs.slice(1, 3), [
    '**Your cluster** (no CNI set): not a valid priority — `Guaranteed` is not a network priority Terway knows (guaranteed, burstable, best-effort): Terway records a ParseFailed event and applies no priority.',
    "For a verdict on your cluster's CNI, add a `.ack-cni.yaml` with `cni: terway`, `terway-edge` or `flannel` next to your manifests, or set `ackCni.cni`.",
  ]);
});

test('a profile file without a valid cni: the hover points at that file', () => {
  assert.equal(
    hover(deployment('        k8s.aliyun.com/network‸-priority: burstable\n'), { origin: 'invalid deploy/.ack-cni.yaml' })?.paragraphs[1],
    '**Your cluster** (no CNI set: invalid `deploy/.ack-cni.yaml`): unknown — no CNI is set for this file: give that file a valid `cni:` (`terway`, `terway-edge` or `flannel`).',
  );
});

test('Terway Edge: the facts give no verdict, and the hover says so', () => {
  assert.deepEqual(hover(deployment('        k8s.aliyun.com/network‸-priority: burstable\n'), { profile: 'cni: terway-edge\n', origin: 'edge/.ack-cni.yaml' }), {
    on: 'k8s.aliyun.com/network-priority',
    paragraphs: [
      networkPriorityHeading,
      "**Your cluster** (Terway Edge, from `edge/.ack-cni.yaml`): no verdict — the facts ack-cni-lint rests on say nothing about “Egress priority” on Terway Edge; check ACK Edge's documentation.",
      ...networkPriorityDocs,
      docs('network-priority-invalid', 'network-priority-unsupported'),
    ],
  });
});

test('a profile from the editor settings says so', () => {
  const result = hover(networkPolicy('NetworkPolicy‸'), { profile: 'cni: flannel\n', origin: 'settings' });
  assert.equal(result?.paragraphs[1], '**Your cluster** (Flannel, from settings): not enforced — Flannel does not enforce NetworkPolicy: this policy isolates nothing.');
});

test('mixed ENI mode: the feature works on shared nodes only, and the word says so', () => {
  const result = hover(deployment('        k8s.aliyun.com/network-priority‸: guaranteed\n'), { profile: 'cni: terway\nterway:\n  eniMode: mixed\n  networkPriority: true\n' });
  assert.equal(
    result?.paragraphs[1],
    '**Your cluster** (Terway · mixed ENI · policy off, from `.ack-cni.yaml`): not applied on exclusive-ENI node pools — Pods on exclusive-ENI node pools (eniOnly) get no k8s.aliyun.com/network-priority: Terway applies it only on shared ENIs.',
  );
});

test('a finding silenced by a comment, or a rule switched off, is still told, marked as silenced', () => {
  const message =
    "not applied — Flannel applies kubernetes.io/ingress-bandwidth only after bandwidth limiting is enabled in ACK's Flannel config (Flannel v0.15.1.4-e02c8f12-aliyun or later): until then this pod has no ingress limit.";
  const expected = `**Your cluster** (Flannel, from \`deploy/.ack-cni.yaml\`): ${message} *(silenced, so not shown as a problem)*`;
  const commented = deployment('        # ack-cni-disable-next-line bandwidth-unsupported\n        kubernetes.io/ingress-band‸width: 10M\n');
  assert.equal(hover(commented, flannel)?.paragraphs[1], expected);
  const plain = deployment('        kubernetes.io/ingress-band‸width: 10M\n');
  assert.equal(hover(plain, { ...flannel, rules: { 'bandwidth-unsupported': 'off' } })?.paragraphs[1], expected);
  assert.equal(
    hover(plain, { ...flannel, rules: { 'bandwidth-unsupported': 'error' } })?.paragraphs[1],
    `**Your cluster** (Flannel, from \`deploy/.ack-cni.yaml\`): ${message}`,
  );
});

test('a pod annotation on the Deployment\'s own metadata: no effect there', () => {
  const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  annotations:\n    kubernetes.io/ingress-band‸width: 10M\nspec:\n  template:\n    spec:\n      containers: []\n';
  assert.equal(
    hover(text, terway)?.paragraphs[1],
    "**Here**: no effect — this is not a pod's metadata, and only pods read this key: it belongs in the pod template's `metadata.annotations`.",
  );
});

test('ack-cni-lint.io/ignore: what it silences in this object right now, and ids that are not rules', () => {
  const text = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: np\n  annotations:\n    ack-cni-lint.io/ignore: "network-policy-unsupported, nope‸"\nspec: {}\n';
  assert.deepEqual(hover(text, flannel), {
    on: '"network-policy-unsupported, nope"',
    paragraphs: [
      '**`ack-cni-lint.io/ignore`** — annotation of any object',
      '**Here**: silences 1 finding: `network-policy-unsupported` (1).',
      'Not rule ids of ack-cni-lint (ignored): `nope`.',
      "Silences ack-cni-lint rules for the whole object: a comma-separated list of rule ids, or an empty value for every rule. Only the object's own `metadata.annotations` count, not a pod template's; unlike a suppression comment it survives reformatting.",
      docs('network-policy-unsupported'),
    ],
  });
  const inTemplate = deployment('        ack-cni-lint.io/ig‸nore: ""\n');
  assert.equal(
    hover(inTemplate, flannel)?.paragraphs[1],
    "**Here**: no effect — ack-cni-lint reads this key only in the object's own `metadata.annotations`, not in a pod template.",
  );
});

test('a system annotation, an obsolete one, an ECI one', () => {
  assert.equal(
    hover(deployment('        k8s.aliyun.com/pod-‸ips: 10.0.0.1\n'), terway)?.paragraphs[1],
    "**Your cluster** (Terway · shared · policy off, from `deploy/.ack-cni.yaml`): managed by the system — k8s.aliyun.com/pod-ips is managed by Terway, not written by hand: a hand-written value is overwritten or misleads Terway's IP allocation.",
  );
  assert.equal(hover(deployment('        k8s.aliyun.com/E‸NI: "true"\n'), terway)?.paragraphs[0], '**`k8s.aliyun.com/ENI`** — pod annotation · obsolete');
  assert.equal(
    hover(deployment('        k8s.aliyun.com/eci-with‸-eip: "true"\n'), flannel)?.paragraphs[1],
    "**Your cluster** (Flannel, from `deploy/.ack-cni.yaml`): not checked — ECI pods get their EIP from ECI, not from the cluster's CNI, so this pod's EIP annotations are left alone.",
  );
});

test('pod-ip-reservation value: read as a Go boolean, as Terway does', () => {
  const result = hover(deployment('        k8s.aliyun.com/pod-ip-reservation: "t‸"\n'), terway);
  assert.equal(result?.paragraphs[2], '`t` is true to Terway: it asks to keep the IP.');
  assert.equal(
    result?.paragraphs[1],
    '**Your cluster** (Terway · shared · policy off, from `deploy/.ack-cni.yaml`): not applied — Terway skips k8s.aliyun.com/pod-ip-reservation under centralized IPAM (ipamType: crd, the default), so it keeps no IP: static IPs (PodNetworking with allocationType Fixed) are given only to StatefulSet pods and bare Pods.',
  );
});

test('Service backend-type value on Flannel and ipFamilyPolicy value on a single-stack cluster', () => {
  const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    service.beta.kubernetes.io/backend-type: en‸i\nspec:\n  ipFamilyPolicy: PreferDualStack\n';
  const backend = hover(service, flannel);
  assert.equal(
    backend?.paragraphs[2],
    "`eni`: The pods' ENIs are the backends: traffic goes straight to the pods and sessions survive pod changes. Terway only (cloud-controller-manager v1.9.3.164-g2105d2e-aliyun or later).",
  );
  assert.equal(
    backend?.paragraphs[1],
    '**Your cluster** (Flannel, from `deploy/.ack-cni.yaml`): not supported — Flannel pods have no ENIs of their own: the load balancer cannot attach them as backends (backend-type eni is for Terway).',
  );
  const policy = hover(service.replace('en‸i', 'eni').replace('PreferDual', 'Prefer‸Dual'), flannel);
  assert.deepEqual(policy?.paragraphs.filter((p) => !p.startsWith('|')), [
    '**`spec.ipFamilyPolicy`** — Service',
    '**Your cluster** (Flannel, from `deploy/.ack-cni.yaml`): falls back to IPv4 — ACK\'s Flannel has no dual stack: PreferDualStack silently falls back to a single IPv4 address.',
    '`PreferDualStack`: Both families on a dual-stack cluster; quietly just one on a single-stack cluster.',
    docs('dual-stack-unsupported'),
  ]);
  assert.equal(hover(service.replace('en‸i', 'eni').replace('PreferDualStack', 'Single‸Stack'), { profile: 'cni: flannel\n' })?.paragraphs[1], '**Your cluster** (Flannel, from `.ack-cni.yaml`): supported.');
});

test('Calico and PodNetworking kinds', () => {
  const calico = 'apiVersion: crd.projectcalico.org/v1\nkind: GlobalNetwork‸Policy\nmetadata:\n  name: np\n';
  assert.equal(
    hover(calico, { profile: 'cni: terway\nterway:\n  datapath: datapathv2\n  networkPolicy: true\n' })?.paragraphs[1],
    '**Your cluster** (Terway · shared · DataPath V2 · policy on, from `.ack-cni.yaml`): not applied — Terway (shared ENI, DataPath V2) enforces policy with Cilium, not Calico Felix: this Calico GlobalNetworkPolicy is never applied.',
  );
  const podNetworking = 'apiVersion: network.alibabacloud.com/v1beta1\nkind: PodNetwork‸ing\nmetadata:\n  name: trunk\nspec:\n  eniOptions:\n    eniType: Trunk\n  selector:\n    podSelector:\n      matchLabels: {app: web}\n';
  const result = hover(podNetworking, terway);
  assert.equal(result?.paragraphs[0], '**PodNetworking** — `network.alibabacloud.com/v1beta1`');
  assert.equal(
    result?.paragraphs[1],
    '**Your cluster** (Terway · shared · policy off, from `deploy/.ack-cni.yaml`): not supported — ENI trunking is off in this Terway cluster (terway.trunking: false): pods that use this PodNetworking cannot get a trunk member ENI.',
  );
});

test('a template file and a document with a syntax error are not checked, and the hover says so', () => {
  const template = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Values.name }}\n  annotations:\n    kubernetes.io/egress-bandwidth: 1‸0M\nspec:\n  containers: []\n';
  assert.equal(
    hover(template, terway)?.paragraphs[1],
    '**Your cluster** (Terway · shared · policy off, from `deploy/.ack-cni.yaml`): not checked — this file looks like a template, which ack-cni-lint skips.',
  );
  const broken = networkPolicy('Network‸Policy') + '  ingress: [\n';
  assert.equal(hover(broken, flannel)?.paragraphs[1], '**Your cluster** (Flannel, from `deploy/.ack-cni.yaml`): not checked — this YAML document has a syntax error.');
});

test('profile key: the schema\'s docs, values and default, and the row it decides', () => {
  const text = 'cni: terway\nterway:\n  network‸Policy: true\n';
  assert.deepEqual(hover(text, { profile: 'cni: terway\nterway:\n  networkPolicy: true\n', kind: 'profile' }), {
    on: 'networkPolicy',
    paragraphs: [
      '**`terway.networkPolicy`** — `.ack-cni.yaml`',
      'Whether NetworkPolicy enforcement is switched on (ACK default: off).',
      'Values: `true` · `false`; default: `false`.',
      networkPolicyTable.replace('| Terway, shared ENI, veth |', '| **Terway, shared ENI, veth** |').replace('| **Flannel** |', '| Flannel |'),
      docs('network-policy-unsupported', 'network-policy-endport', 'calico-policy-unsupported'),
    ],
  });
});

test('profile value with a problem: profile-invalid\'s finding on it', () => {
  const result = hover('cni: terway\nterway:\n  eniMode: exclusiv‸\n', { profile: 'cni: terway\n', kind: 'profile', locale: 'zh' });
  assert.equal(result?.on, 'exclusiv');
  assert.equal(result?.paragraphs[0], '**`terway.eniMode`** — `.ack-cni.yaml`');
  assert.equal(result?.paragraphs[1], '**该文件**：无效 — "terway.eniMode" 只能取 shared、exclusive、mixed，不能是 "exclusiv"（是否想写 "exclusive"？）。');
  assert.equal(result?.paragraphs[3], '取值：`shared` · `exclusive` · `mixed`；默认值：`shared`。');
});

test('profile rules: a rule id explains the rule and its severities', () => {
  assert.deepEqual(hover('cni: flannel\nrules:\n  bandwidth-un‸supported: off\n', { profile: 'cni: flannel\n', kind: 'profile' }), {
    on: 'bandwidth-unsupported',
    paragraphs: [
      '**`rules.bandwidth-unsupported`** — `.ack-cni.yaml`',
      '**Bandwidth limit not applied by this CNI** — Flannel without bandwidth limiting enabled; Terway exclusive ENI (and the exclusive-ENI node pools of mixed mode); Terway pods on member or exclusive ENIs through pod-networks; ingress limits under legacy IPvlan or DataPath V2 before Terway v1.13.0.',
      'Severity: `off` · `hint` · `info` · `warning` · `error`; default: `warning`.',
      docs('bandwidth-unsupported'),
    ],
  });
});

test('nothing to say: unknown keys, other fields, blank space, a profile key in a manifest', () => {
  assert.equal(hover(deployment('        example.com/owner: te‸am\n'), terway), null);
  assert.equal(hover(networkPolicy('NetworkPolicy').replace('deny-all', 'deny‸-all'), terway), null);
  assert.equal(hover('apiVersion: v1\nkind: ConfigMap‸\n', terway), null);
  assert.equal(hover('cni: terway\n‸\n', { kind: 'profile' }), null);
  // Only a profile's first document is the profile.
  assert.equal(hover('cni: flannel\n---\ncni: terway\nterway:\n  network‸Policy: true\n', { kind: 'profile' }), null);
  assert.equal(hover('eniMode‸: shared\n', terway), null);
});

/** Every YAML file under a folder. */
function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(name) && name !== '.ack-cni.yaml' ? [full] : [];
  });
}

test('the hover agrees with the diagnostics: over examples/, every finding under a hover is in it', () => {
  for (const cluster of ['flannel-cluster', 'terway-cluster']) {
    const root = join(__dirname, '../../examples', cluster);
    const profile = readFileSync(join(root, '.ack-cni.yaml'), 'utf8');
    for (const file of yamlFiles(root)) {
      const text = readFileSync(file, 'utf8');
      const context = featureContext(text, { profile });
      const findings = lintText(text, { profile: context.profile, ruleSettings: context.ruleSettings, locale: 'en' });
      for (const finding of findings) {
        const result = hoverAt(context, finding.start);
        if (result) assert.ok(result.markdown.includes(finding.message), `${file}: the hover at ${finding.ruleId} tells its message`);
      }
    }
  }
});

test('a large file: the hover reads the document at the cursor alone and answers with offsets in the whole file', () => {
  const filler = Array.from({ length: 3000 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\ndata:\n  a: b\n`).join('---\n');
  const marked = `${filler}---\n${networkPolicy('Network‸Policy')}---\n${filler}`;
  const { text, offset } = cursorAt(marked);
  assert.ok(text.length > 400_000);
  const result = hoverAt(featureContext(text, flannel), offset);
  assert.equal(text.slice(result!.start, result!.end), 'NetworkPolicy');
  assert.equal(result!.markdown, hoverAt(featureContext(networkPolicy('NetworkPolicy'), flannel), networkPolicy('NetworkPolicy').indexOf('Network'))!.markdown);
});

test('a document the last lint settled gets no hover, answered from the lint without reading the document', () => {
  const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: b\n';
  const { text, offset } = cursorAt(`${configMap}---\n${networkPolicy('Network‸Policy')}`);
  const asked: string[] = [];
  const answering = (settled: boolean) => ({ ...featureContext(text, flannel), settled: (documentText: string) => (asked.push(documentText), settled) });
  // Told that the NetworkPolicy's document settled, the hover takes the lint's word for it.
  assert.equal(hoverAt(answering(true), offset), null);
  assert.equal(hoverAt(answering(false), offset)?.markdown.split('\n\n')[0], '**NetworkPolicy** — `networking.k8s.io/v1`');
  assert.deepEqual(asked, [`---\n${networkPolicy('NetworkPolicy')}`, `---\n${networkPolicy('NetworkPolicy')}`]);
  // What the server asks, the engine's cache answers: the chunks its last lint settled, by their text.
  const cache = createLintCache();
  [...lintSteps(text, { profile: profileFrom('cni: flannel\n') }, cache)];
  assert.deepEqual([configMap, `---\n${networkPolicy('NetworkPolicy')}`, 'apiVersion: v1\n'].map((chunk) => settledBefore(cache, chunk)), [true, false, false]);
});
