import * as path from 'node:path';
import type { Finding } from '../../engine/finding';
import type { Profile } from '../../profile/types';
import { LineIndex } from '../../yaml/lineIndex';
import type { FileResult } from '../lintFiles';

/** A finding with 1-based line/column positions, as every CLI format reports them. */
export interface LocatedFinding extends Finding {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return (relative === '' || relative.startsWith('..') ? file : relative).split(path.sep).join('/');
}

export function locate(result: FileResult): LocatedFinding[] {
  const lines = new LineIndex(result.text);
  return result.findings.map((finding) => {
    const start = lines.position(finding.start);
    const end = lines.position(finding.end);
    return { ...finding, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
  });
}

/** "terway", "flannel" … and where the profile came from, for JSON output. */
export function profileSummary(profile: Profile | undefined, cwd: string): { cni: string; source: string } | null {
  if (!profile) return null;
  const source =
    profile.source.kind === 'file' || profile.source.kind === 'cluster-config'
      ? displayPath(profile.source.path, cwd)
      : profile.source.kind === 'cli'
        ? '--cni'
        : 'settings';
  return { cni: profile.cni, source };
}

export interface Totals {
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
}

export function countFindings(results: readonly FileResult[]): Totals {
  const totals: Totals = { errors: 0, warnings: 0, infos: 0, hints: 0 };
  for (const result of results) {
    for (const finding of result.findings) {
      if (finding.severity === 'error') totals.errors++;
      else if (finding.severity === 'warning') totals.warnings++;
      else if (finding.severity === 'info') totals.infos++;
      else totals.hints++;
    }
  }
  return totals;
}
