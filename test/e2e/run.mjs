// `npm run test:e2e`: the real-editor tests.
//   1. launcher 1: the mocha suite in desktop VS Code via @vscode/test-electron (skips without VSCODE_EXECUTABLE);
//   2. launcher 2: the same suite in code-server's extension host (route B), English and zh-cn;
//   3. the UI smoke in code-server + headless Chromium (route A), screenshots in test-results/e2e/;
//   4. the injection grammar tokenized with the YAML grammar code-server ships.
// Needs `bash test/e2e/install.sh` once (code-server, playwright-core, Chromium) and a built dist/.
// Prints one line per scenario and a counted summary last; exits 1 on any failure.
//
//   node test/e2e/run.mjs [--only electron|api|ui|grammar]…   ACK_E2E_GREP=<mocha grep>
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSuite } from './lib/buildSuite.mjs';
import { missingTools, now, resultsDir, seconds } from './lib/harness.mjs';
import { printOutcome, runApiScenario, scenarios as apiScenarios } from './launchers/codeServer.mjs';
import { electronPrerequisites, electronScenarios, runElectronScenario } from './launchers/electron.mjs';
import { runUiSmoke } from './ui/smoke.mjs';
import { runGrammarCheck } from './grammar/injection.mjs';

const only = process.argv.flatMap((arg, i, all) => (arg === '--only' ? [all[i + 1]] : []));
const wanted = (part) => only.length === 0 || only.includes(part);
const started = now();
const outcomes = [];

const missing = missingTools();
if (missing && (wanted('api') || wanted('ui'))) {
  console.error(`test:e2e: ${missing}`);
  console.log('e2e: 0 passed, 1 failed, 0 skipped');
  process.exit(1);
}

const suiteEntry = await buildSuite();

if (wanted('electron')) {
  const { skip } = electronPrerequisites();
  console.log(`== launcher 1: @vscode/test-electron${skip ? ` (skipped: ${skip})` : ''}`);
  for (const name of Object.keys(electronScenarios)) {
    const outcome = await runElectronScenario(name, { suiteEntry });
    if (!outcome.skipped) printOutcome(outcome);
    outcomes.push(outcome);
  }
}

if (wanted('api')) {
  for (const name of Object.keys(apiScenarios)) {
    console.log(`== launcher 2: code-server, route B (${name})`);
    const outcome = await runApiScenario(name, { suiteEntry });
    printOutcome(outcome);
    outcomes.push(outcome);
  }
}

if (wanted('ui')) {
  console.log('== UI smoke: code-server + Chromium, route A');
  const outcome = await runUiSmoke();
  printOutcome(outcome);
  for (const file of outcome.screenshots) console.log(`    screenshot ${file}`);
  outcomes.push(outcome);
}

if (wanted('grammar')) {
  console.log('== injection grammar with VS Code\'s YAML grammar');
  outcomes.push(await runGrammarCheck());
}

const total = (key) => outcomes.reduce((sum, o) => sum + (o[key] ?? 0), 0);
// A harness error (timeout, crash, no result) counts as one more failure.
const errors = outcomes.filter((o) => o.error).length;
const summary = { passed: total('passes'), failed: total('failures') + errors, skipped: total('pending'), durationMs: Math.round(now() - started), scenarios: outcomes };
mkdirSync(join(resultsDir, 'e2e'), { recursive: true });
writeFileSync(join(resultsDir, 'e2e', 'results.json'), JSON.stringify(summary, null, 2));

console.log('');
for (const outcome of outcomes) {
  const state = outcome.skipped ? 'skipped' : outcome.error || outcome.failures > 0 ? 'FAILED' : 'ok';
  const time = outcome.timings?.totalMs ? ` in ${seconds(outcome.timings.totalMs)}` : '';
  console.log(`  ${state.padEnd(7)} ${outcome.name}: ${outcome.passes} passed, ${outcome.failures} failed, ${outcome.pending} skipped${time}`);
}
console.log(`  (results: test-results/e2e/results.json; total ${seconds(summary.durationMs)})`);
console.log(`e2e: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`);
process.exit(summary.failed > 0 ? 1 : 0);
