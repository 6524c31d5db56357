import { both } from '../../l10n';
import type { Rule } from '../types';
import { cniOf } from './common';

/** Node quotas by edition and CNI (cni-facts §3.1, §7; seed 003). */
export const nodeQuotas = {
  basic: 10,
  pro: {
    terway: { default: 5000, max: 15000 },
    flannel: { default: 200, max: 1000 },
  },
} as const;

export const nodeQuota: Rule = {
  id: 'node-quota',
  title: both('More nodes than the cluster quota allows', '节点数超过集群配额'),
  scope: 'cluster',
  defaultSeverity: 'error',
  appliesTo: both(
    'ACK Basic (10 nodes, any CNI); ACK Pro with Terway (5000 by default, 15000 at most) or Flannel (200 by default, 1000 at most). ACK Edge and Terway Edge are not checked.',
    'ACK 基础版（10 个节点，任意 CNI）；使用 Terway（默认 5000，最多 15000）或 Flannel（默认 200，最多 1000）的 ACK Pro 版。不检查 ACK Edge 与 Terway Edge。',
  ),
  needsProfile: false,
  remediation: both(
    'Plan no more nodes than the edition and CNI allow, request a quota increase before passing the default, or split the workload over several clusters.',
    '请按集群版本与 CNI 的上限规划节点数，超过默认配额前先申请提额，或把负载拆分到多个集群。',
  ),
  fixable: false,
  docs: {
    en: {
      what: 'The planned number of nodes is above what the cluster can have: ACK Basic holds up to 10 nodes with either CNI; ACK Pro holds 5000 Terway nodes by default and 15000 at most, and 200 Flannel nodes by default and 1000 at most. Above the default quota the finding is a warning, above the maximum an error. A plan without an edition is read as ACK Pro, the profile\'s default.',
      why: 'Flannel needs one VPC route entry per node, and the route table holds 200 entries by default (1000 after a quota increase); Terway is limited by the cluster\'s capacity. Nodes past the quota fail to join, and the CNI — which bounds the maximum — cannot be changed after creation.',
      fix: 'Request the quota increase (VPC route entries for Flannel, the cluster node quota for Terway) before the cluster grows past the default. Past the maximum, plan several clusters, or for more than 1000 nodes choose Terway when the cluster is created.',
    },
    zh: {
      what: '计划的节点数超过了集群上限：ACK 基础版无论哪种 CNI 最多 10 个节点；ACK Pro 版的 Terway 默认 5000 个、最多 15000 个节点，Flannel 默认 200 个、最多 1000 个节点。超过默认配额报告 warning，超过上限报告 error。未写集群版本时按 profile 的默认值 ACK Pro 处理。',
      why: 'Flannel 每个节点占用一条 VPC 路由条目，路由表默认 200 条（提额后 1000 条）；Terway 受集群容量限制。超出配额的节点无法加入集群，而决定上限的 CNI 在创建后无法更改。',
      fix: '在集群规模超过默认配额前申请提额（Flannel 为 VPC 路由条目，Terway 为集群节点配额）。超过上限时，请规划多个集群；需要 1000 个以上节点时，请在创建集群时选择 Terway。',
    },
    example: {
      bad: 'cni: flannel\ncluster:\n  edition: pro\n  nodes: 1500\n',
      good: 'cni: terway\ncluster:\n  edition: pro\n  nodes: 1500\n',
    },
    facts: ['3.1', '7'],
    sources: ['seed-003', 'src-27', 'src-30'],
  },
  checkPlan({ plan, report }) {
    const located = plan.cluster.nodes;
    if (!located) return;
    const nodes = located.value;
    const edition = plan.cluster.edition?.value ?? 'pro';
    const cni = cniOf(plan);
    const at = { start: located.start, end: located.end };
    if (edition === 'basic') {
      if (cni === 'terway-edge' || nodes <= nodeQuotas.basic) return;
      report({
        ...at,
        message: both(
          `ACK Basic clusters hold at most ${nodeQuotas.basic} nodes, with Terway and Flannel alike; ${nodes} are planned.`,
          `ACK 基础版集群最多 ${nodeQuotas.basic} 个节点（Terway 与 Flannel 相同），此处计划 ${nodes} 个。`,
        ),
      });
      return;
    }
    if (edition !== 'pro' || (cni !== 'terway' && cni !== 'flannel')) return;
    const quota = nodeQuotas.pro[cni];
    const why =
      cni === 'flannel'
        ? both(' (one VPC route entry per node)', '（每个节点占用一条 VPC 路由条目）')
        : both('', '');
    const name = cni === 'flannel' ? 'Flannel' : 'Terway';
    if (nodes > quota.max) {
      report({
        ...at,
        message: both(
          `${name} on ACK Pro holds at most ${quota.max} nodes${why.en}; ${nodes} are planned.`,
          `ACK Pro 版的 ${name} 集群最多 ${quota.max} 个节点${why.zh}，此处计划 ${nodes} 个。`,
        ),
      });
    } else if (nodes > quota.default) {
      report({
        ...at,
        severity: 'warning',
        message: both(
          `${nodes} nodes exceed the default quota of ${quota.default} for ${name} on ACK Pro${why.en}: request an increase (up to ${quota.max}) before the cluster grows past it.`,
          `${nodes} 个节点超过了 ACK Pro 版 ${name} 集群的默认配额 ${quota.default}${why.zh}：请在集群规模超过它之前申请提额（最多 ${quota.max}）。`,
        ),
      });
    }
  },
};
