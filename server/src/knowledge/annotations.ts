/**
 * The annotation catalogue: every key hover explains and completion may offer, where it is
 * read, what it does, its values, the comparison row and the rules that judge it. Facts from
 * cni-facts.md §1.1 and §1.2 (pod keys) and §1.2/§7 (backend-type); the wording is ours.
 */
import { both, type Localized } from '../l10n';
import { isGoTrue } from '../rules/support/annotations';
import { explainAliyunBandwidth, explainKubernetesBandwidth } from './bandwidthValues';
import {
  aliyunBandwidthRow,
  backendTypeRow,
  eipRow,
  eniAnnotationRow,
  kubernetesBandwidthRow,
  multiNicRow,
  networkPriorityRow,
  podIpReservationRow,
  systemAnnotationRow,
  type ComparisonRow,
} from './comparison';
import {
  aliyunBandwidthKeys,
  backendTypeKey,
  eciEipKeys,
  eipKeys,
  eniKeys,
  ignoreAnnotation,
  kubernetesBandwidthKeys,
  networkPriorityKey,
  podIpReservationKey,
  podNetworkingKey,
  podNetworksKey,
  podNetworksRequestKey,
  systemKeys,
} from './keys';

/** Who reads the key: the pod (so a pod template), the Service itself, or any object's own metadata. */
export type AnnotationPlace = 'pod' | 'service' | 'object';
export type AnnotationStatus = 'current' | 'deprecated' | 'obsolete' | 'system';

export interface ValueDoc {
  value: string;
  doc: Localized;
  /** True when the value means the same on every CNI, so completion offers it without a profile. */
  neutral: boolean;
}

export interface AnnotationKnowledge {
  key: string;
  place: AnnotationPlace;
  status: AnnotationStatus;
  /** Whether completion may offer the key at all (never deprecated, obsolete or system keys). */
  offered: boolean;
  /** True when the key means the same on every CNI, so completion offers it without a profile. */
  neutral: boolean;
  /** A few words: the completion item's detail. */
  title: Localized;
  /** What it does (Markdown). */
  doc: Localized;
  row?: ComparisonRow;
  /** The rules that judge this key or its value; the hover's verdict reads their findings. */
  rules: readonly string[];
  values?: readonly ValueDoc[];
  /** The rules that judge the value alone (not whether the key is supported): completion asks them about each value. */
  valueRules?: readonly string[];
  /** A value the rules accept: completion asks the engine about the key with it. */
  sample?: string;
  /** What a written value means, beyond the list of `values`. */
  explainValue?(value: string): Localized;
  /** Replaces the verdict line where no rule judges the key by design. */
  verdictNote?: Localized;
}

function bandwidthEntry(key: string, direction: 'ingress' | 'egress'): AnnotationKnowledge {
  const [en, zh] = direction === 'ingress' ? ['inbound', '入方向'] : ['outbound', '出方向'];
  return {
    key,
    place: 'pod',
    status: 'current',
    offered: true,
    neutral: true,
    title: both(`Pod ${en} bandwidth limit (bits/s)`, `Pod ${zh}带宽限制（bit/s）`),
    doc: both(
      `Limits the pod's ${en} traffic. The value is a Kubernetes quantity in **bits** per second (\`10M\` = 10 Mbit/s), accepted from 1k to 1P; the CNI's bandwidth support does the shaping.`,
      `限制 Pod 的${zh}流量。取值为以 **bit/s** 为单位的 Kubernetes 数量（\`10M\` 即 10 Mbit/s），有效范围 1k 到 1P；由 CNI 的带宽功能执行限速。`,
    ),
    row: kubernetesBandwidthRow,
    rules: ['bandwidth-unsupported', 'bandwidth-invalid'],
    sample: '10M',
    explainValue: explainKubernetesBandwidth,
  };
}

