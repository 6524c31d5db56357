import type { FileResult } from '../lintFiles';
import { displayPath, locate, profileSummary } from './locations';

/** The JSON report of PRODUCT §6: every linted file, with its profile and 1-based positions. */
export function formatJson(results: readonly FileResult[], cwd: string): string {
  const files = results.map((result) => ({
    path: displayPath(result.path, cwd),
    profile: profileSummary(result.profile, cwd),
    diagnostics: locate(result).map((f) => ({
      rule: f.ruleId,
      severity: f.severity,
      message: f.message,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      ...(f.related.length > 0 ? { related: f.related.map((place) => ({ ...place, path: displayPath(place.path, cwd) })) } : {}),
    })),
  }));
  return JSON.stringify({ version: 1, files }, null, 2) + '\n';
}
