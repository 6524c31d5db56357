/**
 * The readiness report for the editor: the manifests of every workspace folder (unsaved text
 * first, `ackCni.exclude` and `ignore:` honoured), with links to each place as file URIs, since
 * the report opens as an unsaved document that has no folder to be relative to.
 */
import * as path from 'node:path';
import type { Locale } from '../l10n';
import { matchesGlobs } from '../profile/ignore';
import type { ReadFile } from '../profile/resolve';
import { buildReadinessReport, type ReportFile } from '../report';
import { renderMarkdown } from '../report/markdown';
import { fileUris } from '../report/paths';
import { manifestsInScope } from '../report/scope';
import type { ReadinessReportResult } from './protocol';

export interface WorkspaceReportRequest {
  folders: readonly string[];
  readFile: ReadFile;
  /** The `ackCni.exclude` globs of a folder. */
  exclude(folder: string): Promise<readonly string[]>;
  locale: Locale;
}

/** The folder paths are shown relative to: the folder itself, or the parent the folders share. */
function commonFolder(folders: readonly string[]): string {
  return folders.reduce((common, folder) => {
    let candidate = common;
    while (folder !== candidate && !folder.startsWith(candidate.endsWith(path.sep) ? candidate : candidate + path.sep)) candidate = path.dirname(candidate);
    return candidate;
  });
}

export async function workspaceReport({ folders, readFile, exclude, locale }: WorkspaceReportRequest): Promise<ReadinessReportResult> {
  if (folders.length === 0) return { markdown: '', files: 0 };
  const files: ReportFile[] = [];
  for (const folder of folders) {
    const globs = await exclude(folder);
    const excluded = (file: string) => matchesGlobs(file, folder, globs);
    files.push(...(await manifestsInScope({ paths: [folder], cwd: folder, readFile, stopAt: folder, excluded })));
  }
  const base = commonFolder(folders);
  const report = buildReadinessReport({ paths: folders.map((folder) => path.relative(base, folder) || path.basename(folder)), files, locale });
  return { markdown: renderMarkdown(report, fileUris(base), locale), files: files.length };
}
