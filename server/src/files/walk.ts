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

/**
 * The .gitignore files that govern `dir` from above: those of its ancestors up to the repository
 * root. One that ignores `dir` itself is left out: whoever walks a folder a parent repository
 * ignores (a scratch copy, a build output opened in the editor) chose it, and that file does not
 * describe its contents.
 */
function ancestorScopes(dir: string): IgnoreScope[] {
  const scopes: IgnoreScope[] = [];
  let current = path.dirname(dir);
  for (;;) {
    const scope = readGitignore(current);
    if (scope && !isIgnored([scope], dir, true)) scopes.push(scope);
    if (fs.existsSync(path.join(current, '.git'))) return scopes;
    const parent = path.dirname(current);
    if (parent === current) return [];
    current = parent;
  }
}

function* walk(dir: string, scopes: IgnoreScope[]): Generator<string> {
  const own = readGitignore(dir);
  const active = own ? [...scopes, own] : scopes;
  let children: fs.Dirent[];
  try {
    children = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return; // a folder removed or unreadable while walking
  }
  for (const child of children) {
    const full = path.join(dir, child.name);
    if (child.isDirectory()) {
      if (!skippedFolders.has(child.name) && !isIgnored(active, full, true)) yield* walk(full, active);
    } else if (child.isFile() && isLintable(child.name) && !isIgnored(active, full, false)) {
      yield full;
    }
  }
}

/** The lintable files under a folder, one at a time (honouring .gitignore files), so a caller can pause between them. */
export function walkFolder(dir: string): Generator<string> {
  return walk(dir, ancestorScopes(dir));
}

/** Whether a file under `root` is one a walk of `root` would find (lintable, not git-ignored, not in .git or node_modules). */
export function isWalkedFile(file: string, root: string): boolean {
  const relative = path.relative(root, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative) || !isLintable(path.basename(file))) return false;
  const folders = relative.split(path.sep).slice(0, -1);
  if (folders.some((name) => skippedFolders.has(name))) return false;
  const scopes = ancestorScopes(root);
  let dir = root;
  for (const name of ['', ...folders]) {
    dir = name === '' ? root : path.join(dir, name);
    if (name !== '' && isIgnored(scopes, dir, true)) return false;
    const own = readGitignore(dir);
    if (own) scopes.push(own);
  }
  return !isIgnored(scopes, file, false);
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
      for (const file of walkFolder(full)) files.add(file);
    } else {
      files.add(full);
      explicit.add(full);
    }
  }
  return { files: [...files], explicit };
}
