import { both, type Localized } from '../../l10n';
import type { Profile } from '../../profile/types';
import { podAnnotationsWithKeys } from '../support/pods';
import { removeAnnotationFix } from '../support/annotations';
import { daemonWrittenKeys, webhookWrittenKeys } from '../support/keys';
import { podNetworkingKey } from '../support/podNetworking';
import type { Rule } from '../types';

const webhook = both("terway-controlplane's webhook", 'terway-controlplane 的 Webhook');
const daemon = both('Terway', 'Terway');

/** Pod annotations the system writes, with who writes them. */
const systemKeys: ReadonlyMap<string, Localized> = new Map([
  ...[...webhookWrittenKeys, podNetworkingKey].map((key) => [key, webhook] as const),
  ...daemonWrittenKeys.map((key) => [key, daemon] as const),
]);

function message(profile: Profile | undefined, key: string): Localized {
  if (profile?.cni === 'flannel') {
    return both(
      `Flannel ignores ${key}: it is a system annotation that Terway writes, and it has no effect here.`,
      `Flannel 会忽略 ${key}：这是由 Terway 写入的系统注解，在此不起作用。`,
    );
  }
  const writer = systemKeys.get(key)!;
  return both(
    `${key} is managed by ${writer.en}, not written by hand: a hand-written value is overwritten or misleads Terway's IP allocation.`,
    `${key} 由 ${writer.zh} 维护，不应手动填写：手写的值会被覆盖，或干扰 Terway 的 IP 分配。`,
  );
}

export const systemAnnotation: Rule = {
  id: 'system-annotation',
  title: both('Hand-written system annotation', '手动填写的系统注解'),
  scope: 'manifest',
  defaultSeverity: 'warning',
  appliesTo: both(
    'Every CNI: Terway writes these pod annotations itself; Flannel ignores them.',
    '所有 CNI：这些 Pod 注解由 Terway 自行写入；Flannel 会忽略它们。',
  ),
  needsProfile: false,
  remediation: both('Remove the annotation from the manifest and let Terway manage it.', '请从清单中删除该注解，交由 Terway 维护。'),
  fixable: true,
  docs: {
    en: {
      what: 'Pod annotations that Terway writes itself, found in a manifest: `k8s.aliyun.com/pod-eni` and `k8s.aliyun.com/pod-networking` (set by the terway-controlplane webhook when a pod gets trunk or exclusive ENIs or matches a PodNetworking), `k8s.aliyun.com/pod-ips` (patched with the pod\'s IPs, which the policy agent reads), `k8s.aliyun.com/allocated` and `k8s.aliyun.com/pod-uid`.',
      why: 'They usually arrive by copying the output of `kubectl get pod -o yaml` into a manifest. Terway overwrites them, or worse, trusts them: a copied `pod-ips` names another pod\'s addresses until Terway patches it, `pod-eni: "true"` makes Terway treat the pod as one with its own ENI, and a hand-written `pod-networking` next to `pod-networks-request` gets the pod denied by the webhook.',
      fix: 'Delete these annotations from the manifest (the quick fix deletes the line and keeps the comments around it). To choose a pod\'s network, write a PodNetworking whose selector matches the pod, or `k8s.aliyun.com/pod-networks-request`.',
    },
    zh: {
      what: '清单中出现了由 Terway 自行写入的 Pod 注解：`k8s.aliyun.com/pod-eni` 和 `k8s.aliyun.com/pod-networking`（Pod 使用 Trunk 或独占 ENI、或匹配到 PodNetworking 时，由 terway-controlplane 的 Webhook 写入），`k8s.aliyun.com/pod-ips`（Terway 写入 Pod 的 IP，供策略组件读取），以及 `k8s.aliyun.com/allocated` 和 `k8s.aliyun.com/pod-uid`。',
      why: '这类注解通常是把 `kubectl get pod -o yaml` 的输出直接复制到清单里带进来的。Terway 会覆盖它们，甚至更糟——直接信任它们：复制来的 `pod-ips` 在 Terway 更新之前写的是另一个 Pod 的地址；`pod-eni: "true"` 会让 Terway 把该 Pod 当作拥有独立 ENI 的 Pod；与 `pod-networks-request` 同时出现的手写 `pod-networking` 会导致 Pod 被 Webhook 拒绝。',
      fix: '从清单中删除这些注解（快速修复会删除这一行，并保留周围的注释）。如需指定 Pod 的网络，请编写一个选择器能匹配该 Pod 的 PodNetworking，或使用 `k8s.aliyun.com/pod-networks-request`。',
    },
    example: {
      bad: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n    k8s.aliyun.com/pod-ips: 192.168.1.23\n    k8s.aliyun.com/pod-eni: "true"\nspec:\n  containers:\n  - name: web\n    image: nginx\n',
      good: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n',
    },
    facts: ['1.1', '1.2', '1.4'],
    sources: ['src-1', 'src-2', 'src-9'],
  },
  checkObject(_object, { profile, text, podTemplates, report }) {
    for (const { template, entry } of podAnnotationsWithKeys(podTemplates, [...systemKeys.keys()])) {
      const [start, end] = entry.keyNode.range!;
      report({
        start,
        end,
        message: message(profile, entry.key),
        fix: removeAnnotationFix(text, template.node, entry, both(`Remove ${entry.key}`, `删除 ${entry.key}`)),
      });
    }
  },
};
