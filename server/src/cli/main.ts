import { toLocale } from '../l10n';
import { parseCliArgs, usage, UsageError, type CliOptions } from './args';
import { lintFiles, ReadError, type FileResult } from './lintFiles';
import { MissingPathError } from '../files/walk';
import { countFindings } from './format/locations';
import { formatText } from './format/text';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';
import { runReport } from './report';

declare const ACK_CNI_LINT_VERSION: string | undefined;
const version = typeof ACK_CNI_LINT_VERSION === 'string' ? ACK_CNI_LINT_VERSION : '0.0.0-dev';

export interface CliIo {
  argv: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  isTty: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
}

function exitCode(results: readonly FileResult[], options: CliOptions): number {
  const totals = countFindings(results);
  if (totals.errors > 0) return 1;
  return options.maxWarnings >= 0 && totals.warnings > options.maxWarnings ? 1 : 0;
}

/** Runs the CLI and returns its exit code: 0 clean, 1 findings over the bar, 2 usage or I/O error. */
export async function runCli(io: CliIo): Promise<number> {
  if (io.argv[0] === 'report') return runReport(io, io.argv.slice(1));
  let options: CliOptions;
  try {
    options = parseCliArgs(io.argv, io.env, io.isTty);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`ack-cni-lint: ${error.message}\nRun "ack-cni-lint --help" for usage.\n`);
    return 2;
  }
  if (options.help) {
    io.stdout(`${usage}\n`);
    return 0;
  }
  if (options.version) {
    io.stdout(`${version}\n`);
    return 0;
  }
  const locale = toLocale(io.env.LC_ALL || io.env.LC_MESSAGES || io.env.LANG);
  let results: FileResult[];
  try {
    results = await lintFiles({
      paths: options.paths,
      cwd: io.cwd,
      profileFile: options.profile,
      explicit: options.cni ? { source: 'cli', values: { cni: options.cni } } : undefined,
      ruleOverrides: options.rules,
      locale,
    });
  } catch (error) {
    if (!(error instanceof MissingPathError) && !(error instanceof ReadError)) throw error;
    io.stderr(`ack-cni-lint: ${error.message}\n`);
    return 2;
  }
  if (options.format === 'json') io.stdout(formatJson(results, io.cwd));
  else if (options.format === 'sarif') io.stdout(formatSarif(results, io.cwd, locale, version));
  else io.stdout(formatText(results, io.cwd, options.color));
  return exitCode(results, options);
}

if (require.main === module) {
  // `ack-cni-lint … | head` closes the pipe early: stop quietly with the exit code so far, no stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  void runCli({
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    env: process.env,
    isTty: Boolean(process.stdout.isTTY),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  }).then((code) => {
    process.exitCode = code;
  });
}
