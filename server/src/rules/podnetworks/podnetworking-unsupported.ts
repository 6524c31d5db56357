import type { Scalar } from 'yaml';
import { both } from '../../l10n';
import type { Report } from '../../engine/finding';
import type { K8sObject } from '../../k8s/objects';
import type { Profile } from '../../profile/types';
import { asScalar, entry, mapAt } from '../../yaml/nodes';
import { networkGroup, podNetworkingKind, systemOwnedKinds } from '../support/podNetworking';
import type { Rule } from '../types';

function spanOf(node: Scalar): Pick<Report, 'start' | 'end'> {
  return { start: node.range![0], end: node.range![1] };
}

function eniTypeNode(object: K8sObject): Scalar | null {
  return asScalar(entry(mapAt(object.node, object.doc, 'spec', 'eniOptions'), 'eniType')?.valueNode, object.doc);
}

/** PodNetworking needs Terway; Trunk needs trunking, ENI needs exclusive-ENI node pools [§1.3, §2.1]. */
function checkPodNetworking(object: K8sObject, profile: Profile, report: (r: Report) => void): void {
  if (profile.cni === 'flannel') {
    report({
      ...spanOf(object.kindNode),
      message: both(
        'Flannel clusters have no PodNetworking CRD: the API server rejects this object.',
        'Flannel 集群中没有 PodNetworking 这个 CRD：API Server 会拒绝该对象。',
      ),
    });
    return;
  }
  if (profile.cni !== 'terway') return;
  const eniType = eniTypeNode(object);
  if (!eniType) return;
  if (eniType.value === 'Trunk' && !profile.terway.trunking) {
    report({
      ...spanOf(eniType),
      message: both(
        'ENI trunking is off in this Terway cluster (terway.trunking: false): pods that use this PodNetworking cannot get a trunk member ENI.',
        '该 Terway 集群未开启 ENI Trunk（terway.trunking: false）：使用此 PodNetworking 的 Pod 无法获得 Trunk 成员网卡。',
      ),
    });
  } else if (eniType.value === 'ENI' && profile.terway.eniMode === 'shared') {
    report({
      ...spanOf(eniType),
      message: both(
        'This Terway cluster has no exclusive-ENI node pools (terway.eniMode: shared): pods that use this PodNetworking have no node that can give them an exclusive ENI.',
        '该 Terway 集群没有独占 ENI 节点池（terway.eniMode: shared）：使用此 PodNetworking 的 Pod 找不到能分配独占 ENI 的节点。',
      ),
    });
  }
}

function reportSystemOwned(object: K8sObject, profile: Profile, report: (r: Report) => void): void {
  const kind = object.kind;
  report({
    ...spanOf(object.kindNode),
    severity: 'warning',
    message:
      profile.cni === 'flannel'
        ? both(
            `${kind} belongs to Terway, and Flannel clusters do not have the network.alibabacloud.com CRDs: the API server rejects this object.`,
            `${kind} 属于 Terway，Flannel 集群中没有 network.alibabacloud.com 的 CRD：API Server 会拒绝该对象。`,
          )
        : both(
            `${kind} objects are created and owned by Terway's controllers: users may create only PodNetworking in network.alibabacloud.com.`,
            `${kind} 对象由 Terway 的控制器创建和维护：在 network.alibabacloud.com 中，用户只能创建 PodNetworking。`,
          ),
  });
}

