/**
 * The Terway-vs-Flannel comparison, one row per feature, mode by mode where the modes differ.
 * Facts from cni-facts.md (section in each comment) and the seed comparison pages; the wording is
 * ours. A cell that the facts do not support is left out rather than guessed: in particular
 * Terway Edge has a cell only where the fact sheet covers it (§4 covers none of these features).
 */
import { both, type Localized } from '../l10n';
import type { Column } from './columns';

export interface ComparisonRow {
  /** The feature as the table's column header. */
  feature: Localized;
  cells: Partial<Record<Column, Localized>>;
  /** What "no finding" means for this feature in the verdict line ("enforced", "applied"). */
  honoured: Localized;
}

const notApplied = both('Not applied', '不生效');

/** §2.1, §2.3, §3.1; seeds 001, 003, 004. */
export const networkPolicyRow: ComparisonRow = {
  feature: both('NetworkPolicy', 'NetworkPolicy'),
  cells: {
    'terway-shared-veth': both(
      'Enforced once NetworkPolicy is switched on (off by default): Calico Felix, or Cilium with the eBPF provider',
      '开启 NetworkPolicy 后生效（默认关闭）：由 Calico Felix 执行，策略引擎为 eBPF 时由 Cilium 执行',
    ),
    'terway-shared-datapathv2': both('Enforced once NetworkPolicy is switched on: Cilium (eBPF)', '开启 NetworkPolicy 后生效：由 Cilium（eBPF）执行'),
    'terway-exclusive': both('Not enforced: exclusive-ENI nodes run no policy agent', '不生效：独占 ENI 节点上没有策略组件'),
    flannel: both('Not enforced: the object is stored but isolates nothing', '不生效：对象会被保存，但不隔离任何流量'),
  },
  honoured: both('enforced', '生效'),
};

/** §5, §2.3: the CRDs exist only for Felix, which Terway runs only on the veth path with policy on. */
export const calicoPolicyRow: ComparisonRow = {
  feature: both('Calico policy', 'Calico 策略'),
  cells: {
    'terway-shared-veth': both(
      'crd.projectcalico.org/v1: only where Felix runs (NetworkPolicy on, iptables provider), and ACK manages these CRDs; projectcalico.org/v3: rejected, no Calico API server',
      'crd.projectcalico.org/v1：仅在运行 Felix 时可能生效（开启 NetworkPolicy、iptables 策略引擎），且这些 CRD 由 ACK 管理；projectcalico.org/v3：会被拒绝，集群中没有 Calico API Server',
    ),
    'terway-shared-datapathv2': both('Never applied: policy runs in Cilium, not Felix', '不生效：策略由 Cilium 而非 Felix 执行'),
    'terway-exclusive': both('Never applied: no policy agent', '不生效：没有策略组件'),
    flannel: both('Never applied: no policy engine at all', '不生效：没有任何策略引擎'),
  },
  honoured: both('applied', '生效'),
};

/** §1.3, §2.1, §3.1. */
export const podNetworkingRow: ComparisonRow = {
  feature: both('PodNetworking', 'PodNetworking'),
  cells: {
    terway: both(
      'Supported: eniType Default; Trunk needs ENI trunking; ENI needs exclusive-ENI node pools (exclusive or mixed mode)',
      '支持：eniType 为 Default；Trunk 需要开启 ENI Trunk；ENI 需要独占 ENI 节点池（独占或混合模式）',
    ),
    flannel: both('Rejected: Flannel clusters have no PodNetworking CRD', '会被拒绝：Flannel 集群中没有 PodNetworking CRD'),
  },
  honoured: both('supported', '支持'),
};

/** §1.1 (src 3, 25, 26), §2.1, §3.1. */
export const kubernetesBandwidthRow: ComparisonRow = {
  feature: both('Bandwidth limit', '带宽限制'),
  cells: {
    'terway-shared-veth': both('Egress and ingress', '出方向和入方向'),
    'terway-shared-ipvlan': both('Egress only', '仅出方向'),
    'terway-shared-datapathv2': both(
      'Egress and ingress (ingress from Terway v1.13.0), for traffic leaving or entering the node',
      '出方向和入方向（入方向自 Terway v1.13.0 起），仅对出入节点的流量生效',
    ),
    'terway-exclusive': notApplied,
    'terway-trunk': notApplied,
    flannel: both(
      "Only after bandwidth limiting is enabled in ACK's Flannel config (v0.15.1.4-e02c8f12-aliyun or later; off by default)",
      '需先在 ACK 的 Flannel 配置中开启带宽限制（要求 v0.15.1.4-e02c8f12-aliyun 及以上，默认关闭）',
    ),
  },
  honoured: both('applied', '生效'),
};

/** §1.1: the same mode matrix as kubernetes.io/*, but only Terway's own code reads these keys. */
export const aliyunBandwidthRow: ComparisonRow = {
  feature: both('Bandwidth limit (deprecated keys)', '带宽限制（已废弃的注解）'),
  cells: {
    'terway-shared-veth': both('Egress and ingress; deprecated', '出方向和入方向；已废弃'),
    'terway-shared-ipvlan': both('Egress only; deprecated', '仅出方向；已废弃'),
    'terway-shared-datapathv2': both('Egress and ingress (ingress from Terway v1.13.0); deprecated', '出方向和入方向（入方向自 Terway v1.13.0 起）；已废弃'),
    'terway-exclusive': notApplied,
    'terway-trunk': notApplied,
    flannel: both('Ignored: only Terway reads these keys', '被忽略：只有 Terway 读取这些注解'),
  },
  honoured: both('applied', '生效'),
};

