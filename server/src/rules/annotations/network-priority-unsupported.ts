import { both, type Localized } from '../../l10n';
import type { Fix, Severity } from '../../engine/finding';
import type { PodTemplate } from '../../k8s/podTemplates';
import { profileValueFix } from '../../profile/edit';
import type { Profile } from '../../profile/types';
import { podAnnotationsWithKeys, usesPodNetworks } from '../support/pods';
import { networkPriorityKey } from '../support/annotations';
import type { Rule } from '../types';

interface Verdict {
  message: Localized;
  severity?: Severity;
  fix?: Fix;
}

/** Why the cluster gives this pod no egress priority, or undefined when Terway applies it. */
function verdict(profile: Profile, template: PodTemplate): Verdict | undefined {
  if (profile.cni === 'flannel') {
    return {
      message: both(
        `Flannel ignores ${networkPriorityKey}: only Terway sets an egress priority for pods.`,
        `Flannel 会忽略 ${networkPriorityKey}：只有 Terway 能为 Pod 设置出方向网络优先级。`,
      ),
    };
  }
  // Terway Edge: the fact sheet says nothing about priority there, so no verdict.
  if (profile.cni !== 'terway') return undefined;
  const { eniMode, datapath, networkPriority } = profile.terway;
  if (usesPodNetworks(template)) {
    return {
      message: both(
        `This pod asks for extra networks (pod-networks annotations), so it runs on trunk member or exclusive ENIs, where Terway applies no ${networkPriorityKey}.`,
        `该 Pod 申请了额外网络（pod-networks 注解），会使用 Trunk 成员 ENI 或独占 ENI，Terway 在这类网卡上不会应用 ${networkPriorityKey}。`,
      ),
    };
  }
  if (eniMode === 'exclusive') {
    return {
      message: both(
        `Terway in exclusive ENI mode ignores ${networkPriorityKey}: egress priority works only on shared ENIs.`,
        `独占 ENI 模式的 Terway 会忽略 ${networkPriorityKey}：出方向优先级只在共享 ENI 上生效。`,
      ),
    };
  }
  if (datapath === 'datapathv2') {
    return {
      message: both(
        `Terway with DataPath V2 ignores ${networkPriorityKey}: egress priority works only with the veth (policy routing) or IPvlan datapath.`,
        `使用 DataPath V2 的 Terway 会忽略 ${networkPriorityKey}：出方向优先级只在 veth（策略路由）或 IPvlan 数据面下生效。`,
      ),
    };
  }
  if (!networkPriority) {
    return {
      message: both(
        `Network priority is switched off in this Terway cluster (terway.networkPriority: false): ${networkPriorityKey} is ignored.`,
        `该 Terway 集群未开启网络优先级（terway.networkPriority: false）：${networkPriorityKey} 不会生效。`,
      ),
      fix: profileValueFix(
        profile,
        'terway',
        'networkPriority',
        'true',
        both(
          'Record network priority as on in .ack-cni.yaml (set enable_network_priority in 10-terway.conf too)',
          '在 .ack-cni.yaml 中记录已开启网络优先级（同时需在 10-terway.conf 中设置 enable_network_priority）',
        ),
      ),
    };
  }
  if (eniMode === 'mixed') {
    return {
      severity: 'info',
      message: both(
        `Pods on exclusive-ENI node pools (eniOnly) get no ${networkPriorityKey}: Terway applies it only on shared ENIs.`,
        `调度到独占 ENI 节点池（eniOnly）上的 Pod 不会应用 ${networkPriorityKey}：Terway 只在共享 ENI 上设置优先级。`,
      ),
    };
  }
  return undefined;
}

