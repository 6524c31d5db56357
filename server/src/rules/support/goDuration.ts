/**
 * Go's `time.ParseDuration`, reproduced exactly: Terway reads `releaseAfter` (and other durations
 * in its configuration) with it, so a value is valid precisely when Go accepts it.
 * Grammar: `[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+` or `0`, units ns us µs μs ms s m h, no overflow.
 */
export type GoDuration =
  | { ok: true; nanoseconds: bigint }
  /** `error` is Go's own message, e.g. `time: unknown unit " min" in duration "10 min"`. */
  | { ok: false; error: string };

const nanosecondsPerUnit: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  'µs': 1_000n, // U+00B5 micro sign
  'μs': 1_000n, // U+03BC Greek letter mu
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

const maxMagnitude = 1n << 63n;
/** Go stops accumulating fraction digits beyond this, as `leadingFraction` does. */
const fractionLimit = (maxMagnitude - 1n) / 10n;

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** Go's `strconv.Quote` for the strings met here (printable text). */
function quote(s: string): string {
  return JSON.stringify(s);
}

function invalid(original: string): GoDuration {
  return { ok: false, error: `time: invalid duration ${quote(original)}` };
}

export function parseGoDuration(original: string): GoDuration {
  let s = original;
  let negative = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    negative = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return { ok: true, nanoseconds: 0n };
  if (s === '') return invalid(original);
  let total = 0n;
  while (s !== '') {
    if (!(s[0] === '.' || isDigit(s[0]))) return invalid(original);
    let i = 0;
    let whole = 0n;
    while (isDigit(s[i])) {
      whole = whole * 10n + BigInt(s.charCodeAt(i) - 48);
      if (whole > maxMagnitude) return invalid(original);
      i++;
    }
    const hasWhole = i > 0;
    let fraction = 0n;
    let scale = 1n;
    let hasFraction = false;
    if (s[i] === '.') {
      i++;
      let overflow = false;
      const fractionStart = i;
      while (isDigit(s[i])) {
        if (!overflow) {
          const next = fraction * 10n + BigInt(s.charCodeAt(i) - 48);
          if (fraction > fractionLimit || next > maxMagnitude) overflow = true;
          else {
            fraction = next;
            scale *= 10n;
          }
        }
        i++;
      }
      hasFraction = i > fractionStart;
    }
    if (!hasWhole && !hasFraction) return invalid(original);
    s = s.slice(i);
    let unitLength = 0;
    while (unitLength < s.length && s[unitLength] !== '.' && !isDigit(s[unitLength])) unitLength++;
    if (unitLength === 0) return { ok: false, error: `time: missing unit in duration ${quote(original)}` };
    const unitName = s.slice(0, unitLength);
    s = s.slice(unitLength);
    const unit = nanosecondsPerUnit[unitName];
    if (unit === undefined) return { ok: false, error: `time: unknown unit ${quote(unitName)} in duration ${quote(original)}` };
    if (whole > maxMagnitude / unit) return invalid(original);
    let value = whole * unit;
    // Go adds the fraction as float64(f) * (float64(unit) / scale), truncated.
    if (fraction > 0n) {
      value += BigInt(Math.trunc(Number(fraction) * (Number(unit) / Number(scale))));
      if (value > maxMagnitude) return invalid(original);
    }
    total += value;
    if (total > maxMagnitude) return invalid(original);
  }
  if (!negative && total > maxMagnitude - 1n) return invalid(original);
  return { ok: true, nanoseconds: negative ? -total : total };
}
