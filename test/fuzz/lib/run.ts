/**
 * The fuzz run: mutated corpus documents and hostile files through the engine, the CLI and the
 * language server, with the failures, timings and peak memory gathered into one report. Used by
 * `npm run fuzz` (scripts/fuzz.ts, the full run) and by test/fuzz/fuzz.test.ts (a fixed-seed slice).
 */
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { initTerraform } from '../../../server/src/cluster/readers';
import { checkWithCli, type FileInput } from './cliCheck';
import { checkWithEngine, type Failure, type Timing } from './engineCheck';
import { hostileInputs, type HostileInput, type HostileScale } from './hostile';
import { LspRunner, type LspInput } from './lspCheck';
import { mutate } from './mutate';
import { inputSeed, Prng } from './prng';
import { builtinSeeds, corpusAvailable, corpusSeeds, repoSeeds, type InputKind, type Seed } from './seeds';

export interface FuzzOptions {
  seed: number;
  /** Mutated inputs to make. */
  mutations: number;
  /** Hostile files at this scale; none when undefined. */
  hostile?: HostileScale;
  /** Hostile files to leave out (by name), e.g. the huge ones in the quick slice. */
  hostileFilter?: (input: HostileInput) => boolean;
  cli: boolean;
  lsp: boolean;
  /** Inputs per CLI run and per language-server process. */
  batchSize: number;
  /** Run each hostile file in a CLI process of its own (exact time and memory per file). */
  hostileCliAlone: boolean;
  log: (line: string) => void;
}

/** One mutated input, rebuilt from (run seed, index) alone. */
export interface MutatedInput {
  name: string;
  seed: number;
  origin: string;
  applied: string[];
  kind: InputKind;
  fileName: string;
  text: string;
}

export interface ChannelFigures {
  inputs: number;
  runs: number;
  peakRssKb: number;
  ms: number;
}

export interface FuzzReport {
  seed: number;
  corpusFiles: number;
  mutated: number;
  hostile: string[];
  failures: Failure[];
  /** Mutated inputs that failed, for regression fixtures. */
  failedInputs: MutatedInput[];
  unhandled: string[];
  timings: Timing[];
  engine: ChannelFigures;
  cli: ChannelFigures;
  lsp: ChannelFigures & { requests: number; servers: number; rssAfterBatchesKb: number[] };
  mainPeakRssKb: number;
  ms: number;
}

let seedCache: { corpus: Seed[]; extra: Seed[] } | undefined;

function seeds(): { corpus: Seed[]; extra: Seed[] } {
  seedCache ??= { corpus: corpusAvailable() ? corpusSeeds() : [], extra: [...repoSeeds(), ...builtinSeeds()] };
  return seedCache;
}

function fileNameFor(seed: Seed, index: number): string {
  if (seed.kind === 'profile') return '.ack-cni.yaml';
  if (seed.kind === 'terraform') return `m${index}.tf`;
  return seed.origin.endsWith('.json') ? `m${index}.json` : `m${index}.yaml`;
}

export function mutatedInput(runSeed: number, index: number): MutatedInput {
  const { corpus, extra } = seeds();
  const seed = inputSeed(runSeed, index);
  const rng = new Prng(seed);
  const pool = corpus.length > 0 && rng.chance(0.85) ? corpus : extra;
  const source = rng.pick(pool);
  const other = () => rng.pick(rng.chance(0.5) && corpus.length > 0 ? corpus : extra).text;
  const { text, applied } = mutate(source.text, { rng, other });
  return { name: `mutation #${index} (seed ${seed})`, seed, origin: source.origin, applied, kind: source.kind, fileName: fileNameFor(source, index), text };
}

function emptyFigures(): ChannelFigures {
  return { inputs: 0, runs: 0, peakRssKb: 0, ms: 0 };
}

