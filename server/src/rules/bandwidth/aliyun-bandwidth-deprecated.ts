import { both, type Localized } from '../../l10n';
import type { Fix, Severity } from '../../engine/finding';
import { podAnnotationMap } from '../../k8s/metadata';
import type { Profile } from '../../profile/types';
import { editsFix, replaceScalarEdit } from '../../yaml/edits';
import { type BandwidthAnnotation, aliyunBandwidthKeys, bandwidthAnnotations, kubernetesBandwidthKeys } from '../support/bandwidth';
import { parseTerwayBandwidth, terwayToKubernetes } from '../support/terwayBandwidth';
import type { Rule } from '../types';

const directionZh = { ingress: '入方向', egress: '出方向' } as const;

function messageFor(profile: Profile | undefined, annotation: BandwidthAnnotation): { message: Localized; severity?: Severity } {
  const key = annotation.entry.key;
  const replacement = kubernetesBandwidthKeys[annotation.direction];
  if (profile?.cni === 'flannel') {
    return {
      severity: 'error',
      message: both(
        `Flannel ignores ${key} (only Terway reads it): this pod has no ${annotation.direction} limit.`,
        `Flannel 会忽略 ${key}（只有 Terway 读取该注解）：该 Pod 没有${directionZh[annotation.direction]}限速。`,
      ),
    };
  }
  if (profile?.cni === 'terway') {
    return {
      message: both(
        `${key} is deprecated in Terway and will be removed: use ${replacement} (in bits per second) instead.`,
        `${key} 在 Terway 中已废弃，后续会被移除：请改用 ${replacement}（单位为 bit/s）。`,
      ),
    };
  }
  // No profile, or Terway Edge (no sourced fact about it): what holds for the annotation itself.
  return {
    message: both(
      `${key} is a deprecated Terway-only annotation: use ${replacement} (in bits per second) instead.`,
      `${key} 是仅 Terway 支持且已废弃的注解：请改用 ${replacement}（单位为 bit/s）。`,
    ),
  };
}

/**
 * Renames the key to kubernetes.io/<direction>-bandwidth and converts the value from Terway's
 * bytes/s (1024-based) to Kubernetes' bits/s. None when the value does not parse, the result is
 * outside 1k..1P, or the pod already has the kubernetes.io key for that direction.
 */
function conversionFix(text: string, annotation: BandwidthAnnotation): Fix | undefined {
  const { entry, direction, template, value } = annotation;
  const newKey = kubernetesBandwidthKeys[direction];
  if (!value?.scalar || podAnnotationMap(template).has(newKey)) return undefined;
  const bandwidth = parseTerwayBandwidth(value.text);
  if (!bandwidth.ok) return undefined;
  const bits = terwayToKubernetes(bandwidth);
  if (bits === undefined) return undefined;
  return editsFix(
    both(
      `Convert to ${newKey}: ${bits} (${bandwidth.text} bytes/s = ${bits} bit/s)`,
      `改为 ${newKey}: ${bits}（${bandwidth.text} 字节/秒 = ${bits} bit/s）`,
    ),
    [replaceScalarEdit(text, entry.keyNode, newKey), replaceScalarEdit(text, value.scalar, bits)],
  );
}

