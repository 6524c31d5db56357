import { both, type Localized } from '../../l10n';
import type { Profile } from '../../profile/types';
import { podNetworksKeys, podAnnotationsWithKeys } from '../support/pods';
import type { Rule } from '../types';

/** Why the cluster cannot attach the extra interfaces, or undefined when it can. */
function unsupportedReason(profile: Profile, key: string): Localized | undefined {
  if (profile.cni === 'flannel') {
    return both(
      `Flannel has no multi-NIC support: ${key} is ignored and the pod gets only its Flannel interface.`,
      `Flannel 不支持多网卡：${key} 会被忽略，Pod 只有 Flannel 分配的一个网卡。`,
    );
  }
  if (profile.cni === 'terway' && profile.terway.eniMode === 'shared' && !profile.terway.trunking) {
    return both(
      `Terway in shared ENI mode without trunking (terway.trunking: false) has neither trunk member ENIs nor exclusive ENIs: the networks that ${key} asks for cannot be attached.`,
      `未开启 Trunk 的共享 ENI 模式 Terway（terway.trunking: false）既没有 Trunk 成员网卡，也没有独占 ENI：${key} 请求的网络无法挂载。`,
    );
  }
  return undefined;
}

export const podNetworksUnsupported: Rule = {
  id: 'pod-networks-unsupported',
  title: both('Multi-NIC annotation on a cluster without multi-NIC support', '集群不支持多网卡注解'),
  scope: 'manifest',
  defaultSeverity: 'error',
  appliesTo: both(
    'Flannel; Terway in shared ENI mode with ENI trunking off. Multi-NIC works on Terway with trunking or with exclusive-ENI node pools (exclusive or mixed mode).',
    'Flannel；关闭了 ENI Trunk 的共享 ENI 模式 Terway。多网卡只在开启 Trunk 或带独占 ENI 节点池（独占或混合模式）的 Terway 上可用。',
  ),
  needsProfile: true,
  remediation: both(
    'Run the pod on Terway with ENI trunking or exclusive-ENI node pools, or drop the multi-NIC annotation.',
    '请把 Pod 部署到开启了 ENI Trunk 或带独占 ENI 节点池的 Terway 集群，或者删除该多网卡注解。',
  ),
  fixable: false,
  docs: {
    en: {
      what: 'The pod annotations `k8s.aliyun.com/pod-networks-request` and `k8s.aliyun.com/pod-networks` ask Terway for extra network interfaces, each with its own vSwitch and security groups. Terway attaches them only as trunk member ENIs (ENI trunking on) or exclusive ENIs (exclusive-ENI node pools). The rule flags them on Flannel and on Terway in shared ENI mode with trunking off.',
      why: 'Flannel has a single overlay interface per pod and never reads these annotations, so the pod starts without the networks it was written for and traffic meant for them goes nowhere. A shared-ENI Terway cluster without trunking has no member or exclusive ENIs to hand out, so the extra networks cannot be attached either.',
      fix: 'On Terway, switch ENI trunking on (ACK console or `enable_eni_trunking: true` in `eni-config`, recorded as `terway.trunking: true` in `.ack-cni.yaml`) or add exclusive-ENI node pools (`eniMode: mixed`). On Flannel, the CNI cannot change after creation: run the workload in a Terway cluster or remove the annotation.',
    },
    zh: {
      what: 'Pod 注解 `k8s.aliyun.com/pod-networks-request` 和 `k8s.aliyun.com/pod-networks` 用于向 Terway 申请额外的网卡，每个网卡可以使用独立的交换机和安全组。Terway 只能以 Trunk 成员网卡（开启 ENI Trunk）或独占 ENI（独占 ENI 节点池）的形式挂载这些网卡。本规则在 Flannel 以及关闭了 Trunk 的共享 ENI 模式 Terway 上报告这两个注解。',
      why: 'Flannel 每个 Pod 只有一个 overlay 网卡，也不会读取这些注解：Pod 启动后缺少预期的网络，发往这些网络的流量无处可去。未开启 Trunk 的共享 ENI 模式 Terway 没有可分配的成员网卡或独占 ENI，额外的网络同样无法挂载。',
      fix: '在 Terway 集群中开启 ENI Trunk（控制台，或在 `eni-config` 中设置 `enable_eni_trunking: true`，并在 `.ack-cni.yaml` 中记录 `terway.trunking: true`），或者添加独占 ENI 节点池（`eniMode: mixed`）。Flannel 集群创建后无法更换 CNI：请把负载迁移到 Terway 集群，或删除该注解。',
    },
    example: {
      profile: 'cni: flannel\n',
      bad: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: multi-nic\n  annotations:\n    k8s.aliyun.com/pod-networks-request: \'[{"interfaceName": "eth1", "network": "data"}]\'\nspec:\n  containers:\n  - name: app\n    image: nginx\n',
      good: '# .ack-cni.yaml of a cluster that can attach extra interfaces:\ncni: terway\nterway:\n  eniMode: shared\n  trunking: true\n',
    },
    facts: ['1.1', '2.1', '3.1'],
    sources: ['src-9', 'src-10', 'src-11', 'src-28', 'src-32', 'seed-003'],
  },
  checkObject(_object, { profile, podTemplates, report }) {
    if (!profile) return;
    for (const { entry } of podAnnotationsWithKeys(podTemplates, podNetworksKeys)) {
      const message = unsupportedReason(profile, entry.key);
      if (message) report({ start: entry.keyNode.range![0], end: entry.keyNode.range![1], message });
    }
  },
};