/** The fuzz process' peak RSS so far, for the log: which phase takes it near its bound shows there. */
function peakSoFar(): string {
  return `; fuzz process peak ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`;
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const started = performance.now();
  const unhandled: string[] = [];
  const onRejection = (reason: unknown) => unhandled.push(`unhandled rejection: ${reason instanceof Error ? reason.stack : String(reason)}`);
  const onException = (error: Error) => unhandled.push(`uncaught exception: ${error.stack ?? String(error)}`);
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtExceptionMonitor', onException);
  await initTerraform();

  const report: FuzzReport = {
    seed: options.seed,
    corpusFiles: seeds().corpus.length,
    mutated: 0,
    hostile: [],
    failures: [],
    failedInputs: [],
    unhandled,
    timings: [],
    engine: emptyFigures(),
    cli: emptyFigures(),
    lsp: { ...emptyFigures(), requests: 0, servers: 0, rssAfterBatchesKb: [] },
    mainPeakRssKb: 0,
    ms: 0,
  };
  const engineStep = (input: { name: string; text: string; kind: InputKind; seed: number; fileName: string }) => {
    const t = performance.now();
    const outcome = checkWithEngine({ name: input.name, text: input.text, kind: input.kind, seed: input.seed, isJson: input.fileName.endsWith('.json') });
    report.engine.ms += performance.now() - t;
    report.engine.inputs++;
    report.engine.runs += 3;
    report.failures.push(...outcome.failures);
    report.timings.push(...outcome.timings);
    return outcome.failures.length === 0;
  };
  const cliStep = (inputs: FileInput[], label: string, withRootProfile: boolean) => {
    if (!options.cli || inputs.length === 0) return;
    const t = performance.now();
    const outcome = checkWithCli(inputs, { withRootProfile, label });
    report.cli.ms += performance.now() - t;
    report.cli.inputs += inputs.length;
    report.cli.runs += outcome.runs;
    report.cli.peakRssKb = Math.max(report.cli.peakRssKb, outcome.peakRssKb);
    report.failures.push(...outcome.failures);
    report.timings.push(...outcome.timings);
  };
  const lspStep = async (runner: LspRunner, inputs: LspInput[]) => {
    if (!options.lsp || inputs.length === 0) return;
    const t = performance.now();
    const outcome = await runner.check(inputs);
    report.lsp.ms += performance.now() - t;
    report.lsp.inputs += inputs.length;
    report.failures.push(...outcome.failures);
    report.timings.push(...outcome.timings);
  };
  const lspDone = async (runner: LspRunner, label: string) => {
    const { peakRssKb, failures } = await runner.stop(label);
    if (!options.lsp) return [];
    report.lsp.peakRssKb = Math.max(report.lsp.peakRssKb, peakRssKb);
    report.lsp.servers += runner.servers;
    report.lsp.runs += runner.servers;
    report.lsp.requests += runner.requests;
    report.failures.push(...failures);
    return runner.rssAfterBatches;
  };

  // Hostile files first: they are the likeliest to break something.
  if (options.hostile) {
    const hostile = hostileInputs(options.hostile, seeds().corpus).filter(options.hostileFilter ?? (() => true));
    report.hostile = hostile.map((h) => h.name);
    for (const [index, input] of hostile.entries()) {
      const t = performance.now();
      engineStep({ name: input.name, text: input.text, kind: input.kind, seed: index, fileName: input.fileName });
      options.log(`  engine  ${input.name} (${(input.bytes.length / 1024).toFixed(0)} KB): ${(performance.now() - t).toFixed(0)} ms${peakSoFar()}`);
    }
    if (options.cli) {
      const t = performance.now();
      if (options.hostileCliAlone) {
        for (const input of hostile) cliStep([input], input.name, true);
      } else cliStep(hostile, 'hostile files', true);
      options.log(`  cli     ${hostile.length} hostile files: ${(performance.now() - t).toFixed(0)} ms${peakSoFar()}`);
    }
    if (options.lsp) {
      const t = performance.now();
      const runner = new LspRunner();
      await lspStep(
        runner,
        hostile.map((input, index) => ({ name: input.name, fileName: input.fileName, kind: input.kind, text: input.text, seed: index })),
      );
      await lspDone(runner, 'hostile files');
      options.log(`  lsp     ${hostile.length} hostile files: ${(performance.now() - t).toFixed(0)} ms${peakSoFar()}`);
    }
  }

  // One language server for every mutated input: memory that grew with each document would show.
  const mutationServer = new LspRunner();
  for (let from = 0; from < options.mutations; from += options.batchSize) {
    const batch: MutatedInput[] = [];
    for (let index = from; index < Math.min(options.mutations, from + options.batchSize); index++) batch.push(mutatedInput(options.seed, index));
    const failedBefore = new Set(report.failures.map((f) => f.input));
    for (const input of batch) engineStep(input);
    const asFiles = batch.map((input) => ({ name: input.name, fileName: input.fileName, kind: input.kind, bytes: Buffer.from(input.text, 'utf8') }));
    cliStep(asFiles, `CLI batch ${from / options.batchSize}`, (from / options.batchSize) % 2 === 0);
    await lspStep(mutationServer, batch);
    report.mutated += batch.length;
    const failedNow = new Set(report.failures.map((f) => f.input));
    report.failedInputs.push(...batch.filter((input) => failedNow.has(input.name) && !failedBefore.has(input.name)));
    options.log(`  ${report.mutated}/${options.mutations} mutated inputs, ${report.failures.length} failures so far (${((performance.now() - started) / 1000).toFixed(0)} s${peakSoFar()})`);
  }

  report.lsp.rssAfterBatchesKb = (await lspDone(mutationServer, 'the mutation server')) ?? [];

  process.off('unhandledRejection', onRejection);
  process.off('uncaughtExceptionMonitor', onException);
  report.mainPeakRssKb = process.resourceUsage().maxRSS;
  report.ms = performance.now() - started;
  return report;
}

/** The slowest inputs of a channel, by absolute time and by time per MB (inputs of 100 KB or more). */
export function slowest(timings: readonly Timing[], count: number): { absolute: Timing[]; perMb: Timing[] } {
  const absolute = [...timings].sort((a, b) => b.ms - a.ms).slice(0, count);
  const perMb = timings
    .filter((t) => t.bytes >= 100 * 1024)
    .sort((a, b) => b.ms / b.bytes - a.ms / a.bytes)
    .slice(0, count);
  return { absolute, perMb };
}

export function formatTiming(t: Timing): string {
  const mb = t.bytes / (1024 * 1024);
  return `${t.channel.padEnd(28)} ${t.ms.toFixed(0).padStart(7)} ms  ${(t.bytes / 1024).toFixed(0).padStart(8)} KB  ${(t.ms / 1000 / Math.max(mb, 1e-9)).toFixed(2).padStart(8)} s/MB  ${t.input}`;
}

export const fuzzRoot = path.resolve(__dirname, '..');
