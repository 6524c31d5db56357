import { both, type Localized } from '../l10n';

/** The shape of one key of `.ack-cni.yaml`: drives validation, defaults, hover and completion. */
export type FieldSpec =
  | { type: 'enum'; values: readonly string[]; doc: Localized }
  | { type: 'boolean'; doc: Localized }
  | { type: 'string'; doc: Localized }
  /** A dotted version; an unquoted `1.30` is read from its source text, not as the float 1.3. */
  | { type: 'version'; doc: Localized }
  /** An integer; numeric strings are accepted as ACK's API writes them (`"24"`). */
  | { type: 'integer'; min: number; max: number; doc: Localized }
  | { type: 'stringList'; doc: Localized }
  | { type: 'section'; fields: Record<string, FieldSpec>; doc: Localized }
  /** `rules:` — rule id to severity. */
  | { type: 'ruleMap'; doc: Localized };

export const ruleSeverityValues = ['off', 'hint', 'info', 'warning', 'error'] as const;

export const profileSchema: Record<string, FieldSpec> = {
  cni: {
    type: 'enum',
    values: ['terway', 'terway-edge', 'flannel'],
    doc: both(
      'The network plugin the ACK cluster was created with. It is fixed at creation and can never change.',
      'ACK 集群创建时选定的网络插件，创建后无法更改。',
    ),
  },
  from: {
    type: 'string',
    doc: both(
      'Path (relative to this file) of an ACK cluster configuration to take the CNI and cluster values from.',
      '从 ACK 集群配置文件（相对本文件的路径）读取 CNI 与集群参数。',
    ),
  },
  terway: {
    type: 'section',
    doc: both('How Terway runs in this cluster.', 'Terway 在该集群中的运行方式。'),
    fields: {
      eniMode: {
        type: 'enum',
        values: ['shared', 'exclusive', 'mixed'],
        doc: both(
          'shared: pods share ENIs (many pods per node); exclusive: one ENI per pod; mixed: exclusive only on node pools labelled eniOnly.',
          'shared：多个 Pod 共享 ENI；exclusive：每个 Pod 独占一块 ENI；mixed：仅打了 eniOnly 标签的节点池为独占模式。',
        ),
      },
      datapath: {
        type: 'enum',
        values: ['veth', 'ipvlan', 'datapathv2'],
        doc: both(
          'veth (policy routing, default), ipvlan (legacy IPvlan+eBPF) or datapathv2 (eBPF acceleration).',
          'veth（策略路由，默认）、ipvlan（旧版 IPvlan+eBPF）或 datapathv2（eBPF 加速）。',
        ),
      },
      networkPolicy: {
        type: 'boolean',
        doc: both('Whether NetworkPolicy enforcement is switched on (ACK default: off).', '是否启用 NetworkPolicy（ACK 默认关闭）。'),
      },
      trunking: {
        type: 'boolean',
        doc: both('ENI trunking (needed for PodNetworking eniType Trunk).', '是否启用 ENI Trunking（PodNetworking 使用 Trunk 类型时必需）。'),
      },
      ipStack: {
        type: 'enum',
        values: ['ipv4', 'dual'],
        doc: both('ipv4 or dual (IPv4/IPv6 dual stack).', 'ipv4 或 dual（IPv4/IPv6 双栈）。'),
      },
      ipamType: {
        type: 'enum',
        values: ['crd', 'legacy'],
        doc: both('crd (centralised IPAM, chart default) or legacy (daemon IPAM).', 'crd（中心化 IPAM，默认）或 legacy（节点侧 IPAM）。'),
      },
      networkPriority: {
        type: 'boolean',
        doc: both('enable_network_priority in 10-terway.conf.', '10-terway.conf 中的 enable_network_priority。'),
      },
      version: {
        type: 'version',
        doc: both('Terway version (e.g. "1.14.0"); gates version-dependent rules.', 'Terway 版本（如 "1.14.0"），用于与版本相关的规则。'),
      },
    },
  },
  flannel: {
    type: 'section',
    doc: both('How Flannel runs in this cluster.', 'Flannel 在该集群中的运行方式。'),
    fields: {
      bandwidth: {
        type: 'boolean',
        doc: both(
          'kubernetes.io/*-bandwidth enabled in ACK\'s Flannel configuration (off by default).',
          '是否已在 ACK Flannel 配置中开启 kubernetes.io/*-bandwidth 限速（默认关闭）。',
        ),
      },
    },
  },
  cluster: {
    type: 'section',
    doc: both('The cluster plan.', '集群规划。'),
    fields: {
      edition: { type: 'enum', values: ['pro', 'basic', 'edge'], doc: both('ACK edition.', 'ACK 集群版本。') },
      kubernetesVersion: { type: 'version', doc: both('Kubernetes version, e.g. "1.30".', 'Kubernetes 版本，如 "1.30"。') },
      nodes: { type: 'integer', min: 1, max: 100000, doc: both('Planned number of nodes.', '计划的节点数。') },
      os: { type: 'string', doc: both('Node operating system, e.g. alinux3.', '节点操作系统，如 alinux3。') },
      instanceTypes: { type: 'stringList', doc: both('ECS instance types of the nodes.', '节点的 ECS 实例规格。') },
      vpcCidr: { type: 'string', doc: both('VPC CIDR block.', 'VPC 网段。') },
      podCidr: { type: 'string', doc: both('Pod CIDR (Flannel).', 'Pod 网段（Flannel）。') },
      nodeCidrMask: { type: 'integer', min: 0, max: 32, doc: both('Per-node pod CIDR prefix length (Flannel).', '每个节点 Pod 网段的掩码长度（Flannel）。') },
      serviceCidr: { type: 'string', doc: both('Service CIDR.', 'Service 网段。') },
    },
  },
  rules: { type: 'ruleMap', doc: both('Severity per rule id: off, hint, info, warning or error.', '按规则 ID 设置级别：off、hint、info、warning 或 error。') },
  ignore: { type: 'stringList', doc: both('Globs (relative to this file) of files not to lint.', '不检查的文件（相对本文件的 glob）。') },
};
