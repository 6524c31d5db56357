import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

/**
 * Loads dist/client.js in a fresh node process with a stand-in for the `vscode` module (every
 * property a callable stub) and times require + activate() until activate returns — what VS Code
 * counts before the extension is "activated"; the language server then starts in its own process.
 * Median over `runs` processes, in ms.
 */
const probe = `
const Module = require('module');
const stub = () => new Proxy(function () {}, {
  get: (_t, key) => (key === 'then' ? undefined : key === Symbol.toPrimitive ? () => '' : stub()),
  apply: () => stub(),
  construct: () => stub(),
});
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'vscode' ? stub() : load.call(this, request, ...rest); };
const started = performance.now();
const extension = require(process.argv[1]);
const context = { subscriptions: [], extensionPath: process.argv[2], asAbsolutePath: (p) => require('path').join(process.argv[2], p), globalState: stub(), workspaceState: stub(), extension: stub() };
try { extension.activate(context); } catch (error) { console.error(String(error)); }
console.log(performance.now() - started);
process.exit(0);
`;

export function activationMs(runs: number): number {
  const root = path.resolve(__dirname, '..');
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const result = spawnSync(process.execPath, ['-e', probe, path.join(root, 'dist/client.js'), root], { encoding: 'utf8' });
    times.push(Number(result.stdout.trim().split('\n').pop()));
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}
