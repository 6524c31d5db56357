// Launcher 1: the same mocha suite in desktop VS Code through @vscode/test-electron's runTests, with
// the executable from VSCODE_EXECUTABLE (e.g. /usr/share/code/code; on Linux it needs a display, e.g.
// `xvfb-run -a npm run test:e2e`). Without VSCODE_EXECUTABLE it says why and skips: VS Code cannot be
// downloaded where only the npm registry and Debian's apt are reachable. Set ACK_E2E_VSCODE_DOWNLOAD=1
// to let runTests download VS Code where the network allows it.
//
//   VSCODE_EXECUTABLE=/path/to/code node test/e2e/launchers/electron.mjs
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSuite } from '../lib/buildSuite.mjs';
import { copyFixture, freshRunDir, installFixtureExtension, writeUserSettings, isolatedEnv, now, repoRoot, scenarioLimitMs, withTimeout } from '../lib/harness.mjs';

export const electronScenarios = {
  en: { suite: 'en', locale: 'en' },
  'zh-cn': { suite: 'zh-cn', locale: 'zh-cn', extensions: ['language-pack-zh-cn'] },
};

/** { skip } when launcher 1 cannot run here, { error } when it is misconfigured, {} when it can run. */
export function electronPrerequisites() {
  const executable = process.env.VSCODE_EXECUTABLE;
  if (executable) return existsSync(executable) ? {} : { error: `VSCODE_EXECUTABLE=${executable} does not exist` };
  if (process.env.ACK_E2E_VSCODE_DOWNLOAD === '1') return {};
  return {
    skip:
      'VSCODE_EXECUTABLE is not set, and VS Code cannot be downloaded here (only the npm registry and Debian apt are reachable); ' +
      'set VSCODE_EXECUTABLE to a desktop VS Code (or ACK_E2E_VSCODE_DOWNLOAD=1 where the network allows)',
  };
}

export async function runElectronScenario(name, { suiteEntry } = {}) {
  const scenario = electronScenarios[name];
  const label = `launcher 1, @vscode/test-electron (${name})`;
  const started = now();
  const outcome = { name: label, exitCode: null, passes: 0, failures: 0, pending: 0, tests: [], timings: {}, error: null, skipped: null };
  const { skip, error } = electronPrerequisites();
  if (skip) return { ...outcome, pending: 1, skipped: skip, tests: [{ title: label, state: 'skipped' }], timings: { totalMs: now() - started } };
  if (error) return { ...outcome, error, timings: { totalMs: now() - started } };

  const runDir = freshRunDir(`electron-${name}`);
  const resultFile = join(runDir, 'result.json');
  try {
    const entry = suiteEntry ?? (await buildSuite());
    const workspace = copyFixture('workspace', runDir);
    writeUserSettings(runDir);
    for (const extension of scenario.extensions ?? []) installFixtureExtension(runDir, extension);
    const { runTests } = createRequire(join(repoRoot, 'package.json'))('@vscode/test-electron');
    const env = isolatedEnv(runDir);
    await withTimeout(
      runTests({
        ...(process.env.VSCODE_EXECUTABLE ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE } : {}),
        extensionDevelopmentPath: repoRoot,
        extensionTestsPath: entry,
        extensionTestsEnv: { ...env, ACK_E2E_SUITE: scenario.suite, ACK_E2E_RESULT_FILE: resultFile },
        launchArgs: [
          workspace,
          '--user-data-dir', join(runDir, 'user-data'),
          '--extensions-dir', join(runDir, 'extensions'),
          '--locale', scenario.locale,
          '--disable-telemetry',
          // runTests adds --no-sandbox, --disable-updates, --skip-welcome, --skip-release-notes, --disable-workspace-trust.
        ],
      }).then(
        (code) => {
          outcome.exitCode = code;
        },
        (error) => {
          outcome.exitCode = 1;
          if (!existsSync(resultFile)) throw error;
        },
      ),
      scenarioLimitMs,
      label,
    );
  } catch (error) {
    outcome.error = error.message;
  }
  if (existsSync(resultFile)) {
    const result = JSON.parse(readFileSync(resultFile, 'utf8'));
    Object.assign(outcome, { passes: result.passes, failures: result.failures, pending: result.pending, tests: result.tests });
  } else if (!outcome.error) {
    outcome.error = `the suite wrote no result (exit code ${outcome.exitCode})`;
  }
  outcome.timings.totalMs = now() - started;
  return outcome;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { printOutcome } = await import('./codeServer.mjs');
  let failed = 0;
  for (const name of process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(electronScenarios)) {
    const outcome = await runElectronScenario(name);
    if (outcome.skipped) console.log(`  ${outcome.name}: skipped: ${outcome.skipped}`);
    else printOutcome(outcome);
    if (outcome.failures > 0 || outcome.error) failed++;
  }
  process.exit(failed > 0 ? 1 : 0);
}
