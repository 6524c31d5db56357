import { both, type Localized } from '../../l10n';
import type { Profile } from '../../profile/types';
import { compareVersions } from '../support/describe';
import { podAnnotationsWithKeys } from '../support/pods';
import { removeAnnotationFix } from '../support/annotations';
import { eniKeys } from '../support/keys';
import type { Rule } from '../types';

/** Terway v1.0.x read the lower-case key, v1.1.0–v1.10.0 the upper-case one; both are gone since v1.11. */
const { lower: lowerKey, upper: upperKey } = eniKeys;

/** The key a Terway version reads, or undefined for versions that read neither. */
function keyReadBy(version: string): string | undefined {
  if (compareVersions(version, '1.1.0') < 0) return lowerKey;
  if (compareVersions(version, '1.11.0') < 0) return upperKey;
  return undefined;
}

function message(profile: Profile | undefined, key: string): Localized {
  if (profile?.cni === 'flannel') {
    return both(
      `Flannel ignores ${key}: it belonged to the legacy VPC mode of old Terway versions.`,
      `Flannel 会忽略 ${key}：它是旧版 Terway 传统 VPC 模式的注解。`,
    );
  }
  const version = profile?.cni === 'terway' ? profile.terway.version : undefined;
  if (version === undefined) {
    return both(
      `${key} belonged to Terway's legacy VPC mode, removed after Terway v1.10: current Terway ignores it.`,
      `${key} 是 Terway 传统 VPC 模式的注解，该模式在 Terway v1.10 之后已移除：当前版本的 Terway 会忽略它。`,
    );
  }
  const readKey = keyReadBy(version);
  if (readKey === undefined) {
    return both(
      `Terway ${version} ignores ${key}: it belonged to the legacy VPC mode, removed after Terway v1.10.`,
      `Terway ${version} 会忽略 ${key}：它属于传统 VPC 模式，该模式在 Terway v1.10 之后已移除。`,
    );
  }
  if (readKey !== key) {
    return both(
      `Terway ${version} reads ${readKey}, not ${key} (annotation keys are case-sensitive): this annotation is ignored.`,
      `Terway ${version} 读取的是 ${readKey}，而不是 ${key}（注解键区分大小写）：该注解不会生效。`,
    );
  }
  return both(
    `Terway ${version} honours ${key} only in the legacy VPC mode, and Terway removed it after v1.10: in the ENI modes and after an upgrade it does nothing.`,
    `Terway ${version} 只在传统 VPC 模式下识别 ${key}，且 Terway 在 v1.10 之后已将其移除：在 ENI 模式下或升级之后它都不起作用。`,
  );
}

export const eniAnnotationObsolete: Rule = {
  id: 'eni-annotation-obsolete',
  title: both('Obsolete per-pod ENI annotation', '已废弃的 Pod 独占 ENI 注解'),
  scope: 'manifest',
  defaultSeverity: 'warning',
  appliesTo: both(
    'Every CNI: current Terway (v1.11 and later) and Flannel ignore it; older Terway read it only in the legacy VPC mode.',
    '所有 CNI：当前 Terway（v1.11 及以后）和 Flannel 都会忽略它；旧版 Terway 也只在传统 VPC 模式下读取。',
  ),
  needsProfile: false,
  remediation: both(
    'Remove the annotation; to give pods their own ENI, schedule them to an exclusive-ENI node pool or use a PodNetworking.',
    '请删除该注解；如需为 Pod 分配独立 ENI，请将其调度到独占 ENI 节点池或使用 PodNetworking。',
  ),
  fixable: true,
  docs: {
    en: {
      what: 'A pod annotation `k8s.aliyun.com/eni` or `k8s.aliyun.com/ENI`. Early Terway releases used it in their VPC (route table) mode to give a pod a dedicated ENI: v1.0.x read the lower-case key, v1.1.0 to v1.10.0 the upper-case one. That mode and the annotation were removed after v1.10, and annotation keys are case-sensitive, so today neither spelling does anything. Flannel never read it.',
      why: 'Manifests copied from old blog posts and examples still carry it. The pod starts normally on a shared ENI, so nobody notices that it did not get the dedicated network card the author expected — no own security group, no isolation of bandwidth.',
      fix: 'Remove the annotation (the quick fix deletes its line and keeps the comments around it). To give pods their own ENI on current Terway, run them on an exclusive-ENI node pool (node label `k8s.aliyun.com/exclusive-mode-eni-type: eniOnly`, set when the node pool is created), or select them with a PodNetworking (`eniOptions.eniType: ENI`, or `Trunk` for member ENIs with their own vSwitch and security group).',
    },
    zh: {
      what: 'Pod 注解 `k8s.aliyun.com/eni` 或 `k8s.aliyun.com/ENI`。早期 Terway 在 VPC（路由表）模式下用它为 Pod 分配独占 ENI：v1.0.x 读取小写的键，v1.1.0 到 v1.10.0 读取大写的键。该模式和注解在 v1.10 之后均已移除，而注解键区分大小写，因此如今两种写法都不起作用。Flannel 从未读取过它。',
      why: '从旧博客或示例复制来的清单里经常带着这个注解。Pod 会照常使用共享 ENI 启动，没有人察觉它并没有拿到作者期望的独立网卡——既没有独立的安全组，也没有带宽隔离。',
      fix: '删除该注解（快速修复会删除这一行，并保留周围的注释）。在当前版本的 Terway 中，如需为 Pod 分配独立 ENI，请将其运行在独占 ENI 节点池上（节点标签 `k8s.aliyun.com/exclusive-mode-eni-type: eniOnly`，需在创建节点池时设置），或通过 PodNetworking 选中这些 Pod（`eniOptions.eniType: ENI`，或使用 `Trunk` 获得带独立交换机和安全组的成员 ENI）。',
    },
    example: {
      bad: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: game\n  annotations:\n    k8s.aliyun.com/eni: "true"\nspec:\n  containers:\n  - name: game\n    image: nginx\n',
      good: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: game\nspec:\n  nodeSelector:\n    k8s.aliyun.com/exclusive-mode-eni-type: eniOnly\n  containers:\n  - name: game\n    image: nginx\n',
    },
    facts: ['1.1', '1.2', '1.3', '2.1'],
    sources: ['src-8', 'src-11', 'src-15', 'seed-000'],
  },
  checkObject(_object, { profile, text, podTemplates, report }) {
    for (const { template, entry } of podAnnotationsWithKeys(podTemplates, [lowerKey, upperKey])) {
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
