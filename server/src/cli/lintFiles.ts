import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../engine/lint';
import type { Finding, SeveritySetting } from '../engine/finding';
import type { Locale } from '../l10n';
import { resolveProfile, type ExplicitProfile, type ResolvedProfile } from '../profile/resolve';
import { buildWorkspaceIndex } from '../workspace/index';
import { profileFileName } from '../profile/types';
import type { Profile } from '../profile/types';
import { ruleIds } from '../rules';
import { matchesProfileIgnore } from '../profile/ignore';
import { collectFiles } from '../files/walk';
import { decodeFileText } from '../files/decode';
import { isNoFileError } from '../files/missing';
import { detectClusterConfig, initTerraform, isTerraformPath, mayHoldClusterConfig, withTerraform } from '../cluster/readers';

export interface FileResult {
  path: string;
  text: string;
  profile: Profile | undefined;
  findings: Finding[];
}

export interface LintRun {
  paths: readonly string[];
  cwd: string;
  profileFile?: string;
  explicit?: ExplicitProfile;
  ruleOverrides: ReadonlyMap<string, SeveritySetting>;
  locale: Locale;
}

/** An I/O failure on a file the run must read: reported with exit code 2. */
export class ReadError extends Error {}

/** Reads files once per run; `undefined` for files that do not exist (profile search). */
function fileReader(): (file: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  return (file) => {
    if (!cache.has(file)) {
      let text: string | undefined;
      try {
        text = decodeFileText(fs.readFileSync(file));
      } catch (error) {
        if (!isNoFileError(error)) throw new ReadError(`cannot read ${file}: ${(error as Error).message}`);
      }
      cache.set(file, text);
    }
    return cache.get(file);
  };
}

/**
 * Lints every file under the run's paths, each against the profile in force for it, plus the
 * profile files in force (reported under their own path even when outside the given paths).
 * Cluster configurations among the paths serve as the profile where no `.ack-cni.yaml` does.
 */
export async function lintFiles(run: LintRun): Promise<FileResult[]> {
  const readFile = fileReader();
  const profileFile = run.profileFile ? path.resolve(run.cwd, run.profileFile) : undefined;
  if (profileFile && readFile(profileFile) === undefined) throw new ReadError(`profile not found: ${run.profileFile}`);
  const { files, explicit } = collectFiles(run.paths, run.cwd);
  if (files.some(isTerraformPath)) await initTerraform();
  // "The workspace" of the CLI is the set of paths it was given (PRODUCT §3). A CNI given on the
  // command line outranks any cluster configuration, so none is looked for (it parsed 0.5 s of
  // the corpus).
  const clusterConfigs = run.explicit ? undefined : detectClusterConfig(files.filter(mayHoldClusterConfig).map((file) => ({ path: file, text: readFile(file) ?? '' })));
  const results = new Map<string, FileResult>();
  const profilesInForce = new Set<string>();
  const planned = new Map<string, { text: string; isProfile: boolean; resolved: ResolvedProfile }>();
  const planOne = async (file: string) => {
    const text = readFile(file);
    if (text === undefined) throw new ReadError(`cannot read ${file}`);
    const isProfile = path.basename(file) === profileFileName;
    const resolved = await withTerraform(() =>
      resolveProfile(
        {
          filePath: file,
          profileFile: isProfile ? file : profileFile,
          explicit: run.explicit,
          ruleOverrides: run.ruleOverrides,
          clusterConfigs,
          boundary: run.cwd,
        },
        readFile,
        ruleIds,
      ),
    );
    if (!explicit.has(file) && !isProfile && matchesProfileIgnore(file, resolved.ignore)) return;
    if (resolved.profileFile && !isProfile) profilesInForce.add(resolved.profileFile);
    planned.set(file, { text, isProfile, resolved });
  };
  for (const file of files) await planOne(file);
  for (const file of profilesInForce) if (!planned.has(file)) await planOne(file);
  // Cross-file rules see every manifest the run lints.
  const isManifest = (file: string, isProfile: boolean) => !isProfile && !isTerraformPath(file);
  const workspace = buildWorkspaceIndex([...planned].filter(([file, p]) => isManifest(file, p.isProfile)).map(([file, p]) => ({ path: file, text: p.text })));
  for (const [file, { text, isProfile, resolved }] of planned) {
    const findings = lintText(text, {
      profile: isProfile ? undefined : resolved.profile,
      ruleSettings: resolved.ruleSettings,
      locale: run.locale,
      kind: isProfile ? 'profile' : isTerraformPath(file) ? 'terraform' : 'manifest',
      profileFrom: isProfile ? resolved.from : undefined,
      workspace,
      filePath: file,
    });
    results.set(file, { path: file, text, profile: resolved.profile, findings });
  }
  return [...results.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
