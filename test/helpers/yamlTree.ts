/**
 * Compares two yaml trees as the rules read them: node kinds, values, scalar types and sources,
 * flow style, and the first two places of each range (start, end of the value). The third place
 * (trailing comments) is left out: only yaml's own reads of it matter, and those are compared
 * through the parents' ends.
 */
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import { jsYamlMayRead, mentionsWhatRulesRead, settles } from '../../server/src/engine/cheapPath';
import { provablySettled } from '../../server/src/yaml/blockScan';
import { forgetLastParse, parseYamlDocuments, type YamlDocument } from '../../server/src/yaml/parse';
import { readPositioned, type PositionedReaders } from '../../server/src/yaml/positioned';
import { splitDocuments } from '../../server/src/yaml/split';

function kindOf(node: unknown): string {
  if (isMap(node)) return 'map';
  if (isSeq(node)) return 'seq';
  if (isPair(node)) return 'pair';
  if (isScalar(node)) return 'scalar';
  return String(node);
}

/** The first difference between two trees, as a path and what differs; undefined when none. */
export function treeDifference(actual: unknown, expected: unknown, where = '$'): string | undefined {
  if (kindOf(actual) !== kindOf(expected)) return `${where}: ${kindOf(actual)} instead of ${kindOf(expected)}`;
  if (isPair(actual) && isPair(expected)) {
    return treeDifference(actual.key, expected.key, `${where}.key`) ?? treeDifference(actual.value, expected.value, `${where}.value`);
  }
  if (!isScalar(actual) && !isMap(actual) && !isSeq(actual)) return undefined;
  const other = expected as typeof actual;
  const [start, end] = actual.range ?? [];
  if (start !== other.range?.[0] || end !== other.range?.[1]) return `${where}: range ${start},${end} instead of ${other.range?.[0]},${other.range?.[1]}`;
  if (isScalar(actual) && isScalar(other)) {
    const facts = (node: typeof actual) => JSON.stringify([typeof node.value, String(node.value), node.type, node.source]);
    return facts(actual) === facts(other) ? undefined : `${where}: scalar ${facts(actual)} instead of ${facts(other)}`;
  }
  if ((isMap(actual) || isSeq(actual)) && (isMap(other) || isSeq(other))) {
    if (!!actual.flow !== !!other.flow) return `${where}: flow ${!!actual.flow} instead of ${!!other.flow}`;
    if (actual.items.length !== other.items.length) return `${where}: ${actual.items.length} items instead of ${other.items.length}`;
    for (let index = 0; index < actual.items.length; index++) {
      const difference = treeDifference(actual.items[index], other.items[index], `${where}[${index}]`);
      if (difference) return difference;
    }
  }
  return undefined;
}

/** What the positioned reader made of a text's documents, against yaml. */
export interface PositionedCheck {
  /** Documents one of its readers may take: the block scan any, the parsers those js-yaml may read (engine/cheapPath.ts jsYamlMayRead). */
  candidates: number;
  /** Of those, the ones the positioned reader took, with either. */
  read: number;
  /** Of those, the ones the block scan took. */
  scanned: number;
  /** Where one of those is not what yaml gives: `at <offset>: <what>`. */
  differences: string[];
}

/**
 * Reads each document of a text with the positioned reader (yaml/positioned.ts), from the block
 * scan's frames and from the parsers' each on its own, and with yaml: a document a reader takes
 * must be one yaml reads without an error, as the same tree, starting at the same place. The
 * reader stands in for yaml wherever it accepts.
 */
export function checkPositioned(text: string): PositionedCheck {
  const check: PositionedCheck = { candidates: 0, read: 0, scanned: 0, differences: [] };
  for (const chunk of splitDocuments(text)) {
    const readers: PositionedReaders[] = jsYamlMayRead(chunk.text) ? ['block scan', 'parsers'] : ['block scan'];
    let expected: YamlDocument[] | undefined;
    let read = false;
    // One reader's tree at a time beside yaml's: the fuzzer's documents of up to 1 MB make large trees.
    for (const reader of readers) {
      const positioned = readPositioned(chunk.text, reader);
      if (!positioned) continue;
      read = true;
      if (reader === 'block scan') check.scanned++;
      if (!expected) {
        forgetLastParse();
        expected = parseYamlDocuments(chunk.text);
      }
      const where = `at ${chunk.start} (${reader})`;
      if (expected.length !== 1 || expected[0].errors.length > 0) {
        check.differences.push(`${where}: yaml reads ${expected.length} documents, errors: ${expected[0]?.errors.map((e) => e.message).join('; ')}`);
        break;
      }
      const difference = treeDifference(positioned.doc.contents, expected[0].doc.contents) ?? (positioned.start !== expected[0].start ? `start ${positioned.start} instead of ${expected[0].start}` : undefined);
      if (difference) check.differences.push(`${where}: ${difference}`);
    }
    if (readers.length > 1 || read) check.candidates++;
    if (read) check.read++;
  }
  forgetLastParse();
  return check;
}

/** What the settle scan proved of a text's documents. */
export interface SettleScanCheck {
  /** Documents the scan is asked about (no trigger word) that js-yaml's load settles. */
  settled: number;
  /** Documents the scan proved settled. */
  proven: number;
  /** Where a proven one does not settle the js-yaml way, or yaml finds an error in it: `at <offset>: <what>`. */
  differences: string[];
}

/**
 * Asks the settle scan (yaml/blockScan.ts) about each document of a text the engine would ask
 * it about: every one it proves settled must settle when js-yaml loads it, and be one document
 * yaml reads without an error. The scan stands in for both wherever it proves.
 */
export function checkSettleScan(text: string): SettleScanCheck {
  const check: SettleScanCheck = { settled: 0, proven: 0, differences: [] };
  for (const chunk of splitDocuments(text)) {
    if (mentionsWhatRulesRead(chunk.text)) continue;
    const settled = settles(chunk.text) === true;
    if (settled) check.settled++;
    if (!provablySettled(chunk.text)) continue;
    check.proven++;
    if (!settled) check.differences.push(`at ${chunk.start}: proved settled, but js-yaml's load does not settle it`);
    forgetLastParse();
    const documents = parseYamlDocuments(chunk.text);
    if (documents.length !== 1 || documents[0].errors.length > 0) {
      check.differences.push(`at ${chunk.start}: proved settled, but yaml reads ${documents.length} documents, errors: ${documents[0]?.errors.map((e) => e.message).join('; ')}`);
    }
  }
  forgetLastParse();
  return check;
}
