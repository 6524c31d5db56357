import { both, type Localized } from '../../l10n';
import { aliyunBandwidthKeys, bandwidthAnnotations } from '../support/bandwidth';
import { type TerwayBandwidth, parseTerwayBandwidth } from '../support/terwayBandwidth';
import type { Rule } from '../types';

const units = 'B, K, KB, KiB, M, MB, MiB, G, GB, GiB, T, TB, TiB';

/** Why Terway cannot parse the value, in words; every case ends the same way: no limit. */
function messageFor(text: string, result: Extract<TerwayBandwidth, { ok: false }>): Localized {
  switch (result.problem) {
    case 'empty':
      return both(
        'An empty value is not a bandwidth: Terway cannot parse it (pod event ParseFailed) and applies no limit.',
        '空值不是合法的带宽：Terway 无法解析（Pod 事件 ParseFailed），不会限速。',
      );
    case 'no-unit':
      return both(
        `"${text}" has no unit: Terway needs one (B, K, M, G or T, in 1024-based bytes per second), cannot parse the value and applies no limit.`,
        `"${text}" 缺少单位：Terway 要求带单位（B、K、M、G 或 T，按 1024 进制的字节/秒计），无法解析该值，不会限速。`,
      );
    case 'no-number':
      return both(
        `"${text}" does not start with a number: Terway cannot parse it (pod event ParseFailed) and applies no limit.`,
        `"${text}" 没有以数字开头：Terway 无法解析（Pod 事件 ParseFailed），不会限速。`,
      );
    case 'not-a-number':
      return both(
        `"${text}": "${result.number}" is not a plain decimal number, so Terway cannot parse the value (pod event ParseFailed) and applies no limit.`,
        `"${text}"：“${result.number}”不是普通的十进制数，Terway 无法解析（Pod 事件 ParseFailed），不会限速。`,
      );
    case 'not-positive':
      return both(
        `"${text}": Terway needs a number greater than 0, rejects the value (pod event ParseFailed) and applies no limit.`,
        `"${text}"：Terway 要求数值大于 0，会拒绝该值（Pod 事件 ParseFailed），不会限速。`,
      );
    case 'unknown-unit':
      return both(
        `"${text}": unknown unit "${result.unit}" (Terway takes ${units}, in any case), so Terway cannot parse the value (pod event ParseFailed) and applies no limit.`,
        `"${text}"：无法识别单位 "${result.unit}"（Terway 只接受 ${units}，不区分大小写），因此无法解析该值（Pod 事件 ParseFailed），不会限速。`,
      );
  }
}

export const aliyunBandwidthInvalid: Rule = {
  id: 'aliyun-bandwidth-invalid',
  title: both('Terway bandwidth value Terway cannot parse', 'Terway 无法解析的带宽值'),
  scope: 'manifest',
  defaultSeverity: 'error',
  appliesTo: both(
    'Every CNI: the value is broken wherever it is read (Terway parses it; Flannel ignores the key anyway).',
    '所有 CNI：该值本身有误（Terway 会解析它；Flannel 本来就忽略该注解）。',
  ),
  needsProfile: false,
  remediation: both(
    'Write a number greater than 0 followed by a unit (B, K, M, G or T, meaning 1024-based bytes per second), or better, move to kubernetes.io/*-bandwidth.',
    '请写成大于 0 的数值加单位（B、K、M、G 或 T，表示按 1024 进制的字节/秒），更好的做法是改用 kubernetes.io/*-bandwidth。',
  ),
  fixable: false,
  docs: {
    en: {
      what: 'A `k8s.aliyun.com/ingress-bandwidth` or `k8s.aliyun.com/egress-bandwidth` value that Terway\'s parser rejects. Terway trims the value, upper-cases it and splits it at the first letter: the part before must be a plain decimal number greater than 0 (no exponent, no spaces, no thousands separators), the part after one of B, K, KB, KiB, M, MB, MiB, G, GB, GiB, T, TB, TiB. So `100` (no unit), `""`, `-1M`, `0M`, `10 M`, `10Mbps` and `10Mi` are all rejected, while `1m` is fine (read as `1M`).',
      why: 'The pod is created and runs normally; Terway records a `ParseFailed` warning event on it and applies no bandwidth limit. Nobody reads pod events for a pod that works, so the missing limit goes unnoticed.',
      fix: 'Write a number and a unit, e.g. `10M` (10 MiB/s). Better: the annotation is deprecated, so move to `kubernetes.io/ingress-bandwidth` / `kubernetes.io/egress-bandwidth`, which take bits per second (`10M` here becomes `80Mi` there); aliyun-bandwidth-deprecated offers that conversion once the value parses.',
    },
    zh: {
      what: 'Terway 解析器不接受的 `k8s.aliyun.com/ingress-bandwidth` 或 `k8s.aliyun.com/egress-bandwidth` 取值。Terway 会先去掉首尾空白、转成大写，再在第一个字母处拆开：前半部分必须是大于 0 的普通十进制数（不能有指数、空格或千位分隔符），后半部分必须是 B、K、KB、KiB、M、MB、MiB、G、GB、GiB、T、TB、TiB 之一。因此 `100`（无单位）、`""`、`-1M`、`0M`、`10 M`、`10Mbps`、`10Mi` 都会被拒绝，而 `1m` 是合法的（按 `1M` 处理）。',
      why: 'Pod 会正常创建和运行；Terway 只在 Pod 上记录一条 `ParseFailed` 警告事件，并且不做任何限速。Pod 运行正常时没人会去看它的事件，限速缺失也就无人察觉。',
      fix: '写成数值加单位，例如 `10M`（10 MiB/s）。更好的做法是：该注解已废弃，请改用以 bit/s 为单位的 `kubernetes.io/ingress-bandwidth` / `kubernetes.io/egress-bandwidth`（这里的 `10M` 在那边对应 `80Mi`）；取值能被解析后，aliyun-bandwidth-deprecated 会提供自动换算。',
    },
    example: {
      profile: 'cni: terway\n',
      bad: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n    k8s.aliyun.com/ingress-bandwidth: "100"\nspec:\n  containers:\n  - name: web\n    image: nginx\n',
      good: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n    kubernetes.io/ingress-bandwidth: 800Ki # 100 KiB/s = 800 Kibit/s\nspec:\n  containers:\n  - name: web\n    image: nginx\n',
    },
    facts: ['1.1'],
    sources: ['src-2', 'src-25', 'seed-000'],
  },
  checkObject(_object, { podTemplates, report }) {
    for (const { value } of bandwidthAnnotations(podTemplates, aliyunBandwidthKeys)) {
      if (!value) continue;
      const result = parseTerwayBandwidth(value.text);
      if (result.ok) continue;
      const [start, end] = value.node.range!;
      report({ start, end, message: messageFor(value.text, result) });
    }
  },
};
