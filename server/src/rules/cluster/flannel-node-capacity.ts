import { both } from '../../l10n';
import { parseCidr } from '../../cluster/cidr';
import type { Rule } from '../types';
import { defaultNodeCidrMasks } from '../../cluster/ackLimits';
import { cniOf, isCreationPlan, replaceValueFix } from './common';

/** The node_cidr_mask values ACK accepts for Flannel (Terraform alicloud_cs_managed_kubernetes, cni-facts §3.2). */
export const nodeCidrMaskRange = { min: 24, max: 28 } as const;
/** Documented defaults when the mask is not written: Terraform 24, the CreateCluster API 26 (cni-facts, unresolved). */
const defaultMasks = defaultNodeCidrMasks;

/** Nodes a pod CIDR of prefix `podPrefix` holds when each node takes a /`mask`: 2^(mask − prefix). */
export function flannelNodeCapacity(podPrefix: number, mask: number): number {
  return mask < podPrefix ? 0 : 2 ** (mask - podPrefix);
}

/** Pod addresses each node gets: 2^(32 − mask). */
export function flannelPodsPerNode(mask: number): number {
  return 2 ** (32 - mask);
}

/**
 * The node CIDR mask from 24 to 28 that holds `nodes` with the largest block per node (the most
 * pods per node), or undefined when none does.
 */
export function fittingNodeCidrMask(podPrefix: number, nodes: number): number | undefined {
  for (let mask = Math.max(nodeCidrMaskRange.min, podPrefix); mask <= nodeCidrMaskRange.max; mask++) {
    if (flannelNodeCapacity(podPrefix, mask) >= nodes) return mask;
  }
  return undefined;
}

