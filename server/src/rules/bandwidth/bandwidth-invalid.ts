import { both, type Localized } from '../../l10n';
import type { Fix } from '../../engine/finding';
import { replaceScalarFix } from '../../yaml/edits';
import { type StringAnnotationValue, bandwidthAnnotations, kubernetesBandwidthKeys } from '../support/bandwidth';
import { describeQuantity, describeQuantityText, kubernetesBandwidthRange, parseKubernetesQuantity } from '../support/quantity';
import { memoByText } from '../support/memoByText';
import { bitRateSpelling, byteRateSpelling, milliSlip } from '../support/rateSpelling';
import type { Rule } from '../types';

interface Problem {
  message: Localized;
  /** The value that fixes it, when there is exactly one sensible reading. */
  replacement?: string;
}

/** A value that is not a Kubernetes quantity at all: say why, and how it should be written. */
function notAQuantity(text: string, problem: 'empty' | 'format' | 'suffix', suffix: string | undefined): Problem {
  if (problem === 'empty') {
    return {
      message: both(
        'An empty value is not a Kubernetes quantity: Kubernetes rejects this bandwidth.',
        '空值不是合法的 Kubernetes 数量（quantity）：Kubernetes 会拒绝该带宽设置。',
      ),
    };
  }
  const bits = bitRateSpelling(text);
  if (bits !== undefined) {
    return {
      message: both(
        `"${text}" is not a Kubernetes quantity: the value is already in bits per second, so write ${bits}.`,
        `"${text}" 不是合法的 Kubernetes 数量：该值的单位本身就是 bit/s，应写成 ${bits}。`,
      ),
      replacement: bits,
    };
  }
  const bytes = byteRateSpelling(text);
  if (bytes) {
    return {
      message: both(
        `"${text}" is not a Kubernetes quantity: ${bytes.unit} is a byte unit, but this value counts bits per second (${text} would be ${bytes.bits}).`,
        `"${text}" 不是合法的 Kubernetes 数量：${bytes.unit} 是字节单位，而该值按 bit/s 计算（${text} 对应 ${bytes.bits}）。`,
      ),
    };
  }
  if (problem === 'suffix') {
    return {
      message: both(
        `"${text}" is not a Kubernetes quantity: unknown suffix "${suffix}" (decimal suffixes are k, M, G, T, P; binary ones Ki, Mi, Gi, Ti, Pi).`,
        `"${text}" 不是合法的 Kubernetes 数量：无法识别后缀 "${suffix}"（十进制后缀为 k、M、G、T、P，二进制后缀为 Ki、Mi、Gi、Ti、Pi）。`,
      ),
    };
  }
  return {
    message: both(
      `"${text}" is not a Kubernetes quantity (a number with an optional suffix such as k, M, G or Mi, in bits per second).`,
      `"${text}" 不是合法的 Kubernetes 数量（应为数字加可选后缀，如 k、M、G、Mi，单位为 bit/s）。`,
    ),
  };
}

/** Why Kubernetes rejects `text`, or undefined when it accepts it. */
const problemOf = memoByText((text: string): Problem | undefined => {
  const quantity = parseKubernetesQuantity(text);
  if (!quantity.ok) return notAQuantity(text, quantity.problem, quantity.suffix);
  const range = kubernetesBandwidthRange(quantity.value);
  if (range === 'ok') return undefined;
  const meaning = describeQuantity(text, quantity);
  if (range === 'too-large') {
    return {
      message: both(
        `${text} is ${meaning}, above the 1P maximum that Kubernetes accepts.`,
        `${text} 表示 ${meaning}，超过了 Kubernetes 接受的上限 1P。`,
      ),
    };
  }
  const mega = milliSlip(text, quantity);
  if (mega !== undefined) {
    return {
      message: both(
        `${text} is ${meaning}, below the 1k minimum that Kubernetes accepts: m means milli; ${mega} is ${describeQuantityText(mega)}.`,
        `${text} 表示 ${meaning}，低于 Kubernetes 接受的下限 1k：m 表示千分之一（milli），${mega} 才是 ${describeQuantityText(mega)}。`,
      ),
      replacement: mega,
    };
  }
  return {
    message: both(`${text} is ${meaning}, below the 1k minimum that Kubernetes accepts.`, `${text} 表示 ${meaning}，低于 Kubernetes 接受的下限 1k。`),
  };
});

function fixFor(text: string, value: StringAnnotationValue, replacement: string | undefined): Fix | undefined {
  if (replacement === undefined || !value.scalar) return undefined;
  return replaceScalarFix(text, value.scalar, replacement, both(`Change to ${replacement}`, `改为 ${replacement}`));
}

