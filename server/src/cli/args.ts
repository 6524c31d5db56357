import { parseArgs, type ParseArgsConfig } from 'node:util';
import { severities, type SeveritySetting } from '../engine/finding';
import { ruleIds } from '../rules';
import { closest } from '../util/closest';

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CliOptions {
  paths: string[];
  cni?: 'terway' | 'terway-edge' | 'flannel';
  profile?: string;
  format: OutputFormat;
  rules: Map<string, SeveritySetting>;
  /** Warnings allowed before the exit code turns 1; -1 means no limit. */
  maxWarnings: number;
  color: boolean;
  help: boolean;
  version: boolean;
}

/** A command-line mistake: reported with exit code 2. */
export class UsageError extends Error {}

/** node's parseArgs, with positionals allowed and its complaints as usage errors. */
function parse<T extends ParseArgsConfig['options']>(args: string[], options: T) {
  try {
    return parseArgs({ args, allowPositionals: true, options });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export const usage = `Usage: ack-cni-lint [options] [paths...]

Lints Kubernetes manifests (*.yaml, *.yml, *.json) against the CNI of the ACK cluster they
deploy to, taken from the nearest .ack-cni.yaml (or --profile / --cni). Paths default to ".".

Options:
  --cni <terway|terway-edge|flannel>  CNI for files that have no .ack-cni.yaml
  --profile <file>                    use this profile file for every file
  --format <text|json|sarif>          output format (default: text)
  --rule <id>=<severity>              off, hint, info, warning or error (repeatable)
  --max-warnings <n>                  exit 1 when there are more than n warnings
  --no-color                          plain text output
  -h, --help                          show this help
  -v, --version                       show the version

Exit codes: 0 no error-level finding; 1 findings over the bar; 2 usage or I/O error.

ack-cni-lint report [paths...] writes the CNI readiness report (see ack-cni-lint report --help).`;

function parseRule(spec: string): [string, SeveritySetting] {
  const match = /^([a-z0-9-]+)=([a-z]+)$/.exec(spec.trim());
  if (!match) throw new UsageError(`--rule expects <id>=<severity>, e.g. --rule bandwidth-unsupported=off; got "${spec}"`);
  const [, id, severity] = match;
  if (!ruleIds.includes(id)) {
    const guess = closest(id, ruleIds);
    throw new UsageError(`unknown rule "${id}"${guess ? ` (did you mean "${guess}"?)` : ''}`);
  }
  if (!(severities as readonly string[]).includes(severity)) {
    throw new UsageError(`severity of "${id}" must be one of ${severities.join(', ')}; got "${severity}"`);
  }
  return [id, severity as SeveritySetting];
}

export function parseCliArgs(argv: string[], env: NodeJS.ProcessEnv, isTty: boolean): CliOptions {
  const parsed = parse(argv, {
    cni: { type: 'string' },
    profile: { type: 'string' },
    format: { type: 'string', default: 'text' },
    rule: { type: 'string', multiple: true, default: [] },
    'max-warnings': { type: 'string' },
    color: { type: 'boolean' },
    'no-color': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean', short: 'v' },
  });
  const { values, positionals } = parsed;
  const format = values.format as string;
  if (format !== 'text' && format !== 'json' && format !== 'sarif') {
    throw new UsageError(`--format must be text, json or sarif; got "${format}"`);
  }
  const cni = values.cni;
  if (cni !== undefined && cni !== 'terway' && cni !== 'terway-edge' && cni !== 'flannel') {
    throw new UsageError(`--cni must be terway, terway-edge or flannel; got "${cni}"`);
  }
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < -1) {
      throw new UsageError(`--max-warnings expects a whole number; got "${values['max-warnings']}"`);
    }
  }
  const wantsColor = values.color ?? (!values['no-color'] && env.NO_COLOR === undefined && (env.FORCE_COLOR !== undefined || isTty));
  return {
    paths: positionals.length > 0 ? positionals : ['.'],
    ...(cni ? { cni } : {}),
    ...(values.profile ? { profile: values.profile } : {}),
    format,
    rules: new Map((values.rule as string[]).map(parseRule)),
    maxWarnings,
    color: format === 'text' && wantsColor,
    help: values.help ?? false,
    version: values.version ?? false,
  };
}

export type ReportFormat = 'markdown' | 'json';

export interface ReportCliOptions {
  paths: string[];
  format: ReportFormat;
  /** Write the report to this file (links relative to its folder) instead of standard output. */
  output?: string;
  help: boolean;
}

export const reportUsage = `Usage: ack-cni-lint report [options] [paths...]

Writes the CNI readiness report for the manifests under the paths (default "."): the
CNI-sensitive features they use, what would break or be ignored under each CNI option
(Terway shared ENI with NetworkPolicy, DataPath V2, exclusive ENI, Flannel, Terway Edge),
and which CNI to choose. Files are found as the lint command finds them.

Options:
  --format <markdown|json>  output format (default: markdown)
  -o, --output <file>       write to this file; its links are relative to its folder
  -h, --help                show this help

Exit codes: 0 report written; 2 usage or I/O error.`;

export function parseReportArgs(argv: string[]): ReportCliOptions {
  const parsed = parse(argv, {
    format: { type: 'string', default: 'markdown' },
    output: { type: 'string', short: 'o' },
    help: { type: 'boolean', short: 'h' },
  });
  const { values, positionals } = parsed;
  const format = values.format as string;
  if (format !== 'markdown' && format !== 'json') throw new UsageError(`--format must be markdown or json; got "${format}"`);
  return {
    paths: positionals.length > 0 ? positionals : ['.'],
    format,
    ...(values.output !== undefined ? { output: values.output } : {}),
    help: values.help ?? false,
  };
}
