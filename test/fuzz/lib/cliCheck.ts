/**
 * Inputs through the built CLI (dist/cli.js --format json) on a temporary folder: the exit code
 * is 0 or 1, nothing is written to stderr (a crash in the CLI's promise also exits 1, with a
 * stack trace there), the report is JSON that lists every input, each position lies inside its
 * file, and unreadable documents carry their diagnostic. A batch that fails is re-run one input
 * at a time to name the culprit.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { decodeFileText } from '../../../server/src/files/decode';
import { LineIndex } from '../../../server/src/yaml/lineIndex';
import type { Failure, Timing } from './engineCheck';
import { budgetMs, unexplainedDocuments, type Located } from './invariants';
import type { InputKind } from './seeds';
import { repoRoot } from './seeds';

export const cliPath = path.join(repoRoot, 'dist/cli.js');
const rssHook = path.join(__dirname, 'report-rss.cjs');

/** A file an input becomes in the CLI and language-server workspaces. */
export interface FileInput {
  name: string;
  fileName: string;
  kind: InputKind;
  bytes: Buffer;
}

export interface CliOutcome {
  failures: Failure[];
  timings: Timing[];
  /** Peak RSS of the CLI processes, KB. */
  peakRssKb: number;
  runs: number;
}

const rootProfile = 'cni: terway\nterway:\n  networkPolicy: true\n  version: "1.12.0"\n';
const companion = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: companion\nspec:\n  podSelector: {}\n  ingress: [{ports: [{port: 1, endPort: 2}]}]\n';

interface JsonReport {
  version: number;
  files: Array<{ path: string; diagnostics: Array<{ rule: string; line: number; column: number; endLine: number; endColumn: number; message: string }> }>;
}

function readRss(file: string): number {
  if (!fs.existsSync(file)) return 0;
  return Math.max(0, ...fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => Number(line.split(' ')[1])));
}

/** Offset of a 1-based line/column in the text, or an explanation of why it is not inside it. */
function offsetOf(lines: LineIndex, line: number, column: number): number | string {
  if (!Number.isInteger(line) || !Number.isInteger(column) || line < 1 || column < 1) return `position ${line}:${column} is not 1-based`;
  if (line > lines.lineCount) return `line ${line} past the last line ${lines.lineCount}`;
  const width = lines.lineEnd(line - 1) - lines.lineStart(line - 1);
  // A range may end just after the line's content (before its line break), hence width + 1; the
  // line break itself counts as a character there when the range runs up to the next line.
  const lineBreak = line < lines.lineCount ? lines.lineStart(line) - lines.lineEnd(line - 1) : 0;
  if (column - 1 > width + lineBreak) return `column ${column} past the end of line ${line} (${width} characters)`;
  return lines.lineStart(line - 1) + column - 1;
}

