import * as path from 'node:path';
import type { Finding } from '../../engine/finding';
import type { Profile } from '../../profile/types';
import { LineIndex } from '../../yaml/lineIndex';
import type { FileResult } from '../lintFiles';

/** 1-based line/column positions, as every CLI format reports them. */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A place that explains a finding, in a file of its own (absolute path). */
export interface LocatedPlace extends Span {
  path: string;
  message: string;
}

export interface LocatedFinding extends Omit<Finding, 'related'>, Span {
  related: LocatedPlace[];
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
    const related = (finding.related ?? []).map(({ file, range, message }) => ({
      path: file ?? result.path,
      message,
      line: range.start.line + 1,
      column: range.start.character + 1,
      endLine: range.end.line + 1,
      endColumn: range.end.character + 1,
    }));
    return { ...finding, related, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
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