/** §1.1 (src 3). */
export const networkPriorityRow: ComparisonRow = {
  feature: both('Egress priority', '出方向优先级'),
  cells: {
    'terway-shared-veth': both('Applied when enable_network_priority is on in 10-terway.conf', '在 10-terway.conf 中开启 enable_network_priority 后生效'),
    'terway-shared-ipvlan': both('Applied when enable_network_priority is on in 10-terway.conf', '在 10-terway.conf 中开启 enable_network_priority 后生效'),
    'terway-shared-datapathv2': notApplied,
    'terway-exclusive': notApplied,
    'terway-trunk': notApplied,
    flannel: both('Not applied: Flannel has no such feature', '不生效：Flannel 没有这项功能'),
  },
  honoured: both('applied', '生效'),
};

/** §1.1 (src 2, 4, 5), §3.1; seed 003. */
export const podIpReservationRow: ComparisonRow = {
  feature: both('Pod IP reservation', 'Pod IP 保留'),
  cells: {
    'terway-shared': both(
      'Keeps the IP for 5 minutes, only with ipamType legacy; skipped under centralized IPAM (crd, the default)',
      '保留 IP 5 分钟，仅在 ipamType 为 legacy 时生效；集中式 IPAM（crd，默认）下会被跳过',
    ),
    'terway-exclusive': notApplied,
    flannel: both('Not supported: no static or reserved pod IPs', '不支持：没有固定或保留的 Pod IP'),
  },
  honoured: both('applied', '生效'),
};

/** §1.1 (src 9, 10), §2.1, §3.1. */
export const multiNicRow: ComparisonRow = {
  feature: both('Extra pod networks (multi-NIC)', '额外的 Pod 网络（多网卡）'),
  cells: {
    'terway-shared': both('Only with ENI trunking: the extra interfaces are trunk member ENIs', '仅在开启 ENI Trunk 时支持：额外网卡为 Trunk 成员 ENI'),
    'terway-exclusive': both('Supported: exclusive ENIs (also the eniOnly node pools of mixed mode)', '支持：使用独占 ENI（混合模式下的 eniOnly 节点池同样支持）'),
    flannel: both('Not supported: one Flannel interface per pod', '不支持：每个 Pod 只有一个 Flannel 网卡'),
  },
  honoured: both('supported', '支持'),
};

/** §1.2. */
export const systemAnnotationRow: ComparisonRow = {
  feature: both('System annotation', '系统注解'),
  cells: {
    terway: both('Written by Terway or its webhook; a hand-written value is overwritten or misleads IP allocation', '由 Terway 或其 Webhook 写入；手写的值会被覆盖或干扰 IP 分配'),
    flannel: both('Ignored', '被忽略'),
  },
  honoured: both('fine', '没有问题'),
};

/** §1.1 (src 15); seed 000. */
export const eniAnnotationRow: ComparisonRow = {
  feature: both('Per-pod ENI annotation', 'Pod 独占 ENI 注解'),
  cells: {
    terway: both(
      'Read only by the legacy VPC mode of Terway up to v1.10 (eni in v1.0.x, ENI in v1.1.0–v1.10.0); ignored since v1.11',
      '仅 Terway v1.10 及以前的传统 VPC 模式读取（v1.0.x 为 eni，v1.1.0–v1.10.0 为 ENI）；v1.11 起被忽略',
    ),
    flannel: both('Ignored', '被忽略'),
  },
  honoured: both('fine', '没有问题'),
};

/** §1.1 (src 15, 16), §3.1 (src 28). */
export const eipRow: ComparisonRow = {
  feature: both('Pod EIP', 'Pod EIP'),
  cells: {
    terway: both('Deprecated in Terway (old versions only); moved to ACK Extend Network Controller', 'Terway 中已废弃（仅旧版本支持）；已迁移到 ACK Extend Network Controller'),
    flannel: both('Not supported: a pod cannot get its own EIP', '不支持：Pod 无法绑定自己的 EIP'),
  },
  honoured: both('fine', '没有问题'),
};

/** §1.2 (src 19), §7; seed 003 (session persistence). */
export const backendTypeRow: ComparisonRow = {
  feature: both('Load balancer backends', '负载均衡后端'),
  cells: {
    terway: both(
      'eni: pods are the backends, attached directly (sessions survive pod changes); ecs: the nodes',
      'eni：Pod 直接作为后端挂载（后端 Pod 变化时会话保持）；ecs：以节点作为后端',
    ),
    flannel: both(
      'ecs only: traffic goes through NodePort on the nodes and is interrupted when pods change; eni is impossible',
      '仅支持 ecs：流量经节点的 NodePort 转发，Pod 变化时流量会中断；无法使用 eni',
    ),
  },
  honoured: both('supported', '支持'),
};

/** §2.1, §2.4, §3.1; seed 003. */
export const dualStackRow: ComparisonRow = {
  feature: both('IPv4/IPv6 dual stack', 'IPv4/IPv6 双栈'),
  cells: {
    terway: both(
      'Only in clusters created with dual stack (ipStack: dual); it cannot be switched on later',
      '仅限创建时开启了双栈的集群（ipStack: dual）；创建后无法再开启',
    ),
    flannel: both('Not supported', '不支持'),
  },
  honoured: both('supported', '支持'),
};
