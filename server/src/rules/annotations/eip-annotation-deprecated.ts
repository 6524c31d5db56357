import { both, type Localized } from '../../l10n';
import type { Severity } from '../../engine/finding';
import { podAnnotationMap } from '../../k8s/metadata';
import type { PodTemplate } from '../../k8s/podTemplates';
import type { Profile } from '../../profile/types';
import { podAnnotationsWithKeys } from '../support/pods';
import { eciEipKeys, eipKeys } from '../support/keys';
import type { Rule } from '../types';

/*
 * ECI pods (virtual nodes) get their EIP from ECI, not from the cluster's CNI, and the fact sheet
 * says nothing about ECI's EIP: a pod carrying one of ECI's switches is left alone, together with
 * the `eip-*` parameters it shares with Terway's keys.
 */
function isEciEipPod(template: PodTemplate): boolean {
  const annotations = podAnnotationMap(template);
  return eciEipKeys.some((key) => annotations.has(key));
}

interface Verdict {
  message: Localized;
  severity?: Severity;
}

function verdict(profile: Profile | undefined, key: string): Verdict | undefined {
  if (profile?.cni === 'flannel') {
    return {
      severity: 'error',
      message: both(
        `Flannel cannot bind an EIP to a pod: ${key} does nothing in this cluster.`,
        `Flannel 不支持为 Pod 绑定 EIP：${key} 在该集群中不起作用。`,
      ),
    };
  }
  // Terway Edge: the fact sheet says nothing about pod EIPs there, so no verdict.
  if (profile?.cni === 'terway-edge') return undefined;
  return {
    message: both(
      `Terway's pod EIP support (${key}) is deprecated and has moved to ACK Extend Network Controller: do not rely on Terway to bind this EIP.`,
      `Terway 的 Pod EIP 功能（${key}）已废弃，并已迁移到 ACK Extend Network Controller：不要再依赖 Terway 为 Pod 绑定 EIP。`,
    ),
  };
}

export const eipAnnotationDeprecated: Rule = {
  id: 'eip-annotation-deprecated',
  title: both('Pod EIP annotation is deprecated or unsupported', 'Pod EIP 注解已废弃或不受支持'),
  scope: 'manifest',
  defaultSeverity: 'warning',
  appliesTo: both(
    'Flannel (pod EIPs unsupported, error); Terway and clusters without a profile (EIP support moved out of Terway). ECI pods (eci-* EIP annotations) are not checked.',
    'Flannel（不支持 Pod EIP，报错）；Terway 以及未设置配置文件的集群（EIP 功能已从 Terway 移出）。ECI Pod（eci-* EIP 注解）不检查。',
  ),
  needsProfile: false,
  remediation: both(
    'Bind pod EIPs with ACK Extend Network Controller on a Terway cluster, or expose the workload through a LoadBalancer Service instead.',
    '请在 Terway 集群中通过 ACK Extend Network Controller 为 Pod 绑定 EIP，或改用 LoadBalancer 类型的 Service 对外暴露该负载。',
  ),
  fixable: false,
  docs: {
    en: {
      what: 'Pod annotations that ask Terway for an elastic IP: `k8s.aliyun.com/pod-with-eip`, `pod-eip-instanceid` and the parameters `eip-bandwidth`, `eip-charge-type`, `eip-internet-charge-type`, `eip-isp`, `eip-common-bandwidth-package-id`, `eip-public-ip-address-pool-id`. Terway\'s EIP feature is deprecated and no longer maintained; it moved to ACK Extend Network Controller. ACK\'s Flannel cannot bind an EIP to a pod at all. Pods that use ECI\'s own `eci-with-eip` / `eci-eip-instanceid` run on virtual nodes and are left alone.',
      why: 'On Flannel the annotations are accepted and silently ignored, so the pod is not reachable on the public address the manifest promises. On Terway the feature still exists in old versions but is frozen: new clusters should not depend on it, and migrating later means moving every EIP to the controller.',
      fix: 'On Terway, install ACK Extend Network Controller with its EIP feature and bind pod EIPs through it (Terway documents a migration that hands existing EIPs over). On Flannel, expose the workload with a LoadBalancer Service, or give it outbound internet access through a NAT gateway.',
    },
    zh: {
      what: '向 Terway 申请弹性公网 IP 的 Pod 注解：`k8s.aliyun.com/pod-with-eip`、`pod-eip-instanceid`，以及参数 `eip-bandwidth`、`eip-charge-type`、`eip-internet-charge-type`、`eip-isp`、`eip-common-bandwidth-package-id`、`eip-public-ip-address-pool-id`。Terway 的 EIP 功能已废弃、不再维护，已迁移到 ACK Extend Network Controller。ACK 的 Flannel 完全不支持为 Pod 绑定 EIP。使用 ECI 自有注解 `eci-with-eip` / `eci-eip-instanceid` 的 Pod 运行在虚拟节点上，不在检查范围内。',
      why: '在 Flannel 集群中，这些注解会被接受但被悄悄忽略，Pod 并不能通过清单所承诺的公网地址访问。在 Terway 中，旧版本仍保留该功能，但已冻结：新集群不应再依赖它，否则日后还需把所有 EIP 迁移到新的控制器。',
      fix: '在 Terway 集群中，安装 ACK Extend Network Controller 并开启其 EIP 功能，通过它为 Pod 绑定 EIP（Terway 文档提供了将现有 EIP 迁移过去的步骤）。在 Flannel 集群中，请使用 LoadBalancer 类型的 Service 暴露该负载，或通过 NAT 网关提供公网出口。',
    },
    example: {
      profile: 'cni: flannel\n',
      bad: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: edge-proxy\n  labels:\n    app: edge-proxy\n  annotations:\n    k8s.aliyun.com/pod-with-eip: "true"\n    k8s.aliyun.com/eip-bandwidth: "10"\nspec:\n  containers:\n  - name: proxy\n    image: nginx\n',
      good: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: edge-proxy\nspec:\n  type: LoadBalancer\n  selector:\n    app: edge-proxy\n  ports:\n  - port: 80\n',
    },
    facts: ['1.1', '3.1'],
    sources: ['src-15', 'src-16', 'src-28', 'seed-003'],
  },
  checkObject(_object, { profile, podTemplates, report }) {
    for (const { template, entry } of podAnnotationsWithKeys(podTemplates, eipKeys)) {
      if (isEciEipPod(template)) continue;
      const found = verdict(profile, entry.key);
      if (!found) continue;
      const [start, end] = entry.keyNode.range!;
      report({ start, end, ...found });
    }
  },
};
