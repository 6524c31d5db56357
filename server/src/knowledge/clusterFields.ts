/**
 * What hover says about each field of a cluster plan (server/src/cluster/plan.ts), whatever the
 * format it is written in: what the field is, format notes where a format writes it its own way,
 * the comparison rows behind it, and the cluster rules whose findings on it make the verdict.
 * Facts: cni-facts.md §2.1–§2.4, §3.1, §3.2, §4, §6, §7; the wording is ours.
 */
import { acceptedRanges, type CidrRole } from '../cluster/ackLimits';
import { both, type Localized } from '../l10n';
import type { ConfigFormat } from '../cluster/plan';
import { profileSchema, type FieldSpec } from '../profile/schema';
import {
  dualStackRow,
  kubernetesBandwidthRow,
  multiNicRow,
  networkPolicyRow,
  networkPriorityRow,
  podIpReservationRow,
  type ComparisonRow,
} from './comparison';
import { datapathRow, nodeQuotaRow, podAddressRow, podNetworkRow, podsPerNodeRow } from './clusterRows';
import { profileKeyKnowledge } from './profileKeys';

export type ClusterField =
  | 'cni'
  | 'eniMode'
  | 'datapath'
  | 'networkPolicy'
  | 'trunking'
  | 'ipStack'
  | 'ipamType'
  | 'networkPriority'
  | 'terwayVersion'
  | 'flannelBandwidth'
  | 'edition'
  | 'kubernetesVersion'
  | 'nodes'
  | 'os'
  | 'instanceType'
  | 'vpcCidr'
  | 'podCidr'
  | 'nodeCidrMask'
  | 'serviceCidr'
  | 'podVswitch';

export interface ClusterFieldKnowledge {
  /** The field as the hover's heading names it, whatever the format calls it. */
  label: Localized;
  doc: Localized;
  /** How particular formats write the field, where that needs saying. */
  formatNotes?: Partial<Record<ConfigFormat, Localized>>;
  rows: readonly ComparisonRow[];
  /** Cluster rules whose findings on this value (or on its key) make the verdict. */
  rules: readonly string[];
  /** Rules whose findings anywhere in the plan concern this value too (node capacity, reported on the mask, for the node count). */
  planRules?: readonly string[];
  /** More rule pages worth a link: rules elsewhere whose verdicts this value changes. */
  links?: readonly string[];
  /** The key of `.ack-cni.yaml` this field is read into ("Read as `terway.datapath: veth`"). */
  profileKey: string;
  /** The rules on this value run only when the plan names its CNI. */
  needsCni: boolean;
}

function schemaDoc(path: string): Localized {
  const [section, key] = path.split('.');
  const top = profileSchema[section];
  const spec: FieldSpec | undefined = key === undefined ? top : top?.type === 'section' ? top.fields[key] : undefined;
  if (!spec) throw new Error(`no profile key ${path}`);
  return spec.doc;
}

function notesOf(path: string): Localized {
  const notes = profileKeyKnowledge[path]?.notes;
  if (!notes) throw new Error(`no notes for ${path}`);
  return notes;
}

const addonFormats = (note: Localized): Partial<Record<ConfigFormat, Localized>> => ({ 'create-cluster': note, terraform: note });

