/**
 * The kinds whose `kind:` value hover explains: Kubernetes NetworkPolicy, Calico's policy
 * resources, Terway's PodNetworking and the network.alibabacloud.com kinds Terway owns
 * (cni-facts.md §1.3, §2.3, §5).
 */
import { both, type Localized } from '../l10n';
import type { K8sObject } from '../k8s/objects';
import { calicoPolicyRow, networkPolicyRow, podNetworkingRow, type ComparisonRow } from './comparison';
import { calicoApiVersions, calicoPolicyKinds, networkGroup, podNetworkingKind, systemOwnedKinds } from './keys';

export interface KindKnowledge {
  matches(object: Pick<K8sObject, 'apiVersion' | 'group' | 'kind'>): boolean;
  doc: Localized;
  row?: ComparisonRow;
  /** Rules that judge the object; their findings anywhere in it make the verdict. */
  rules: readonly string[];
}

export const kindCatalogue: readonly KindKnowledge[] = [
  {
    matches: (o) => o.group === 'networking.k8s.io' && o.kind === 'NetworkPolicy',
    doc: both(
      "Kubernetes' pod firewall: it selects pods and lists the traffic allowed to and from them. The API server stores it on any cluster; only a policy engine in the CNI makes it isolate anything.",
      'Kubernetes 的 Pod 防火墙：选中一组 Pod，并列出允许进出它们的流量。任何集群的 API Server 都会保存它，但只有 CNI 中的策略引擎才会真正执行隔离。',
    ),
    row: networkPolicyRow,
    rules: ['network-policy-unsupported', 'network-policy-endport'],
  },
  {
    matches: (o) => (calicoApiVersions as readonly string[]).includes(o.apiVersion) && (calicoPolicyKinds as readonly string[]).includes(o.kind),
    doc: both(
      "A Calico policy resource. `crd.projectcalico.org/v1` is the CRD that Calico's Felix reads; on ACK, Terway installs these CRDs for its own use and users are not meant to manage them. `projectcalico.org/v3` is served only by the Calico API server.",
      'Calico 的策略资源。`crd.projectcalico.org/v1` 是 Calico Felix 读取的 CRD；在 ACK 上这些 CRD 由 Terway 自行安装使用，用户不应自行维护。`projectcalico.org/v3` 只由 Calico API Server 提供。',
    ),
    row: calicoPolicyRow,
    rules: ['calico-policy-unsupported'],
  },
  {
    matches: (o) => o.group === networkGroup && o.kind === podNetworkingKind,
    doc: both(
      "Terway's network settings for a set of pods (podSelector / namespaceSelector): vSwitches, security groups, ENI type (`Default`, `ENI`, `Trunk`) and IP allocation (`Elastic` or `Fixed`). Cluster-scoped; terway-controlplane applies it.",
      'Terway 为一组 Pod（podSelector / namespaceSelector）指定的网络配置：交换机、安全组、ENI 类型（`Default`、`ENI`、`Trunk`）和 IP 分配方式（`Elastic` 或 `Fixed`）。集群级资源，由 terway-controlplane 执行。',
    ),
    row: podNetworkingRow,
    rules: ['podnetworking-unsupported', 'podnetworking-invalid'],
  },
  {
    matches: (o) => o.group === networkGroup && systemOwnedKinds.includes(o.kind),
    doc: both(
      "A Terway-owned resource: Terway's controllers create and update it. In network.alibabacloud.com users create only PodNetworking.",
      '由 Terway 维护的资源：由 Terway 的控制器创建和更新。在 network.alibabacloud.com 中，用户只能创建 PodNetworking。',
    ),
    rules: ['podnetworking-unsupported'],
  },
];

export function kindKnowledge(object: Pick<K8sObject, 'apiVersion' | 'group' | 'kind'>): KindKnowledge | undefined {
  return kindCatalogue.find((entry) => entry.matches(object));
}
