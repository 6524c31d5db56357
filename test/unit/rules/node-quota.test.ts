import { ruleTable } from '../../helpers/ruleTable';
import { nodeQuota } from '../../../server/src/rules/cluster/node-quota';

const kind = 'profile' as const;
const plan = (cni: string, edition: string | null, nodes: string) =>
  `cni: ${cni}\ncluster:\n${edition ? `  edition: ${edition}\n` : ''}  nodes: ${nodes}\n`;

ruleTable(nodeQuota, [
  {
    name: 'Flannel Pro above the default 200: a warning',
    kind,
    text: plan('flannel', 'pro', '⟦201⟧'),
    expect: [
      {
        severity: 'warning',
        message:
          '201 nodes exceed the default quota of 200 for Flannel on ACK Pro (one VPC route entry per node): request an increase (up to 1000) before the cluster grows past it.',
      },
    ],
  },
  {
    name: 'Flannel Pro above the maximum 1000: an error',
    kind,
    text: plan('flannel', 'pro', '⟦1001⟧'),
    expect: [{ severity: 'error', message: 'Flannel on ACK Pro holds at most 1000 nodes (one VPC route entry per node); 1001 are planned.' }],
  },
  {
    name: 'Flannel Pro above the maximum, in Simplified Chinese',
    kind,
    locale: 'zh',
    text: plan('flannel', 'pro', '⟦1500⟧'),
    expect: [{ severity: 'error', message: 'ACK Pro 版的 Flannel 集群最多 1000 个节点（每个节点占用一条 VPC 路由条目），此处计划 1500 个。' }],
  },
  {
    name: 'Terway Pro above the default 5000: a warning',
    kind,
    text: plan('terway', 'pro', '⟦"6000"⟧'),
    expect: [
      {
        severity: 'warning',
        message: '6000 nodes exceed the default quota of 5000 for Terway on ACK Pro: request an increase (up to 15000) before the cluster grows past it.',
      },
    ],
  },
  {
    name: 'Terway Pro default quota, in Simplified Chinese',
    kind,
    locale: 'zh',
    text: plan('terway', 'pro', '⟦6000⟧'),
    expect: [{ severity: 'warning', message: '6000 个节点超过了 ACK Pro 版 Terway 集群的默认配额 5000：请在集群规模超过它之前申请提额（最多 15000）。' }],
  },
  {
    name: 'Terway Pro above the maximum 15000',
    kind,
    text: plan('terway', 'pro', '⟦15001⟧'),
    expect: [{ severity: 'error', message: 'Terway on ACK Pro holds at most 15000 nodes; 15001 are planned.' }],
  },
  {
    name: 'no edition: read as Pro, the profile default',
    kind,
    text: plan('flannel', null, '⟦300⟧'),
    expect: [
      {
        severity: 'warning',
        message:
          '300 nodes exceed the default quota of 200 for Flannel on ACK Pro (one VPC route entry per node): request an increase (up to 1000) before the cluster grows past it.',
      },
    ],
  },
  {
    name: 'Basic holds 10 nodes with either CNI',
    kind,
    text: plan('terway', 'basic', '⟦11⟧'),
    expect: [{ severity: 'error', message: 'ACK Basic clusters hold at most 10 nodes, with Terway and Flannel alike; 11 are planned.' }],
  },
  {
    name: 'Basic without a CNI still holds 10 nodes, in Simplified Chinese',
    kind,
    locale: 'zh',
    text: 'cluster:\n  edition: basic\n  nodes: ⟦12⟧\n',
    expect: [{ severity: 'error', message: 'ACK 基础版集群最多 10 个节点（Terway 与 Flannel 相同），此处计划 12 个。' }],
  },
  { name: 'Basic at its limit', kind, text: plan('flannel', 'basic', '10'), expect: [] },
  { name: 'Flannel Pro at the default quota', kind, text: plan('flannel', 'pro', '200'), expect: [] },
  { name: 'Terway Pro at the default quota', kind, text: plan('terway', 'pro', '5000'), expect: [] },
  { name: 'Pro without a CNI: the quota depends on it, silent', kind, text: 'cluster:\n  nodes: 2000\n', expect: [] },
  { name: 'ACK Edge: no sourced quota, silent', kind, text: plan('flannel', 'edge', '2000'), expect: [] },
  { name: 'Terway Edge: no sourced quota, silent', kind, text: plan('terway-edge', 'pro', '20000'), expect: [] },
  { name: 'no node count', kind, text: 'cni: flannel\ncluster:\n  edition: basic\n', expect: [] },
  { name: 'turned off by settings or --rule', kind, rules: { 'node-quota': 'off' }, text: plan('flannel', 'pro', '1001'), expect: [] },
]);
