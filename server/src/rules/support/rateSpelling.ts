/** Slips in `kubernetes.io/*-bandwidth` values that have one unambiguous reading (`10m`, `10Mbps`, `10MB`). */
import { mul, parseDecimal, rational, toDecimal, type Rational } from './rational';
import { isAcceptedBandwidth, type KubernetesQuantity } from './quantity';

/** `10m` (milli) written for `10M` (mega): the mega reading, when Kubernetes accepts it. */
export function milliSlip(text: string, quantity: KubernetesQuantity): string | undefined {
  if (!quantity.ok || quantity.suffix !== 'm') return undefined;
  const candidate = `${text.slice(0, -1)}M`;
  return isAcceptedBandwidth(candidate) ? candidate : undefined;
}

// The tail takes any characters, line breaks included (bitTail and byteTail reject those): with
// `(.+)$`, a value of many digits followed by a second line backtracked through every digit.
const rateSpelling = /^(\d+(?:\.\d*)?|\.\d+)\s*([kKmMgGtTpP]?)(i?)([\s\S]+)$/;
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