function aliyunBandwidthEntry(key: string, direction: 'ingress' | 'egress'): AnnotationKnowledge {
  const [en, zh] = direction === 'ingress' ? ['inbound', '入方向'] : ['outbound', '出方向'];
  const replacement = kubernetesBandwidthKeys[direction];
  return {
    key,
    place: 'pod',
    status: 'deprecated',
    offered: false,
    neutral: false,
    title: both(`Terway ${en} bandwidth limit (bytes/s, deprecated)`, `Terway ${zh}带宽限制（字节/秒，已废弃）`),
    doc: both(
      `Terway's old ${en} limit, deprecated in favour of \`${replacement}\`. The value counts **bytes** per second with a 1024-based unit (\`10M\` = 10 MiB/s = 80 Mibit/s), not bits. Only Terway reads it.`,
      `Terway 旧的${zh}限速注解，已废弃，请改用 \`${replacement}\`。取值按 **字节/秒** 计，单位为 1024 进制（\`10M\` 即 10 MiB/s = 80 Mibit/s），而不是 bit。只有 Terway 读取它。`,
    ),
    row: aliyunBandwidthRow,
    rules: ['aliyun-bandwidth-deprecated', 'aliyun-bandwidth-invalid'],
    explainValue: explainAliyunBandwidth,
  };
}

const eipSuffix = both(
  " Terway's pod EIP feature is deprecated and has moved to ACK Extend Network Controller; Flannel cannot bind an EIP to a pod.",
  'Terway 的 Pod EIP 功能已废弃，并已迁移到 ACK Extend Network Controller；Flannel 不支持为 Pod 绑定 EIP。',
);

const eipDocs: Record<(typeof eipKeys)[number], Localized> = {
  'k8s.aliyun.com/pod-with-eip': both('Asks for an EIP bound to the pod.', '为 Pod 申请并绑定一个 EIP。'),
  'k8s.aliyun.com/pod-eip-instanceid': both('Binds an existing EIP, by its instance ID, to the pod.', '按实例 ID 把已有的 EIP 绑定到 Pod。'),
  'k8s.aliyun.com/eip-bandwidth': both("Bandwidth of the pod's EIP, a whole number.", 'Pod EIP 的带宽，取整数。'),
  'k8s.aliyun.com/eip-charge-type': both("Billing method of the pod's EIP.", 'Pod EIP 的计费方式。'),
  'k8s.aliyun.com/eip-internet-charge-type': both("How the internet traffic of the pod's EIP is metered.", 'Pod EIP 公网流量的计量方式。'),
  'k8s.aliyun.com/eip-isp': both("Line type (ISP) of the pod's EIP.", 'Pod EIP 的线路类型（ISP）。'),
  'k8s.aliyun.com/eip-common-bandwidth-package-id': both("Internet Shared Bandwidth package the pod's EIP joins.", 'Pod EIP 加入的共享带宽包。'),
  'k8s.aliyun.com/eip-public-ip-address-pool-id': both("IP address pool the pod's EIP is taken from.", 'Pod EIP 所属的 IP 地址池。'),
};

function eipEntry(key: (typeof eipKeys)[number]): AnnotationKnowledge {
  const doc = eipDocs[key];
  return {
    key,
    place: 'pod',
    status: 'deprecated',
    offered: false,
    neutral: false,
    title: both('Pod EIP (deprecated in Terway)', 'Pod EIP（Terway 中已废弃）'),
    doc: both(doc.en + eipSuffix.en, doc.zh + eipSuffix.zh),
    row: eipRow,
    rules: ['eip-annotation-deprecated'],
  };
}

const eciDocs: Record<(typeof eciEipKeys)[number], Localized> = {
  'k8s.aliyun.com/eci-with-eip': both(
    'Asks Elastic Container Instance (ECI) for an EIP for a pod that runs on a virtual node.',
    '为运行在虚拟节点上的 Pod 向弹性容器实例（ECI）申请 EIP。',
  ),
  'k8s.aliyun.com/eci-eip-instanceid': both(
    'Binds an existing EIP, by its instance ID, to a pod that runs on ECI (a virtual node).',
    '按实例 ID 把已有的 EIP 绑定到运行在 ECI（虚拟节点）上的 Pod。',
  ),
};

