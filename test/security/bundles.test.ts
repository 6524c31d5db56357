/**
 * What the shipped bundles contain. The CLI (dist/cli.js), the language server (dist/server.js) and the
 * extension client (dist/client.js) bundle their dependencies, so a dependency that shells out or runs
 * strings as code would ship with them. Every such construct found must be on the allow-list below, with
 * the reason it is never driven by workspace content; anything new fails the test. The bundles also hold
 * only runtime dependencies, never a devDependency.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');
const bundles = ['server.js', 'cli.js', 'client.js'] as const;
type Bundle = (typeof bundles)[number];

/** Ways to start a process or turn a string into running code. */
const patterns: Record<string, RegExp> = {
  child_process: /require\(\s*["'](?:node:)?child_process["']\s*\)/g,
  vm: /require\(\s*["'](?:node:)?vm["']\s*\)/g,
  worker_threads: /require\(\s*["'](?:node:)?worker_threads["']\s*\)/g,
  cluster: /require\(\s*["'](?:node:)?cluster["']\s*\)/g,
  eval: /(?<![\w$.])eval\s*\(/g,
  'Function constructor': /(?<![\w$.])(?:new\s+)?Function\s*\(/g,
  'require of a computed name': /(?<![\w$.])require\s*\(\s*(?!["'`][^"'`]*["'`]\s*\))/g,
  'import of a computed name': /(?<![\w$.])import\s*\(\s*(?!["'`][^"'`]*["'`]\s*\))/g,
  'native addon or binding': /process\.(?:dlopen|binding|_linkedBinding)\b/g,
  'timer with a code string': /set(?:Timeout|Interval|Immediate)\(\s*["'`]/g,
};

interface Allowed {
  bundles: Bundle[];
  module: string;
  pattern: string;
  count: number;
  reason: string;
}

const allowed: Allowed[] = [
  {
    bundles: ['server.js'],
    module: 'node_modules/vscode-languageserver/lib/node/files.js',
    pattern: 'child_process',
    count: 1,
    reason:
      'Files.resolve / resolveGlobalNodePath / resolveGlobalYarnPath / resolveModulePath fork node or run npm and yarn to find modules; ' +
      'only servers that load code from the workspace call them, and nothing in the bundle does (checked below).',
  },
  {
    bundles: ['server.js', 'cli.js'],
    module: 'node_modules/web-tree-sitter/web-tree-sitter.cjs',
    pattern: 'eval',
    count: 2,
    reason:
      "Emscripten's dynamic linker evaluates the EM_ASM and EM_JS snippets a WebAssembly side module carries. The only side module " +
      'loaded is the shipped tree-sitter-terraform.wasm, read from the bundle folder, and it carries none (checked below).',
  },
  {
    bundles: ['client.js'],
    module: 'node_modules/vscode-languageclient/lib/node/main.js',
    pattern: 'child_process',
    count: 1,
    reason:
      "Starts the language server: client/src/extension.ts gives it the bundled dist/server.js as a module over IPC (checked below); " +
      'no setting or workspace file reaches the command.',
  },
  {
    bundles: ['client.js'],
    module: 'node_modules/vscode-languageclient/lib/node/processes.js',
    pattern: 'child_process',
    count: 1,
    reason:
      'Kills the server process the client started when it does not exit after shutdown, by its pid: taskkill on Windows; ' +
      'elsewhere a terminateProcess.sh next to the bundle, which the .vsix does not ship, so that call fails without effect.',
  },
];

interface Hit {
  module: string;
  pattern: string;
  line: number;
  text: string;
}

/** Every match of every pattern, attributed to the module esbuild marks with a `// path` comment above it. */
function scan(text: string): Hit[] {
  const lines = text.split('\n');
  const moduleOfLine: string[] = [];
  let current = '(bundle prelude)';
  for (const line of lines) {
    const marker = /^\/\/ ((?:node_modules|server|client)\/\S+)$/.exec(line);
    if (marker) current = marker[1];
    moduleOfLine.push(current);
  }
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineOf = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  const hits: Hit[] = [];
  for (const [pattern, regex] of Object.entries(patterns)) {
    for (const match of text.matchAll(regex)) {
      const line = lineOf(match.index!);
      hits.push({ module: moduleOfLine[line], pattern, line: line + 1, text: lines[line].trim().slice(0, 160) });
    }
  }
  return hits;
}

function countByKey(hits: Hit[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const hit of hits) counts.set(`${hit.module} ${hit.pattern}`, (counts.get(`${hit.module} ${hit.pattern}`) ?? 0) + 1);
  return counts;
}

function countByPattern(text: string): Record<string, number> {
  return Object.fromEntries(Object.entries(patterns).map(([name, regex]) => [name, [...text.matchAll(regex)].length]));
}

const read = (bundle: Bundle, dir = path.join(root, 'dist')) => fs.readFileSync(path.join(dir, bundle), 'utf8');

describe('the bundles start no process and run no string as code, except where allow-listed with a reason', () => {
  test('the scanner finds what it looks for (the check can fail)', () => {
    const sample = [
      '// node_modules/bad/index.js',
      'var cp = require("child_process"); cp.exec(cmd);',
      'eval(code); new Function("return this"); require(name); import(url); process.binding("fs");',
      '// server/src/good.ts',
      'regex.exec(text); obj.eval(x); doFunction(1); require("fs"); import("fs/promises");',
    ].join('\n');
    assert.deepEqual(
      scan(sample).map((h) => `${h.module} ${h.pattern}`).sort(),
      [
        'node_modules/bad/index.js Function constructor',
        'node_modules/bad/index.js child_process',
        'node_modules/bad/index.js eval',
        'node_modules/bad/index.js import of a computed name',
        'node_modules/bad/index.js native addon or binding',
        'node_modules/bad/index.js require of a computed name',
      ],
    );
  });

  for (const bundle of bundles) {
    test(`dist/${bundle}: every hit is allow-listed, and every allow-list entry is still needed`, () => {
      const hits = scan(read(bundle));
      const expected = new Map(allowed.filter((a) => a.bundles.includes(bundle)).map((a) => [`${a.module} ${a.pattern}`, a.count]));
      const unexpected = hits.filter((hit) => !expected.has(`${hit.module} ${hit.pattern}`));
      assert.deepEqual(unexpected, [], `not allow-listed in dist/${bundle}`);
      assert.deepEqual(Object.fromEntries(countByKey(hits)), Object.fromEntries(expected), `dist/${bundle}: counts per allow-list entry`);
      assert.ok(!hits.some((hit) => hit.module.startsWith('server/') || hit.module.startsWith('client/')), 'none in our own code');
    });
  }

  test('the minified bundles the .vsix ships have exactly the same constructs as dist/', { timeout: 120_000 }, () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ack-cni-production-'));
    try {
      const build = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--production', '--outdir', out], { cwd: root, encoding: 'utf8' });
      assert.equal(build.status, 0, build.stderr);
      for (const bundle of bundles) assert.deepEqual(countByPattern(read(bundle, out)), countByPattern(read(bundle)), `${bundle}, minified`);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  test("vscode-languageserver's Files.* module lookups are never called", () => {
    const server = read('server.js');
    const ownModules = /^\/\/ node_modules\/vscode-languageserver\/lib\/node\/(?:files|main)\.js$/;
    let inside = false;
    const outsideText = server
      .split('\n')
      .filter((line) => {
        if (/^\/\/ (?:node_modules|server)\//.test(line)) inside = ownModules.test(line);
        return !inside;
      })
      .join('\n');
    assert.doesNotMatch(outsideText, /\b(?:resolveGlobalNodePath|resolveGlobalYarnPath|resolveModulePath)\b|\bFiles\d*\.resolve\b/);
    for (const file of sourceFiles(path.join(root, 'server/src'))) {
      assert.doesNotMatch(fs.readFileSync(file, 'utf8'), /\bFiles\b.*from 'vscode-languageserver|import\s*\{[^}]*\bFiles\b[^}]*\}\s*from\s*'vscode-languageserver/, file);
    }
  });

  test('the only WebAssembly side module, tree-sitter-terraform.wasm, carries no EM_ASM or EM_JS code for the linker to eval', async () => {
    // The global WebAssembly object, typed here because the project's TypeScript lib has no DOM types.
    const wasm = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<object>; Module: { exports(module: object): Array<{ name: string }> } } }).WebAssembly;
    for (const file of ['tree-sitter-terraform.wasm', 'web-tree-sitter.wasm']) {
      const module = await wasm.compile(fs.readFileSync(path.join(root, 'dist', file)));
      const exported = wasm.Module.exports(module).map((e) => e.name);
      assert.ok(exported.length > 0, `${file} exports something`);
      assert.deepEqual(exported.filter((name) => name === '__start_em_asm' || name === '__stop_em_asm' || name.startsWith('__em_js__')), [], file);
    }
    // The readers load the grammar by its file name from the bundle folder (or node_modules), never from a path a caller passes.
    const calls = sourceFiles(path.join(root, 'server/src')).flatMap((file) => [...fs.readFileSync(file, 'utf8').matchAll(/(?<!function )\binit(?:Terraform|Hcl)\(([^)]*)\)/g)].map((m) => `${path.relative(root, file)}: ${m[1]}`));
    assert.ok(calls.length >= 2);
    for (const call of calls) assert.match(call, /: (?:options)?$/, `called without a folder: ${call}`);
  });

  test('the client starts only the bundled server, over IPC', () => {
    const source = fs.readFileSync(path.join(root, 'client/src/extension.ts'), 'utf8');
    assert.match(source, /const serverModule = context\.asAbsolutePath\('dist\/server\.js'\);/);
    assert.match(source, /run: \{ module: serverModule, transport: TransportKind\.ipc, options: \{ execArgv: \[\.\.\.serverExecArgv\] \} \}/);
    assert.doesNotMatch(source, /\bcommand\s*:|getConfiguration\([^)]*\)\.get<[^>]*>\([^)]*(?:path|command|server)/i);
  });
});

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('the bundles hold runtime dependencies only', () => {
  let lock: { packages: Record<string, { dev?: boolean; devOptional?: boolean; version?: string }> };
  before(() => {
    lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
  });

  for (const bundle of bundles) {
    test(`dist/${bundle}: every bundled package is a production dependency in package-lock.json`, () => {
      const map = JSON.parse(fs.readFileSync(path.join(root, 'dist', `${bundle}.map`), 'utf8')) as { sources: string[] };
      const packages = new Set<string>();
      for (const source of map.sources) {
        const at = source.lastIndexOf('node_modules/');
        if (at === -1) continue;
        const rest = source.slice(at + 'node_modules/'.length).split('/');
        packages.add(source.slice(0, at) + 'node_modules/' + (rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]));
      }
      assert.ok(packages.size > 0, 'the source map lists bundled packages');
      const problems: string[] = [];
      for (const relative of packages) {
        const key = relative.slice(relative.indexOf('node_modules/'));
        const entry = lock.packages[key];
        if (!entry) problems.push(`${key}: not in package-lock.json`);
        else if (entry.dev || entry.devOptional) problems.push(`${key}: a devDependency`);
      }
      assert.deepEqual(problems, []);
    });
  }
});
