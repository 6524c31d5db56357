// Shared by the code-server launcher (route B) and the UI smoke (route A): a code-server on a loopback
// port with every piece of state in a scratch folder, headless Debian Chromium driven by playwright-core,
// and the clean-up of both. Recipe: ../shared/design/REAL-VSCODE-E2E.md.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const e2eDir = join(repoRoot, 'test/e2e');
export const runnerDir = join(e2eDir, 'runner');
/** Scratch space of every run: git-ignored, wiped per scenario. */
export const scratchRoot = join(repoRoot, '.e2e');
export const resultsDir = join(repoRoot, 'test-results');
export const codeServerEntry = join(runnerDir, 'node_modules/code-server/out/node/entry.js');
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** Every scenario, from code-server start to the last check, must finish within this. */
export const scenarioLimitMs = Number(process.env.ACK_E2E_SCENARIO_MS || 120_000);

/** What is missing for the code-server routes, or null when they can run. */
export function missingTools() {
  const missing = [];
  if (!existsSync(codeServerEntry)) missing.push(`code-server (${codeServerEntry})`);
  if (!existsSync(join(runnerDir, 'node_modules/playwright-core/package.json'))) missing.push('playwright-core');
  if (!existsSync(chromiumPath)) missing.push(`chromium (${chromiumPath})`);
  return missing.length > 0 ? `${missing.join(', ')} not installed; run: bash test/e2e/install.sh` : null;
}

export function loadPlaywright() {
  return createRequire(join(runnerDir, 'package.json'))('playwright-core');
}

/** A fresh folder for one scenario, with the state folders code-server, the extension host and Chromium use. */
export function freshRunDir(name) {
  const dir = join(scratchRoot, name);
  rmSync(dir, { recursive: true, force: true });
  for (const sub of ['user-data/User', 'extensions', 'xdg-config', 'xdg-data', 'xdg-cache', 'tmp', 'browser']) {
    mkdirSync(join(dir, sub), { recursive: true });
  }
  return dir;
}

/** Copies a fixture folder (test/e2e/fixtures/NAME) into the run folder and returns the copy's path. */
export function copyFixture(name, runDir, as = 'ws') {
  const target = join(runDir, as);
  cpSync(join(e2eDir, 'fixtures', name), target, { recursive: true });
  return target;
}

/** The environment for code-server and the browser: XDG and temp folders inside the run folder, no gallery. */
export function isolatedEnv(runDir, extra = {}) {
  return {
    ...process.env,
    XDG_CONFIG_HOME: join(runDir, 'xdg-config'),
    XDG_DATA_HOME: join(runDir, 'xdg-data'),
    XDG_CACHE_HOME: join(runDir, 'xdg-cache'),
    TMPDIR: join(runDir, 'tmp'),
    EXTENSIONS_GALLERY: '{}',
    ...extra,
  };
}

export const now = () => performance.now();

/** Polls `check` until it returns a truthy value; a condition wait, not a sleep. An error marked `fatal` ends it at once. */
export async function waitFor(what, check, { timeoutMs = 60_000, intervalMs = 100 } = {}) {
  const deadline = now() + timeoutMs;
  let lastError;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      if (error?.fatal) throw error;
      lastError = error;
    }
    if (now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${lastError.message}` : ''}`);
    await new Promise((done) => setTimeout(done, intervalMs));
  }
}

