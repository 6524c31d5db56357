/**
 * The extension tests' entry point (`extensionTestsPath`): the editor's extension host calls run()
 * and exits when the promise settles (0 resolved, 1 rejected). Runs the test files of one scenario
 * (ACK_E2E_SUITE: `en` or `zh-cn`) with mocha's spec reporter, and writes the outcome as JSON to
 * ACK_E2E_RESULT_FILE when set, so the launcher needs no log parsing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha = require('mocha');

const suites: Record<string, string[]> = {
  en: ['diagnostics.test.js', 'hover.test.js', 'codeActions.test.js', 'settings.test.js', 'workspace.test.js', 'recovery.test.js'],
  'zh-cn': ['zhCn.test.js'],
};

interface TestOutcome {
  title: string;
  state: 'passed' | 'failed' | 'skipped';
  durationMs?: number;
  error?: string;
}

export function run(): Promise<void> {
  const suite = process.env.ACK_E2E_SUITE ?? 'en';
  const files = suites[suite];
  if (!files) return Promise.reject(new Error(`unknown ACK_E2E_SUITE ${suite}`));
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 30_000, grep: process.env.ACK_E2E_GREP });
  for (const file of files) mocha.addFile(path.join(__dirname, file));

  const outcomes: TestOutcome[] = [];
  const started = Date.now();
  return new Promise<void>((resolve, reject) => {
    let runner: Mocha.Runner;
    try {
      runner = mocha.run((failures) => {
        const result = {
          suite,
          passes: outcomes.filter((o) => o.state === 'passed').length,
          failures: outcomes.filter((o) => o.state === 'failed').length,
          pending: outcomes.filter((o) => o.state === 'skipped').length,
          durationMs: Date.now() - started,
          tests: outcomes,
        };
        const resultFile = process.env.ACK_E2E_RESULT_FILE;
        if (resultFile) fs.writeFileSync(resultFile, JSON.stringify(result, null, 2));
        console.log(`${suite}: ${result.passes} passed, ${result.failures} failed, ${result.pending} skipped`);
        if (failures > 0) reject(new Error(`${failures} test(s) failed`));
        else resolve();
      });
    } catch (error) {
      reject(error);
      return;
    }
    runner.on('pass', (test) => outcomes.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration }));
    runner.on('fail', (test, error: Error) =>
      outcomes.push({ title: test.fullTitle(), state: 'failed', durationMs: test.duration, error: String(error?.stack ?? error).split('\n').slice(0, 12).join('\n') }),
    );
    runner.on('pending', (test) => outcomes.push({ title: test.fullTitle(), state: 'skipped' }));
  });
}
