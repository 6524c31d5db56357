/**
 * What a bandwidth annotation value means, in words, with the arithmetic of the rules (exact
 * rationals, no floats): a `kubernetes.io/*-bandwidth` quantity is bits/s; a deprecated
 * `k8s.aliyun.com/*-bandwidth` value is Terway's 1024-based bytes/s (cni-facts §1.1).
 */
import { both, type Localized } from '../l10n';
import { mul, rational, toDecimal } from '../rules/support/rational';
import { describeBitRate, parseKubernetesQuantity } from '../rules/support/quantity';
import { parseTerwayBandwidth, terwayToKubernetes } from '../rules/support/terwayBandwidth';

const binarySuffixes = new Set(['Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']);

/** `10M` → "`10M` = 10 Mbit/s."; `80Mi` also gives the binary reading. */
export function explainKubernetesBandwidth(text: string): Localized {
  const quantity = parseKubernetesQuantity(text);
  if (!quantity.ok) {
    return both(
      `\`${text}\` is not a Kubernetes quantity (a number with an optional suffix such as k, M, G or Mi, counted in bits per second).`,
      `\`${text}\` 不是合法的 Kubernetes 数量（数字加可选后缀，如 k、M、G、Mi，单位为 bit/s）。`,
    );
  }
  const decimal = quantity.saturated ? `${text} bit/s` : describeBitRate(quantity.value);
  const binary = binarySuffixes.has(quantity.suffix) ? `${text.slice(0, -quantity.suffix.length)} ${quantity.suffix}bit/s = ` : '';
  return both(`\`${text}\` = ${binary}${decimal}.`, `\`${text}\` = ${binary}${decimal}。`);
}

const byteUnits = ['B/s', 'KiB/s', 'MiB/s', 'GiB/s', 'TiB/s'];
const bitUnits = ['bit/s', 'Kibit/s', 'Mibit/s', 'Gibit/s', 'Tibit/s'];

/**
 * `10M` → "`10M` = 10 MiB/s = 80 Mibit/s (83.88608 Mbit/s); kubernetes.io equivalent: `80Mi`."
 * Values Terway cannot parse get one sentence; the aliyun-bandwidth-invalid finding says why.
 */
export function explainAliyunBandwidth(text: string): Localized {
  const bandwidth = parseTerwayBandwidth(text);
  if (!bandwidth.ok) {
    return both(
      `\`${text}\` is not a value Terway can parse: it needs a number above 0 and a unit (B, K, M, G or T, 1024-based bytes per second).`,
      `\`${text}\` 不是 Terway 能解析的值：需要大于 0 的数字加单位（B、K、M、G 或 T，按 1024 进制的字节/秒计）。`,
    );
  }
  const number = toDecimal(bandwidth.number);
  const bits = toDecimal(mul(bandwidth.number, rational(8n)));
  const exact = describeBitRate(mul(bandwidth.bytesPerSecond, rational(8n)));
  const reading = `\`${text}\` = ${number} ${byteUnits[bandwidth.exponent]} = ${bits} ${bitUnits[bandwidth.exponent]}`;
  const detail = bandwidth.exponent === 0 ? '' : ` (${exact})`;
  const detailZh = bandwidth.exponent === 0 ? '' : `（${exact}）`;
  const equivalent = terwayToKubernetes(bandwidth);
  if (equivalent === undefined) {
    return both(
      `${reading}${detail}; no kubernetes.io equivalent, since Kubernetes accepts only 1k to 1P bit/s.`,
      `${reading}${detailZh}；没有对应的 kubernetes.io 写法，因为 Kubernetes 只接受 1k 到 1P bit/s。`,
    );
  }
  return both(
    `${reading}${detail}; kubernetes.io equivalent: \`${equivalent}\`.`,
    `${reading}${detailZh}；对应的 kubernetes.io 写法：\`${equivalent}\`。`,
  );
}
