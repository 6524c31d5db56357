import { LineIndex } from '../yaml/lineIndex';

/** A span of lines (inclusive) in which some rules, or all when `rules` is null, are silenced. */
interface LineSuppression {
  fromLine: number;
  toLine: number;
  rules: ReadonlySet<string> | null;
}

const directive = /(?:^|\s)#\s*ack-cni-(disable-next-line|disable-line|disable)(?=\s|$)(.*)$/;

export const ignoreAnnotation = 'ack-cni-lint.io/ignore';

/** Rule ids of a suppression list: "a, b c" → {a, b, c}; an empty list means every rule. */
export function parseRuleList(list: string): ReadonlySet<string> | null {
  const ids = list
    .replace(/\s--\s.*$/, '')
    .split(/[\s,]+/)
    .filter((id) => id !== '');
  return ids.length === 0 ? null : new Set(ids);
}

/** A line that starts or ends a YAML document. */
const documentMarker = /^(---|\.\.\.)(\s|$)/;

function isBlankOrComment(line: string): boolean {
  const trimmed = line.trim();
  return trimmed === '' || trimmed.startsWith('#');
}

/**
 * The suppression comments of a file: `# ack-cni-disable-next-line <rules>` (the next line with
 * content), `# ack-cni-disable-line <rules>` (its own line), `# ack-cni-disable <rules>` (to the
 * end of the YAML document). `documentEnds` holds the offset of each document's last character, in order.
 * The next content line and the next document marker of every line are worked out in one pass
 * each, and spans are looked up by line: a file of 50,000 directive comments took minutes when
 * each directive scanned ahead on its own.
 */
export class Suppressions {
  /** The text's lines; undefined when it has no suppression comment, so nothing needs them. */
  private readonly lines: LineIndex | undefined;
  /** Spans of one line, by line. */
  private readonly single = new Map<number, Array<ReadonlySet<string> | null>>();
  /** Spans to the end of a document, sorted by first line, with the furthest end reached so far. */
  private readonly ranges: Array<LineSuppression & { reach: number }> = [];

  constructor(text: string, documentEnds: readonly number[]) {
    if (!text.includes('ack-cni-disable')) return;
    const lines = (this.lines = new LineIndex(text));
    const documentEndLines = documentEnds.map((end) => lines.position(end).line);
    let nextContent: Int32Array | undefined;
    let nextMarker: Int32Array | undefined;
    const addSingle = (line: number, rules: ReadonlySet<string> | null) => {
      const list = this.single.get(line);
      if (list) list.push(rules);
      else this.single.set(line, [rules]);
    };
    let endIndex = 0;
    for (let line = 0; line < lines.lineCount; line++) {
      const content = lines.lineText(line);
      const match = directive.exec(content);
      if (!match) continue;
      const rules = parseRuleList(match[2]);
      if (match[1] === 'disable-line') {
        addSingle(line, rules);
      } else if (match[1] === 'disable-next-line') {
        nextContent ??= scanBackwards(lines, (l) => !isBlankOrComment(lines.lineText(l)));
        addSingle(line + 1 < lines.lineCount ? nextContent[line + 1] : lines.lineCount, rules);
      } else {
        // A document runs to the next `---` (or `...`) marker: the parser's range of a document
        // that does not parse (a template) can stop short of it.
        while (endIndex < documentEndLines.length && documentEndLines[endIndex] < line) endIndex++;
        const parsedEnd = endIndex < documentEndLines.length ? documentEndLines[endIndex] : lines.lineCount - 1;
        nextMarker ??= scanBackwards(lines, (l) => documentMarker.test(lines.lineText(l)));
        const marker = line + 1 < lines.lineCount ? nextMarker[line + 1] : lines.lineCount;
        const toLine = Math.max(parsedEnd, marker - 1);
        const reach = Math.max(toLine, this.ranges.length > 0 ? this.ranges[this.ranges.length - 1].reach : -1);
        this.ranges.push({ fromLine: line, toLine, rules, reach });
      }
    }
  }

  /** Whether a report of the rule starting at `offset` is silenced. */
  silences(ruleId: string, offset: number): boolean {
    if (!this.lines) return false;
    const line = this.lines.position(offset).line;
    if (this.single.get(line)?.some((rules) => rules === null || rules.has(ruleId))) return true;
    // Ranges come in line order; walk back from the last one starting at or before the line
    // while an earlier one can still reach it.
    let low = 0;
    let high = this.ranges.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (this.ranges[mid].fromLine <= line) low = mid + 1;
      else high = mid - 1;
    }
    for (let i = high; i >= 0 && this.ranges[i].reach >= line; i--) {
      const span = this.ranges[i];
      if (line <= span.toLine && (span.rules === null || span.rules.has(ruleId))) return true;
    }
    return false;
  }
}

/** For every line, the first line at or after it that satisfies `is` (the line count when none does). */
function scanBackwards(lines: LineIndex, is: (line: number) => boolean): Int32Array {
  const next = new Int32Array(lines.lineCount);
  let found = lines.lineCount;
  for (let line = lines.lineCount - 1; line >= 0; line--) {
    if (is(line)) found = line;
    next[line] = found;
  }
  return next;
}
