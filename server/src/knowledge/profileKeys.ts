/**
 * What hover adds to the schema's own docs for `.ack-cni.yaml` keys (server/src/profile/schema.ts):
 * the rules that read each key, the comparison row it decides, and a few notes on its values. Facts from cni-facts.md §2.1–§2.4 and §3.1.
 */
import { both, type Localized } from '../l10n';
import type { Cni } from '../profile/types';
import { defaultCluster, defaultFlannel, defaultTerway } from '../profile/types';
import { dualStackRow, kubernetesBandwidthRow, multiNicRow, networkPolicyRow, networkPriorityRow, podIpReservationRow, type ComparisonRow } from './comparison';
import { datapathRow, nodeQuotaRow, podAddressRow, podsPerNodeRow } from './clusterRows';

export interface ProfileKeyKnowledge {
  /** Rules whose verdicts change with this key. */
  rules: readonly string[];
  row?: ComparisonRow;
  /** More than the schema's one line, where the values have consequences worth knowing. */
  notes?: Localized;
}

/** Keyed by dotted path ("terway.eniMode"). */
export const profileKeyKnowledge: Readonly<Record<string, ProfileKeyKnowledge>> = {
  cni: {
    rules: [],
    notes: both(
      'Every rule that depends on the CNI reads it; without it those rules stay silent.',
      '所有与 CNI 相关的规则都依据它判断；未设置时这些规则不会报告。',
    ),
  },
  'terway.eniMode': {
    rules: [
      'network-policy-unsupported',
      'network-policy-endport',
      'calico-policy-unsupported',
      'bandwidth-unsupported',
      'network-priority-unsupported',
      'pod-ip-reservation-unsupported',
      'pod-networks-unsupported',
      'podnetworking-unsupported',
    ],
    notes: both(
      '`shared`: pods per node = (ENIs − 1) × IPs per ENI; NetworkPolicy, bandwidth limits and DataPath V2 are available. `exclusive`: pods per node = ENIs − 1; no NetworkPolicy, no traffic shaping, no acceleration (Terway v1.11.0 or later, nodes with more than 6 ENIs). `mixed`: exclusive only on node pools created with the label `k8s.aliyun.com/exclusive-mode-eni-type: eniOnly`.',
      '`shared`：单节点 Pod 数 =（ENI 数 − 1）× 单个 ENI 的 IP 数；支持 NetworkPolicy、带宽限制和 DataPath V2。`exclusive`：单节点 Pod 数 = ENI 数 − 1；不支持 NetworkPolicy、限速和网络加速（需 Terway v1.11.0 及以上，节点 ENI 数大于 6）。`mixed`：仅创建时带有 `k8s.aliyun.com/exclusive-mode-eni-type: eniOnly` 标签的节点池为独占模式。',
    ),
  },
  'terway.datapath': {
    rules: ['calico-policy-unsupported', 'bandwidth-unsupported', 'network-priority-unsupported', 'network-policy-endport'],
    notes: both(
      '`veth`: policy routing, NetworkPolicy through Calico Felix (or Cilium with the eBPF provider). `ipvlan`: legacy IPvlan + eBPF, egress-only bandwidth limits. `datapathv2`: eBPF acceleration (Cilium), shared ENI mode only, since Terway v1.8.0; no egress priority.',
      '`veth`：策略路由，NetworkPolicy 由 Calico Felix 执行（策略引擎为 eBPF 时由 Cilium 执行）。`ipvlan`：旧版 IPvlan + eBPF，仅支持出方向限速。`datapathv2`：eBPF 加速（Cilium），仅用于共享 ENI 模式，Terway v1.8.0 起提供；不支持出方向优先级。',
    ),
  },
  'terway.networkPolicy': { rules: ['network-policy-unsupported', 'network-policy-endport', 'calico-policy-unsupported'], row: networkPolicyRow },
  'terway.trunking': { rules: ['pod-networks-unsupported', 'podnetworking-unsupported'], row: multiNicRow },
  'terway.ipStack': { rules: ['dual-stack-unsupported'], row: dualStackRow },
  'terway.ipamType': { rules: ['pod-ip-reservation-unsupported'], row: podIpReservationRow },
  'terway.networkPriority': { rules: ['network-priority-unsupported'], row: networkPriorityRow },
  'terway.version': { rules: ['network-policy-endport', 'bandwidth-unsupported', 'eni-annotation-obsolete'] },
  'flannel.bandwidth': { rules: ['bandwidth-unsupported'], row: kubernetesBandwidthRow },
  'cluster.kubernetesVersion': { rules: ['network-policy-endport', 'dual-stack-config'] },
  // The cluster plan: hover on a value works out what it means (clusterHover.ts); the key shows the row and rules behind it.
  'cluster.edition': { rules: ['node-quota'], row: nodeQuotaRow },
  'cluster.nodes': { rules: ['node-quota', 'flannel-node-capacity'], row: nodeQuotaRow },
  'cluster.os': { rules: ['datapath-os-unsupported'], row: datapathRow },
  'cluster.instanceTypes': { rules: ['pods-per-node'], row: podsPerNodeRow },
  'cluster.vpcCidr': { rules: ['cidr-invalid', 'cidr-overlap'], row: podAddressRow },
  'cluster.podCidr': { rules: ['cidr-invalid', 'cidr-overlap', 'flannel-node-capacity', 'cni-field-ignored'], row: podAddressRow },
  'cluster.nodeCidrMask': { rules: ['flannel-node-capacity', 'cni-field-ignored'], row: podsPerNodeRow },
  'cluster.serviceCidr': { rules: ['cidr-invalid', 'cidr-overlap', 'dual-stack-config'] },
};

/** The default of a key when the file leaves it out, as written in YAML; undefined when there is none. */
export function profileDefault(path: string): string | undefined {
  const [section, key] = path.split('.');
  const defaults: Record<string, object> = { terway: defaultTerway, flannel: defaultFlannel, cluster: defaultCluster };
  const value = key === undefined ? undefined : (defaults[section] as Record<string, unknown> | undefined)?.[key];
  return value === undefined ? undefined : String(value);
}

/** What each `cni:` value means, for completion. */
export const cniValueDocs: Record<Cni, Localized> = {
  terway: both(
    "Alibaba Cloud's own CNI: pods take VPC IPs from ENIs, shared or exclusive.",
    '阿里云自研的 CNI：Pod 使用 ENI 分配的 VPC IP，ENI 可共享或独占。',
  ),
  'terway-edge': both(
    'ACK Edge: Terway in the cloud node pools, Flannel in route mode at the edge.',
    'ACK Edge：云上节点池运行 Terway，边缘侧使用路由模式的 Flannel。',
  ),
  flannel: both(
    "ACK's modified Flannel: a pod CIDR apart from the VPC, one VPC route per node; no NetworkPolicy, no dual stack.",
    'ACK 修改版的 Flannel：Pod 网段独立于 VPC，每个节点一条 VPC 路由；不支持 NetworkPolicy 和双栈。',
  ),
};
