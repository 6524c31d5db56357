import { both, type Localized } from '../../l10n';
import type { Severity } from '../../engine/finding';
import type { PodTemplate } from '../../k8s/podTemplates';
import type { Profile } from '../../profile/types';
import { podAnnotationsWithKeys } from '../support/pods';
import { annotationText, isGoTrue } from '../support/annotations';
import { podIpReservationKey } from '../support/keys';
import type { Rule } from '../types';

const reservationKey = podIpReservationKey;

interface Verdict {
  message: Localized;
  severity?: Severity;
}

/** Where a real static IP comes from: terway-controlplane gives Fixed IPs only to pods that keep their name. */
function staticIpAdvice(template: PodTemplate): Localized {
  return template.fixedName
    ? both('for a static IP, use a PodNetworking with allocationType Fixed.', '如需固定 IP，请使用 allocationType 为 Fixed 的 PodNetworking。')
    : both(
        'static IPs (PodNetworking with allocationType Fixed) are given only to StatefulSet pods and bare Pods.',
        '固定 IP（allocationType 为 Fixed 的 PodNetworking）只分配给 StatefulSet 的 Pod 和独立 Pod。',
      );
}

/** Why the cluster does not keep this pod's IP, or undefined when Terway does. */
function verdict(profile: Profile, template: PodTemplate): Verdict | undefined {
  if (profile.cni === 'flannel') {
    return {
      message: both(
        `Flannel has no static or reserved pod IPs: ${reservationKey} does nothing, and a recreated pod gets a new IP.`,
        `Flannel 不支持固定或保留 Pod IP：${reservationKey} 不起作用，Pod 重建后会获得新的 IP。`,
      ),
    };
  }
  // Terway Edge: the fact sheet says nothing about IP reservation there, so no verdict.
  if (profile.cni !== 'terway') return undefined;
  const advice = staticIpAdvice(template);
  if (profile.terway.eniMode === 'exclusive') {
    return {
      message: both(
        `Terway in exclusive ENI mode does not apply ${reservationKey} (it works only on shared ENIs): ${advice.en}`,
        `独占 ENI 模式的 Terway 不会应用 ${reservationKey}（它只在共享 ENI 上生效）：${advice.zh}`,
      ),
    };
  }
  if (profile.terway.ipamType === 'crd') {
    return {
      message: both(
        `Terway skips ${reservationKey} under centralized IPAM (ipamType: crd, the default), so it keeps no IP: ${advice.en}`,
        `在集中式 IPAM（ipamType: crd，默认值）下 Terway 会跳过 ${reservationKey}，不会保留 IP：${advice.zh}`,
      ),
    };
  }
  if (profile.terway.eniMode === 'mixed') {
    return {
      severity: 'info',
      message: both(
        `Pods on exclusive-ENI node pools (eniOnly) keep no IP: Terway applies ${reservationKey} only on shared ENIs.`,
        `调度到独占 ENI 节点池（eniOnly）上的 Pod 不会保留 IP：Terway 只在共享 ENI 上应用 ${reservationKey}。`,
      ),
    };
  }
  return undefined;
}

export const podIpReservationUnsupported: Rule = {
  id: 'pod-ip-reservation-unsupported',
  title: both('Pod IP reservation is not applied by this CNI', '当前 CNI 不支持保留 Pod IP'),
  scope: 'manifest',
  defaultSeverity: 'warning',
  appliesTo: both(
    'Flannel; Terway with centralized IPAM (ipamType: crd, the default); Terway exclusive ENI (and the exclusive-ENI node pools of mixed mode).',
    'Flannel；使用集中式 IPAM（ipamType: crd，默认）的 Terway；独占 ENI 模式的 Terway（以及混合模式下的独占 ENI 节点池）。',
  ),
  needsProfile: true,
  remediation: both(
    'For a pod IP that survives restarts, give a StatefulSet or bare Pod a PodNetworking with allocationType Fixed on Terway, and drop this annotation.',
    '如需 Pod 重建后 IP 不变，请在 Terway 集群中为 StatefulSet 或独立 Pod 配置 allocationType 为 Fixed 的 PodNetworking，并删除该注解。',
  ),
  fixable: false,
  docs: {
    en: {
      what: 'A pod annotation `k8s.aliyun.com/pod-ip-reservation` set to true in a cluster where it does nothing. Terway reads it only on shared ENIs and only when its IPAM is not centralized: with `ipam_type: crd` — the default of current Terway — the reservation is skipped. Exclusive ENIs do not apply it, and Flannel has no static or reserved pod IPs at all. A false value asks for nothing and is not reported.',
      why: 'Even where it works the annotation only keeps the IP for five minutes for reuse by the same pod — it was never a static IP, and Terway has marked it deprecated. Teams that rely on it for allow-lists or DNS records find out when a pod comes back with another address.',
      fix: 'For a pod IP that really stays, use Terway\'s PodNetworking with `allocationType: {type: Fixed}` (and a release strategy); terway-controlplane gives Fixed IPs only to StatefulSet pods and bare Pods. Then remove the annotation. On Flannel, address the workload through a Service instead of its pod IP.',
    },
    zh: {
      what: '在不起作用的集群中，值为 true 的 Pod 注解 `k8s.aliyun.com/pod-ip-reservation`。Terway 只在共享 ENI 且未使用集中式 IPAM 时读取它：当 `ipam_type` 为 `crd`（当前 Terway 的默认值）时会直接跳过。独占 ENI 不支持该注解，Flannel 则完全没有固定或保留 Pod IP 的能力。值为 false 时表示不需要保留，不会报告。',
      why: '即使在支持的模式下，该注解也只是让同一个 Pod 在 5 分钟内复用原来的 IP，从来不是固定 IP，而且 Terway 已将其标记为废弃。依赖它配置白名单或 DNS 记录的团队，往往在 Pod 换了地址之后才发现问题。',
      fix: '如需真正固定的 Pod IP，请使用 Terway 的 PodNetworking 并设置 `allocationType: {type: Fixed}`（以及释放策略）；terway-controlplane 只为 StatefulSet 的 Pod 和独立 Pod 分配固定 IP。然后删除该注解。在 Flannel 集群中，请通过 Service 而不是 Pod IP 访问该负载。',
    },
    example: {
      profile: 'cni: terway\n',
      bad: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db\n  selector:\n    matchLabels: {app: db}\n  template:\n    metadata:\n      labels: {app: db}\n      annotations:\n        k8s.aliyun.com/pod-ip-reservation: "true"\n    spec:\n      containers:\n      - name: db\n        image: mysql\n',
      good: 'apiVersion: network.alibabacloud.com/v1beta1\nkind: PodNetworking\nmetadata:\n  name: fixed-ip\nspec:\n  allocationType:\n    type: Fixed\n    releaseStrategy: TTL\n    releaseAfter: 10m\n  selector:\n    podSelector:\n      matchLabels: {app: db}\n',
    },
    facts: ['1.1', '1.3', '1.4', '2.1', '3.1'],
    sources: ['src-2', 'src-4', 'src-5', 'src-9', 'src-10', 'src-28', 'seed-003'],
  },
  checkObject(_object, { profile, doc, podTemplates, report }) {
    if (!profile) return;
    for (const { template, entry } of podAnnotationsWithKeys(podTemplates, [reservationKey])) {
      // A false (or unparsable) value asks Terway for nothing.
      if (!isGoTrue(annotationText(entry.valueNode, doc))) continue;
      const found = verdict(profile, template);
      if (!found) continue;
      const [start, end] = entry.keyNode.range!;
      report({ start, end, ...found });
    }
  },
};