function eciEntry(key: (typeof eciEipKeys)[number]): AnnotationKnowledge {
  return {
    key,
    place: 'pod',
    status: 'current',
    offered: false,
    neutral: false,
    title: both('ECI pod EIP', 'ECI Pod EIP'),
    doc: eciDocs[key],
    rules: [],
    verdictNote: both(
      "not checked — ECI pods get their EIP from ECI, not from the cluster's CNI, so this pod's EIP annotations are left alone.",
      '不检查 — ECI Pod 的 EIP 由 ECI 提供，与集群的 CNI 无关，因此不检查该 Pod 的 EIP 注解。',
    ),
  };
}

const systemDocs: Record<(typeof systemKeys)[number] | typeof podNetworkingKey, Localized> = {
  'k8s.aliyun.com/pod-eni': both(
    'Set to `"true"` by terway-controlplane\'s webhook on pods that get trunk member or exclusive ENIs.',
    '由 terway-controlplane 的 Webhook 在使用 Trunk 成员 ENI 或独占 ENI 的 Pod 上设置为 `"true"`。',
  ),
  'k8s.aliyun.com/pod-networking': both(
    "Name of the PodNetworking that matched the pod, written by terway-controlplane's webhook.",
    '与该 Pod 匹配的 PodNetworking 名称，由 terway-controlplane 的 Webhook 写入。',
  ),
  'k8s.aliyun.com/pod-ips': both("The pod's IP addresses, patched in by Terway (its Felix reads them).", 'Pod 的 IP 地址，由 Terway 写入（Terway 内置的 Felix 会读取）。'),
  'k8s.aliyun.com/allocated': both("Terway's own record of what it allocated to the pod.", 'Terway 为该 Pod 分配资源的内部记录。'),
  'k8s.aliyun.com/pod-uid': both("Terway's own record of the pod's UID.", 'Terway 记录的 Pod UID。'),
};

function systemEntry(key: keyof typeof systemDocs): AnnotationKnowledge {
  const isWebhook = key === podNetworkingKey;
  return {
    key,
    place: 'pod',
    status: 'system',
    offered: false,
    neutral: false,
    title: both('Written by Terway', '由 Terway 写入'),
    doc: systemDocs[key],
    row: systemAnnotationRow,
    // The webhook admits at most one of pod-networks, pod-networks-request and pod-networking.
    rules: isWebhook ? ['system-annotation', 'pod-networks-invalid'] : ['system-annotation'],
  };
}

