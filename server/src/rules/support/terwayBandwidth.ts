/**
 * Terway's own format for the deprecated `k8s.aliyun.com/*-bandwidth`: bytes/s with 1024-based
 * units and a mandatory unit (cni-facts §1.1, src-2), and its exact conversion to a Kubernetes
 * bit rate.
 */
import { div, isInteger, mul, parseDecimal, power, rational, toDecimal, type Rational } from './rational';
import { isAcceptedBandwidth } from './quantity';
import { memoByText } from './memoByText';

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

/**
 * What Go's strconv.ParseFloat accepts from a string without letters. The fraction needs its dot
 * (`\d+(?:\.\d*)?`, not `\d+\.?\d*`): two ways to split a run of digits made a 50,000-digit value
 * followed by a space take a second.
 */
const goFloatWithoutLetters = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * Terway trims the value, upper-cases it and splits it at the first letter: the part before must
 * be a float above 0, the part after one of its units. Anything else is a ParseFailed event.
 */
export const parseTerwayBandwidth = memoByText(readTerwayBandwidth);

function readTerwayBandwidth(raw: string): TerwayBandwidth {
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
