import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleTable } from '../../helpers/ruleTable';
import {
  fittingNodeCidrMask,
  flannelNodeCapacity,
  flannelNodeCapacityRule,
  flannelPodsPerNode,
} from '../../../server/src/rules/cluster/flannel-node-capacity';
import { emptyPlan } from '../../../server/src/cluster/plan';
import type { Report } from '../../../server/src/engine/finding';

const kind = 'profile' as const;

test('flannel-node-capacity: the 24–28 range is ACK\'s creation limit, not checked on kube-flannel-cfg (upstream SubnetLen)', () => {
  const text = '{"Network": "10.244.0.0/16", "SubnetLen": 22}';
  const plan = emptyPlan('flannel-config');
  plan.cni = { value: 'flannel', start: 0, end: 0, raw: '' };
  plan.cluster.podCidr = { value: '10.244.0.0/16', start: 13, end: 26, raw: '10.244.0.0/16' };
  plan.cluster.nodeCidrMask = { value: 22, start: 42, end: 44, raw: '22' };
  const reports: Report[] = [];
  flannelNodeCapacityRule.checkPlan!({ text, plan, report: (r) => reports.push(r) });
  assert.equal(reports.length, 0);
  const eight = '{"Network": "10.244.0.0/16", "SubnetLen": 8}';
  plan.cluster.nodeCidrMask = { value: 8, start: 42, end: 43, raw: '8' };
  flannelNodeCapacityRule.checkPlan!({ text: eight, plan, report: (r) => reports.push(r) });
  assert.deepEqual(reports.map((r) => r.message.en), ["The pod CIDR 10.244.0.0/16 is smaller than one node's /8 block: Flannel can give no node its pod range."]);
});
const plan = (nodes: number | string, mask: string) => `cni: flannel\ncluster:\n  nodes: ${nodes}\n  podCidr: 172.16.0.0/20\n  nodeCidrMask: ${mask}\n`;

test('seed 003: a /20 pod CIDR with 256 pods per node (/24) holds 16 nodes', () => {
  assert.equal(flannelPodsPerNode(24), 256);
  assert.equal(flannelNodeCapacity(20, 24), 16);
  assert.equal(flannelNodeCapacity(16, 24), 256);
  assert.equal(flannelNodeCapacity(16, 28), 4096);
  assert.equal(flannelPodsPerNode(28), 16);
  assert.equal(flannelNodeCapacity(26, 24), 0, 'a pod CIDR smaller than one node block holds no node');
  assert.equal(fittingNodeCidrMask(20, 16), 24);
  assert.equal(fittingNodeCidrMask(20, 17), 25);
  assert.equal(fittingNodeCidrMask(20, 256), 28);
  assert.equal(fittingNodeCidrMask(20, 257), undefined);
  assert.equal(fittingNodeCidrMask(26, 2), 27, 'never a mask shorter than the pod CIDR prefix');
});

