import type { Severity } from '../../engine/finding';
import type { FileResult } from '../lintFiles';
import { countFindings, displayPath, locate } from './locations';

const codes = { red: 31, yellow: 33, blue: 34, grey: 90, bold: 1 } as const;

function paint(enabled: boolean) {
  return (code: keyof typeof codes, text: string) => (enabled ? `\u001b[${codes[code]}m${text}\u001b[0m` : text);
}

const severityColour: Record<Severity, keyof typeof codes> = { error: 'red', warning: 'yellow', info: 'blue', hint: 'grey' };

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** One line per finding — `path:line:col severity rule message`, its related places indented below — then a summary line. */
export function formatText(results: readonly FileResult[], cwd: string, color: boolean): string {
  const c = paint(color);
  const lines: string[] = [];
  for (const result of results) {
    const file = displayPath(result.path, cwd);
    for (const f of locate(result)) {
      lines.push(`${c('bold', `${file}:${f.line}:${f.column}`)} ${c(severityColour[f.severity], f.severity)} ${c('grey', f.ruleId)} ${f.message}`);
      for (const place of f.related) lines.push(`  ${c('grey', `${displayPath(place.path, cwd)}:${place.line}:${place.column}`)} ${place.message}`);
    }
  }
  const totals = countFindings(results);
  const parts = [plural(totals.errors, 'error'), plural(totals.warnings, 'warning')];
  if (totals.infos > 0) parts.push(plural(totals.infos, 'info'));
  if (totals.hints > 0) parts.push(plural(totals.hints, 'hint'));
  const summary = `${parts.join(', ')} in ${plural(results.length, 'file')} checked`;
  lines.push(totals.errors > 0 ? c('red', summary) : totals.warnings > 0 ? c('yellow', summary) : summary);
  return lines.join('\n') + '\n';
}