export const clusterFieldKnowledge: Readonly<Record<ClusterField, ClusterFieldKnowledge>> = {
  cni: {
    label: both('CNI', 'CNI'),
    doc: both(
      'The network plugin, chosen when the cluster is created: it can never be changed afterwards.',
      '集群的网络插件，在创建集群时选定，之后无法更改。',
    ),
    formatNotes: {
      ...addonFormats(
        both(
          'It is the addon that installs it: `flannel`, or `terway-eniip` (Terway, shared ENI); older component lists also name `terway-eni`, `terway` and `kube-flannel-ds`.',
          '由安装它的组件决定：`flannel`，或 `terway-eniip`（Terway 共享 ENI）；较早的组件列表中还有 `terway-eni`、`terway` 和 `kube-flannel-ds`。',
        ),
      ),
      'eni-config': both('Only Terway reads this ConfigMap: a cluster that has it runs Terway.', '只有 Terway 读取该 ConfigMap：有它的集群运行的是 Terway。'),
      'flannel-config': both('Only Flannel reads this ConfigMap: a cluster that has it runs Flannel.', '只有 Flannel 读取该 ConfigMap：有它的集群运行的是 Flannel。'),
    },
    rows: [podNetworkRow],
    rules: [],
    links: ['cni-field-ignored'],
    profileKey: 'cni',
    needsCni: false,
  },
  eniMode: {
    label: both('Terway ENI mode', 'Terway ENI 模式'),
    doc: notesOf('terway.eniMode'),
    rows: [podsPerNodeRow],
    rules: [],
    planRules: ['terway-mode-conflict', 'pods-per-node'],
    links: ['pods-per-node', 'terway-mode-conflict'],
    profileKey: 'terway.eniMode',
    needsCni: true,
  },
  datapath: {
    label: both('Terway datapath', 'Terway 数据路径'),
    doc: notesOf('terway.datapath'),
    formatNotes: {
      ...addonFormats(
        both(
          'The addon config writes it as a string boolean: `"IPVlan": "true"` is the legacy IPvlan, `"false"` the default veth.',
          '组件配置中以字符串布尔值表示：`"IPVlan": "true"` 为旧版 IPvlan，`"false"` 为默认的 veth。',
        ),
      ),
      'eni-config': both(
        '`eniip_virtual_type` in `10-terway.conf`, case-insensitive: `Veth` or empty is veth, `IPVlan` the legacy IPvlan, `datapathv2` DataPath V2.',
        '`10-terway.conf` 中的 `eniip_virtual_type`，不区分大小写：`Veth` 或空为 veth，`IPVlan` 为旧版 IPvlan，`datapathv2` 为 DataPath V2。',
      ),
    },
    rows: [datapathRow],
    rules: ['terway-mode-conflict'],
    planRules: ['datapath-os-unsupported'],
    links: ['datapath-os-unsupported'],
    profileKey: 'terway.datapath',
    needsCni: true,
  },
  networkPolicy: {
    label: both('NetworkPolicy', 'NetworkPolicy'),
    doc: schemaDoc('terway.networkPolicy'),
    formatNotes: {
      ...addonFormats(
        both('The addon config writes it as a string boolean: `"NetworkPolicy": "true"` switches it on.', '组件配置中以字符串布尔值表示：`"NetworkPolicy": "true"` 表示开启。'),
      ),
      'eni-config': both(
        '`disable_network_policy` says the opposite: `"false"`, `"0"`, `""` or no key at all keep enforcement on; any other string switches it off.',
        '`disable_network_policy` 的含义相反：`"false"`、`"0"`、`""` 或不写该键时策略生效；其他任何字符串都会关闭它。',
      ),
    },
    rows: [networkPolicyRow],
    rules: ['terway-mode-conflict'],
    links: ['network-policy-unsupported'],
    profileKey: 'terway.networkPolicy',
    needsCni: true,
  },
  trunking: {
    label: both('ENI trunking', 'ENI Trunk'),
    doc: schemaDoc('terway.trunking'),
    formatNotes: {
      ...addonFormats(
        both(
          '`"ENITrunking": "true"` in the config of the `terway-eniip` or `terway-controlplane` addon.',
          '`terway-eniip` 或 `terway-controlplane` 组件配置中的 `"ENITrunking": "true"`。',
        ),
      ),
      'eni-config': both('`enable_eni_trunking` in `eni_conf`.', '`eni_conf` 中的 `enable_eni_trunking`。'),
    },
    rows: [multiNicRow],
    rules: [],
    links: ['pod-networks-unsupported', 'podnetworking-unsupported'],
    profileKey: 'terway.trunking',
    needsCni: true,
  },
  ipStack: {
    label: both('IP stack', 'IP 协议栈'),
    doc: both(
      '`ipv4` or `dual` (IPv4/IPv6 dual stack). Dual stack needs Terway, Kubernetes 1.22 or later, a dual-stack VPC and an IPv4 plus an IPv6 Service CIDR; it cannot be switched on after creation.',
      '`ipv4` 或 `dual`（IPv4/IPv6 双栈）。双栈需要 Terway、Kubernetes 1.22 及以上、双栈 VPC，以及一个 IPv4 加一个 IPv6 的 Service 网段；集群创建后无法再开启。',
    ),
    formatNotes: {
      'eni-config': both('`ip_stack` in `eni_conf`: `ipv4` (or empty) or `dual`.', '`eni_conf` 中的 `ip_stack`：`ipv4`（或空）或 `dual`。'),
      'flannel-config': both('`EnableIPv6` in `net-conf.json`.', '`net-conf.json` 中的 `EnableIPv6`。'),
    },
    rows: [dualStackRow],
    rules: ['dual-stack-config'],
    planRules: ['dual-stack-config'],
    links: ['dual-stack-unsupported'],
    profileKey: 'terway.ipStack',
    needsCni: false,
  },
  ipamType: {
    label: both('Terway IPAM', 'Terway IPAM'),
    doc: schemaDoc('terway.ipamType'),
    formatNotes: {
      'eni-config': both('`ipam_type` in `eni_conf`: `crd`, or empty for the daemon’s own IPAM.', '`eni_conf` 中的 `ipam_type`：`crd`，为空时使用节点侧 IPAM。'),
    },
    rows: [podIpReservationRow],
    rules: [],
    links: ['pod-ip-reservation-unsupported'],
    profileKey: 'terway.ipamType',
    needsCni: true,
  },
  networkPriority: {
    label: both('Network priority', '网络优先级'),
    doc: schemaDoc('terway.networkPriority'),
    rows: [networkPriorityRow],
    rules: [],
    links: ['network-priority-unsupported'],
    profileKey: 'terway.networkPriority',
    needsCni: true,
  },
  terwayVersion: {
    label: both('Terway version', 'Terway 版本'),
    doc: schemaDoc('terway.version'),
    rows: [],
    rules: [],
    links: profileKeyKnowledge['terway.version']?.rules ?? [],
    profileKey: 'terway.version',
    needsCni: true,
  },
  flannelBandwidth: {
    label: both('Flannel bandwidth limiting', 'Flannel 带宽限制'),
    doc: schemaDoc('flannel.bandwidth'),
    formatNotes: {
      'flannel-config': both('A `bandwidth` plugin in `cni-conf.json` switches it on.', '`cni-conf.json` 中的 `bandwidth` 插件表示已开启。'),
    },
    rows: [kubernetesBandwidthRow],
    rules: [],
    links: ['bandwidth-unsupported'],
    profileKey: 'flannel.bandwidth',
    needsCni: true,
  },
  edition: {
    label: both('ACK edition', 'ACK 集群版本'),
    doc: both(
      'ACK Pro (`ack.pro.small`), ACK Basic (`ack.standard`: at most 10 nodes, with either CNI) or ACK Edge (`profile: Edge`).',
      'ACK Pro 版（`ack.pro.small`）、ACK 基础版（`ack.standard`：最多 10 个节点，两种 CNI 相同）或 ACK Edge（`profile: Edge`）。',
    ),
    rows: [nodeQuotaRow],
    rules: [],
    planRules: ['node-quota'],
    links: ['node-quota'],
    profileKey: 'cluster.edition',
    needsCni: false,
  },
  kubernetesVersion: {
    label: both('Kubernetes version', 'Kubernetes 版本'),
    doc: both(
      'The Kubernetes version. Dual stack needs 1.22 or later on ACK; NetworkPolicy port ranges (`endPort`) are on by default from 1.22.',
      'Kubernetes 版本。ACK 的双栈需要 1.22 及以上；NetworkPolicy 端口范围（`endPort`）自 1.22 起默认开启。',
    ),
    rows: [],
    rules: [],
    links: ['dual-stack-config', 'network-policy-endport'],
    profileKey: 'cluster.kubernetesVersion',
    needsCni: false,
  },
  nodes: {
    label: both('Node count', '节点数'),
    doc: both(
      'The planned number of worker nodes: the counts of all node pools add up (a pool that scales counts with its maximum). ACK Basic holds at most 10 nodes with either CNI.',
      '计划的工作节点数：所有节点池的数量相加（弹性伸缩的节点池按最大值计）。ACK 基础版最多 10 个节点，两种 CNI 相同。',
    ),
    rows: [nodeQuotaRow],
    rules: ['node-quota'],
    planRules: ['flannel-node-capacity'],
    links: ['flannel-node-capacity'],
    profileKey: 'cluster.nodes',
    needsCni: true,
  },
  os: {
    label: both('Node OS', '节点操作系统'),
    doc: both(
      'The node OS image. Terway’s eBPF datapaths (IPvlan, DataPath V2) need Linux kernel 4.19 or later, 5.10 from Terway v1.14.0.',
      '节点的操作系统镜像。Terway 的 eBPF 数据路径（IPvlan、DataPath V2）需要 4.19 及以上的 Linux 内核，Terway v1.14.0 起需要 5.10。',
    ),
    rows: [datapathRow],
    rules: ['datapath-os-unsupported'],
    profileKey: 'cluster.os',
    needsCni: true,
  },
  instanceType: {
    label: both('ECS instance type', 'ECS 实例规格'),
    doc: both(
      'The instance type of the nodes. On Terway it sets how many pods a node can run: each pod takes a private IP of an ENI (shared ENI) or an ENI of its own (exclusive ENI), and the primary ENI serves the node itself.',
      '节点的实例规格。在 Terway 中它决定单节点可运行的 Pod 数：每个 Pod 占用 ENI 的一个私网 IP（共享 ENI）或独占一块 ENI（独占 ENI），主 ENI 留给节点自身。',
    ),
    rows: [],
    rules: ['pods-per-node'],
    profileKey: 'cluster.instanceTypes',
    needsCni: true,
  },
  vpcCidr: {
    label: both('VPC CIDR', 'VPC 网段'),
    doc: both(
      'The addresses of the nodes and, on Terway, of the pods too (through the pod vSwitches). It must not overlap the pod or Service CIDR.',
      '节点的地址范围；在 Terway 中 Pod 地址也来自这里（经由 Pod 交换机）。不能与 Pod 或 Service 网段重叠。',
    ),
    rows: [podAddressRow],
    rules: ['cidr-invalid', 'cidr-overlap'],
    profileKey: 'cluster.vpcCidr',
    needsCni: false,
  },
  podCidr: {
    label: both('Pod CIDR', 'Pod 网段'),
    doc: both(
      'Flannel gives pods addresses from this block, apart from the VPC: one block per node, of the size the node CIDR mask sets. It is fixed at creation; Terway does not read it.',
      'Flannel 从这个独立于 VPC 的网段为 Pod 分配地址：每个节点一块，大小由节点掩码决定。创建时确定；Terway 不读取它。',
    ),
    rows: [podAddressRow],
    rules: ['cidr-invalid', 'cidr-overlap', 'flannel-node-capacity', 'cni-field-ignored'],
    planRules: ['flannel-node-capacity'],
    profileKey: 'cluster.podCidr',
    needsCni: false,
  },
  nodeCidrMask: {
    label: both('Node CIDR mask', '节点 Pod 网段掩码'),
    doc: both(
      'The prefix length of the block each Flannel node takes from the pod CIDR. It is fixed at creation; Terway does not read it.',
      '每个 Flannel 节点从 Pod 网段中分得的网段的掩码长度。创建时确定；Terway 不读取它。',
    ),
    rows: [podsPerNodeRow],
    rules: ['flannel-node-capacity', 'cni-field-ignored'],
    profileKey: 'cluster.nodeCidrMask',
    needsCni: true,
  },
  serviceCidr: {
    label: both('Service CIDR', 'Service 网段'),
    doc: both(
      'ClusterIP addresses of Services, on every CNI. It must not overlap the VPC or pod CIDR and cannot change after creation; ACK’s default is 172.19.0.0/20.',
      'Service 的 ClusterIP 地址范围，所有 CNI 相同。不能与 VPC 或 Pod 网段重叠，创建后无法更改；ACK 默认为 172.19.0.0/20。',
    ),
    rows: [],
    rules: ['cidr-invalid', 'cidr-overlap', 'dual-stack-config'],
    profileKey: 'cluster.serviceCidr',
    needsCni: false,
  },
  podVswitch: {
    label: both('Pod vSwitch', 'Pod 交换机'),
    doc: both(
      'Terway gives pods VPC addresses from this vSwitch. It must be in the node’s zone and /25 or larger (/19 or larger is recommended); Flannel does not read it.',
      'Terway 从该交换机为 Pod 分配 VPC 地址。它必须与节点在同一可用区，且为 /25 或更大（建议 /19 或更大）；Flannel 不读取它。',
    ),
    rows: [podAddressRow],
    rules: ['cni-field-ignored'],
    profileKey: 'cluster.podVswitchIds',
    needsCni: true,
  },
};

