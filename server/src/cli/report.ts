import * as fs from 'node:fs';
import * as path from 'node:path';
import { toLocale } from '../l10n';
import { decodeFileText } from '../files/decode';
import { isNoFileError } from '../files/missing';
import { MissingPathError } from '../files/walk';
import { buildReadinessReport } from '../report';
import { renderJson } from '../report/json';
import { renderMarkdown } from '../report/markdown';
import { relativeTo } from '../report/paths';
import { manifestsInScope, UnreadableFile } from '../report/scope';
import { parseReportArgs, reportUsage, UsageError } from './args';
import type { CliIo } from './main';

/** A file's text; undefined when it does not exist (the profile search asks about many that do not). */
function readFile(file: string): string | undefined {
  try {
    return decodeFileText(fs.readFileSync(file));
  } catch (error) {
    if (isNoFileError(error)) return undefined;
    throw new UnreadableFile(`cannot read ${file}: ${(error as Error).message}`);
  }
}

/** `ack-cni-lint report`: 0 when the report is written, 2 on a usage or I/O error. */
export async function runReport(io: CliIo, argv: string[]): Promise<number> {
  let options;
  try {
    options = parseReportArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`ack-cni-lint: ${error.message}\nRun "ack-cni-lint report --help" for usage.\n`);
    return 2;
  }
  if (options.help) {
    io.stdout(`${reportUsage}\n`);
    return 0;
  }
  const locale = toLocale(io.env.LC_ALL || io.env.LC_MESSAGES || io.env.LANG);
  const output = options.output !== undefined ? path.resolve(io.cwd, options.output) : undefined;
  let text: string;
  try {
    const files = await manifestsInScope({ paths: options.paths, cwd: io.cwd, readFile });
    const report = buildReadinessReport({ paths: options.paths, files, locale });
    // Written to a file, the links must work from where the file is.
    const paths = relativeTo(io.cwd, output ? path.dirname(output) : io.cwd);
    text = options.format === 'json' ? renderJson(report, paths) : renderMarkdown(report, paths, locale);
  } catch (error) {
    if (!(error instanceof MissingPathError) && !(error instanceof UnreadableFile)) throw error;
    io.stderr(`ack-cni-lint: ${error.message}\n`);
    return 2;
  }
  if (!output) {
    io.stdout(text);
    return 0;
  }
  try {
    fs.writeFileSync(output, text);
  } catch (error) {
    io.stderr(`ack-cni-lint: cannot write ${options.output}: ${(error as Error).message}\n`);
    return 2;
  }
  return 0;
}