/** Rejects when `promise` has not settled within `ms`. */
export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: over the ${Math.round(ms / 1000)} s limit`)), ms);
  });
  // Once the race is lost, the scenario's own promise may still reject (its browser was closed under it):
  // that is expected, not an unhandled rejection.
  promise.catch(() => {});
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const settings = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'files.autoSave': 'off',
  'git.enabled': false,
  // Keeps the UI smoke's hover and editor deterministic.
  'editor.hover.delay': 150,
  'workbench.editor.enablePreview': false,
  'window.restoreWindows': 'none',
};

/** The user settings of a run: no welcome page, trust prompt, telemetry, updates, recommendations or autosave. */
export function writeUserSettings(runDir) {
  writeFileSync(join(runDir, 'user-data/User/settings.json'), JSON.stringify(settings, null, 2));
}

/**
 * Puts an extension from test/e2e/fixtures into the run's extensions folder as if installed (the server
 * registers the folder at start). For a language pack it also writes the user data's languagepacks.json
 * the way VS Code's language pack service does after an install (same shape and hash), since
 * `code-server --install-extension` does not run that step; the server reads it to resolve the locale.
 */
export function installFixtureExtension(runDir, name) {
  const source = join(e2eDir, 'fixtures', name);
  const manifest = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8'));
  const id = `${manifest.publisher}.${manifest.name}`;
  const target = join(runDir, 'extensions', `${id}-${manifest.version}`);
  cpSync(source, target, { recursive: true });
  const localizations = manifest.contributes?.localizations ?? [];
  if (localizations.length === 0) return;
  const packsFile = join(runDir, 'user-data', 'languagepacks.json');
  const packs = existsSync(packsFile) ? JSON.parse(readFileSync(packsFile, 'utf8')) : {};
  for (const localization of localizations) {
    packs[localization.languageId] = {
      hash: createHash('md5').update(id).update(manifest.version).digest('hex'),
      extensions: [{ extensionIdentifier: { id }, version: manifest.version }],
      translations: Object.fromEntries(localization.translations.map((t) => [t.id, join(target, t.path)])),
      label: localization.localizedLanguageName ?? localization.languageName,
    };
  }
  writeFileSync(packsFile, JSON.stringify(packs));
}

/**
 * Builds the .vsix (scripts/package.mjs) and installs it into the run's extensions folder with
 * `code-server --install-extension`, as a user would: the UI smoke then drives the shipped artefact.
 */
export function installPackagedExtension(runDir) {
  const vsix = join(runDir, 'ack-cni-lint.vsix');
  const packaged = spawnSync(process.execPath, [join(repoRoot, 'scripts/package.mjs'), '--out', vsix], { encoding: 'utf8' });
  if (packaged.status !== 0) throw new Error(`packaging failed: ${packaged.stderr}${packaged.stdout}`);
  const config = join(runDir, 'install-config.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');
  const installed = spawnSync(
    process.execPath,
    [codeServerEntry, '--config', config, '--user-data-dir', join(runDir, 'user-data'), '--extensions-dir', join(runDir, 'extensions'), '--install-extension', vsix],
    { cwd: runDir, env: isolatedEnv(runDir), encoding: 'utf8', timeout: 60_000 },
  );
  if (installed.status !== 0 || !/was successfully installed/.test(installed.stdout)) {
    throw new Error(`code-server --install-extension failed (${installed.status}): ${installed.stdout}${installed.stderr}`);
  }
  return vsix;
}

/**
 * Starts code-server in its own process group on 127.0.0.1 with an OS-chosen port and waits until
 * /healthz answers. `locale` goes into the user data's argv.json (and --locale).
 */
export async function startCodeServer(runDir, { env = {}, locale, extensions = [] } = {}) {
  const userData = join(runDir, 'user-data');
  for (const name of extensions) installFixtureExtension(runDir, name);
  writeUserSettings(runDir);
  if (locale) writeFileSync(join(userData, 'argv.json'), JSON.stringify({ locale }, null, 2));
  const config = join(runDir, 'config.yaml');
  writeFileSync(config, 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  const logFile = join(runDir, 'code-server.log');
  const log = createWriteStream(logFile);
  const args = [
    codeServerEntry,
    '--config', config,
    '--user-data-dir', userData,
    '--extensions-dir', join(runDir, 'extensions'),
    '--bind-addr', '127.0.0.1:0',
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...(locale ? ['--locale', locale] : []),
  ];
  const started = now();
  // detached: code-server leads a new process group, so its extension host, file watcher and the
  // language server go down with it (kill(-pid)).
  const child = spawn(process.execPath, args, { cwd: runDir, env: isolatedEnv(runDir, env), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });
  let stopping;
  const server = { child, pid: child.pid, runDir, logFile, url: null, startMs: 0, stop: () => (stopping ??= stopProcessGroup(child, log)) };
  registerForCleanup(server);
  try {
    const port = await waitFor('code-server to listen', () => {
      if (exited) throw Object.assign(new Error(`code-server exited (${JSON.stringify(exited)}); log: ${logFile}`), { fatal: true });
      const match = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(readFileSync(logFile, 'utf8'));
      return match && Number(match[1]);
    }, { timeoutMs: 60_000, intervalMs: 50 });
    server.url = `http://127.0.0.1:${port}`;
    await waitFor('code-server /healthz', async () => (await fetch(`${server.url}/healthz`)).ok, { timeoutMs: 60_000, intervalMs: 100 });
    server.startMs = now() - started;
    return server;
  } catch (error) {
    await server.stop();
    throw error;
  }
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to the whole process group, wait until it is gone, SIGKILL after 10 s. */
async function stopProcessGroup(child, log) {
  unregisterForCleanup(child.pid);
  if (groupAlive(child.pid)) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* gone meanwhile */
    }
    try {
      await waitFor('code-server process group to exit', () => !groupAlive(child.pid), { timeoutMs: 10_000, intervalMs: 50 });
    } catch {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* gone meanwhile */
      }
      await waitFor('code-server process group to die', () => !groupAlive(child.pid), { timeoutMs: 5_000, intervalMs: 50 });
    }
  }
  await new Promise((done) => log.end(done));
}

const live = new Map();
function registerForCleanup(server) {
  live.set(server.pid, server);
}
function unregisterForCleanup(pid) {
  live.delete(pid);
}
/** On Ctrl+C or a crash, no code-server is left behind. */
function killAllSync() {
  for (const pid of live.keys()) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  live.clear();
}
process.on('exit', killAllSync);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    killAllSync();
    process.exit(130);
  });
}

/** Headless Debian Chromium with a fresh profile inside the run folder. */
export async function launchBrowser(runDir, { locale } = {}) {
  const { chromium } = loadPlaywright();
  // Chromium inherits the XDG and temp variables, so crash reports and dconf stay in the run folder.
  return chromium.launchPersistentContext(join(runDir, 'browser'), {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1400, height: 900 },
    env: isolatedEnv(runDir),
    ...(locale ? { locale } : {}),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Refuses every request that does not go to the loopback code-server; counts the attempts. */
export async function loopbackOnly(context) {
  const blocked = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    blocked.push(url.href);
    return route.abort();
  });
  return blocked;
}

/** The workbench URL for a folder, with an optional development/test payload (remote authority `remote`). */
export function workbenchUrl(server, folder, payload) {
  let url = `${server.url}/?folder=${encodeURIComponent(folder)}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

export const remoteUri = (path) => `vscode-remote://remote${path}`;

export function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}
