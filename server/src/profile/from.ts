import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ClusterPlan } from '../cluster/plan';
import { planToProfileValues, plansInFile } from '../cluster/readers';
import type { ProfileValues } from './validate';

/** What `from:` in a `.ack-cni.yaml` points at: one cluster plan, or why not. */
export type FromResolution =
  | { ok: true; path: string; plan: ClusterPlan }
  | { ok: false; path: string; problem: 'outside' | 'missing' | 'none' | 'several'; count: number };

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/**
 * The path with every symbolic link resolved. For a path that does not exist, its deepest existing
 * folder is resolved, so a link to a folder elsewhere is caught (and whether a file exists out there is
 * never revealed by "missing" rather than "outside").
 */
function realPath(file: string): string {
  const missing: string[] = [];
  let current = path.resolve(file);
  for (;;) {
    try {
      return path.join(fs.realpathSync.native(current), ...missing);
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return path.resolve(file);
      missing.unshift(path.basename(current));
      current = parent;
    }
  }
}

/**
 * Reads the cluster configuration a profile's `from:` names, relative to the profile's folder. It
 * must stay inside `boundary` (the workspace folder, or the CLI's working directory; without one, the
 * profile's own folder): a profile in a repository must not make the linter read files elsewhere on
 * the machine, neither through `..` or an absolute path nor through a symbolic link that points out.
 */
export function resolveFrom(profileFile: string, from: string, readFile: (file: string) => string | undefined, boundary: string | undefined): FromResolution {
  const target = path.resolve(path.dirname(profileFile), from);
  const limit = boundary ?? path.dirname(profileFile);
  if (!isInside(target, limit) || !isInside(realPath(target), realPath(limit))) return { ok: false, path: target, problem: 'outside', count: 0 };
  const text = readFile(target);
  if (text === undefined) return { ok: false, path: target, problem: 'missing', count: 0 };
  const plans = plansInFile(text, target).filter((plan) => plan.cni);
  if (plans.length !== 1) return { ok: false, path: target, problem: plans.length === 0 ? 'none' : 'several', count: plans.length };
  return { ok: true, path: target, plan: plans[0] };
}

/** The profile's own values over those of its `from:` plan, section by section. */
export function withFromValues(own: ProfileValues, from: ClusterPlan): ProfileValues {
  const base = planToProfileValues(from);
  const merged: ProfileValues = { ...base, ...own };
  for (const section of ['terway', 'flannel', 'cluster']) {
    const a = base[section];
    const b = own[section];
    if (a && typeof a === 'object' && !Array.isArray(a) && b && typeof b === 'object' && !Array.isArray(b)) merged[section] = { ...a, ...b };
  }
  return merged;
}