ruleTable(flannelNodeCapacityRule, [
  {
    name: 'seed example at its limit: 16 nodes fit a /20 with /24 per node',
    kind,
    text: plan(16, '24'),
    expect: [],
  },
  {
    name: '30 nodes on a /20 with /24 per node: on the mask, fixed to /25 (the largest block per node that fits)',
    kind,
    text: plan(30, '⟦24⟧'),
    expect: [
      {
        severity: 'error',
        message:
          "Flannel gives each node a /24 of the pod CIDR 172.16.0.0/20 (256 pod addresses), so the cluster holds at most 16 nodes, fewer than the 30 planned; a Flannel cluster's node capacity cannot change after creation.",
        fixed: plan(30, '25'),
      },
    ],
  },
  {
    name: 'a quoted mask as ACK\'s API writes it stays a string',
    kind,
    text: plan(100, '⟦"24"⟧'),
    expect: [
      {
        severity: 'error',
        message:
          "Flannel gives each node a /24 of the pod CIDR 172.16.0.0/20 (256 pod addresses), so the cluster holds at most 16 nodes, fewer than the 100 planned; a Flannel cluster's node capacity cannot change after creation.",
        fixed: plan(100, '"27"'),
      },
    ],
  },
  {
    name: 'in Simplified Chinese',
    kind,
    locale: 'zh',
    text: plan(30, '⟦24⟧'),
    expect: [
      {
        severity: 'error',
        message: 'Flannel 为每个节点分配 Pod 网段 172.16.0.0/20 中的一个 /24（256 个 Pod 地址），因此集群最多容纳 16 个节点，少于计划的 30 个；Flannel 集群的节点容量创建后无法更改。',
        fixed: plan(30, '25'),
      },
    ],
  },
  {
    name: 'no mask from 24 to 28 holds 300 nodes in a /20: no fix',
    kind,
    text: plan(300, '⟦26⟧'),
    expect: [
      {
        severity: 'error',
        message:
          "Flannel gives each node a /26 of the pod CIDR 172.16.0.0/20 (64 pod addresses), so the cluster holds at most 64 nodes, fewer than the 300 planned; no mask from 24 to 28 fits, and a Flannel cluster's node capacity cannot change after creation.",
      },
    ],
  },
  {
    name: 'a JSON-style profile keeps its quoting too',
    kind,
    text: '{"cni": "flannel", "cluster": {"nodes": 20, "podCidr": "172.16.0.0/20", "nodeCidrMask": ⟦"24"⟧}}\n',
    expect: [
      {
        severity: 'error',
        message:
          "Flannel gives each node a /24 of the pod CIDR 172.16.0.0/20 (256 pod addresses), so the cluster holds at most 16 nodes, fewer than the 20 planned; a Flannel cluster's node capacity cannot change after creation.",
        fixed: '{"cni": "flannel", "cluster": {"nodes": 20, "podCidr": "172.16.0.0/20", "nodeCidrMask": "25"}}\n',
      },
    ],
  },
  {
    name: 'a mask below 24: fixed to the largest per-node block that holds the nodes',
    kind,
    text: 'cni: flannel\ncluster:\n  nodes: 10\n  podCidr: 10.0.0.0/16\n  nodeCidrMask: ⟦22⟧\n',
    expect: [
      {
        severity: 'error',
        message: "ACK's Flannel takes a node CIDR mask from 24 to 28; /22 (1024 pod addresses per node) is outside that range.",
        fixed: 'cni: flannel\ncluster:\n  nodes: 10\n  podCidr: 10.0.0.0/16\n  nodeCidrMask: 24\n',
      },
    ],
  },
  {
    name: 'a mask above 28 without a node count: the nearest allowed mask',
    kind,
    text: 'cni: flannel\ncluster:\n  podCidr: 10.0.0.0/16\n  nodeCidrMask: ⟦30⟧\n',
    expect: [
      {
        severity: 'error',
        message: "ACK's Flannel takes a node CIDR mask from 24 to 28; /30 (4 pod addresses per node) is outside that range.",
        fixed: 'cni: flannel\ncluster:\n  podCidr: 10.0.0.0/16\n  nodeCidrMask: 28\n',
      },
    ],
  },
  {
    name: 'out of range, in Simplified Chinese',
    kind,
    locale: 'zh',
    text: 'cni: flannel\ncluster:\n  podCidr: 10.0.0.0/16\n  nodeCidrMask: ⟦20⟧\n',
    expect: [
      {
        severity: 'error',
        message: 'ACK 的 Flannel 节点掩码只能是 24 到 28；/20（每节点 4096 个 Pod 地址）不在此范围内。',
        fixed: 'cni: flannel\ncluster:\n  podCidr: 10.0.0.0/16\n  nodeCidrMask: 24\n',
      },
    ],
  },
  {
    name: 'a pod CIDR smaller than one node block',
    kind,
    text: 'cni: flannel\ncluster:\n  nodes: 2\n  podCidr: 172.16.0.0/26\n  nodeCidrMask: ⟦24⟧\n',
    expect: [
      {
        severity: 'error',
        message: "The pod CIDR 172.16.0.0/26 is smaller than one node's /24 block: Flannel can give no node its pod range.",
        fixed: 'cni: flannel\ncluster:\n  nodes: 2\n  podCidr: 172.16.0.0/26\n  nodeCidrMask: 27\n',
      },
    ],
  },
  {
    name: 'no mask written: too many nodes even for the API default /26, on the pod CIDR, no fix',
    kind,
    text: 'cni: flannel\ncluster:\n  nodes: 100\n  podCidr: ⟦172.16.0.0/20⟧\n',
    expect: [
      {
        severity: 'error',
        message:
          "The pod CIDR 172.16.0.0/20 holds at most 64 Flannel nodes even with a /26 node CIDR mask (the CreateCluster API's default; Terraform's /24 gives 16), fewer than the 100 planned; a Flannel cluster's node capacity cannot change after creation.",
      },
    ],
  },
  {
    name: 'no mask written: fits only under the API default, a warning',
    kind,
    text: 'cni: flannel\ncluster:\n  nodes: 30\n  podCidr: ⟦172.16.0.0/20⟧\n',
    expect: [
      {
        severity: 'warning',
        message:
          "With Terraform's default node CIDR mask /24, the pod CIDR 172.16.0.0/20 holds only 16 Flannel nodes, fewer than the 30 planned (the CreateCluster API's default /26 holds 64): write the node CIDR mask explicitly.",
      },
    ],
  },
  {
    name: 'no mask written, in Simplified Chinese',
    kind,
    locale: 'zh',
    text: 'cni: flannel\ncluster:\n  nodes: 30\n  podCidr: ⟦172.16.0.0/20⟧\n',
    expect: [
      {
        severity: 'warning',
        message: '按 Terraform 的默认节点掩码 /24，Pod 网段 172.16.0.0/20 只能容纳 16 个 Flannel 节点，少于计划的 30 个（CreateCluster API 的默认值 /26 可容纳 64 个）：请明确写出节点掩码。',
      },
    ],
  },
  { name: 'no mask written, fits both defaults', kind, text: 'cni: flannel\ncluster:\n  nodes: 16\n  podCidr: 172.16.0.0/20\n', expect: [] },
  { name: 'no node count: capacity is not judged', kind, text: 'cni: flannel\ncluster:\n  podCidr: 172.16.0.0/20\n  nodeCidrMask: 24\n', expect: [] },
  { name: 'a /16 pod CIDR holds 256 nodes at /24', kind, text: 'cni: flannel\ncluster:\n  nodes: 256\n  podCidr: 172.20.0.0/16\n  nodeCidrMask: 24\n', expect: [] },
  { name: 'Terway: not Flannel\'s capacity', kind, text: 'cni: terway\ncluster:\n  nodes: 300\n  podCidr: 172.16.0.0/20\n  nodeCidrMask: 24\n', expect: [] },
  { name: 'no CNI: silent', kind, text: 'cluster:\n  nodes: 300\n  podCidr: 172.16.0.0/20\n  nodeCidrMask: 24\n', expect: [] },
  { name: 'a malformed pod CIDR is left to cidr-invalid', kind, text: 'cni: flannel\ncluster:\n  nodes: 300\n  podCidr: 172.16.0.0\n  nodeCidrMask: 24\n', expect: [] },
  { name: 'turned off by settings or --rule', kind, rules: { 'flannel-node-capacity': 'off' }, text: plan(30, '24'), expect: [] },
]);