export const podNetworkingUnsupported: Rule = {
  id: 'podnetworking-unsupported',
  title: both('PodNetworking the cluster cannot honour', '集群无法支持的 PodNetworking'),
  scope: 'manifest',
  defaultSeverity: 'error',
  appliesTo: both(
    'Flannel (no PodNetworking CRD); Terway with eniType Trunk while trunking is off, or eniType ENI in shared ENI mode; system-owned kinds of network.alibabacloud.com on any CNI.',
    'Flannel（没有 PodNetworking CRD）；未开启 Trunk 却使用 eniType Trunk，或共享 ENI 模式下使用 eniType ENI 的 Terway；任何 CNI 上由系统维护的 network.alibabacloud.com 资源类型。',
  ),
  needsProfile: true,
  remediation: both(
    'Create PodNetworking only on Terway, pick an eniType the cluster provides (Trunk needs ENI trunking, ENI needs exclusive-ENI node pools), and leave the other network.alibabacloud.com kinds to Terway.',
    '只在 Terway 集群中创建 PodNetworking，并选择集群具备的 eniType（Trunk 需要开启 ENI Trunk，ENI 需要独占 ENI 节点池）；network.alibabacloud.com 下的其他资源类型交给 Terway 自行维护。',
  ),
  fixable: false,
  docs: {
    en: {
      what: 'A `network.alibabacloud.com/v1beta1` PodNetworking (a pod network plane: vSwitches, security groups, ENI type, IP allocation) that the cluster cannot serve: on Flannel the CRD does not exist; on Terway, `eniOptions.eniType: Trunk` needs ENI trunking and `eniType: ENI` needs exclusive-ENI node pools. PodENI, NetworkInterface, Node and NodeRuntime objects of the same group are flagged as a warning, because Terway\'s controllers own them.',
      why: 'On Flannel, `kubectl apply` fails with "no matches for kind PodNetworking". On a Terway cluster that lacks the ENI type, the PodNetworking is accepted but the pods it selects wait for trunk member ENIs or exclusive-ENI nodes that do not exist. Hand-written PodENI or Node objects compete with what Terway records about real ENIs and can break IP allocation.',
      fix: 'Switch ENI trunking on (`enable_eni_trunking: true` in `eni-config`, then `terway.trunking: true` in `.ack-cni.yaml`) before using `Trunk`; add exclusive-ENI node pools (label `k8s.aliyun.com/exclusive-mode-eni-type: eniOnly` at node pool creation, `terway.eniMode: mixed`) before using `ENI`; or use `eniType: Default`. Delete hand-written objects of the other kinds.',
    },
    zh: {
      what: '集群无法支持的 `network.alibabacloud.com/v1beta1` PodNetworking（Pod 网络平面：交换机、安全组、ENI 类型、IP 分配方式）：Flannel 集群中没有这个 CRD；在 Terway 中，`eniOptions.eniType: Trunk` 需要开启 ENI Trunk，`eniType: ENI` 需要独占 ENI 节点池。同一 API 组中的 PodENI、NetworkInterface、Node、NodeRuntime 由 Terway 的控制器维护，手写这些对象会给出警告。',
      why: '在 Flannel 集群中执行 `kubectl apply` 会报错 "no matches for kind PodNetworking"。在缺少对应 ENI 类型的 Terway 集群中，PodNetworking 能被创建，但被它选中的 Pod 会一直等待并不存在的 Trunk 成员网卡或独占 ENI 节点。手写的 PodENI、Node 等对象会与 Terway 记录的真实 ENI 信息冲突，可能破坏 IP 分配。',
      fix: '使用 `Trunk` 之前先开启 ENI Trunk（在 `eni-config` 中设置 `enable_eni_trunking: true`，并在 `.ack-cni.yaml` 中记录 `terway.trunking: true`）；使用 `ENI` 之前先添加独占 ENI 节点池（创建节点池时打上 `k8s.aliyun.com/exclusive-mode-eni-type: eniOnly` 标签，`terway.eniMode: mixed`）；或者改用 `eniType: Default`。手写的其他类型对象请删除。',
    },
    example: {
      profile: 'cni: terway\nterway:\n  eniMode: shared\n',
      bad: 'apiVersion: network.alibabacloud.com/v1beta1\nkind: PodNetworking\nmetadata:\n  name: trunk-net\nspec:\n  eniOptions:\n    eniType: Trunk\n  selector:\n    podSelector:\n      matchLabels: {net: trunk}\n',
      good: '# .ack-cni.yaml of a cluster with ENI trunking on:\ncni: terway\nterway:\n  eniMode: shared\n  trunking: true\n',
    },
    facts: ['1.2', '1.3', '2.1', '3.1'],
    sources: ['src-8', 'src-10', 'src-11', 'src-23', 'src-32', 'seed-003'],
  },
  checkObject(object, { profile, report }) {
    if (!profile || object.group !== networkGroup) return;
    if (object.kind === podNetworkingKind) checkPodNetworking(object, profile, report);
    else if (systemOwnedKinds.includes(object.kind)) reportSystemOwned(object, profile, report);
  },
};
