/**
 * Comparison rows for the fields of cluster configurations (hover in CreateCluster bodies,
 * Terraform, eni-config, kube-flannel-cfg and the profile's `cluster:` section). Same shape and
 * rules as comparison.ts, with one difference: cni-facts.md §4 does speak of Terway Edge's pod
 * network, pod addresses and pods per node on ENS, so those rows have a Terway Edge cell. Node
 * quotas and datapaths have none (the facts say nothing about them on Terway Edge).
 */
import { both, groupedNumber } from '../l10n';
import { nodeQuotas } from '../rules/cluster/node-quota';
import type { ComparisonRow } from './comparison';


/** §2.1, §3.1, §4, §7; seeds 002, 003. What the CNI choice decides. */
export const podNetworkRow: ComparisonRow = {
  feature: both('Pod network', 'Pod 网络'),
  cells: {
    terway: both(
      'Pods take VPC addresses from ENIs on the pod vSwitches: NetworkPolicy (shared ENI), dual stack, static pod IPs and pods as load balancer backends',
      'Pod 通过 Pod 交换机上的 ENI 获得 VPC 地址：支持 NetworkPolicy（共享 ENI）、双栈、固定 Pod IP，Pod 可直接作为负载均衡后端',
    ),
    flannel: both(
      'Pods take addresses from a pod CIDR apart from the VPC, one VPC route entry per node: no NetworkPolicy, no dual stack, no static pod IPs',
      'Pod 从独立于 VPC 的 Pod 网段获得地址，每个节点一条 VPC 路由：不支持 NetworkPolicy、双栈和固定 Pod IP',
    ),
    'terway-edge': both(
      'Terway in the cloud node pools, Flannel in route mode at the edge; underlay: pod IPs are reachable directly',
      '云上节点池使用 Terway，边缘侧使用路由模式的 Flannel；Underlay 网络：Pod IP 可直接访问',
    ),
  },
  honoured: both('no problem found', '未发现问题'),
};

/** §3.1, §3.2, §4, §7 (src 22, 23b, 27, 28); seed 003. Where pod addresses come from. */
export const podAddressRow: ComparisonRow = {
  feature: both('Pod addresses', 'Pod 地址'),
  cells: {
    terway: both(
      'From the VPC, through the pod vSwitches: plan a large VPC; add pod vSwitches (in the node’s zone, /25 or larger) to grow',
      '来自 VPC，经由 Pod 交换机分配：需要规划足够大的 VPC；可增加 Pod 交换机扩容（与节点同可用区，/25 或更大）',
    ),
    flannel: both(
      'From the pod CIDR, apart from the VPC, split evenly per node by the node CIDR mask; fixed at creation, cannot be expanded',
      '来自独立于 VPC 的 Pod 网段，按节点掩码平均分给每个节点；创建时确定，无法扩容',
    ),
    'terway-edge': both(
      'In the cloud: scalable, or the VPC CIDR itself; at the edge: fixed at creation, and must not overlap other CIDRs',
      '云上：可扩容，也可直接使用 VPC 网段；边缘侧：创建时确定，且不能与其他网段重叠',
    ),
  },
  honoured: both('no problem found', '未发现问题'),
};

/** §2.1, §3.1, §3.2, §4 (src 21, 23, 30, 33). */
export const podsPerNodeRow: ComparisonRow = {
  feature: both('Pods per node', '单节点 Pod 数'),
  cells: {
    'terway-shared': both(
      '(ENIs − 1) × private IPs per ENI, by instance type; a node needs more than 11 to join',
      '(ENI 数 − 1) × 单 ENI 私网 IP 数，由实例规格决定；节点需超过 11 个才能加入集群',
    ),
    'terway-exclusive': both('ENIs − 1, by instance type; a node needs more than 6 ENIs', 'ENI 数 − 1，由实例规格决定；节点需要超过 6 块 ENI'),
    flannel: both(
      '2^(32 − node CIDR mask) pod addresses, by the node CIDR mask (24 to 28), whatever the instance type',
      '2^(32 − 节点掩码) 个 Pod 地址，由节点掩码（24 到 28）决定，与实例规格无关',
    ),
    'terway-edge': both('On ENS nodes: (ENIs − 1) × 25 (at most 25 private IPs per ENI)', 'ENS 节点：(ENI 数 − 1) × 25（单 ENI 最多 25 个私网 IP）'),
  },
  honoured: both('no problem found', '未发现问题'),
};

/** §3.1, §7; seed 003 (the numbers are node-quota's). */
export const nodeQuotaRow: ComparisonRow = {
  feature: both('Nodes on ACK Pro', 'ACK Pro 版节点数'),
  cells: {
    terway: both(
      `${groupedNumber(nodeQuotas.pro.terway.default)} by default, up to ${groupedNumber(nodeQuotas.pro.terway.max)}`,
      `默认 ${groupedNumber(nodeQuotas.pro.terway.default)} 个，最多 ${groupedNumber(nodeQuotas.pro.terway.max)} 个`,
    ),
    flannel: both(
      `${groupedNumber(nodeQuotas.pro.flannel.default)} by default, up to ${groupedNumber(nodeQuotas.pro.flannel.max)} (one VPC route entry per node), and no more than the pod CIDR holds`,
      `默认 ${groupedNumber(nodeQuotas.pro.flannel.default)} 个，最多 ${groupedNumber(nodeQuotas.pro.flannel.max)} 个（每个节点占一条 VPC 路由），且不超过 Pod 网段的容量`,
    ),
  },
  honoured: both('within the quota', '未超出配额'),
};

/** §2.1, §2.3, §3.1 (src 6, 11, 15, 29). */
export const datapathRow: ComparisonRow = {
  feature: both('Datapath', '数据路径'),
  cells: {
    'terway-shared': both(
      'veth policy routing (default); DataPath V2 (eBPF, Cilium) from Terway v1.8.0; legacy IPvlan. eBPF needs kernel 4.19 or later (5.10 from Terway v1.14.0)',
      'veth 策略路由（默认）；DataPath V2（eBPF，Cilium），Terway v1.8.0 起提供；旧版 IPvlan。eBPF 需要 4.19 及以上内核（Terway v1.14.0 起需要 5.10）',
    ),
    'terway-exclusive': both('No eBPF acceleration: each pod gets an ENI of its own', '没有 eBPF 加速：每个 Pod 独占一块 ENI'),
    flannel: both('No choice: pod traffic between nodes follows VPC route entries', '无可选项：节点间的 Pod 流量经 VPC 路由转发'),
  },
  honoured: both('no problem found', '未发现问题'),
};