/** The field a CNI-specific key stands for (plan.cniSpecificFields names them as written). */
export function fieldOfCniSpecific(name: string): ClusterField | undefined {
  const byName: Record<string, ClusterField> = {
    container_cidr: 'podCidr',
    pod_cidr: 'podCidr',
    'cluster.podCidr': 'podCidr',
    node_cidr_mask: 'nodeCidrMask',
    'cluster.nodeCidrMask': 'nodeCidrMask',
    pod_vswitch_ids: 'podVswitch',
    'terway.eniMode': 'eniMode',
    'terway.datapath': 'datapath',
    'terway.networkPolicy': 'networkPolicy',
    'terway.trunking': 'trunking',
    'terway.ipStack': 'ipStack',
    'terway.ipamType': 'ipamType',
    'terway.networkPriority': 'networkPriority',
    'terway.version': 'terwayVersion',
    'flannel.bandwidth': 'flannelBandwidth',
  };
  return byName[name];
}

/** Where a plan was read from, for the heading. */
export const formatLabels: Record<ConfigFormat, Localized> = {
  profile: both('`.ack-cni.yaml`', '`.ack-cni.yaml`'),
  'create-cluster': both('ACK CreateCluster request', 'ACK CreateCluster 请求'),
  terraform: both('Terraform', 'Terraform'),
  'eni-config': both('Terway `eni-config`', 'Terway `eni-config`'),
  'flannel-config': both('Flannel `kube-flannel-cfg`', 'Flannel `kube-flannel-cfg`'),
};

/** The blocks ACK accepts when it creates a cluster, as a sentence per role. */
export const acceptedCidrs: Record<CidrRole, Localized> = {
  vpc: both(`ACK accepts a VPC CIDR of ${acceptedRanges.vpc.en}.`, `ACK 接受的 VPC 网段：${acceptedRanges.vpc.zh}。`),
  pod: both(`ACK accepts a pod CIDR of ${acceptedRanges.pod.en}.`, `ACK 接受的 Pod 网段：${acceptedRanges.pod.zh}。`),
  service: both(
    `ACK accepts a Service CIDR that is ${acceptedRanges.service.en} (followed by an IPv6 block for dual stack).`,
    `ACK 接受的 Service 网段：${acceptedRanges.service.zh}（双栈时再加一个 IPv6 网段）。`,
  ),
};

export { defaultNodeCidrMasks } from '../cluster/ackLimits';

