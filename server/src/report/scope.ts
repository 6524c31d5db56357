/**
 * The manifest files a report covers: the files the lint command would lint under the same paths
 * (walked honouring .gitignore; `ignore:` of the profile in force; files named explicitly always
 * in), less profiles and Terraform files, which hold cluster plans rather than manifests. The one
 * part of the report that touches the disk.
 */
import * as path from 'node:path';
import { collectFiles } from '../files/walk';
import { isTerraformPath, withTerraform } from '../cluster/readers';
import { matchesProfileIgnore } from '../profile/ignore';
import { resolveProfile, type ReadFile } from '../profile/resolve';
import { profileFileName } from '../profile/types';
import { ruleIds } from '../rules';
import type { ReportFile } from './census';

export interface Scope {
  paths: readonly string[];
  cwd: string;
  /** Reads a file (the editor: unsaved text first); undefined when it cannot be read. */
  readFile: ReadFile;
  /** Where the search for `.ack-cni.yaml` stops (the editor: the workspace folder). */
  stopAt?: string;
  /** Files excluded by other means (the editor's `ackCni.exclude`). */
  excluded?: (file: string) => boolean;
}

/** A manifest in scope that could not be read. */
export class UnreadableFile extends Error {}

export async function manifestsInScope({ paths, cwd, readFile, stopAt, excluded }: Scope): Promise<ReportFile[]> {
  const { files, explicit } = collectFiles(paths, cwd);
  const out: ReportFile[] = [];
  for (const file of files) {
    if (path.basename(file) === profileFileName || isTerraformPath(file)) continue;
    if (!explicit.has(file)) {
      if (excluded?.(file)) continue;
      // A profile's `from:` may name a .tf file, which the Terraform reader is loaded for.
      const { ignore } = await withTerraform(() => resolveProfile({ filePath: file, stopAt, boundary: stopAt ?? cwd }, readFile, ruleIds));
      if (matchesProfileIgnore(file, ignore)) continue;
    }
    const text = readFile(file);
    if (text === undefined) throw new UnreadableFile(`cannot read ${file}`);
    out.push({ path: file, text });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
