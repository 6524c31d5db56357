// Bundles the extension client, the language server and the CLI into dist/ with esbuild.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const watch = process.argv.includes('--watch');
// --production: what the .vsix ships, minified and without source maps.
const production = process.argv.includes('--production');
// --outdir DIR: where the bundles go (default dist/); packaging stages them elsewhere.
const outdirArg = process.argv.indexOf('--outdir');
const outdir = outdirArg === -1 ? 'dist' : process.argv[outdirArg + 1];
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  // jsonc-parser's "main" is a UMD build whose requires esbuild cannot follow; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  define: { ACK_CNI_LINT_VERSION: JSON.stringify(version) },
  // yaml's "node" export is CommonJS, which esbuild reaches through a getter on every use of an
  // import (isMap, Scalar…): its ES module build is the same code without them, and a fresh
  // process lints the documents of the 1 MB bench file that matter 8% faster with it.
  alias: { yaml: join(dirname(createRequire(import.meta.url).resolve('yaml/package.json')), 'browser/index.js') },
  absWorkingDir: fileURLToPath(new URL('..', import.meta.url)),
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: `${outdir}/client.js`, external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: `${outdir}/server.js` },
  { entryPoints: ['server/src/cli/main.ts'], outfile: `${outdir}/cli.js`, banner: { js: '#!/usr/bin/env node' } },
];

// Terraform support loads web-tree-sitter's runtime and the Terraform grammar as WebAssembly from
// next to the bundles (server/src/cluster/readers/hcl.ts looks there first).
const require = createRequire(import.meta.url);
const wasmDir = resolve(common.absWorkingDir, outdir);
mkdirSync(wasmDir, { recursive: true });
for (const wasm of ['web-tree-sitter/web-tree-sitter.wasm', '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm']) {
  const source = require.resolve(wasm);
  copyFileSync(source, join(wasmDir, basename(source)));
}

if (watch) {
  const { context } = await import('esbuild');
  for (const entry of entries) await (await context({ ...common, ...entry })).watch();
} else {
  await Promise.all(entries.map((entry) => build({ ...common, ...entry })));
}
