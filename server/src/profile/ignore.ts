import * as path from 'node:path';
import ignore from 'ignore';

/** Whether `file` matches gitignore-style globs written relative to `baseDir`. */
export function matchesGlobs(file: string, baseDir: string, patterns: readonly string[]): boolean {
  if (patterns.length === 0) return false;
  const relative = path.relative(baseDir, file).split(path.sep).join('/');
  if (relative === '' || relative.startsWith('..')) return false;
  return ignore().add(patterns).ignores(relative);
}

/** Whether a file matches the `ignore:` globs of the profile in force (relative to the profile's folder). */
export function matchesProfileIgnore(file: string, ignoreSpec: { baseDir: string; patterns: string[] } | undefined): boolean {
  return ignoreSpec !== undefined && matchesGlobs(file, ignoreSpec.baseDir, ignoreSpec.patterns);
}
