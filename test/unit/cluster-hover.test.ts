import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { hoverAt } from '../../server/src/features/hover';
import { initTerraform, plansInFile } from '../../server/src/cluster/readers';
import { lintText } from '../../server/src/engine/lint';
import { clusterFieldKnowledge } from '../../server/src/knowledge/clusterFields';
import * as clusterRows from '../../server/src/knowledge/clusterRows';
import { ruleVerdicts } from '../../server/src/knowledge/ruleVerdicts';
import { ruleById, rules } from '../../server/src/rules';
import { cursorAt, featureContext, type ContextOptions } from '../helpers/cursor';
import { corpusDir, yamlFilesUnder } from '../helpers/corpus';

/** Hovers at the `‸` of a fixture: the text the hover covers, and its Markdown split into paragraphs. */
function hover(marked: string, options: ContextOptions = {}): { on: string; paragraphs: string[] } | null {
  const { text, offset } = cursorAt(marked);
  const result = hoverAt(featureContext(text, options), offset);
  return result && { on: text.slice(result.start, result.end), paragraphs: result.markdown.split('\n\n') };
}

const docs = (...ids: string[]) => `Rule docs: ${ids.map((id) => `[${id}](https://github.com/ack-cni-lint/ack-cni-lint/blob/main/docs/rules/${id}.md)`).join(' · ')}`;
const docsZh = (...ids: string[]) => `规则文档：${ids.map((id) => `[${id}](https://github.com/ack-cni-lint/ack-cni-lint/blob/main/docs/rules/zh-cn/${id}.md)`).join(' · ')}`;

const ecsTable = 'https://github.com/AlibabaCloudDocs/ecs/tree/322eaab82e866a494eeaddb0de02bab1978692d1';
const ecsSource = `ECS table: [Alibaba Cloud ECS documentation](${ecsTable}), snapshot 2021-07. Terway itself reads EniQuantity and EniPrivateIpAddressQuantity from DescribeInstanceTypes, which may give newer numbers.`;
const instanceTypeDoc =
  'The instance type of the nodes. On Terway it sets how many pods a node can run: each pod takes a private IP of an ENI (shared ENI) or an ENI of its own (exclusive ENI), and the primary ENI serves the node itself.';

/** A CreateCluster request body (JSON) of a shared-ENI Terway cluster with one worker instance type. */
const terwayBody = (instanceType: string, addon = 'terway-eniip') => `{
  "cluster_type": "ManagedKubernetes",
  "name": "shop",
  "cluster_spec": "ack.pro.small",
  "addons": [{"name": "${addon}", "config": ""}],
  "pod_vswitch_ids": ["vsw-pod"],
  "service_cidr": "172.21.0.0/20",
  "worker_instance_types": ["${instanceType}"],
  "num_of_nodes": 3
}
`;

before(() => initTerraform());

// --- instance types ------------------------------------------------------------------------------

test('instance type in a CreateCluster JSON body: ENIs, pods per node in each Terway mode, whether it can join, the table source, the verdict', () => {
  assert.deepEqual(hover(terwayBody('ecs.c7.4x‸large')), {
    on: '"ecs.c7.4xlarge"',
    paragraphs: [
      '**ECS instance type** — ACK CreateCluster request',
      '**This cluster** (Terway · shared · policy off, `shop`): can join in shared ENI mode (210 pods per node).',
      instanceTypeDoc,
      '`ecs.c7.4xlarge`: 8 ENIs (the primary one included), 30 private IPv4 addresses per ENI.',
      [
        '| Cluster | Pods per node | Can a node join? |',
        '| --- | --- | --- |',
        '| **Terway, shared ENI** | (8 − 1) × 30 = 210 | yes (210 > 11) |',
        '| Terway, exclusive ENI | 8 − 1 = 7 | yes (8 ENIs > 6) |',
        '| Flannel | set by the node CIDR mask, not by ENIs | — |',
      ].join('\n'),
      ecsSource,
      docs('pods-per-node'),
    ],
  });
});

test('an instance type too small for shared ENI mode: the arithmetic says no, and the verdict is pods-per-node\'s finding', () => {
  const result = hover(terwayBody('ecs.c6.lar‸ge'));
  assert.equal(result?.paragraphs[3], '`ecs.c6.large`: 2 ENIs (the primary one included), 6 private IPv4 addresses per ENI.');
  assert.equal(result?.paragraphs[4].split('\n')[2], '| **Terway, shared ENI** | (2 − 1) × 6 = 6 | no (6 ≤ 11) |');
  assert.equal(result?.paragraphs[4].split('\n')[3], '| Terway, exclusive ENI | 2 − 1 = 1 | no (2 ENIs ≤ 6) |');
  assert.equal(
    result?.paragraphs[1],
    "**This cluster** (Terway · shared · policy off, `shop`): cannot join — ecs.c6.large gives (2 − 1) × 6 = 6 pods per node in Terway's shared ENI mode; a node needs more than 11 to join the cluster.",
  );
});

test('an unknown instance type is said to be unknown, with the formulas to work it out, never guessed', () => {
  assert.deepEqual(hover(terwayBody('ecs.u1-c1m2.‸large')), {
    on: '"ecs.u1-c1m2.large"',
    paragraphs: [
      '**ECS instance type** — ACK CreateCluster request',
      "**This cluster** (Terway · shared · policy off, `shop`): unknown — ecs.u1-c1m2.large is not in the ECS table this linter ships (ECS documentation, 2021-07): its pods per node in Terway's shared ENI mode are unknown; check EniQuantity and EniPrivateIpAddressQuantity with DescribeInstanceTypes.",
      instanceTypeDoc,
      '`ecs.u1-c1m2.large` is not in the ECS table ack-cni-lint ships (c7, g7, r7, c6, g6, r6, c5, g5, r5, g7ne): its ENIs, and so its pods per node, are unknown. Shared ENI pods = (EniQuantity − 1) × EniPrivateIpAddressQuantity, more than 11 to join; exclusive ENI pods = EniQuantity − 1, with more than 6 ENIs.',
      ecsSource,
      docs('pods-per-node'),
    ],
  });
});

test('instance types on Flannel, and in node pools of a Terraform file that names no CNI', () => {
  const flannel = hover(terwayBody('ecs.u1-c1m2.‸large', 'flannel'));
  assert.equal(flannel?.paragraphs[1], '**This cluster** (Flannel, `shop`): ENI quotas do not limit pods on Flannel: the node CIDR mask does.');
  const pool = `resource "alicloud_cs_kubernetes_node_pool" "extra" {\n  cluster_id     = var.cluster_id\n  instance_types = ["ecs.g6.4x‸large"]\n}\n`;
  const result = hover(pool, { kind: 'terraform', profile: 'cni: terway\n' });
  assert.equal(result?.on, '"ecs.g6.4xlarge"');
  assert.equal(result?.paragraphs[0], '**ECS instance type** — Terraform');
  assert.equal(result?.paragraphs[4].split('\n')[2], '| Terway, shared ENI | (8 − 1) × 20 = 140 | yes (140 > 11) |');
  // The rules judge the plan in the file, not the profile in force: this one names no CNI.
  assert.equal(
    result?.paragraphs[1],
    '**This cluster** (no CNI in this file, `alicloud_cs_kubernetes_node_pool.extra`): no verdict — this file does not name the CNI, and the checks on this value depend on it.',
  );
});

// --- CIDRs and the node CIDR mask ------------------------------------------------------------------

const podAddressTable = (bold: 'Terway' | 'Flannel') =>
  [
    '| Cluster | Pod addresses |',
    '| --- | --- |',
    `| ${bold === 'Terway' ? '**Terway**' : 'Terway'} | From the VPC, through the pod vSwitches: plan a large VPC; add pod vSwitches (in the node’s zone, /25 or larger) to grow |`,
    `| ${bold === 'Flannel' ? '**Flannel**' : 'Flannel'} | From the pod CIDR, apart from the VPC, split evenly per node by the node CIDR mask; fixed at creation, cannot be expanded |`,
    '| Terway Edge | In the cloud: scalable, or the VPC CIDR itself; at the edge: fixed at creation, and must not overlap other CIDRs |',
  ].join('\n');

const podCidrDoc =
  'Flannel gives pods addresses from this block, apart from the VPC: one block per node, of the size the node CIDR mask sets. It is fixed at creation; Terway does not read it. ACK accepts a pod CIDR of 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or a subnet of one.';

const flannelYaml = (nodes: number) => `cluster_type: ManagedKubernetes
name: shop
addons:
  - name: flannel
container_cidr: 172.16.0.0/20
node_cidr_mask: 24
service_cidr: 172.21.0.0/20
num_of_nodes: ${nodes}
`;

const flannelTerraform = (nodes: number) => `resource "alicloud_cs_managed_kubernetes" "shop" {
  cluster_spec   = "ack.pro.small"
  pod_cidr       = "172.16.0.0/20"
  node_cidr_mask = 24
  service_cidr   = "172.21.0.0/20"
  worker_number  = ${nodes}
  addons {
    name = "flannel"
  }
}
`;

const podsPerNodeTable = [
  '| Cluster | Pods per node |',
  '| --- | --- |',
  '| Terway, shared ENI | (ENIs − 1) × private IPs per ENI, by instance type; a node needs more than 11 to join |',
  '| Terway, exclusive ENI | ENIs − 1, by instance type; a node needs more than 6 ENIs |',
  '| **Flannel** | 2^(32 − node CIDR mask) pod addresses, by the node CIDR mask (24 to 28), whatever the instance type |',
  '| Terway Edge | On ENS nodes: (ENIs − 1) × 25 (at most 25 private IPs per ENI) |',
].join('\n');

test('Flannel pod CIDR /20 with node_cidr_mask 24 in a CreateCluster YAML body: 256 pod addresses per node, 16 nodes', () => {
  assert.deepEqual(hover(flannelYaml(10).replace('172.16.0.0/20', '172.16.0.0‸/20')), {
    on: '172.16.0.0/20',
    paragraphs: [
      '**Pod CIDR** — ACK CreateCluster request',
      '**This cluster** (Flannel, `shop`): holds the 10 planned nodes (16 at most).',
      podCidrDoc,
      '`172.16.0.0/20`: 4,096 addresses (2^12), 172.16.0.0 to 172.16.15.255; private (inside 172.16.0.0/12).',
      'Node CIDR mask /24: 2^(32 − 24) = 256 pod addresses per node, 2^(24 − 20) = 16 nodes.',
      podAddressTable('Flannel'),
      docs('cidr-invalid', 'cidr-overlap', 'flannel-node-capacity', 'cni-field-ignored'),
    ],
  });
});

test('the node CIDR mask, seen from the mask; with more nodes than fit, flannel-node-capacity is the verdict on both values', () => {
  assert.deepEqual(hover(flannelYaml(20).replace('node_cidr_mask: 24', 'node_cidr_mask: 2‸4')), {
    on: '24',
    paragraphs: [
      '**Node CIDR mask** — ACK CreateCluster request',
      "**This cluster** (Flannel, `shop`): too small — Flannel gives each node a /24 of the pod CIDR 172.16.0.0/20 (256 pod addresses), so the cluster holds at most 16 nodes, fewer than the 20 planned; a Flannel cluster's node capacity cannot change after creation.",
      'The prefix length of the block each Flannel node takes from the pod CIDR. It is fixed at creation; Terway does not read it.',
      '/24: 2^(32 − 24) = 256 pod addresses per node. With the pod CIDR 172.16.0.0/20: 2^(24 − 20) = 16 nodes.',
      podsPerNodeTable,
      docs('flannel-node-capacity', 'cni-field-ignored'),
    ],
  });
  // The finding stands on the mask, but it is the pod CIDR's and the node count's business too.
  const tooSmall = "too small — Flannel gives each node a /24 of the pod CIDR 172.16.0.0/20 (256 pod addresses), so the cluster holds at most 16 nodes, fewer than the 20 planned; a Flannel cluster's node capacity cannot change after creation.";
  assert.equal(hover(flannelYaml(20).replace('172.16.0.0/20', '172.16.‸0.0/20'))?.paragraphs[1], `**This cluster** (Flannel, \`shop\`): ${tooSmall}`);
  const nodes = hover(flannelYaml(20).replace('num_of_nodes: 20', 'num_of_nodes: 2‸0'));
  assert.equal(nodes?.paragraphs[3], 'The pod CIDR 172.16.0.0/20 with a /24 per node holds 16 nodes.');
  assert.equal(nodes?.paragraphs[1], `**This cluster** (Flannel, \`shop\`): ${tooSmall}`);
});

test('the same Flannel plan in Terraform: the same arithmetic, on the value and on the key', () => {
  const yaml = hover(flannelYaml(10).replace('172.16.0.0/20', '172.16.0.0‸/20'))!;
  const terraform = hover(flannelTerraform(10).replace('172.16.0.0/20', '172.16.0.0‸/20'), { kind: 'terraform' });
  assert.equal(terraform?.on, '"172.16.0.0/20"');
  assert.deepEqual(terraform?.paragraphs, [
    '**Pod CIDR** — Terraform',
    '**This cluster** (Flannel, `alicloud_cs_managed_kubernetes.shop`): holds the 10 planned nodes (16 at most).',
    ...yaml.paragraphs.slice(2, 6),
    yaml.paragraphs[6],
  ]);
  const key = hover(flannelTerraform(10).replace('node_cidr_mask', 'node_cidr‸_mask'), { kind: 'terraform' });
  assert.equal(key?.on, 'node_cidr_mask');
  // After the heading comes the verdict (paragraph 1), then the same docs and arithmetic as on the value.
  assert.equal(key?.paragraphs[0], '**Node CIDR mask** — Terraform');
  assert.deepEqual(key?.paragraphs.slice(2, 4), [
    'The prefix length of the block each Flannel node takes from the pod CIDR. It is fixed at creation; Terway does not read it.',
    '/24: 2^(32 − 24) = 256 pod addresses per node. With the pod CIDR 172.16.0.0/20: 2^(24 − 20) = 16 nodes.',
  ]);
});

test('no node CIDR mask: both documented defaults are worked out', () => {
  const result = hover(flannelYaml(10).replace('node_cidr_mask: 24\n', '').replace('172.16.0.0/20', '172.16.0.0/2‸0'));
  assert.equal(
    result?.paragraphs[4],
    "No node CIDR mask in this file: /24 (Terraform's default) gives 16 nodes × 256 pod addresses, /26 (the CreateCluster API's default) 64 nodes × 64.",
  );
});

test('CIDRs: host bits, public ranges, IPv6, and a pod CIDR that Terway ignores (cni-field-ignored, found on the key)', () => {
  const terway = `cluster_type: ManagedKubernetes\naddons:\n  - name: terway-eniip\ncontainer_cidr: 172.16.0.1/20\nservice_cidr: "8.8.0.0/16,fd00::/112"\n`;
  const pod = hover(terway.replace('172.16.0.1/20', '172.16.0.1/2‸0'));
  assert.equal(pod?.paragraphs[3], '`172.16.0.1/20` has host bits set, so the block is 172.16.0.0/20: 4,096 addresses (2^12), 172.16.0.0 to 172.16.15.255; private (inside 172.16.0.0/12).');
  assert.equal(pod?.paragraphs[4], podAddressTable('Terway'));
  assert.equal(pod?.paragraphs[1], '**This cluster** (Terway · shared · policy off): ignored — container_cidr is read only by Flannel: this Terway cluster ignores it.');
  assert.equal(hover(terway.replace('container_cidr', 'container_‸cidr'))?.paragraphs[1], pod?.paragraphs[1]);

  const service = hover(terway.replace('8.8.0.0/16', '8.8.‸0.0/16'));
  assert.equal(service?.on, '8.8.0.0/16');
  assert.deepEqual(service?.paragraphs, [
    '**Service CIDR** — ACK CreateCluster request',
    '**This cluster** (Terway · shared · policy off): invalid — The Service CIDR 8.8.0.0/16 is outside the private ranges ACK accepts for it (a /16 to /24 block inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16).',
    'ClusterIP addresses of Services, on every CNI. It must not overlap the VPC or pod CIDR and cannot change after creation; ACK’s default is 172.19.0.0/20. ACK accepts a Service CIDR that is a /16 to /24 block inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16 (followed by an IPv6 block for dual stack).',
    '`8.8.0.0/16`: 65,536 addresses (2^16), 8.8.0.0 to 8.8.255.255; not private: outside 10.0.0.0/8, 172.16.0.0/12 and 192.168.0.0/16.',
    docs('cidr-invalid', 'cidr-overlap', 'dual-stack-config'),
  ]);
  const ipv6 = hover(terway.replace('fd00::/112', 'fd00::‸/112'));
  assert.equal(ipv6?.on, 'fd00::/112');
  assert.equal(ipv6?.paragraphs[3], '`fd00::/112`: 65,536 IPv6 addresses (2^16), fd00:: to fd00::ffff.');
});

test('the VPC CIDR of a Terraform cluster, found through its vSwitch', () => {
  const text = `resource "alicloud_vpc" "vpc" {
  cidr_block = "192.168.0.0/1‸6"
}
resource "alicloud_vswitch" "vsw" {
  vpc_id = alicloud_vpc.vpc.id
}
resource "alicloud_cs_managed_kubernetes" "k8s" {
  vswitch_ids  = [alicloud_vswitch.vsw.id]
  service_cidr = "192.168.1.0/24"
  addons {
    name = "terway-eniip"
  }
}
`;
  const result = hover(text, { kind: 'terraform' });
  assert.equal(result?.on, '"192.168.0.0/16"');
  assert.equal(result?.paragraphs[0], '**VPC CIDR** — Terraform');
  assert.equal(result?.paragraphs[3], '`192.168.0.0/16`: 65,536 addresses (2^16), 192.168.0.0 to 192.168.255.255; private (inside 192.168.0.0/16).');
  assert.equal(hover(text.replace('0/1‸6', '0/16').replace('192.168.1.0/24', '192.168.1.‸0/24'), { kind: 'terraform' })?.paragraphs[1].startsWith(
    '**This cluster** (Terway · shared · policy off, `alicloud_cs_managed_kubernetes.k8s`): overlaps — The Service CIDR 192.168.1.0/24 overlaps the VPC CIDR 192.168.0.0/16',
  ), true);
});

// --- eni-config, addon configs -------------------------------------------------------------------

const eniConfig = `apiVersion: v1
kind: ConfigMap
metadata:
  name: eni-config
  namespace: kube-system
data:
  eni_conf: |
    {"ip_stack": "ipv4", "service_cidr": "172.21.0.0/20"}
  10-terway.conf: |
    {"type": "terway", "eniip_virtual_type": "Veth"}
  disable_network_policy: "true"
`;

const networkPolicyTable = [
  '| Cluster | NetworkPolicy |',
  '| --- | --- |',
  '| **Terway, shared ENI, veth** | Enforced once NetworkPolicy is switched on (off by default): Calico Felix, or Cilium with the eBPF provider |',
  '| Terway, shared ENI, DataPath V2 | Enforced once NetworkPolicy is switched on: Cilium (eBPF) |',
  '| Terway, exclusive ENI | Not enforced: exclusive-ENI nodes run no policy agent |',
  '| Flannel | Not enforced: the object is stored but isolates nothing |',
].join('\n');

test("eni-config's disable_network_policy, inside its string value: the inverted meaning, read as the profile key", () => {
  assert.deepEqual(hover(eniConfig.replace('"true"', '"tr‸ue"')), {
    on: '"true"',
    paragraphs: [
      '**NetworkPolicy** — Terway `eni-config`',
      '**This cluster** (Terway · shared · policy off, `kube-system/eni-config`): NetworkPolicy objects are stored but isolate nothing: ack-cni-lint flags them in manifests.',
      'Whether NetworkPolicy enforcement is switched on (ACK default: off). `disable_network_policy` says the opposite: `"false"`, `"0"`, `""` or no key at all keep enforcement on; any other string switches it off.',
      'ack-cni-lint reads this as `terway.networkPolicy: false`.',
      networkPolicyTable,
      docs('terway-mode-conflict', 'network-policy-unsupported'),
    ],
  });
  const on = hover(eniConfig.replace('"true"', '"fal‸se"'));
  assert.equal(on?.paragraphs[3], 'ack-cni-lint reads this as `terway.networkPolicy: true`.');
  assert.equal(on?.paragraphs[1], '**This cluster** (Terway · shared · policy on, `kube-system/eni-config`): NetworkPolicy objects are enforced.');
});

test('eni-config: values and keys inside the embedded JSON strings', () => {
  const datapath = hover(eniConfig.replace('"Veth"', '"Ve‸th"'));
  assert.equal(datapath?.on, '"Veth"');
  assert.equal(datapath?.paragraphs[0], '**Terway datapath** — Terway `eni-config`');
  assert.equal(datapath?.paragraphs[3], 'ack-cni-lint reads this as `terway.datapath: veth`.');
  const key = hover(eniConfig.replace('"ip_stack"', '"ip_‸stack"'));
  assert.equal(key?.on, '"ip_stack"');
  assert.deepEqual(key?.paragraphs, [
    '**IP stack** — Terway `eni-config`',
    '**This cluster** (Terway · shared · policy off, `kube-system/eni-config`): no problem found.',
    '`ipv4` or `dual` (IPv4/IPv6 dual stack). Dual stack needs Terway, Kubernetes 1.22 or later, a dual-stack VPC and an IPv4 plus an IPv6 Service CIDR; it cannot be switched on after creation. `ip_stack` in `eni_conf`: `ipv4` (or empty) or `dual`.',
    ['| Cluster | IPv4/IPv6 dual stack |', '| --- | --- |', '| **Terway** | Only in clusters created with dual stack (ipStack: dual); it cannot be switched on later |', '| Flannel | Not supported |'].join('\n'),
    docs('dual-stack-config', 'dual-stack-unsupported'),
  ]);
  const service = hover(eniConfig.replace('172.21.0.0/20', '172.21.‸0.0/20'));
  assert.equal(service?.on, '172.21.0.0/20');
  // A ConfigMap mirrors a running cluster: ACK's creation limits are not quoted.
  assert.equal(service?.paragraphs[2], 'ClusterIP addresses of Services, on every CNI. It must not overlap the VPC or pod CIDR and cannot change after creation; ACK’s default is 172.19.0.0/20.');
});

test('the CNI: the addon that installs it, the pod-network row, and what the rules found in the whole plan', () => {
  const text = `cluster_type: ManagedKubernetes\naddons:\n  - name: terway-eniip\n    config: '{"IPVlan": "false", "NetworkPolicy": "true"}'\ncontainer_cidr: 172.16.0.0/20\nnode_cidr_mask: 24\n`;
  assert.deepEqual(hover(text.replace('terway-eniip', 'terway-eni‸ip')), {
    on: 'terway-eniip',
    paragraphs: [
      '**CNI** — ACK CreateCluster request',
      '**This cluster** (Terway · shared · policy on): 2 findings in this plan: `cni-field-ignored`.',
      'The network plugin, chosen when the cluster is created: it can never be changed afterwards. It is the addon that installs it: `flannel`, or `terway-eniip` (Terway, shared ENI); older component lists also name `terway-eni`, `terway` and `kube-flannel-ds`.',
      "Terway, shared ENI mode — Alibaba Cloud's own CNI: pods take VPC IPs from ENIs, shared or exclusive.",
      [
        '| Cluster | Pod network |',
        '| --- | --- |',
        '| **Terway** | Pods take VPC addresses from ENIs on the pod vSwitches: NetworkPolicy (shared ENI), dual stack, static pod IPs and pods as load balancer backends |',
        '| Flannel | Pods take addresses from a pod CIDR apart from the VPC, one VPC route entry per node: no NetworkPolicy, no dual stack, no static pod IPs |',
        '| Terway Edge | Terway in the cloud node pools, Flannel in route mode at the edge; underlay: pod IPs are reachable directly |',
      ].join('\n'),
      docs('cni-field-ignored'),
    ],
  });
  const datapath = hover(text.replace('"IPVlan"', '"IP‸Vlan"'));
  assert.equal(datapath?.on, '"IPVlan"');
  assert.equal(datapath?.paragraphs[0], '**Terway datapath** — ACK CreateCluster request');
  assert.equal(
    datapath?.paragraphs[2].endsWith('The addon config writes it as a string boolean: `"IPVlan": "true"` is the legacy IPvlan, `"false"` the default veth.'),
    true,
  );
  assert.equal(datapath?.paragraphs[3], 'ack-cni-lint reads this as `terway.datapath: veth`.');
});

// --- the profile ---------------------------------------------------------------------------------

test('profile values get the cluster hover, with the finding of the profile\'s own plan', () => {
  const profile = 'cni: flannel\ncluster:\n  podCidr: 172.16.0.0/20\n  nodeCidrMask: 2‸4\n  nodes: 20\n';
  assert.deepEqual(hover(profile, { kind: 'profile', profile: profile.replace('‸', '') }), {
    on: '24',
    paragraphs: [
      '**Node CIDR mask** — `.ack-cni.yaml`',
      "**This cluster** (Flannel): too small — Flannel gives each node a /24 of the pod CIDR 172.16.0.0/20 (256 pod addresses), so the cluster holds at most 16 nodes, fewer than the 20 planned; a Flannel cluster's node capacity cannot change after creation.",
      'The prefix length of the block each Flannel node takes from the pod CIDR. It is fixed at creation; Terway does not read it.',
      '/24: 2^(32 − 24) = 256 pod addresses per node. With the pod CIDR 172.16.0.0/20: 2^(24 − 20) = 16 nodes.',
      podsPerNodeTable,
      docs('flannel-node-capacity', 'cni-field-ignored'),
    ],
  });
});

test('a profile key keeps the schema hover, now with the row behind it and the cluster rule\'s finding on the entry', () => {
  assert.deepEqual(hover('cni: terway\ncluster:\n  pod‸Cidr: 172.16.0.0/20\n', { kind: 'profile', profile: 'cni: terway\n' }), {
    on: 'podCidr',
    paragraphs: [
      '**`cluster.podCidr`** — `.ack-cni.yaml`',
      '**This file**: ignored — cluster.podCidr is read only by Flannel: this Terway cluster ignores it.',
      'Pod CIDR (Flannel).',
      podAddressTable('Terway'),
      docs('cidr-invalid', 'cidr-overlap', 'flannel-node-capacity', 'cni-field-ignored'),
    ],
  });
});

test('Simplified Chinese: an instance type that cannot be an exclusive-ENI node', () => {
  const profile = 'cni: terway\nterway:\n  eniMode: exclusive\ncluster:\n  instanceTypes: [ecs.c6.2x‸large]\n';
  assert.deepEqual(hover(profile, { kind: 'profile', profile: 'cni: terway\n', locale: 'zh' }), {
    on: 'ecs.c6.2xlarge',
    paragraphs: [
      '**ECS 实例规格** — `.ack-cni.yaml`',
      '**该集群**（Terway · 独占 ENI · 策略关闭）：无法加入 — ecs.c6.2xlarge 只有 4 块 ENI，Terway 独占 ENI 模式下每个节点只能运行 3 个 Pod；独占 ENI 节点需要超过 6 块 ENI。',
      '节点的实例规格。在 Terway 中它决定单节点可运行的 Pod 数：每个 Pod 占用 ENI 的一个私网 IP（共享 ENI）或独占一块 ENI（独占 ENI），主 ENI 留给节点自身。',
      '`ecs.c6.2xlarge`：4 块 ENI（含主 ENI），每块 ENI 10 个私网 IPv4 地址。',
      [
        '| 集群 | 单节点 Pod 数 | 节点能否加入 |',
        '| --- | --- | --- |',
        '| Terway 共享 ENI | (4 − 1) × 10 = 30 | 能（30 > 11） |',
        '| **Terway 独占 ENI** | 4 − 1 = 3 | 不能（4 块 ENI ≤ 6） |',
        '| Flannel | 由节点掩码决定，与 ENI 无关 | — |',
      ].join('\n'),
      `ECS 表：[阿里云 ECS 文档](${ecsTable})，2021-07 快照。Terway 自身从 DescribeInstanceTypes 读取 EniQuantity 与 EniPrivateIpAddressQuantity，数据可能比该表新。`,
      docsZh('pods-per-node'),
    ],
  });
});

test('Simplified Chinese: a Flannel pod CIDR and its node capacity', () => {
  const result = hover(flannelYaml(10).replace('172.16.0.0/20', '172.16.0.0‸/20'), { locale: 'zh' });
  assert.deepEqual(result?.paragraphs.slice(0, 5), [
    '**Pod 网段** — ACK CreateCluster 请求',
    '**该集群**（Flannel，`shop`）：可以容纳计划的 10 个节点（最多 16 个）。',
    'Flannel 从这个独立于 VPC 的网段为 Pod 分配地址：每个节点一块，大小由节点掩码决定。创建时确定；Terway 不读取它。ACK 接受的 Pod 网段：10.0.0.0/8、172.16.0.0/12、192.168.0.0/16 或其子网。',
    '`172.16.0.0/20`：4,096 个地址（2^12），172.16.0.0 到 172.16.15.255；私网地址（位于 172.16.0.0/12 内）。',
    '节点掩码 /24：每节点 2^(32 − 24) = 256 个 Pod 地址，最多 2^(24 − 20) = 16 个节点。',
  ]);
});

// --- nothing to say ------------------------------------------------------------------------------

test('nothing to say: keys outside the plan, blank space, eni-config\'s data key, a template, a manifest', () => {
  assert.equal(hover(flannelYaml(10).replace('cluster_type', 'cluster‸_type')), null);
  assert.equal(hover(flannelYaml(10).replace('name: shop', 'name: sh‸op')), null);
  assert.equal(hover(flannelYaml(10) + '‸\n'), null);
  // With no disable_network_policy key, NetworkPolicy is located on `data:`; a key is not a value to explain.
  assert.equal(hover(eniConfig.replace('  disable_network_policy: "true"\n', '').replace('data:', 'da‸ta:')), null);
  assert.equal(hover(flannelYaml(10).replace('shop', '{{ .Values.name }}').replace('172.16.0.0/20', '172.16.0.0‸/20')), null);
  assert.equal(hover('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: other\ndata:\n  node_cidr_mask: "2‸4"\n'), null);
  assert.equal(hover(flannelTerraform(10).replace('resource', 'reso‸urce'), { kind: 'terraform' }), null);
});

// --- agreement with the diagnostics, and the knowledge -----------------------------------------------

/** Every finding of a cluster rule in the file is told by the hover at its start. */
function assertHoverTellsFindings(text: string, kind: 'manifest' | 'profile' | 'terraform', where: string): void {
  const context = featureContext(text, { kind });
  for (const finding of lintText(text, { profile: undefined, kind, locale: 'en' })) {
    if (ruleById.get(finding.ruleId)?.scope !== 'cluster') continue;
    const result = hoverAt(context, finding.start);
    assert.ok(result?.markdown.includes(finding.message), `${where}: the hover at ${finding.ruleId} (${finding.start}) tells its message`);
  }
}

test('the hover agrees with the diagnostics: every cluster finding of these plans is told where it stands', () => {
  const fixtures: Array<[string, 'manifest' | 'profile' | 'terraform']> = [
    [flannelYaml(20), 'manifest'],
    [flannelYaml(2000).replace('ack.pro', 'x').replace('name: shop', 'name: shop\ncluster_spec: ack.standard'), 'manifest'],
    [flannelTerraform(20).replace('"172.16.0.0/20"', '"172.16.0.1/20"'), 'terraform'],
    [terwayBody('ecs.c6.large').replace('"172.21.0.0/20"', '"10.0.0.0/8"').replace('"pod_vswitch_ids"', '"container_cidr": "172.16.0.0/16",\n  "node_cidr_mask": 26,\n  "pod_vswitch_ids"'), 'manifest'],
    [`cluster_type: ManagedKubernetes\nip_stack: dual\nkubernetes_version: 1.20.4-aliyun.1\naddons:\n  - name: terway-eniip\n    config: '{"IPVlan": "true"}'\nimage_type: CentOS7\nservice_cidr: 172.21.0.0/20\n`, 'manifest'],
    ['cni: terway\nterway:\n  eniMode: exclusive\n  networkPolicy: true\n  datapath: datapathv2\ncluster:\n  instanceTypes: [ecs.c6.large, ecs.x1.large]\n  podCidr: 10.0.0.0/8\n', 'profile'],
    ['cni: flannel\nterway:\n  trunking: true\ncluster:\n  podCidr: 172.16.0.0/20\n  vpcCidr: 172.16.0.0/12\n  serviceCidr: 172.16.8.0/24\n  nodes: 1500\n', 'profile'],
  ];
  let findings = 0;
  for (const [text, kind] of fixtures) {
    findings += lintText(text, { profile: undefined, kind }).filter((f) => ruleById.get(f.ruleId)?.scope === 'cluster').length;
    assertHoverTellsFindings(text, kind, text.split('\n')[0]);
  }
  assert.ok(findings >= 15, `the fixtures exercise the cluster rules (${findings} findings)`);
});

const corpus = corpusDir;

test('the real cluster configurations of the corpus: a hover on every plan value, agreeing with the diagnostics', { skip: !fs.existsSync(corpus) && 'corpus not available' }, () => {
  const files = yamlFilesUnder(corpus);
  let values = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const plans = plansInFile(text, file);
    if (plans.length === 0) continue;
    const context = featureContext(text);
    for (const plan of plans) {
      const located = [plan.cni, ...Object.values(plan.terway), ...Object.values(plan.flannel), plan.cluster.nodes, plan.cluster.podCidr, plan.cluster.nodeCidrMask, ...plan.cluster.serviceCidrs];
      for (const value of located) {
        if (!value || /^[ \t]*:/.test(text.slice(value.end))) continue;
        values++;
        assert.ok(hoverAt(context, value.start), `${file}: a hover at ${value.raw}`);
      }
    }
    assertHoverTellsFindings(text, 'manifest', file);
  }
  assert.ok(values > 0, 'the corpus holds cluster configurations');
});

test('the knowledge behind cluster hovers: known rule ids, a verdict word for every cluster rule, rows of both CNIs', () => {
  const named = Object.values(clusterFieldKnowledge).flatMap((k) => [...k.rules, ...(k.planRules ?? []), ...(k.links ?? [])]);
  assert.deepEqual(named.filter((id) => !ruleById.has(id)), []);
  for (const rule of rules.filter((r) => r.scope === 'cluster')) assert.ok(ruleVerdicts[rule.id], `${rule.id}: a verdict word`);
  for (const [name, row] of Object.entries(clusterRows)) {
    const cells = Object.keys(row.cells);
    assert.ok(cells.includes('flannel'), `${name}: Flannel`);
    assert.ok(cells.some((column) => column.startsWith('terway') && column !== 'terway-edge'), `${name}: Terway`);
  }
  // cni-facts.md §4 speaks of Terway Edge's pod network, pod addresses and ENS pods per node, and of nothing else here.
  const withEdge = Object.entries(clusterRows).filter(([, row]) => row.cells['terway-edge']).map(([name]) => name);
  assert.deepEqual(withEdge.sort(), ['podAddressRow', 'podNetworkRow', 'podsPerNodeRow']);
});