export const aliyunBandwidthDeprecated: Rule = {
  id: 'aliyun-bandwidth-deprecated',
  title: both('Deprecated Terway bandwidth annotation', '已废弃的 Terway 带宽注解'),
  scope: 'manifest',
  defaultSeverity: 'warning',
  appliesTo: both(
    'Every CNI: deprecated on Terway, ignored by Flannel (an error there).',
    '所有 CNI：在 Terway 中已废弃，Flannel 会直接忽略（在 Flannel 上报错误）。',
  ),
  needsProfile: false,
  remediation: both(
    'Replace it with kubernetes.io/ingress-bandwidth or kubernetes.io/egress-bandwidth, converting bytes per second to bits per second.',
    '请改用 kubernetes.io/ingress-bandwidth 或 kubernetes.io/egress-bandwidth，并把字节/秒换算成 bit/s。',
  ),
  fixable: true,
  docs: {
    en: {
      what: '`k8s.aliyun.com/ingress-bandwidth` or `k8s.aliyun.com/egress-bandwidth` on a pod template. Only Terway reads these keys; its code marks them deprecated and ACK says they were the only option before Terway v1.3.0 and will be removed. Flannel ignores them entirely.',
      why: 'On Terway the limit still works today but will stop working when the annotations are removed. On Flannel the pod runs with no limit at all. The two families also count differently: Terway reads these values as bytes per second with 1024-based units (`10M` = 10 MiB/s ≈ 83.9 Mbit/s), whereas `kubernetes.io/*-bandwidth` takes bits per second, so copying the value across changes the limit by a factor of about 8 — or, for the old `1m` examples, turns 1 MiB/s into a thousandth of a bit per second.',
      fix: 'Use `kubernetes.io/ingress-bandwidth` / `kubernetes.io/egress-bandwidth` with the value multiplied by 8 and a binary suffix: `10M` → `80Mi`, `1.5G` → `12Gi`, `100K` → `800Ki`, `128K` → `1Mi`, `125B` → `1000`. The quick fix renames the key and converts the value exactly, keeping the quoting; it is not offered when the value cannot be parsed, when the result is outside 1k..1P bit/s, or when the pod already has the `kubernetes.io/` key for that direction. On Flannel, bandwidth limiting must also be enabled in the Flannel config (see bandwidth-unsupported).',
    },
    zh: {
      what: 'Pod 模板上的 `k8s.aliyun.com/ingress-bandwidth` 或 `k8s.aliyun.com/egress-bandwidth`。只有 Terway 会读取这两个注解，其代码已将其标记为废弃；ACK 文档说明它们是 Terway v1.3.0 之前唯一的方式，之后会被移除。Flannel 完全忽略它们。',
      why: '在 Terway 上限速目前仍然有效，但注解被移除后就会失效；在 Flannel 上 Pod 根本没有限速。两类注解的计量方式也不同：Terway 把这里的值当作字节/秒，且单位按 1024 进制（`10M` = 10 MiB/s ≈ 83.9 Mbit/s），而 `kubernetes.io/*-bandwidth` 的单位是 bit/s。直接把数值照抄过去，限速会相差约 8 倍；照抄早期示例中的 `1m`，1 MiB/s 更会变成千分之一 bit/s。',
      fix: '改用 `kubernetes.io/ingress-bandwidth` / `kubernetes.io/egress-bandwidth`，数值乘以 8 并使用二进制后缀：`10M` → `80Mi`，`1.5G` → `12Gi`，`100K` → `800Ki`，`128K` → `1Mi`，`125B` → `1000`。快速修复会重命名注解键并精确换算取值，保留原有引号风格；当取值无法解析、换算结果超出 1k..1P bit/s，或 Pod 已有同方向的 `kubernetes.io/` 注解时不提供修复。在 Flannel 上还需要在 Flannel 配置中开启带宽限制（参见 bandwidth-unsupported）。',
    },
    example: {
      profile: 'cni: terway\n',
      bad: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n    k8s.aliyun.com/egress-bandwidth: 10M\nspec:\n  containers:\n  - name: web\n    image: nginx\n',
      good: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n    kubernetes.io/egress-bandwidth: 80Mi\nspec:\n  containers:\n  - name: web\n    image: nginx\n',
    },
    facts: ['1.1', '3.1'],
    sources: ['src-2', 'src-7', 'src-20', 'src-25', 'seed-000'],
  },
  checkObject(_object, { profile, text, podTemplates, report }) {
    for (const annotation of bandwidthAnnotations(podTemplates, aliyunBandwidthKeys)) {
      const { message, severity } = messageFor(profile, annotation);
      const [start, end] = annotation.entry.keyNode.range!;
      report({ start, end, message, severity, fix: conversionFix(text, annotation) });
    }
  },
};
