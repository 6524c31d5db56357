import { nonPrintable } from './parse';

const unicodeLineBreaks = /[\u0085\u2028\u2029]/;

/** Anything but tabs, line ends and printable ASCII: most texts hold none, and this is faster to rule out than nonPrintable. */
const beyondPrintableAscii = /[^\t\n\r\x20-\x7E]/;

/**
 * Every character nonPrintable may match, surrogates of either half included, in one class:
 * ruled out far faster than nonPrintable's look-arounds for a lone surrogate (which took 3% of
 * the CLI's time over the corpus, on chunks that hold text beyond ASCII but no surrogate).
 */
const mayBeNonPrintable = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uD800-\uDFFF\uFFFE\uFFFF]/;

/**
 * Whether js-yaml and yaml see the same characters in a text: none that YAML forbids (yaml
 * reports them, js-yaml does not always), and no line break but `\n` and `\r` (NEL and the
 * Unicode line and paragraph separators end a line in YAML 1.1, which js-yaml partly follows:
 * `---\u2028kind: on`).
 */
export function charactersReadAlike(text: string): boolean {
  if (!beyondPrintableAscii.test(text)) return true;
  if (unicodeLineBreaks.test(text)) return false;
  if (!mayBeNonPrintable.test(text)) return true;
  nonPrintable.lastIndex = 0;
  return !nonPrintable.test(text);
}