export const annotationCatalogue: readonly AnnotationKnowledge[] = [
  bandwidthEntry(kubernetesBandwidthKeys.ingress, 'ingress'),
  bandwidthEntry(kubernetesBandwidthKeys.egress, 'egress'),
  aliyunBandwidthEntry(aliyunBandwidthKeys.ingress, 'ingress'),
  aliyunBandwidthEntry(aliyunBandwidthKeys.egress, 'egress'),
  {
    key: networkPriorityKey,
    place: 'pod',
    status: 'current',
    offered: true,
    neutral: false,
    title: both('Terway egress priority', 'Terway 出方向优先级'),
    doc: both(
      "Egress priority of the pod's traffic on its node: `guaranteed`, `burstable` or `best-effort` (tc priority bands 0, 1 and 2). Terway applies it on shared ENIs once `enable_network_priority` is on in `10-terway.conf`, which replaces the ENI's default qdisc.",
      'Pod 流量在节点上的出方向优先级：`guaranteed`、`burstable` 或 `best-effort`（对应 tc 优先级 band 0、1、2）。Terway 在 `10-terway.conf` 中开启 `enable_network_priority` 后对共享 ENI 生效，开启后会替换 ENI 默认的队列规则（qdisc）。',
    ),
    row: networkPriorityRow,
    rules: ['network-priority-invalid', 'network-priority-unsupported'],
    values: [
      { value: 'guaranteed', doc: both('Highest priority (band 0), for latency-critical traffic.', '最高优先级（band 0），适合延迟敏感的流量。'), neutral: true },
      { value: 'burstable', doc: both('Middle priority (band 1).', '中等优先级（band 1）。'), neutral: true },
      { value: 'best-effort', doc: both('Lowest priority (band 2), for bulk and background traffic.', '最低优先级（band 2），适合批量或后台流量。'), neutral: true },
    ],
    valueRules: ['network-priority-invalid'],
    sample: 'burstable',
  },
  {
    key: podIpReservationKey,
    place: 'pod',
    status: 'deprecated',
    offered: false,
    neutral: false,
    title: both('Keep the pod IP for 5 minutes (deprecated)', '保留 Pod IP 5 分钟（已废弃）'),
    doc: both(
      "Asks Terway to keep the pod's IP for 5 minutes so that the same pod gets it back (StatefulSet pods get this without asking). Deprecated, and skipped under centralized IPAM (`ipamType: crd`, the default). It is not a static IP: for that use a PodNetworking with `allocationType: Fixed`.",
      '让 Terway 为该 Pod 保留 IP 5 分钟，以便同一个 Pod 重建后继续使用（StatefulSet 的 Pod 无需设置即有此行为）。该注解已废弃，且在集中式 IPAM（`ipamType: crd`，默认）下会被跳过。它不是固定 IP：如需固定 IP，请使用 `allocationType: Fixed` 的 PodNetworking。',
    ),
    row: podIpReservationRow,
    rules: ['pod-ip-reservation-unsupported'],
    // Offered once the key is written: a bare `true` is a YAML boolean, which the API server rejects.
    values: [
      { value: 'true', doc: both('Keep the IP (where Terway applies it).', '保留 IP（在 Terway 支持的模式下）。'), neutral: true },
      { value: 'false', doc: both('Do not keep the IP.', '不保留 IP。'), neutral: true },
    ],
    explainValue: (value) =>
      isGoTrue(value)
        ? both(`\`${value}\` is true to Terway: it asks to keep the IP.`, `Terway 把 \`${value}\` 读作 true：要求保留 IP。`)
        : both(`\`${value}\` is not true to Terway (a Go boolean): it asks for nothing.`, `Terway（按 Go 布尔值解析）不把 \`${value}\` 视为 true：不请求保留。`),
  },
  {
    key: podNetworksRequestKey,
    place: 'pod',
    status: 'current',
    offered: true,
    neutral: false,
    title: both('Extra pod networks (multi-NIC)', '额外的 Pod 网络（多网卡）'),
    doc: both(
      'Asks terway-controlplane for extra interfaces: a JSON array of `{"interfaceName", "network", "defaultRoute"?, "routes"?}`, each `network` naming a PodNetworking with an empty selector. Interface names are 1–5 characters and unique. Needs trunk member or exclusive ENIs.',
      '向 terway-controlplane 申请额外网卡：取值为 `{"interfaceName", "network", "defaultRoute"?, "routes"?}` 组成的 JSON 数组，每个 `network` 指向一个 selector 为空的 PodNetworking。网卡名长度 1–5 个字符且不能重复。需要 Trunk 成员 ENI 或独占 ENI。',
    ),
    row: multiNicRow,
    rules: ['pod-networks-invalid', 'pod-networks-unsupported'],
    sample: '[{"interfaceName": "eth1", "network": "extra"}]',
  },
  {
    key: podNetworksKey,
    place: 'pod',
    status: 'current',
    // Normally the webhook writes it from a PodNetworking; pod-networks-request is the key to write.
    offered: false,
    neutral: false,
    title: both('Pod networks in full (usually written by the webhook)', '完整的 Pod 网络配置（通常由 Webhook 写入）'),
    doc: both(
      'The pod\'s networks in full (`{"podNetworks": [...]}`: interface, vSwitches, security groups, ENI type, allocation). terway-controlplane\'s webhook normally writes it from a PodNetworking; a hand-written value is validated the same way. A pod may carry only one of pod-networks, pod-networks-request and pod-networking.',
      'Pod 网络的完整配置（`{"podNetworks": [...]}`：网卡、交换机、安全组、ENI 类型、分配方式）。通常由 terway-controlplane 的 Webhook 根据 PodNetworking 写入；手写的值会按同样的规则校验。一个 Pod 只能带有 pod-networks、pod-networks-request、pod-networking 中的一个。',
    ),
    row: multiNicRow,
    rules: ['pod-networks-invalid', 'pod-networks-unsupported'],
  },
  systemEntry(podNetworkingKey),
  ...systemKeys.map(systemEntry),
  ...eniKeys.map(
    (key): AnnotationKnowledge => ({
      key,
      place: 'pod',
      status: 'obsolete',
      offered: false,
      neutral: false,
      title: both('Per-pod ENI (obsolete)', 'Pod 独占 ENI（已过时）'),
      doc: both(
        "Asked old Terway for a dedicated ENI per pod, in the legacy VPC mode only (`eni` in v1.0.x, `ENI` from v1.1.0 to v1.10.0; keys are case-sensitive). Current Terway ignores both. For a pod with its own ENI, use an exclusive-ENI node pool or a PodNetworking with `eniType: ENI`.",
        '旧版 Terway 在传统 VPC 模式下为每个 Pod 分配独立 ENI 的注解（v1.0.x 为 `eni`，v1.1.0 到 v1.10.0 为 `ENI`；键区分大小写）。当前版本的 Terway 两者都会忽略。如需为 Pod 分配独立 ENI，请使用独占 ENI 节点池或 `eniType: ENI` 的 PodNetworking。',
      ),
      row: eniAnnotationRow,
      rules: ['eni-annotation-obsolete'],
    }),
  ),
  ...eipKeys.map(eipEntry),
  ...eciEipKeys.map(eciEntry),
  {
    key: backendTypeKey,
    place: 'service',
    status: 'current',
    offered: true,
    neutral: true,
    title: both('Load balancer backends: pods (eni) or nodes (ecs)', '负载均衡后端：Pod（eni）或节点（ecs）'),
    doc: both(
      "Tells Alibaba Cloud's cloud-controller-manager what to attach to the Service's load balancer: `eni` attaches the pods' ENIs directly, `ecs` the nodes, with traffic reaching pods through NodePort.",
      '告诉阿里云 cloud-controller-manager 把什么挂到该 Service 的负载均衡上：`eni` 直接挂载 Pod 的 ENI，`ecs` 挂载节点，流量经 NodePort 转发到 Pod。',
    ),
    row: backendTypeRow,
    rules: ['eni-backend-unsupported'],
    values: [
      {
        value: 'eni',
        doc: both(
          "The pods' ENIs are the backends: traffic goes straight to the pods and sessions survive pod changes. Terway only (cloud-controller-manager v1.9.3.164-g2105d2e-aliyun or later).",
          'Pod 的 ENI 直接作为后端：流量直达 Pod，后端 Pod 变化时会话保持。仅适用于 Terway（需 cloud-controller-manager v1.9.3.164-g2105d2e-aliyun 及以上）。',
        ),
        neutral: false,
      },
      {
        value: 'ecs',
        doc: both('The nodes are the backends; traffic reaches the pods through NodePort.', '以节点作为后端，流量经 NodePort 转发到 Pod。'),
        neutral: true,
      },
    ],
    valueRules: ['eni-backend-unsupported'],
    sample: 'ecs',
  },
  {
    key: ignoreAnnotation,
    place: 'object',
    status: 'current',
    offered: true,
    neutral: true,
    title: both('Silence ack-cni-lint rules for this object', '对该对象关闭 ack-cni-lint 规则'),
    doc: both(
      "Silences ack-cni-lint rules for the whole object: a comma-separated list of rule ids, or an empty value for every rule. Only the object's own `metadata.annotations` count, not a pod template's; unlike a suppression comment it survives reformatting.",
      '对整个对象关闭 ack-cni-lint 规则：取值为逗号分隔的规则 ID 列表，留空表示关闭所有规则。只有对象自身的 `metadata.annotations` 有效，Pod 模板中的无效；与抑制注释不同，它在重新格式化后依然有效。',
    ),
    rules: [],
  },
];

export const annotationsByKey: ReadonlyMap<string, AnnotationKnowledge> = new Map(annotationCatalogue.map((entry) => [entry.key, entry]));

export const statusLabels: Record<AnnotationStatus, Localized | undefined> = {
  current: undefined,
  deprecated: both('deprecated', '已废弃'),
  obsolete: both('obsolete', '已过时'),
  system: both('written by the system', '由系统写入'),
};

export const placeLabels: Record<AnnotationPlace, Localized> = {
  pod: both('pod annotation', 'Pod 注解'),
  service: both('Service annotation', 'Service 注解'),
  object: both('annotation of any object', '任意对象的注解'),
};
