/**
 * Kubernetes quantities as kubelet and the container runtimes read `kubernetes.io/*-bandwidth`:
 * bits/s, accepted between 1k and 1P (cni-facts §1.1, src-20). Exact throughout (see rational.ts).
 */
import { ceil, compare, div, mul, power, rational, toDecimal, type Rational } from './rational';

const decimalSuffixes: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const binarySuffixes: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const suffixLetters = 'eEinumkKMGTP';

/** Decimal exponents beyond this are not expanded: such a value is far outside 1k..1P either way. */
const maxExpandedExponent = 1000;

export type QuantityProblem = 'empty' | 'format' | 'suffix';

export type KubernetesQuantity =
  | {
      ok: true;
      /** The exact value (bits/s for bandwidth). Saturated to ±10^1001 or ±10^-1001 for absurd exponents. */
      value: Rational;
      suffix: string;
      /** True when `value` was saturated; the text itself then says best what it means. */
      saturated: boolean;
    }
  | { ok: false; problem: QuantityProblem; suffix?: string };

interface QuantityParts {
  negative: boolean;
  /** Digits before the decimal point, without leading zeros ("0" when there are none). */
  whole: string;
  fraction: string;
  suffix: string;
}

const isDigit = (char: string | undefined) => char !== undefined && char >= '0' && char <= '9';

/**
 * A port of apimachinery's parseQuantityString: sign, digits, optional fraction, then suffix
 * letters, an optional sign and digits (the `e3` form). Its quirks are kept on purpose ("1." and
 * "." parse; "-" alone is zero) because the point is to agree with what the cluster does.
 */
function scanQuantity(text: string): QuantityParts | null {
  const end = text.length;
  let pos = 0;
  const negative = text[0] === '-';
  if (text[0] === '-' || text[0] === '+') pos++;
  while (pos < end && text[pos] === '0') pos++;
  if (pos >= end) return { negative, whole: '0', fraction: '', suffix: '' };
  const wholeStart = pos;
  while (isDigit(text[pos])) pos++;
  const whole = text.slice(wholeStart, pos) || '0';
  let fraction = '';
  if (text[pos] === '.') {
    const fractionStart = ++pos;
    while (isDigit(text[pos])) pos++;
    fraction = text.slice(fractionStart, pos);
  }
  const suffixStart = pos;
  while (pos < end && suffixLetters.includes(text[pos])) pos++;
  if (text[pos] === '-' || text[pos] === '+') pos++;
  while (isDigit(text[pos])) pos++;
  return pos >= end ? { negative, whole, fraction, suffix: text.slice(suffixStart) } : null;
}

/** apimachinery's suffix table, then the `e<int>`/`E<int>` exponent form (parsed as int64, kept as int32). */
function interpretSuffix(suffix: string): { base: 10n | 2n; exponent: number } | null {
  if (suffix in decimalSuffixes) return { base: 10n, exponent: decimalSuffixes[suffix] };
  if (suffix in binarySuffixes) return { base: 2n, exponent: binarySuffixes[suffix] };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?\d+$/.test(suffix.slice(1))) {
    const parsed = BigInt(suffix.slice(1));
    if (parsed > 9223372036854775807n || parsed < -9223372036854775808n) return null;
    return { base: 10n, exponent: Number(BigInt.asIntN(32, parsed)) };
  }
  return null;
}

/** The decimal order of magnitude of whole.fraction × 10^exponent (position of its first digit). */
function decimalOrder(parts: QuantityParts, exponent: number): number {
  if (parts.whole !== '0') return exponent + parts.whole.length;
  const leadingZeros = /^0*/.exec(parts.fraction)![0].length;
  return exponent - leadingZeros;
}