export const bandwidthInvalid: Rule = {
  id: 'bandwidth-invalid',
  title: both('Bandwidth value Kubernetes rejects', 'Kubernetes 不接受的带宽值'),
  scope: 'manifest',
  defaultSeverity: 'error',
  appliesTo: both('Every CNI: the value is checked by Kubernetes itself.', '所有 CNI：该值由 Kubernetes 自身校验。'),
  needsProfile: false,
  remediation: both(
    'Write the limit as a Kubernetes quantity in bits per second between 1k and 1P, such as 10M for 10 Mbit/s.',
    '请把限速写成以 bit/s 为单位、介于 1k 与 1P 之间的 Kubernetes 数量，例如 10M 表示 10 Mbit/s。',
  ),
  fixable: true,
  docs: {
    en: {
      what: 'A `kubernetes.io/ingress-bandwidth` or `kubernetes.io/egress-bandwidth` value that Kubernetes\' bandwidth helper rejects: not a Kubernetes quantity (`10Mbps`, `10MB`, `10K`, an empty string), or a quantity below 1k or above 1P bit/s. The unit is bits per second, so `10m` is 0.01 bit/s (m is milli) and `10M` is 10 Mbit/s. Kubernetes rounds the value up to a whole bit/s before comparing it with the limits.',
      why: 'The API server does not validate annotation values, so the manifest applies cleanly; the error only surfaces when the pod\'s network is set up and the bandwidth annotations are read, and the pod either fails to start or runs without the limit you asked for. A lowercase `m` is the classic slip: `10m` asks for a billionth of `10M`.',
      fix: 'Write bits per second with a decimal suffix (`k`, `M`, `G`, `T`, `P`) or a binary one (`Ki`, `Mi`, `Gi`, `Ti`, `Pi`): `10M` is 10 Mbit/s. The quick fix rewrites the unambiguous slips — `10m` → `10M`, `10Mbps`/`10Mbit`/`10Mb` → `10M`, `500kbps` → `500k` — and keeps the quoting. A byte rate such as `10MB` is not rewritten: multiply by 8 (`80M`) if bytes were meant.',
    },
    zh: {
      what: 'Kubernetes 带宽校验不接受的 `kubernetes.io/ingress-bandwidth` 或 `kubernetes.io/egress-bandwidth` 取值：不是 Kubernetes 数量（如 `10Mbps`、`10MB`、`10K`、空字符串），或者小于 1k、大于 1P bit/s。单位是 bit/s，因此 `10m` 表示 0.01 bit/s（m 是千分之一），`10M` 才是 10 Mbit/s。Kubernetes 会先把数值向上取整到整数 bit/s，再与上下限比较。',
      why: 'API Server 不校验注解的取值，所以清单能顺利提交；直到为 Pod 配置网络、读取带宽注解时才会报错，结果是 Pod 无法启动，或者在没有限速的情况下运行。小写 `m` 是最常见的笔误：`10m` 只有 `10M` 的十亿分之一。',
      fix: '按 bit/s 书写，使用十进制后缀（`k`、`M`、`G`、`T`、`P`）或二进制后缀（`Ki`、`Mi`、`Gi`、`Ti`、`Pi`）：`10M` 即 10 Mbit/s。快速修复会改正含义明确的笔误（`10m` → `10M`，`10Mbps`/`10Mbit`/`10Mb` → `10M`，`500kbps` → `500k`），并保留原有引号风格。`10MB` 这类字节速率不会自动改写：如果本意是字节，请乘以 8（`80M`）。',
    },
    example: {
      bad: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n    kubernetes.io/ingress-bandwidth: 10m\n    kubernetes.io/egress-bandwidth: 10Mbps\nspec:\n  containers:\n  - name: web\n    image: nginx\n',
      good: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n    kubernetes.io/ingress-bandwidth: 10M\n    kubernetes.io/egress-bandwidth: 10M\nspec:\n  containers:\n  - name: web\n    image: nginx\n',
    },
    facts: ['1.1'],
    sources: ['src-20', 'src-7', 'src-25'],
  },
  checkObject(_object, { text, podTemplates, report }) {
    for (const { value } of bandwidthAnnotations(podTemplates, kubernetesBandwidthKeys)) {
      if (!value) continue;
      const problem = problemOf(value.text);
      if (!problem) continue;
      const [start, end] = value.node.range!;
      report({ start, end, message: problem.message, fix: fixFor(text, value, problem.replacement) });
    }
  },
};
