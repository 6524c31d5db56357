import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeQuantityText, isAcceptedBandwidth, kubernetesBandwidthRange, parseKubernetesQuantity } from '../../server/src/rules/support/quantity';
import { bitRateSpelling, byteRateSpelling, milliSlip } from '../../server/src/rules/support/rateSpelling';
import { parseTerwayBandwidth, terwayToKubernetes } from '../../server/src/rules/support/terwayBandwidth';
import { memoByText } from '../../server/src/rules/support/memoByText';
import { ceil, parseDecimal, rational, toDecimal } from '../../server/src/rules/support/rational';

/** A quantity's exact value as "n/d" (or "n"), or the parse problem. */
function quantity(text: string): string {
  const q = parseKubernetesQuantity(text);
  if (!q.ok) return `${q.problem}${q.suffix !== undefined ? ` ${q.suffix}` : ''}`;
  return q.value.d === 1n ? `${q.value.n}` : `${q.value.n}/${q.value.d}`;
}

test('Kubernetes quantities parse to their exact value', () => {
  const cases: Array<[string, string]> = [
    ['10M', '10000000'],
    ['10m', '1/100'],
    ['1k', '1000'],
    ['1P', '1000000000000000'],
    ['10Mi', '10485760'],
    ['1.5Gi', '1610612736'],
    ['0.3Mi', '1572864/5'],
    ['1e3', '1000'],
    ['1E3', '1000'],
    ['1e+3', '1000'],
    ['5e-1', '1/2'],
    ['1E', '1000000000000000000'],
    ['1Ei', '1152921504606846976'],
    ['2n', '1/500000000'],
    ['3u', '3/1000000'],
    ['+5M', '5000000'],
    ['-1M', '-1000000'],
    ['.5k', '500'],
    ['1.k', '1000'],
    ['007k', '7000'],
    ['0', '0'],
    // apimachinery quirks, kept on purpose: a lone sign or point reads as zero.
    ['-', '0'],
    ['.', '0'],
    ['', 'empty'],
    ['10K', 'suffix K'],
    ['10ki', 'suffix ki'],
    ['1e', 'suffix e'],
    ['1ee3', 'suffix ee3'],
    ['10Mi5', 'suffix Mi5'],
    ['10Mbps', 'format'],
    ['10MB', 'format'],
    ['10 M', 'format'],
    [' 10M', 'format'],
    ['1.5.5', 'format'],
    ['2.5e-3k', 'format'],
    ['abc', 'format'],
  ];
  for (const [text, expected] of cases) assert.equal(quantity(text), expected, text);
});

test('absurd exponents saturate instead of expanding, on the right side of the range', () => {
  const huge = parseKubernetesQuantity('1e5000');
  const tiny = parseKubernetesQuantity('1e-5000');
  assert.ok(huge.ok && huge.saturated && kubernetesBandwidthRange(huge.value) === 'too-large');
  assert.ok(tiny.ok && tiny.saturated && kubernetesBandwidthRange(tiny.value) === 'too-small');
  assert.equal(describeQuantityText('1e5000'), '1e5000 bit/s');
  // an int64 exponent is cut to int32 like apimachinery does: 2^32 becomes 0, so this is 1 bit/s.
  assert.equal(quantity('1e4294967296'), '1');
  assert.equal(quantity('1e9223372036854775808'), 'suffix e9223372036854775808');
});

test('Kubernetes accepts 1k..1P bit/s after rounding up to a whole bit/s', () => {
  const cases: Array<[string, ReturnType<typeof kubernetesBandwidthRange> | 'invalid']> = [
    ['1k', 'ok'],
    ['1000', 'ok'],
    ['999', 'too-small'],
    ['999.5', 'ok'], // Value() rounds up to 1000
    ['999.0000001', 'ok'],
    ['1m', 'too-small'],
    ['10m', 'too-small'],
    ['1000000m', 'ok'],
    ['0', 'too-small'],
    ['-10M', 'too-small'],
    ['1P', 'ok'],
    ['1000T', 'ok'],
    ['1000000000000000', 'ok'],
    ['1000000000000000.5', 'too-large'],
    ['1000000000000001', 'too-large'],
    ['1.000001P', 'too-large'],
    ['1Pi', 'too-large'],
    ['909Ti', 'ok'], // 999 456 069 648 384 bit/s
    ['910Ti', 'too-large'], // 1 000 555 581 276 160 bit/s
    ['1E', 'too-large'],
    ['1Ki', 'ok'],
  ];
  for (const [text, expected] of cases) {
    const q = parseKubernetesQuantity(text);
    assert.equal(q.ok ? kubernetesBandwidthRange(q.value) : 'invalid', expected, text);
  }
});

