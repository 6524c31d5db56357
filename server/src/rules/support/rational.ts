/**
 * Exact rational arithmetic on BigInt. Bandwidth values mix decimal fractions, powers of ten and
 * powers of 1024; floats would misjudge boundaries such as 1P or turn 0.3M × 8 into 2.4000000000000004.
 */

/** n/d in lowest terms with d > 0. */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const rest = x % y;
    x = y;
    y = rest;
  }
  return x;
}

export function rational(n: bigint, d: bigint = 1n): Rational {
  if (d === 0n) throw new RangeError('denominator 0');
  const sign = d < 0n ? -1n : 1n;
  const divisor = gcd(n, d) || 1n;
  return { n: (sign * n) / divisor, d: (sign * d) / divisor };
}

export function mul(a: Rational, b: Rational): Rational {
  return rational(a.n * b.n, a.d * b.d);
}

export function div(a: Rational, b: Rational): Rational {
  return rational(a.n * b.d, a.d * b.n);
}

export function compare(a: Rational, b: Rational): number {
  const left = a.n * b.d;
  const right = b.n * a.d;
  return left < right ? -1 : left > right ? 1 : 0;
}

export function isInteger(r: Rational): boolean {
  return r.d === 1n;
}

/** The smallest integer not below r. */
export function ceil(r: Rational): bigint {
  const quotient = r.n / r.d; // truncates toward zero
  return r.n > 0n && quotient * r.d !== r.n ? quotient + 1n : quotient;
}

/** base^exponent as a rational; a negative exponent gives 1/base^-exponent. */
export function power(base: bigint, exponent: number): Rational {
  return exponent >= 0 ? rational(base ** BigInt(exponent)) : rational(1n, base ** BigInt(-exponent));
}

/** Reads an unsigned or signed decimal: "12", "-0.5", ".5", "5.", "+3.25". Null for anything else. */
export function parseDecimal(text: string): Rational | null {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) return null;
  const fraction = match[3] ?? '';
  const digits = BigInt(`${match[2]}${fraction}` || '0');
  return rational(match[1] === '-' ? -digits : digits, 10n ** BigInt(fraction.length));
}

function countFactor(value: bigint, factor: bigint): number {
  let count = 0;
  let rest = value;
  while (rest % factor === 0n) {
    rest /= factor;
    count++;
  }
  return count;
}

/** How many decimal places r needs, or null when its decimal expansion does not terminate. */
function decimalPlaces(r: Rational): number | null {
  const twos = countFactor(r.d, 2n);
  const fives = countFactor(r.d, 5n);
  if (r.d !== 2n ** BigInt(twos) * 5n ** BigInt(fives)) return null;
  return Math.max(twos, fives);
}

/** The exact decimal text of r ("2.4", "-0.01", "80"); null when it does not terminate. */
export function toDecimal(r: Rational): string | null {
  const places = decimalPlaces(r);
  if (places === null) return null;
  const negative = r.n < 0n;
  const scaled = ((negative ? -r.n : r.n) * 10n ** BigInt(places)) / r.d;
  const digits = scaled.toString().padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  const fraction = digits.slice(digits.length - places).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}
