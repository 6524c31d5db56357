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

function isBlankOrComment(line: string): boolean {
  const trimmed = line.trim();
  return trimmed === '' || trimmed.startsWith('#');
}

/**
 * The suppression comments of a file: `# ack-cni-disable-next-line <rules>` (the next line with
 * content), `# ack-cni-disable-line <rules>` (its own line), `# ack-cni-disable <rules>` (to the
 * end of the YAML document). `documentEnds` holds the last line of each document in order.
 */
export class Suppressions {
  private readonly spans: LineSuppression[] = [];

  constructor(lines: LineIndex, documentEndLines: readonly number[]) {
    const text = lines.text;
    if (!text.includes('ack-cni-disable')) return;
    for (let line = 0; line < lines.lineCount; line++) {
      const content = lines.lineText(line);
      const match = directive.exec(content);
      if (!match) continue;
      const rules = parseRuleList(match[2]);
      if (match[1] === 'disable-line') {
        this.spans.push({ fromLine: line, toLine: line, rules });
      } else if (match[1] === 'disable-next-line') {
        let target = line + 1;
        while (target < lines.lineCount && isBlankOrComment(lines.lineText(target))) target++;
        this.spans.push({ fromLine: target, toLine: target, rules });
      } else {
        const end = documentEndLines.find((last) => last >= line) ?? lines.lineCount - 1;
        this.spans.push({ fromLine: line, toLine: end, rules });
      }
    }
  }

  silences(ruleId: string, line: number): boolean {
    return this.spans.some((s) => line >= s.fromLine && line <= s.toLine && (s.rules === null || s.rules.has(ruleId)));
  }
}