export const networkPriorityUnsupported: Rule = {
  id: 'network-priority-unsupported',
  title: both('Network priority is not applied by this CNI', '当前 CNI 不应用网络优先级'),
  scope: 'manifest',
  defaultSeverity: 'warning',
  appliesTo: both(
    'Flannel; Terway with DataPath V2, in exclusive ENI mode (and the exclusive-ENI node pools of mixed mode), for pods on trunk member ENIs, or with network priority switched off.',
    'Flannel；使用 DataPath V2、独占 ENI 模式（以及混合模式下的独占 ENI 节点池）、使用 Trunk 成员 ENI 的 Pod，或未开启网络优先级的 Terway。',
  ),
  needsProfile: true,
  remediation: both(
    'Run the pod on shared ENIs of a Terway cluster with the veth or IPvlan datapath and enable_network_priority switched on, or drop the annotation.',
    '请在开启了 enable_network_priority、使用 veth 或 IPvlan 数据面的 Terway 集群中以共享 ENI 运行该 Pod，或删除该注解。',
  ),
  fixable: true,
  docs: {
    en: {
      what: 'A pod annotation `k8s.aliyun.com/network-priority` in a cluster that will not apply it. Terway sets egress priority only for pods on shared ENIs with the veth (policy routing) or IPvlan datapath, and only when `enable_network_priority` is switched on in `10-terway.conf`. DataPath V2, exclusive ENIs and trunk member ENIs (pods with pod-networks annotations) get no priority, and Flannel has no such feature.',
      why: 'The annotation is accepted and stays on the pod, so it looks as if latency-critical traffic is protected, while in fact all pods on the node share the same queue. The problem only shows up under congestion, which is when the priority was needed.',
      fix: 'On a Terway shared-ENI cluster with the veth or IPvlan datapath, set `"enable_network_priority": true` in `10-terway.conf` of `kube-system/eni-config` and record it in `.ack-cni.yaml` as `terway.networkPriority: true` (the quick fix writes that line). Note that switching it on replaces the default qdisc of the ENIs. In other modes the priority cannot be applied: remove the annotation, or separate the traffic with dedicated node pools or bandwidth limits.',
    },
    zh: {
      what: '集群不会应用的 Pod 注解 `k8s.aliyun.com/network-priority`。Terway 只为使用共享 ENI、数据面为 veth（策略路由）或 IPvlan 的 Pod 设置出方向优先级，并且需要在 `10-terway.conf` 中开启 `enable_network_priority`。DataPath V2、独占 ENI 以及 Trunk 成员 ENI（带 pod-networks 注解的 Pod）都不支持优先级，Flannel 也没有这项功能。',
      why: '该注解会被接受并保留在 Pod 上，看起来延迟敏感的流量受到了保护，实际上节点上的所有 Pod 仍共用同一个队列。问题只会在网络拥塞时暴露，而那正是需要优先级的时候。',
      fix: '在数据面为 veth 或 IPvlan 的共享 ENI 模式 Terway 集群中，在 `kube-system/eni-config` 的 `10-terway.conf` 里设置 `"enable_network_priority": true`，并在 `.ack-cni.yaml` 中记录 `terway.networkPriority: true`（快速修复会写入这一行）。注意开启后会替换 ENI 默认的队列规则（qdisc）。其他模式下无法应用优先级：请删除该注解，或通过独立节点池、带宽限制来隔离流量。',
    },
    example: {
      profile: 'cni: terway\nterway:\n  datapath: datapathv2\n',
      bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  selector:\n    matchLabels: {app: api}\n  template:\n    metadata:\n      labels: {app: api}\n      annotations:\n        k8s.aliyun.com/network-priority: guaranteed\n    spec:\n      containers:\n      - name: api\n        image: nginx\n',
      good: '# .ack-cni.yaml of a cluster that applies it:\ncni: terway\nterway:\n  eniMode: shared\n  datapath: veth\n  networkPriority: true\n',
    },
    facts: ['1.1', '2.1', '2.2'],
    sources: ['src-3', 'src-4', 'src-10', 'src-11'],
  },
  checkObject(_object, { profile, podTemplates, report }) {
    if (!profile) return;
    for (const { template, entry } of podAnnotationsWithKeys(podTemplates, [networkPriorityKey])) {
      const found = verdict(profile, template);
      if (!found) continue;
      const [start, end] = entry.keyNode.range!;
      report({ start, end, ...found });
    }
  },
};
