/**
 * `npm run fuzz`: at least 10,000 mutated corpus documents plus the hostile files (alias bombs,
 * 10,000-deep nesting, a 50 MB file, binary, UTF-16, odd line ends, long lines, templates, JSON
 * with comments, a 5,000-document stream…) through the engine, the CLI and the language server.
 * Prints the counts, the slowest inputs and peak memory; exits 1 on any failure. Failing mutated
 * inputs are written to test/fuzz/regressions/ (small ones; larger ones are named by seed).
 *
 *   npm run fuzz -- [--seed N] [--count N] [--batch N] [--no-cli] [--no-lsp] [--no-hostile] [--small-hostile] [--verbose]
 */
import * as path from 'node:path';
import { fullScale, sliceScale } from '../test/fuzz/lib/hostile';
import { formatTiming, runFuzz, slowest, type FuzzReport } from '../test/fuzz/lib/run';
import { memoryBoundsKb, memoryProblems } from '../test/fuzz/lib/memory';
import { writeRegression } from '../test/fuzz/lib/regressions';

// No network, in this process and in every CLI and server process it starts (as in `npm test`).
const noNetwork = path.resolve(__dirname, '../test/helpers/no-network.cjs');
require(noNetwork);
process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --require ${noNetwork}`.trim();

function flag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index === -1) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} needs a whole number`);
  return value;
}

function mb(kb: number): string {
  return `${(kb / 1024).toFixed(0)} MB`;
}

function print(report: FuzzReport): void {
  const inputs = report.mutated + report.hostile.length;
  console.log('');
  console.log(`ack-cni-lint fuzz, seed ${report.seed}: ${inputs} inputs (${report.mutated} mutated from ${report.corpusFiles} corpus files and the repository's seeds, ${report.hostile.length} hostile files)`);
  console.log(`  engine: ${report.engine.inputs} inputs × 3 kinds (manifest, profile, terraform) + hover/completion/code actions, ${(report.engine.ms / 1000).toFixed(0)} s`);
  console.log(`  CLI:    ${report.cli.inputs} inputs in ${report.cli.runs} runs, ${(report.cli.ms / 1000).toFixed(0)} s, peak RSS ${mb(report.cli.peakRssKb)}`);
  console.log(`  LSP:    ${report.lsp.inputs} inputs, ${report.lsp.requests} requests, ${report.lsp.servers} server process(es), ${(report.lsp.ms / 1000).toFixed(0)} s, peak RSS ${mb(report.lsp.peakRssKb)}`);
  const samples = report.lsp.rssAfterBatchesKb;
  if (samples.length > 0) console.log(`  mutation server RSS after each of ${samples.length} batches: first ${mb(samples[0])}, last ${mb(samples[samples.length - 1])}, highest ${mb(Math.max(...samples))}`);
  console.log(`  fuzz process peak RSS ${mb(report.mainPeakRssKb)}; total ${(report.ms / 1000).toFixed(0)} s`);
  const bounds = memoryBoundsKb();
  console.log(`  memory bounds: engine process ${mb(bounds.main)}, CLI ${mb(bounds.cli)}, server ${mb(bounds.server)}`);
  for (const channel of ['engine:manifest', 'engine:profile', 'engine:terraform', 'features:manifest', 'features:profile', 'features:terraform', 'cli', 'lsp:diagnostics']) {
    const { absolute, perMb } = slowest(report.timings.filter((t) => t.channel === channel), 3);
    if (absolute.length === 0) continue;
    console.log(`  slowest ${channel}:`);
    for (const t of absolute) console.log(`    ${formatTiming(t)}`);
    if (perMb[0]) console.log(`    worst per MB (inputs ≥ 100 KB): ${formatTiming(perMb[0])}`);
  }
  console.log(`  unhandled rejections / uncaught exceptions: ${report.unhandled.length}`);
  console.log(`  failures: ${report.failures.length}`);
}

async function main(): Promise<number> {
  const seed = option('seed', 1);
  const report = await runFuzz({
    seed,
    mutations: option('count', 10_000),
    hostile: flag('no-hostile') ? undefined : flag('small-hostile') ? sliceScale : fullScale,
    cli: !flag('no-cli'),
    lsp: !flag('no-lsp'),
    batchSize: option('batch', 500),
    hostileCliAlone: true,
    log: (line) => console.log(line),
  });
  const problems = [...report.unhandled, ...memoryProblems(report)];
  print(report);
  const verbose = flag('verbose');
  const shown = verbose ? report.failures : report.failures.slice(0, 40);
  for (const failure of shown) console.log(`\nFAIL [${failure.channel}] ${failure.input}\n  ${failure.what.replace(/\n/g, '\n  ')}`);
  if (shown.length < report.failures.length) console.log(`\n… and ${report.failures.length - shown.length} more (--verbose shows all)`);
  for (const problem of problems) console.log(`\nFAIL ${problem}`);
  for (const input of report.failedInputs) {
    // Inputs only over their time budget are named, not kept: on another machine, or a quieter one, they pass.
    const what = report.failures.find((f) => f.input === input.name && !f.overrun);
    if (!what) {
      console.log(`over budget only, not kept as a fixture: ${input.name}, from ${input.origin} by ${input.applied.join(', ')}`);
      continue;
    }
    const written = writeRegression(input, `${what.channel}: ${what.what.split('\n')[0]}`);
    console.log(written ? `regression fixture: ${path.relative(process.cwd(), written)}` : `not kept as a fixture (too large): ${input.name}, from ${input.origin} by ${input.applied.join(', ')}`);
  }
  return report.failures.length + problems.length === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error);
    process.exitCode = 2;
  },
);
