// Builds the .vsix from a staging folder, so packaging never touches the dist/ that tests run.
// Usage: node scripts/package.mjs [--out FILE]   (default: ack-cni-lint-<version>.vsix here)
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { name, version } = (await import(join(root, 'package.json'), { with: { type: 'json' } })).default;
const outArg = process.argv.indexOf('--out');
const out = resolve(outArg === -1 ? join(root, `${name}-${version}.vsix`) : process.argv[outArg + 1]);

const run = (command, args, cwd) => {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

const staging = mkdtempSync(join(tmpdir(), 'ack-cni-package-'));
try {
  for (const entry of ['package.json', 'package.nls.json', 'package.nls.zh-cn.json', '.vscodeignore', 'README.md', 'CHANGELOG.md', 'LICENSE', 'l10n', 'syntaxes', 'docs']) {
    cpSync(join(root, entry), join(staging, entry), { recursive: true });
  }
  run(process.execPath, [join(root, 'scripts/build.mjs'), '--production', '--outdir', join(staging, 'dist')], root);
  run(process.execPath, [join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', out], staging);
} finally {
  rmSync(staging, { recursive: true, force: true });
}
