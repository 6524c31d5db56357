/**
 * Fields of objects whose values hover and completion explain: a Service's IP families
 * (Kubernetes API; cni-facts.md §2.4, §3.1 for who has dual stack) and a PodNetworking's ENI
 * type (§1.3, §2.1).
 */
import { both, type Localized } from '../l10n';
import type { K8sObject } from '../k8s/objects';
import type { ValueDoc } from './annotations';
import { dualStackRow, podNetworkingRow, type ComparisonRow } from './comparison';
import { networkGroup, podNetworkingKind } from './keys';

export interface FieldKnowledge {
  /** The kind it belongs to, as shown in the hover's heading. */
  kind: string;
  matches(object: Pick<K8sObject, 'group' | 'kind'>): boolean;
  /** Keys from the object's root to the field. */
  path: readonly string[];
  /** True when the field is a list of values (`ipFamilies: [IPv4, IPv6]`). */
  list: boolean;
  doc: Localized;
  row: ComparisonRow;
  rules: readonly string[];
  values: readonly ValueDoc[];
}

const isService = (o: Pick<K8sObject, 'group' | 'kind'>) => o.group === '' && o.kind === 'Service';

export const ipFamilyPolicyField: FieldKnowledge = {
  kind: 'Service',
  matches: isService,
  path: ['spec', 'ipFamilyPolicy'],
  list: false,
  doc: both(
    'How many IP families the Service gets: `SingleStack` one, `PreferDualStack` two where the cluster is dual-stack and one otherwise, `RequireDualStack` two or the Service is rejected.',
    'Service 获得几个 IP 地址族：`SingleStack` 一个；`PreferDualStack` 在双栈集群中两个，否则一个；`RequireDualStack` 必须两个，否则 Service 会被拒绝。',
  ),
  row: dualStackRow,
  rules: ['dual-stack-unsupported'],
  values: [
    { value: 'SingleStack', doc: both("One IP family: the first of ipFamilies, else the cluster's primary one.", '一个地址族：ipFamilies 中的第一个，未设置时为集群的主地址族。'), neutral: true },
    { value: 'PreferDualStack', doc: both('Both families on a dual-stack cluster; quietly just one on a single-stack cluster.', '双栈集群中分配两个地址族；单栈集群中会静默地只分配一个。'), neutral: false },
    { value: 'RequireDualStack', doc: both('Both families; a single-stack cluster rejects the Service.', '必须分配两个地址族；单栈集群会拒绝该 Service。'), neutral: false },
  ],
};

export const ipFamiliesField: FieldKnowledge = {
  kind: 'Service',
  matches: isService,
  path: ['spec', 'ipFamilies'],
  list: true,
  doc: both('The IP families of the Service, primary first. IPv6 needs a dual-stack cluster.', 'Service 的 IP 地址族，主地址族在前。IPv6 需要双栈集群。'),
  row: dualStackRow,
  rules: ['dual-stack-unsupported'],
  values: [
    { value: 'IPv4', doc: both('The IPv4 family.', 'IPv4 地址族。'), neutral: true },
    { value: 'IPv6', doc: both('The IPv6 family: needs a dual-stack cluster.', 'IPv6 地址族：需要双栈集群。'), neutral: false },
  ],
};

export const eniTypeField: FieldKnowledge = {
  kind: podNetworkingKind,
  matches: (o) => o.group === networkGroup && o.kind === podNetworkingKind,
  path: ['spec', 'eniOptions', 'eniType'],
  list: false,
  doc: both(
    'Which ENIs the selected pods get: `Default` (the default), `ENI` (exclusive ENIs) or `Trunk` (trunk member ENIs).',
    '选中的 Pod 使用哪类 ENI：`Default`（默认）、`ENI`（独占 ENI）或 `Trunk`（Trunk 成员 ENI）。',
  ),
  row: podNetworkingRow,
  rules: ['podnetworking-unsupported', 'podnetworking-invalid'],
  values: [
    { value: 'Default', doc: both("The cluster's default ENI type.", '集群默认的 ENI 类型。'), neutral: true },
    { value: 'ENI', doc: both('Exclusive ENIs: the pods need exclusive-ENI node pools (exclusive or mixed mode).', '独占 ENI：Pod 需要独占 ENI 节点池（独占或混合模式）。'), neutral: false },
    { value: 'Trunk', doc: both('Trunk member ENIs: the cluster needs ENI trunking.', 'Trunk 成员 ENI：集群需要开启 ENI Trunk。'), neutral: false },
  ],
};

export const fieldCatalogue: readonly FieldKnowledge[] = [ipFamilyPolicyField, ipFamiliesField, eniTypeField];