test('bit rates are described exactly', () => {
  const cases: Array<[string, string]> = [
    ['10m', '0.01 bit/s'],
    ['1m', '0.001 bit/s'],
    ['500', '500 bit/s'],
    ['10M', '10 Mbit/s'],
    ['10Mi', '10.48576 Mbit/s'],
    ['1.5k', '1.5 kbit/s'],
    ['2P', '2 Pbit/s'],
    ['1Ei', '1.152921504606846976 Ebit/s'],
    ['1n', '0.000000001 bit/s'],
    ['-1M', '-1 Mbit/s'],
    ['0', '0 bit/s'],
    ['1e30', '1e30 bit/s'],
    ['1.5e-20', '1.5e-20 bit/s'],
    ['123456789012345678e9', '≈1.23456789012345e26 bit/s'],
  ];
  for (const [text, expected] of cases) assert.equal(describeQuantityText(text), expected, text);
});

test('a lowercase m slip is read as mega when that is in range', () => {
  const cases: Array<[string, string | undefined]> = [
    ['10m', '10M'],
    ['1.5m', '1.5M'],
    ['1500m', '1500M'],
    ['2000000m', '2000000M'], // already 2 kbit/s, but the slip reading is in range too
    ['10M', undefined],
    ['2000000000m', undefined], // 2000 Tbit/s: out of range
    ['10k', undefined],
  ];
  for (const [text, expected] of cases) assert.equal(milliSlip(text, parseKubernetesQuantity(text)), expected, text);
});

test('bit-rate spellings map to decimal Kubernetes suffixes; byte spellings to ×8', () => {
  const bits: Array<[string, string | undefined]> = [
    ['10Mbps', '10M'],
    ['10mbps', '10M'],
    ['10Mbit', '10M'],
    ['10Mbits', '10M'],
    ['10Mb', '10M'],
    ['10 Mbit/s', '10M'],
    ['500kbps', '500k'],
    ['500Kbps', '500k'],
    ['1Gbps', '1G'],
    ['1.5Gbps', '1.5G'],
    ['2Tbps', '2T'],
    ['10Mibps', '10Mi'],
    ['1000bps', '1000'],
    ['10bps', undefined], // below 1k
    ['2000Pbps', undefined], // above 1P
    ['10MBps', undefined], // bytes
    ['10MB', undefined],
    ['10Xbps', undefined],
  ];
  for (const [text, expected] of bits) assert.equal(bitRateSpelling(text), expected, text);
  const bytes: Array<[string, { unit: string; bits: string } | undefined]> = [
    ['10MB', { unit: 'MB', bits: '80M' }],
    ['10MBps', { unit: 'MBps', bits: '80M' }],
    ['1.5GiB/s', { unit: 'GiB/s', bits: '12Gi' }],
    ['100KB', { unit: 'KB', bits: '800k' }],
    ['100B', { unit: 'B', bits: '800' }],
    ['10 megabytes', undefined],
    ['10Mbps', undefined],
  ];
  for (const [text, expected] of bytes) assert.deepEqual(byteRateSpelling(text), expected, text);
});

