// Launcher 2 (route B of REAL-VSCODE-E2E.md): runs the mocha suite inside code-server's Node extension
// host. The workbench URL's `payload` names the extension under development (this repository) and the
// tests (the bundled suite); headless Chromium loads it, the exit code comes back through
// window.codeAutomationExit and mocha's output through window.codeAutomationLog.
//
//   node test/e2e/launchers/codeServer.mjs [en|zh-cn]…     (default: both)
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { pathToFileURL } from 'node:url';
import { buildSuite } from '../lib/buildSuite.mjs';
import {
  copyFixture,
  freshRunDir,
  launchBrowser,
  loopbackOnly,
  missingTools,
  now,
  remoteUri,
  repoRoot,
  scenarioLimitMs,
  seconds,
  startCodeServer,
  withTimeout,
  workbenchUrl,
} from '../lib/harness.mjs';

/**
 * Workbench and extension host lines that say nothing about the tests: connection set-up, and the gallery
 * being off on purpose. Kept in extension-host.log, left out of the console.
 */
const hostNoise =
  /^(Ignoring fetching additional builtin extensions from gallery as it is disabled\.|Updating additional builtin extensions cache|No extension gallery service configured\.|Resolving connection token|Resolved connection token|Creating a socket|\[Service Worker\] registered|ChatSessionStore: )/;

/** The route B scenarios: the same fixture workspace, English and Simplified Chinese display language. */
export const scenarios = {
  en: { suite: 'en' },
  // zh-cn needs an installed language pack to become the display language; the real one cannot be
  // fetched offline, so a stub pack without translations stands in (fixtures/language-pack-zh-cn).
  'zh-cn': { suite: 'zh-cn', locale: 'zh-cn', extensions: ['language-pack-zh-cn'] },
};

/**
 * Runs one scenario and returns { name, exitCode, passes, failures, pending, tests, timings, error }.
 * Never throws: a harness failure is reported as a failed scenario.
 */
export async function runApiScenario(name, { suiteEntry } = {}) {
  const scenario = scenarios[name];
  const label = `route B (${name})`;
  const started = now();
  const runDir = freshRunDir(`api-${name}`);
  const resultFile = join(runDir, 'result.json');
  const hostLog = join(runDir, 'extension-host.log');
  const timings = {};
  let server;
  let context;
  const outcome = { name: label, exitCode: null, passes: 0, failures: 0, pending: 0, tests: [], timings, error: null, runDir };
  const body = async () => {
    const entry = suiteEntry ?? (await buildSuite());
    const workspace = copyFixture('workspace', runDir);
    server = await startCodeServer(runDir, {
      env: { ACK_E2E_SUITE: scenario.suite, ACK_E2E_RESULT_FILE: resultFile },
      locale: scenario.locale,
      extensions: scenario.extensions,
    });
    timings.serverReadyMs = server.startMs;
    const browserStart = now();
    context = await launchBrowser(runDir, { locale: scenario.locale });
    const blocked = await loopbackOnly(context);
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => appendFileSync(join(runDir, 'browser-console.log'), `${message.type()}: ${message.text()}\n`));
    let exit;
    const exited = new Promise((resolve) => {
      exit = resolve;
    });
    await page.exposeFunction('codeAutomationExit', (code) => exit(code));
    await page.exposeFunction('codeAutomationLog', (_type, args) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      appendFileSync(hostLog, `${line}\n`);
      if (!hostNoise.test(line)) process.stdout.write(`${line.replace(/^/gm, '    ')}\n`);
    });
    const payload = [
      ['extensionDevelopmentPath', remoteUri(repoRoot)],
      ['extensionTestsPath', remoteUri(entry)],
    ];
    await page.goto(workbenchUrl(server, workspace, payload));
    outcome.exitCode = await exited;
    timings.browserToExitMs = now() - browserStart;
    if (blocked.length > 0) console.log(`    (refused ${blocked.length} off-machine request(s): ${[...new Set(blocked)].slice(0, 3).join(', ')})`);
  };
  try {
    const missing = missingTools();
    if (missing) throw new Error(missing);
    await withTimeout(body(), scenarioLimitMs, label);
  } catch (error) {
    outcome.error = error.message;
  } finally {
    await context?.close().catch(() => {});
    await server?.stop().catch(() => {});
  }
  if (existsSync(resultFile)) {
    const result = JSON.parse(readFileSync(resultFile, 'utf8'));
    Object.assign(outcome, { passes: result.passes, failures: result.failures, pending: result.pending, tests: result.tests });
  } else if (!outcome.error) {
    outcome.error = `the suite wrote no result (exit code ${outcome.exitCode}); see ${hostLog}`;
  }
  if (outcome.exitCode !== 0 && outcome.failures === 0 && !outcome.error) outcome.error = `exit code ${outcome.exitCode} with no failed test`;
  timings.totalMs = now() - started;
  return outcome;
}

export function printOutcome(outcome) {
  const { timings } = outcome;
  const parts = [`${outcome.passes} passed, ${outcome.failures} failed, ${outcome.pending} skipped`];
  if (outcome.exitCode != null) parts.push(`exit code ${outcome.exitCode}`);
  if (timings.serverReadyMs) parts.push(`code-server ready ${seconds(timings.serverReadyMs)}`);
  if (timings.browserToExitMs) parts.push(`browser to exit ${seconds(timings.browserToExitMs)}`);
  parts.push(`total ${seconds(timings.totalMs)}`);
  console.log(`  ${outcome.name}: ${parts.join(', ')}`);
  for (const test of outcome.tests ?? []) if (test.state === 'failed') console.log(`    FAILED ${test.title}\n${test.error.replace(/^/gm, '      ')}`);
  if (outcome.error) console.log(`    ERROR ${outcome.error}`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const names = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(scenarios);
  const suiteEntry = await buildSuite();
  let failed = 0;
  for (const name of names) {
    console.log(`== ${name}`);
    const outcome = await runApiScenario(name, { suiteEntry });
    printOutcome(outcome);
    if (outcome.failures > 0 || outcome.error) failed++;
  }
  process.exit(failed > 0 ? 1 : 0);
}