function runCli(cwd: string, rssFile: string, timeoutMs: number) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [cliPath, '.', '--format', 'json', '--rule', 'yaml-syntax=error', '--rule', 'template-skipped=hint'], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    timeout: Math.ceil(timeoutMs),
    env: {
      PATH: process.env.PATH,
      LANG: 'C',
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${rssHook}`.trim(),
      ACK_CNI_FUZZ_RSS_FILE: rssFile,
    },
  });
  return { ...result, ms: performance.now() - started };
}

function layout(dir: string, inputs: readonly FileInput[], withRootProfile: boolean): Map<string, { input: FileInput; text: string }> {
  const written = new Map<string, { input: FileInput; text: string }>();
  if (withRootProfile) fs.writeFileSync(path.join(dir, '.ack-cni.yaml'), rootProfile);
  inputs.forEach((input, index) => {
    const folder = path.join(dir, `i${String(index).padStart(4, '0')}`);
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, input.fileName), input.bytes);
    if (input.kind === 'profile') fs.writeFileSync(path.join(folder, 'companion.yaml'), companion);
    written.set(`${path.basename(folder)}/${input.fileName}`, { input, text: decodeFileText(input.bytes) });
  });
  return written;
}

/** Checks one CLI run over `inputs`; returns failures without naming a culprit when several inputs ran together. */
function checkRun(inputs: readonly FileInput[], withRootProfile: boolean, label: string): CliOutcome {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ack-cni-fuzz-cli-')));
  const rssFile = path.join(dir, '..', `${path.basename(dir)}.rss`);
  const failures: Failure[] = [];
  const timings: Timing[] = [];
  try {
    const written = layout(dir, inputs, withRootProfile);
    const bytes = inputs.reduce((sum, input) => sum + input.bytes.length, 0);
    const budget = inputs.reduce((sum, input) => sum + budgetMs(input.bytes.length), 0) + 5_000;
    const result = runCli(dir, rssFile, budget);
    const fail = (what: string, input = label) => failures.push({ input, channel: 'cli', what });
    timings.push({ input: label, channel: 'cli', bytes, ms: result.ms });
    if (result.error) fail(`the CLI did not finish: ${result.error.message} (budget ${budget.toFixed(0)} ms for ${bytes} bytes)`);
    else if (result.signal) fail(`the CLI was killed by ${result.signal}`);
    else if (result.status !== 0 && result.status !== 1) fail(`exit code ${result.status}: ${result.stderr.slice(0, 2000)}`);
    if (result.stderr) fail(`wrote to stderr: ${result.stderr.slice(0, 2000)}`);
    if (failures.length > 0) return { failures, timings, peakRssKb: readRss(rssFile), runs: 1 };

    let report: JsonReport;
    try {
      report = JSON.parse(result.stdout) as JsonReport;
    } catch (error) {
      fail(`stdout is not JSON: ${(error as Error).message}`);
      return { failures, timings, peakRssKb: readRss(rssFile), runs: 1 };
    }
    const listed = new Map(report.files.map((file) => [file.path, file]));
    for (const [relative, { input, text }] of written) {
      const file = listed.get(relative);
      if (!file) {
        fail(`${relative} is missing from the report`, input.name);
        continue;
      }
      const lines = new LineIndex(text);
      const located: Located[] = [];
      for (const d of file.diagnostics) {
        const start = offsetOf(lines, d.line, d.column);
        const end = offsetOf(lines, d.endLine, d.endColumn);
        if (typeof start === 'string' || typeof end === 'string') {
          fail(`${d.rule} at ${d.line}:${d.column}-${d.endLine}:${d.endColumn}: ${typeof start === 'string' ? start : end}`, input.name);
          continue;
        }
        if (end < start) fail(`${d.rule}: range ends before it starts`, input.name);
        if (d.rule === 'internal-error') fail(`internal-error: ${d.message}`, input.name);
        located.push({ ruleId: d.rule, start, end });
      }
      for (const problem of unexplainedDocuments(text, input.kind, located)) fail(problem, input.name);
    }
    return { failures, timings, peakRssKb: readRss(rssFile), runs: 1 };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(rssFile, { force: true });
  }
}

/** Runs the inputs through the CLI in one process; on a failure the batch is re-run input by input. */
export function checkWithCli(inputs: readonly FileInput[], options: { withRootProfile: boolean; label: string }): CliOutcome {
  const outcome = checkRun(inputs, options.withRootProfile, options.label);
  const batchWide = outcome.failures.some((failure) => failure.input === options.label);
  if (!batchWide || inputs.length === 1) return outcome;
  // Something went wrong for the run as a whole: find which inputs cause it.
  const single = inputs.map((input) => checkRun([input], options.withRootProfile, input.name));
  return {
    failures: [...outcome.failures.filter((failure) => failure.input !== options.label), ...single.flatMap((o) => o.failures)],
    timings: outcome.timings,
    peakRssKb: Math.max(outcome.peakRssKb, ...single.map((o) => o.peakRssKb)),
    runs: 1 + single.length,
  };
}