/** Parses a Kubernetes quantity exactly as the API machinery does, without its rounding. */
export function parseKubernetesQuantity(text: string): KubernetesQuantity {
  if (text.length === 0) return { ok: false, problem: 'empty' };
  const parts = scanQuantity(text);
  if (!parts) return { ok: false, problem: 'format' };
  const meaning = interpretSuffix(parts.suffix);
  if (!meaning) return { ok: false, problem: 'suffix', suffix: parts.suffix };
  const digits = BigInt(parts.whole + parts.fraction);
  const sign = parts.negative ? -1n : 1n;
  const mantissa = rational(sign * digits, 10n ** BigInt(parts.fraction.length));
  if (digits !== 0n && meaning.base === 10n && Math.abs(decimalOrder(parts, meaning.exponent)) > maxExpandedExponent) {
    const huge = decimalOrder(parts, meaning.exponent) > 0;
    return { ok: true, value: mul(rational(sign), power(10n, huge ? 1001 : -1001)), suffix: parts.suffix, saturated: true };
  }
  return { ok: true, value: mul(mantissa, power(meaning.base, meaning.exponent)), suffix: parts.suffix, saturated: false };
}

export type RangeVerdict = 'ok' | 'too-small' | 'too-large';

const kubernetesMinimum = 1000n; // resource.MustParse("1k")
const kubernetesMaximum = 10n ** 15n; // resource.MustParse("1P")

/**
 * Kubernetes' bandwidth check (pkg/util/bandwidth): it compares Quantity.Value(), which rounds up
 * to a whole bit/s, with 1k and 1P. So 999.5 passes and 1000000000000000.5 does not.
 */
export function kubernetesBandwidthRange(bits: Rational): RangeVerdict {
  const whole = ceil(bits);
  if (whole < kubernetesMinimum) return 'too-small';
  if (whole > kubernetesMaximum) return 'too-large';
  return 'ok';
}

/** True when `text` is a quantity that Kubernetes accepts as a bandwidth. */
export function isAcceptedBandwidth(text: string): boolean {
  const quantity = parseKubernetesQuantity(text);
  return quantity.ok && kubernetesBandwidthRange(quantity.value) === 'ok';
}

const siPrefixes = ['', 'k', 'M', 'G', 'T', 'P', 'E'];

function absolute(r: Rational): Rational {
  return r.n < 0n ? rational(-r.n, r.d) : r;
}

/** r in scientific notation, e.g. "1.5e-30"; at most 15 significant digits ("≈" when cut). */
function scientific(r: Rational): string {
  const decimal = toDecimal(absolute(r)) ?? '0';
  const [whole, fraction = ''] = decimal.split('.');
  const allDigits = (whole + fraction).replace(/^0+/, '');
  const exponent = whole !== '0' ? whole.length - 1 : -(/^0*/.exec(fraction)![0].length + 1);
  const significant = allDigits.replace(/0+$/, '');
  const shown = significant.slice(0, 15);
  const mantissa = shown.length > 1 ? `${shown[0]}.${shown.slice(1)}` : shown;
  return `${significant.length > 15 ? '≈' : ''}${r.n < 0n ? '-' : ''}${mantissa}e${exponent}`;
}

/** What a bit rate is in words: "0.01 bit/s", "10 Mbit/s", "1.048576 Mbit/s", "1e-30 bit/s". */
export function describeBitRate(bits: Rational): string {
  const magnitude = absolute(bits);
  let index = 0;
  while (index < siPrefixes.length - 1 && compare(magnitude, power(10n, 3 * (index + 1))) >= 0) index++;
  const text = toDecimal(div(bits, power(10n, 3 * index)));
  const beyondPrefixes = compare(magnitude, power(10n, 3 * siPrefixes.length)) >= 0;
  if (text === null || beyondPrefixes || text.replace(/[-.]/g, '').length > 21) return `${scientific(bits)} bit/s`;
  return `${text} ${siPrefixes[index]}bit/s`;
}

/** Describes a parsed quantity; a saturated one is described by its own text (it is in bit/s already). */
export function describeQuantity(text: string, quantity: Extract<KubernetesQuantity, { ok: true }>): string {
  return quantity.saturated ? `${text} bit/s` : describeBitRate(quantity.value);
}

/** What a quantity text means in bit/s ("10M" → "10 Mbit/s"); the text itself when it does not parse. */
export function describeQuantityText(text: string): string {
  const quantity = parseKubernetesQuantity(text);
  return quantity.ok ? describeQuantity(text, quantity) : text;
}