export const flannelNodeCapacityRule: Rule = {
  id: 'flannel-node-capacity',
  title: both('Flannel pod CIDR cannot hold the planned nodes', 'Flannel 的 Pod 网段容纳不下计划的节点'),
  scope: 'cluster',
  defaultSeverity: 'error',
  appliesTo: both(
    'Flannel: the pod CIDR, the node CIDR mask and the planned number of nodes.',
    'Flannel：Pod 网段、节点 Pod 网段掩码与计划的节点数。',
  ),
  needsProfile: true,
  remediation: both(
    'Choose a pod CIDR and node CIDR mask (24 to 28) with 2^(mask − pod prefix) at least the number of nodes, before the cluster is created.',
    '请在创建集群前选择 Pod 网段与节点掩码（24 到 28），使 2^(掩码 − Pod 网段前缀) 不少于节点数。',
  ),
  fixable: true,
  docs: {
    en: {
      what: 'ACK\'s Flannel splits the pod CIDR evenly into one block per node, of the size the node CIDR mask gives: a /20 pod CIDR with a /24 per node (256 pod addresses) holds 2^(24 − 20) = 16 nodes. The rule flags a plan whose nodes do not fit, a mask outside 24 to 28 (in the plan files that create the cluster; `kube-flannel-cfg` may be an upstream Flannel\'s `SubnetLen`), and a pod CIDR smaller than one node\'s block. When the mask is not written, it checks the plan against both documented defaults (/24 in Terraform, /26 in the CreateCluster API).',
      why: 'The pod CIDR and the mask are fixed when a Flannel cluster is created and the pod CIDR cannot be expanded, so the maximum number of nodes is fixed too: once every block is taken, new nodes get no pod range and their pods cannot start.',
      fix: 'The quick fix sets the node CIDR mask to the smallest value from 24 to 28 that holds the planned nodes, which keeps the most pods per node (each step halves the pods per node and doubles the nodes), and keeps the value\'s quoting (`"24"` stays a string). When no mask fits, choose a larger pod CIDR (a /16 holds 256 nodes at /24).',
    },
    zh: {
      what: 'ACK 的 Flannel 会把 Pod 网段按节点掩码平均切分，每个节点一块：/20 的 Pod 网段、每节点 /24（256 个 Pod 地址）最多容纳 2^(24 − 20) = 16 个节点。本规则会报告节点数放不下、掩码不在 24 到 28 之间（仅限用于创建集群的规划文件；`kube-flannel-cfg` 可能是上游 Flannel 的 `SubnetLen`），以及 Pod 网段比单个节点的网段还小的规划。未写掩码时，会按两个文档中的默认值（Terraform 为 /24，CreateCluster API 为 /26）分别检查。',
      why: 'Flannel 集群的 Pod 网段与掩码在创建时确定，Pod 网段也无法扩容，因此节点数上限同样固定：所有网段分完后，新节点拿不到 Pod 网段，其上的 Pod 无法启动。',
      fix: '快速修复会把节点掩码设为 24 到 28 之间、能容纳计划节点数的最小值，这样每个节点保留最多的 Pod 地址（掩码每加 1，每节点 Pod 数减半、节点数翻倍），并保留原值的引号（`"24"` 仍是字符串）。没有合适的掩码时，请选择更大的 Pod 网段（/16 在 /24 掩码下可容纳 256 个节点）。',
    },
    example: {
      bad: 'cni: flannel\ncluster:\n  nodes: 30\n  podCidr: 172.16.0.0/20\n  nodeCidrMask: 24\n',
      good: 'cni: flannel\ncluster:\n  nodes: 30\n  podCidr: 172.16.0.0/20\n  nodeCidrMask: 25\n',
    },
    facts: ['3.1', '3.2'],
    sources: ['seed-003', 'src-21', 'src-22', 'src-27', 'src-28', 'src-30'],
  },
  checkPlan({ text, plan, report }) {
    if (cniOf(plan) !== 'flannel') return;
    const podLocated = plan.cluster.podCidr;
    const pod = podLocated ? parseCidr(podLocated.value) : null;
    if (!podLocated || !pod || pod.family !== 4) return; // cidr-invalid's business
    const podCidr = podLocated.value;
    const p = pod.prefix;
    const nodes = plan.cluster.nodes?.value;
    const maskLocated = plan.cluster.nodeCidrMask;
    const setMask = (mask: number | undefined) =>
      mask === undefined || !maskLocated
        ? undefined
        : replaceValueFix(
            text,
            maskLocated,
            String(mask),
            both(
              `Set the node CIDR mask to ${mask} (${flannelNodeCapacity(p, mask)} nodes, ${flannelPodsPerNode(mask)} pod addresses per node)`,
              `把节点掩码设为 ${mask}（${flannelNodeCapacity(p, mask)} 个节点，每节点 ${flannelPodsPerNode(mask)} 个 Pod 地址）`,
            ),
          );

    if (!maskLocated) {
      if (nodes === undefined) return;
      const [t, a] = [defaultMasks.terraform, defaultMasks.api];
      const [capT, capA] = [flannelNodeCapacity(p, t), flannelNodeCapacity(p, a)];
      if (capA < nodes) {
        report({
          start: podLocated.start,
          end: podLocated.end,
          message: both(
            `The pod CIDR ${podCidr} holds at most ${capA} Flannel nodes even with a /${a} node CIDR mask (the CreateCluster API's default; Terraform's /${t} gives ${capT}), fewer than the ${nodes} planned; a Flannel cluster's node capacity cannot change after creation.`,
            `即使节点掩码为 /${a}（CreateCluster API 的默认值；Terraform 默认 /${t}，只有 ${capT} 个），Pod 网段 ${podCidr} 也最多容纳 ${capA} 个 Flannel 节点，少于计划的 ${nodes} 个；Flannel 集群的节点容量创建后无法更改。`,
          ),
        });
      } else if (capT < nodes) {
        report({
          start: podLocated.start,
          end: podLocated.end,
          severity: 'warning',
          message: both(
            `With Terraform's default node CIDR mask /${t}, the pod CIDR ${podCidr} holds only ${capT} Flannel nodes, fewer than the ${nodes} planned (the CreateCluster API's default /${a} holds ${capA}): write the node CIDR mask explicitly.`,
            `按 Terraform 的默认节点掩码 /${t}，Pod 网段 ${podCidr} 只能容纳 ${capT} 个 Flannel 节点，少于计划的 ${nodes} 个（CreateCluster API 的默认值 /${a} 可容纳 ${capA} 个）：请明确写出节点掩码。`,
          ),
        });
      }
      return;
    }

    const m = maskLocated.value;
    const at = { start: maskLocated.start, end: maskLocated.end };
    if (isCreationPlan(plan) && (m < nodeCidrMaskRange.min || m > nodeCidrMaskRange.max)) {
      const clamped = Math.min(nodeCidrMaskRange.max, Math.max(nodeCidrMaskRange.min, m));
      const fix = nodes !== undefined ? fittingNodeCidrMask(p, nodes) : clamped >= p ? clamped : undefined;
      report({
        ...at,
        message: both(
          `ACK's Flannel takes a node CIDR mask from ${nodeCidrMaskRange.min} to ${nodeCidrMaskRange.max}; /${m} (${flannelPodsPerNode(m)} pod addresses per node) is outside that range.`,
          `ACK 的 Flannel 节点掩码只能是 ${nodeCidrMaskRange.min} 到 ${nodeCidrMaskRange.max}；/${m}（每节点 ${flannelPodsPerNode(m)} 个 Pod 地址）不在此范围内。`,
        ),
        fix: setMask(fix),
      });
      return;
    }
    if (m < p) {
      report({
        ...at,
        message: both(
          `The pod CIDR ${podCidr} is smaller than one node's /${m} block: Flannel can give no node its pod range.`,
          `Pod 网段 ${podCidr} 比单个节点的 /${m} 网段还小：Flannel 无法为任何节点分配 Pod 网段。`,
        ),
        fix: setMask(nodes !== undefined ? fittingNodeCidrMask(p, nodes) : undefined),
      });
      return;
    }
    const capacity = flannelNodeCapacity(p, m);
    if (nodes === undefined || capacity >= nodes) return;
    const best = fittingNodeCidrMask(p, nodes);
    report({
      ...at,
      message: both(
        `Flannel gives each node a /${m} of the pod CIDR ${podCidr} (${flannelPodsPerNode(m)} pod addresses), so the cluster holds at most ${capacity} nodes, fewer than the ${nodes} planned; ${
          best === undefined ? `no mask from ${nodeCidrMaskRange.min} to ${nodeCidrMaskRange.max} fits, and ` : ''
        }a Flannel cluster's node capacity cannot change after creation.`,
        `Flannel 为每个节点分配 Pod 网段 ${podCidr} 中的一个 /${m}（${flannelPodsPerNode(m)} 个 Pod 地址），因此集群最多容纳 ${capacity} 个节点，少于计划的 ${nodes} 个；${
          best === undefined ? `${nodeCidrMaskRange.min} 到 ${nodeCidrMaskRange.max} 之间没有合适的掩码，而且` : ''
        }Flannel 集群的节点容量创建后无法更改。`,
      ),
      fix: setMask(best),
    });
  },
};
