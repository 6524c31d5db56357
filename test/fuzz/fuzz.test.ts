/**
 * A fixed-seed slice of `npm run fuzz` on every `npm test`: a few hundred mutated corpus documents
 * and the hostile files (all but the multi-megabyte ones, which the full run has) through the
 * engine, the CLI and the language server; then every kept regression input through the engine.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initTerraform } from '../../server/src/cluster/readers';
import { checkWithEngine } from './lib/engineCheck';
import { sliceScale } from './lib/hostile';
import { memoryProblems } from './lib/memory';
import { LspRunner } from './lib/lspCheck';
import { readRegressions, regressionsDir } from './lib/regressions';
import { runFuzz } from './lib/run';

const mutations = 300;
/**
 * Time is for the full run to judge (`npm run fuzz`, 2 s/MB): here, among the other tests on a
 * machine that may be busy, only a call over this many times its budget fails, a blow-up and not
 * a slow spell (a file of 500 documents with directives, all read by yaml, took 0.5 to 1.05 of its
 * budget from run to run).
 */
const sliceOverrunFactor = 5;
/** Hostile files up to this size: the larger ones take minutes through three channels. */
const sliceMaxBytes = 400 * 1024;

test(`fuzz slice: ${mutations} mutated documents and the hostile files up to ${sliceMaxBytes / 1024} KB leave the engine, the CLI and the server without a failure`, { timeout: 600_000 }, async () => {
  const report = await runFuzz({
    seed: 20_250_601,
    mutations,
    hostile: sliceScale,
    hostileFilter: (input) => input.bytes.length <= sliceMaxBytes,
    cli: true,
    lsp: true,
    batchSize: 100,
    hostileCliAlone: false,
    log: () => undefined,
  });
  assert.equal(report.mutated, mutations);
  assert.ok(report.hostile.length >= 50, `only ${report.hostile.length} hostile files ran`);
  // Every input went through every channel.
  assert.equal(report.engine.inputs, mutations + report.hostile.length);
  assert.equal(report.cli.inputs, mutations + report.hostile.length);
  assert.equal(report.lsp.inputs, mutations + report.hostile.length);
  const failures = report.failures.filter((f) => !f.overrun || f.overrun.ms > sliceOverrunFactor * f.overrun.budgetMs);
  assert.deepEqual(failures.map((f) => `[${f.channel}] ${f.input}: ${f.what}`), []);
  assert.deepEqual(report.unhandled, []);
  assert.deepEqual(memoryProblems(report), []);
});

test('fuzz regressions: every input a fuzz run caught passes the engine and the server checks now', { timeout: 120_000 }, async () => {
  await initTerraform();
  const regressions = readRegressions();
  assert.ok(regressions.length > 0, `no fixtures in ${regressionsDir}`);
  for (const regression of regressions) {
    const outcome = checkWithEngine({ name: regression.file, text: regression.text, kind: regression.kind, seed: 1, isJson: regression.file.endsWith('.json') });
    assert.deepEqual(outcome.failures.map((f) => f.what), [], `${regression.file}, which caught: ${regression.caught}`);
  }
  const server = new LspRunner();
  const inputs = regressions.map((regression, seed) => ({ name: regression.file, fileName: regression.file.replace(/^seed-\d+/, 'regression'), kind: regression.kind, text: regression.text, seed }));
  const { failures } = await server.check(inputs);
  const stopped = await server.stop('the regression server');
  assert.deepEqual([...failures, ...stopped.failures].map((f) => `${f.input}: ${f.what}`), []);
});
