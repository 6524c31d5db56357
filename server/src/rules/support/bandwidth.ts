/**
 * Bandwidth arithmetic shared by the bandwidth rules, exact throughout (see rational.ts):
 * - Kubernetes quantities as kubelet and the container runtimes read `kubernetes.io/*-bandwidth`
 *   (bits/s, accepted between 1k and 1P; cni-facts §1.1, src-20);
 * - Terway's own parser for the deprecated `k8s.aliyun.com/*-bandwidth` (bytes/s, 1024-based
 *   units, unit mandatory; cni-facts §1.1, src-2);
 * - the conversion between the two, and the spellings people write by mistake (`10Mbps`, `10MB`).
 */
import { isAlias, isScalar, type Node, type Scalar } from 'yaml';
import type { PodTemplate } from '../../k8s/podTemplates';
import { deref, type Entry } from '../../yaml/nodes';
import { kubectlType } from '../../yaml/scalarType';
import { podAnnotationsWithKeys } from './pods';
import { ceil, compare, div, isInteger, mul, parseDecimal, power, rational, toDecimal, type Rational } from './rational';

export type Direction = 'ingress' | 'egress';

export const kubernetesBandwidthKeys: Record<Direction, string> = {
  ingress: 'kubernetes.io/ingress-bandwidth',
  egress: 'kubernetes.io/egress-bandwidth',
};

export const aliyunBandwidthKeys: Record<Direction, string> = {
  ingress: 'k8s.aliyun.com/ingress-bandwidth',
  egress: 'k8s.aliyun.com/egress-bandwidth',
};

// ---------------------------------------------------------------------------------------------
// Kubernetes quantities (k8s.io/apimachinery resource.ParseQuantity)

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

// ---------------------------------------------------------------------------------------------
// Describing bit rates in messages

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

// ---------------------------------------------------------------------------------------------
// Slips in kubernetes.io/*-bandwidth values that have one unambiguous reading

/** `10m` (milli) written for `10M` (mega): the mega reading, when Kubernetes accepts it. */
export function milliSlip(text: string, quantity: KubernetesQuantity): string | undefined {
  if (!quantity.ok || quantity.suffix !== 'm') return undefined;
  const candidate = `${text.slice(0, -1)}M`;
  return isAcceptedBandwidth(candidate) ? candidate : undefined;
}

const rateSpelling = /^(\d+(?:\.\d*)?|\.\d+)\s*([kKmMgGtTpP]?)(i?)(.+)$/;
const bitTail = /^(?:b|bps|b\/s|[bB][iI][tT][sS]?(?:\/[sS]|[pP][sS])?)$/;
const byteTail = /^(?:B|Bps|B\/s|[bB][yY][tT][eE][sS]?(?:\/[sS])?)$/;

interface RateSpelling {
  /** The number as a clean decimal ("10", "1.5"). */
  number: Rational;
  /** The Kubernetes suffix of the prefix: "k", "M", "Mi", … or "" for none. */
  suffix: string;
  unit: 'bit' | 'byte';
  /** The unit as written, prefix included ("Mbps", "GiB/s"). */
  written: string;
}

function kubernetesSuffix(prefix: string, binary: boolean): string {
  if (prefix === '') return '';
  const letter = prefix === 'k' || prefix === 'K' ? (binary ? 'K' : 'k') : prefix.toUpperCase();
  return binary ? `${letter}i` : letter;
}

/** Reads `10Mbps`, `500 kbit/s`, `10MB`, `1.5GiB/s`: a number, an SI or binary prefix, and a bit or byte unit. */
function readRateSpelling(text: string): RateSpelling | undefined {
  const match = rateSpelling.exec(text.trim());
  if (!match) return undefined;
  const [, digits, prefix, binary, tail] = match;
  if (binary && !prefix) return undefined;
  const unit = bitTail.test(tail) ? 'bit' : byteTail.test(tail) ? 'byte' : undefined;
  const number = parseDecimal(digits);
  if (!unit || !number) return undefined;
  return { number, suffix: kubernetesSuffix(prefix, binary === 'i'), unit, written: `${prefix}${binary}${tail}` };
}

/**
 * A bit-rate spelling (`10Mbps`, `10mbps`, `10Mbit`, `10Mb`, `500kbps`) as the Kubernetes quantity
 * it means (`10M`, `500k`), when Kubernetes accepts that quantity. A lowercase `b` is a bit.
 */
export function bitRateSpelling(text: string): string | undefined {
  const spelling = readRateSpelling(text);
  if (spelling?.unit !== 'bit') return undefined;
  const candidate = `${toDecimal(spelling.number)}${spelling.suffix}`;
  return isAcceptedBandwidth(candidate) ? candidate : undefined;
}

/** A byte-rate spelling (`10MB`, `1GiB/s`): the unit as written and the bit/s quantity it equals (×8). */
export function byteRateSpelling(text: string): { unit: string; bits: string } | undefined {
  const spelling = readRateSpelling(text);
  if (spelling?.unit !== 'byte') return undefined;
  return { unit: spelling.written, bits: `${toDecimal(mul(spelling.number, rational(8n)))}${spelling.suffix}` };
}

// ---------------------------------------------------------------------------------------------
// Terway's parser for k8s.aliyun.com/*-bandwidth (pkg/k8s/k8s.go parseBandwidth)

