import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { profileFileName } from '../profile/types';

interface IgnoreScope {
  base: string;
  matcher: Ignore;
}

const skippedFolders = new Set(['.git', 'node_modules']);

export function isLintable(fileName: string): boolean {
  return fileName === profileFileName || /\.(ya?ml|json|tf)$/i.test(fileName);
}

function readGitignore(dir: string): IgnoreScope | undefined {
  try {
    return { base: dir, matcher: ignore().add(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8')) };
  } catch {
    return undefined;
  }
}

function isIgnored(scopes: readonly IgnoreScope[], fullPath: string, isDir: boolean): boolean {
  return scopes.some(({ base, matcher }) => {
    const relative = path.relative(base, fullPath).split(path.sep).join('/');
    return relative !== '' && !relative.startsWith('..') && matcher.ignores(isDir ? `${relative}/` : relative);
  });
}

/** The .gitignore files that govern `dir` from above: those of its ancestors up to the repository root. */
function ancestorScopes(dir: string): IgnoreScope[] {
  const scopes: IgnoreScope[] = [];
  let current = path.dirname(dir);
  for (;;) {
    const scope = readGitignore(current);
    if (scope) scopes.push(scope);
    if (fs.existsSync(path.join(current, '.git'))) return scopes;
    const parent = path.dirname(current);
    if (parent === current) return [];
    current = parent;
  }
}

function walk(dir: string, scopes: IgnoreScope[], out: string[]): void {
  const own = readGitignore(dir);
  const active = own ? [...scopes, own] : scopes;
  const children = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const child of children) {
    const full = path.join(dir, child.name);
    if (child.isDirectory()) {
      if (!skippedFolders.has(child.name) && !isIgnored(active, full, true)) walk(full, active, out);
    } else if (child.isFile() && isLintable(child.name) && !isIgnored(active, full, false)) {
      out.push(full);
    }
  }
}

/** A path given on the command line that does not exist. */
export class MissingPathError extends Error {}

/**
 * The files to lint under the given paths: folders are walked for YAML/JSON files and
 * `.ack-cni.yaml` (honouring .gitignore files); files named explicitly are always included.
 */
export function collectFiles(paths: readonly string[], cwd: string): { files: string[]; explicit: Set<string> } {
  const files = new Set<string>();
  const explicit = new Set<string>();
  for (const given of paths) {
    const full = path.resolve(cwd, given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch {
      throw new MissingPathError(`no such file or folder: ${given}`);
    }
    if (stat.isDirectory()) {
      const found: string[] = [];
      walk(full, ancestorScopes(full), found);
      for (const file of found) files.add(file);
    } else {
      files.add(full);
      explicit.add(full);
    }
  }
  return { files: [...files], explicit };
}