test("Terway's parser: trim, upper-case, split at the first letter, float > 0, known unit", () => {
  const cases: Array<[string, string]> = [
    ['10M', 'ok 10485760'],
    ['10m', 'ok 10485760'],
    ['1m', 'ok 1048576'],
    [' 10 MB ', 'not-a-number 10 |MB'],
    ['10MiB', 'ok 10485760'],
    ['10mib', 'ok 10485760'],
    ['1.5G', 'ok 1610612736'],
    ['100K', 'ok 102400'],
    ['100kb', 'ok 102400'],
    ['2T', 'ok 2199023255552'],
    ['125B', 'ok 125'],
    ['+1M', 'ok 1048576'],
    ['.5K', 'ok 512'],
    ['5.K', 'ok 5120'],
    ['', 'empty |'],
    ['   ', 'empty |'],
    ['100', 'no-unit 100|'],
    ['-1', 'no-unit -1|'],
    ['M', 'no-number |M'],
    ['abc', 'no-number |abc'],
    ['-1M', 'not-positive -1|M'],
    ['0M', 'not-positive 0|M'],
    ['0.0K', 'not-positive 0.0|K'],
    ['1 M', 'not-a-number 1 |M'],
    ['1,5M', 'not-a-number 1,5|M'],
    ['1_000K', 'not-a-number 1_000|K'],
    ['1e3K', 'unknown-unit 1|e3K'],
    ['10Mi', 'unknown-unit 10|Mi'],
    ['10Mbps', 'unknown-unit 10|Mbps'],
    ['10P', 'unknown-unit 10|P'],
    ['100X', 'unknown-unit 100|X'],
  ];
  for (const [text, expected] of cases) {
    const parsed = parseTerwayBandwidth(text);
    const actual = parsed.ok ? `ok ${toDecimal(parsed.bytesPerSecond)}` : `${parsed.problem} ${parsed.number}|${parsed.unit}`;
    assert.equal(actual, expected, JSON.stringify(text));
  }
});

test('Terway bytes/s (1024-based) convert to Kubernetes bits/s exactly', () => {
  const cases: Array<[string, string | undefined]> = [
    ['10M', '80Mi'],
    ['1.5G', '12Gi'],
    ['100K', '800Ki'],
    ['128K', '1Mi'],
    ['0.3M', '2.4Mi'],
    ['0.0625M', '512Ki'],
    ['1m', '8Mi'],
    ['10MB', '80Mi'],
    ['10mib', '80Mi'],
    ['1T', '8Ti'],
    ['100T', '800Ti'],
    ['1.0009765625K', '8200'], // whole in bits only
    ['125B', '1000'],
    ['1024B', '8192'], // B stays a plain number
    ['125.5B', '1004'],
    ['124B', undefined], // 992 bit/s: below 1k
    ['0.1K', undefined], // 819.2 bit/s
    ['125T', undefined], // 1000Ti > 1P
    ['1024T', undefined],
  ];
  for (const [text, expected] of cases) {
    const parsed = parseTerwayBandwidth(text);
    assert.ok(parsed.ok, text);
    assert.equal(terwayToKubernetes(parsed), expected, text);
    if (expected !== undefined) assert.ok(isAcceptedBandwidth(expected), `${expected} is accepted`);
  }
});

test('rational helpers: decimals, ceilings, exact decimal text', () => {
  assert.deepEqual(parseDecimal('2.50'), rational(5n, 2n));
  assert.deepEqual(parseDecimal('-.5'), rational(-1n, 2n));
  assert.equal(parseDecimal('.'), null);
  assert.equal(parseDecimal('1e3'), null);
  assert.equal(ceil(rational(1999n, 2n)), 1000n);
  assert.equal(ceil(rational(-1999n, 2n)), -999n);
  assert.equal(ceil(rational(4n)), 4n);
  assert.equal(toDecimal(rational(12n, 5n)), '2.4');
  assert.equal(toDecimal(rational(-1n, 100n)), '-0.01');
  assert.equal(toDecimal(rational(1n, 1024n)), '0.0009765625');
  assert.equal(toDecimal(rational(1n, 3n)), null);
});

test('memoByText: a text met again is answered from memory, a long one is computed each time, and memory is bounded', () => {
  const computed: string[] = [];
  const lengthOf = memoByText((text: string) => {
    computed.push(text);
    return { length: text.length };
  }, 2);
  const first = lengthOf('10M');
  assert.equal(lengthOf('10M'), first, 'the same answer, not a new one');
  const long = 'x'.repeat(65);
  lengthOf(long);
  lengthOf(long);
  assert.deepEqual(computed, ['10M', long, long]);
  lengthOf('10m');
  lengthOf('1G'); // a third short text: the memory of two is cleared first
  lengthOf('10M');
  assert.deepEqual(computed.slice(3), ['10m', '1G', '10M']);
});

test('Parsed Terway bandwidths met again are the same answer', () => {
  assert.equal(parseTerwayBandwidth('10M'), parseTerwayBandwidth('10M'));
  assert.deepEqual(parseTerwayBandwidth(' 10M '), parseTerwayBandwidth('10M'), 'the trimmed text is the same value');
});