/** Powers of 1024 of Terway's units, looked up after upper-casing. */
const terwayUnits: Readonly<Record<string, number>> = {
  B: 0, K: 1, KB: 1, KIB: 1, M: 2, MB: 2, MIB: 2, G: 3, GB: 3, GIB: 3, T: 4, TB: 4, TIB: 4,
};

export type TerwayProblem = 'empty' | 'no-unit' | 'no-number' | 'not-a-number' | 'not-positive' | 'unknown-unit';

export type TerwayBandwidth =
  | {
      ok: true;
      /** The value as Terway sees it after trimming (original case). */
      text: string;
      number: Rational;
      /** Power of 1024 of the unit: 0 for B, 1 for K, … 4 for T. */
      exponent: number;
      bytesPerSecond: Rational;
    }
  | { ok: false; problem: TerwayProblem; number: string; unit: string };

/** What Go's strconv.ParseFloat accepts from a string without letters. */
const goFloatWithoutLetters = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;

/**
 * Terway trims the value, upper-cases it and splits it at the first letter: the part before must
 * be a float above 0, the part after one of its units. Anything else is a ParseFailed event.
 */
export function parseTerwayBandwidth(raw: string): TerwayBandwidth {
  const text = raw.trim();
  if (text === '') return { ok: false, problem: 'empty', number: '', unit: '' };
  const letter = text.search(/\p{L}/u);
  if (letter === -1) return { ok: false, problem: 'no-unit', number: text, unit: '' };
  const numberText = text.slice(0, letter);
  const unit = text.slice(letter);
  const fail = (problem: TerwayProblem) => ({ ok: false as const, problem, number: numberText, unit });
  if (numberText === '') return fail('no-number');
  const number = goFloatWithoutLetters.test(numberText) ? parseDecimal(numberText) : null;
  // Terway works on the float64: an overflow is a parse error, an underflow to 0 is "not > 0".
  const asFloat = Number(numberText);
  if (!number || !Number.isFinite(asFloat)) return fail('not-a-number');
  if (!(asFloat > 0)) return fail('not-positive');
  const exponent = terwayUnits[unit.toUpperCase()];
  if (exponent === undefined) return fail('unknown-unit');
  return { ok: true, text, number, exponent, bytesPerSecond: mul(number, power(1024n, exponent)) };
}

const binaryUnitSuffixes = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

/** bits as a whole number of the largest binary unit that keeps it whole ("80Mi", "1Mi", "8200"). */
function wholeBinaryQuantity(bits: Rational): string | undefined {
  for (let k = binaryUnitSuffixes.length - 1; k >= 0; k--) {
    const scaled = div(bits, power(1024n, k));
    if (isInteger(scaled)) return `${scaled.n}${binaryUnitSuffixes[k]}`;
  }
  return undefined;
}

/**
 * The `kubernetes.io/*-bandwidth` value equal to a Terway bandwidth: bytes/s × 8 = bits/s, with a
 * binary suffix (`10M` → `80Mi`, `128K` → `1Mi`, `0.3M` → `2.4Mi`; `125B` → `1000`). Undefined
 * when the result lies outside what Kubernetes accepts (1k..1P).
 */
export function terwayToKubernetes(bandwidth: Extract<TerwayBandwidth, { ok: true }>): string | undefined {
  const bits = mul(bandwidth.bytesPerSecond, rational(8n));
  const text =
    bandwidth.exponent === 0
      ? toDecimal(bits)
      : (wholeBinaryQuantity(bits) ?? `${toDecimal(mul(bandwidth.number, rational(8n)))}${binaryUnitSuffixes[bandwidth.exponent]}`);
  return text !== null && isAcceptedBandwidth(text) ? text : undefined;
}

// ---------------------------------------------------------------------------------------------
// Reading the annotations

export interface StringAnnotationValue {
  /** The value node as written (an alias stays an alias: its range is what the user sees). */
  node: Node;
  /** The scalar to edit, or null when the value is an alias (a fix would have to touch the anchor). */
  scalar: Scalar | null;
  text: string;
}

export interface BandwidthAnnotation {
  template: PodTemplate;
  entry: Entry;
  direction: Direction;
  /** The value when kubectl reads it as a string; other types are annotation-value-type's business. */
  value: StringAnnotationValue | undefined;
}

function stringAnnotationValue(template: PodTemplate, entry: Entry): StringAnnotationValue | undefined {
  const written = entry.valueNode;
  const target = deref(written, template.owner.doc);
  if (!written || !isScalar(target) || kubectlType(target) !== 'string') return undefined;
  const text = typeof target.value === 'string' ? target.value : String(target.source ?? target.value);
  return { node: written, scalar: isAlias(written) ? null : target, text };
}

/** The pod-template annotations among `keys` (one per direction), with their string values. */
export function bandwidthAnnotations(templates: readonly PodTemplate[], keys: Record<Direction, string>): BandwidthAnnotation[] {
  return podAnnotationsWithKeys(templates, [keys.ingress, keys.egress]).map(({ template, entry }) => ({
    template,
    entry,
    direction: entry.key === keys.ingress ? 'ingress' : 'egress',
    value: stringAnnotationValue(template, entry),
  }));
}
