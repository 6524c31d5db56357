// Bundles the extension-host test suite (test/e2e/suite/*.ts) into .e2e/suite/, one file per entry so
// mocha loads each test file on its own; `vscode` comes from the host and `mocha` from node_modules.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { e2eDir, repoRoot, scratchRoot } from './harness.mjs';

export const suiteOutDir = join(scratchRoot, 'suite');
export const suiteEntry = join(suiteOutDir, 'index.js');

export async function buildSuite() {
  const sourceDir = join(e2eDir, 'suite');
  const entryPoints = readdirSync(sourceDir)
    .filter((name) => name === 'index.ts' || name.endsWith('.test.ts'))
    .map((name) => join(sourceDir, name));
  rmSync(suiteOutDir, { recursive: true, force: true });
  await build({
    entryPoints,
    outdir: suiteOutDir,
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
    absWorkingDir: repoRoot,
  });
  return suiteEntry;
}
