/**
 * One input through the engine in-process: lintText as a manifest, as a profile and as a
 * Terraform file, hover and completion at several offsets, and the code actions of every
 * finding (including fix-all). Exceptions, internal-error findings, ranges outside the text,
 * unexplained unreadable documents and time over budget are failures.
 */
import { lintText, type FileKind } from '../../../server/src/engine/lint';
import { forgetLastParse } from '../../../server/src/yaml/parse';
import { checkPositioned, checkSettleScan } from '../../helpers/yamlTree';
import type { Finding, FileChange } from '../../../server/src/engine/finding';
import { hoverAt } from '../../../server/src/features/hover';
import { completionsAt } from '../../../server/src/features/completion';
import { actionsForFinding, fixAllPlan } from '../../../server/src/features/codeActions';
import type { FeatureContext } from '../../../server/src/features/types';
import { buildProfile } from '../../../server/src/profile/resolve';
import type { Profile } from '../../../server/src/profile/types';
import type { ProfileValues } from '../../../server/src/profile/validate';
import type { Locale } from '../../../server/src/l10n';
import { timed } from './clock';
import { Prng } from './prng';
import { budgetMs, overBudget, overBudgetRetries, rangeProblem, unexplainedDocuments, type Overrun } from './invariants';
import type { InputKind } from './seeds';

export interface Failure {
  input: string;
  channel: 'engine' | 'cli' | 'lsp';
  what: string;
  /** Set when the failure is about time alone. */
  overrun?: Overrun;
}

export interface Timing {
  input: string;
  channel: string;
  bytes: number;
  ms: number;
}

const profileFileText = 'cni: terway\nterway:\n  eniMode: shared\n  networkPolicy: false\n';
const profileValues: Array<ProfileValues | undefined> = [
  undefined,
  { cni: 'flannel' },
  { cni: 'terway' },
  { cni: 'terway', terway: { networkPolicy: true, version: '1.10.0' } },
  { cni: 'terway', terway: { eniMode: 'exclusive', datapath: 'ipvlan', networkPolicy: true } },
  { cni: 'terway', terway: { eniMode: 'mixed', trunking: true, ipStack: 'dual', ipamType: 'legacy', networkPriority: true, datapath: 'datapathv2' } },
  { cni: 'terway-edge', cluster: { edition: 'edge', kubernetesVersion: '1.20' } },
  { cni: 'flannel', flannel: { bandwidth: true }, cluster: { edition: 'basic', podCidr: '172.20.0.0/24', nodeCidrMask: 26, nodes: 40 } },
];

/** The profiles inputs rotate through; file-backed so that fixes which edit the profile are made too. */
export const profiles: Array<Profile | undefined> = profileValues.map((values) =>
  values ? buildProfile(values, { kind: 'file', path: '/fuzz/.ack-cni.yaml' }, profileFileText) : undefined,
);

export interface EngineInput {
  name: string;
  text: string;
  /** The kind its file name gives; every kind is tried, this one decides which failures are expected. */
  kind: InputKind;
  seed: number;
  isJson?: boolean;
}

export interface EngineOutcome {
  failures: Failure[];
  timings: Timing[];
  /** Findings per kind, for the figures. */
  findings: Record<FileKind, number>;
}

function changeProblems(what: string, changes: readonly FileChange[], text: string): string[] {
  const problems: string[] = [];
  for (const change of changes) {
    const target = change.file === null ? text : profileFileText;
    const sorted = [...change.edits].sort((a, b) => a.start - b.start);
    sorted.forEach((edit, i) => {
      const problem = rangeProblem(`${what} edit`, edit.start, edit.end, target.length);
      if (problem) problems.push(problem);
      if (i > 0 && edit.start < sorted[i - 1].end) problems.push(`${what}: edits overlap at ${edit.start}`);
    });
  }
  return problems;
}

function findingProblems(kind: FileKind, text: string, findings: readonly Finding[]): string[] {
  const problems: string[] = [];
  for (const finding of findings) {
    const where = `${kind} ${finding.ruleId}`;
    const range = rangeProblem(where, finding.start, finding.end, text.length);
    if (range) problems.push(range);
    if (finding.ruleId === 'internal-error') problems.push(`${where}: a rule threw: ${finding.message}`);
    if (typeof finding.message !== 'string' || finding.message.length === 0) problems.push(`${where}: empty message`);
    if (finding.fix) problems.push(...changeProblems(`${where} fix`, finding.fix.changes, text));
  }
  return problems;
}

/** Texts up to this size are also read chunk by chunk by the positioned reader, the settle scan and yaml, and the results compared. */
const positionedCheckMaxLength = 1024 * 1024;

/**
 * The documents the positioned reader takes must be the trees yaml gives, and those the settle
 * scan proves settled must settle the js-yaml way (test/helpers/yamlTree.ts).
 */
function positionedProblems(text: string): string[] {
  if (text.length > positionedCheckMaxLength) return [];
  return [
    ...checkPositioned(text).differences.map((difference) => `positioned reader ${difference}`),
    ...checkSettleScan(text).differences.map((difference) => `settle scan ${difference}`),
  ];
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}\n${(error.stack ?? '').split('\n').slice(1, 6).join('\n')}` : String(error);
}

/**
 * Offsets to hover and complete at: both ends, the middle, after two colons and one at random.
 * Texts over 1 MB, and any text read as Terraform (tree-sitter parses it whole for each request),
 * get the ends and the middle only: more of them would only take the run longer.
 */
function featureOffsets(text: string, rng: Prng, kind: FileKind): number[] {
  const offsets = new Set<number>([0, text.length, text.length >> 1]);
  if (text.length > 1024 * 1024 || kind === 'terraform') return [...offsets];
  const colons = [...text.slice(0, 200_000).matchAll(/: ?/g)];
  for (let i = 0; i < 2 && colons.length > 0; i++) offsets.add(rng.pick(colons).index! + 2);
  offsets.add(rng.int(0, text.length));
  return [...offsets].map((offset) => Math.min(offset, text.length));
}

/**
 * Runs a pure call and times it (clock.ts); a call over budget is timed up to twice more and the
 * fastest run counts, so that a garbage collection or the compilation of code running for the
 * first time is not taken for the input's own cost: a yaml code path first taken by a hostile
 * file ran 167, 136 and 97 ms in a row. A slow input is slow every time.
 */
function measure<T>(run: () => T, budget: number): { result: T; ms: number } {
  const first = timed(run);
  let ms = first.ms;
  for (let retry = 0; retry < overBudgetRetries && ms > budget; retry++) ms = Math.min(ms, timed(run).ms);
  return { result: first.result, ms };
}

export function checkWithEngine(input: EngineInput): EngineOutcome {
  const rng = new Prng(input.seed ^ 0xe1e1);
  const failures: Failure[] = [];
  const timings: Timing[] = [];
  const findingsPerKind: Record<FileKind, number> = { manifest: 0, profile: 0, terraform: 0 };
  const fail = (what: string, overrun?: Overrun) => failures.push({ input: input.name, channel: 'engine', what, ...(overrun ? { overrun } : {}) });
  const locale: Locale = rng.chance(0.8) ? 'en' : 'zh';
  const profile = profiles[rng.int(0, profiles.length - 1)];
  const bytes = Buffer.byteLength(input.text, 'utf8');
  const failIfSlow = (what: string, ms: number) => {
    const slow = overBudget(what, ms, bytes);
    if (slow) fail(slow.what, slow.overrun);
  };

  for (const problem of positionedProblems(input.text)) fail(problem);
  for (const kind of ['manifest', 'profile', 'terraform'] as const) {
    let findings: Finding[] = [];
    let ms = 0;
    try {
      // Each run parses the text afresh, as the first lint of a file does (yaml/parse.ts keeps the last parse).
      const lint = () => {
        forgetLastParse();
        return lintText(input.text, { profile: kind === 'profile' ? undefined : profile, kind, locale });
      };
      ({ result: findings, ms } = measure(lint, budgetMs(bytes)));
    } catch (error) {
      fail(`lintText as ${kind} threw: ${errorText(error)}`);
      continue;
    }
    timings.push({ input: input.name, channel: `engine:${kind}`, bytes, ms });
    failIfSlow(`lintText as ${kind}`, ms);
    findingsPerKind[kind] = findings.length;
    for (const problem of findingProblems(kind, input.text, findings)) fail(problem);
    for (const problem of unexplainedDocuments(input.text, kind, findings)) fail(`${kind}: ${problem}`);

    let slowestFeatureMs = 0;
    const timed = <T>(what: string, run: () => T): T => {
      const { result, ms: callMs } = measure(run, budgetMs(bytes));
      slowestFeatureMs = Math.max(slowestFeatureMs, callMs);
      failIfSlow(what, callMs);
      return result;
    };
    const context: FeatureContext = { text: input.text, kind, profile: kind === 'profile' ? undefined : profile, profileOrigin: 'fuzz/.ack-cni.yaml', locale, ruleSettings: new Map() };
    for (const offset of featureOffsets(input.text, rng, kind)) {
      try {
        const hover = timed(`hover at ${offset} as ${kind}`, () => hoverAt(context, offset));
        if (hover) {
          const problem = rangeProblem(`hover at ${offset} as ${kind}`, hover.start, hover.end, input.text.length);
          if (problem) fail(problem);
          if (typeof hover.markdown !== 'string') fail(`hover at ${offset} as ${kind}: no markdown`);
        }
      } catch (error) {
        fail(`hover at ${offset} as ${kind} threw: ${errorText(error)}`);
      }
      try {
        for (const entry of timed(`completion at ${offset} as ${kind}`, () => completionsAt(context, offset))) {
          const problem = rangeProblem(`completion ${entry.label} at ${offset} as ${kind}`, entry.start, entry.end, input.text.length);
          if (problem) fail(problem);
        }
      } catch (error) {
        fail(`completion at ${offset} as ${kind} threw: ${errorText(error)}`);
      }
    }
    try {
      // The actions of a few findings (each request reads the text again), and fix-all over all of them.
      for (const finding of findings.slice(0, 5)) {
        for (const plan of timed(`code actions for ${finding.ruleId} as ${kind}`, () => actionsForFinding(input.text, finding, locale, !!input.isJson))) {
          for (const problem of changeProblems(`action "${plan.title}"`, plan.changes ?? [], input.text)) fail(problem);
        }
      }
      const fixAll = timed(`fix all as ${kind}`, () => fixAllPlan(findings, locale));
      if (fixAll) for (const problem of changeProblems('fix all', fixAll.changes ?? [], input.text)) fail(problem);
    } catch (error) {
      fail(`code actions as ${kind} threw: ${errorText(error)}`);
    }
    timings.push({ input: input.name, channel: `features:${kind}`, bytes, ms: slowestFeatureMs });
  }
  return { failures, timings, findings: findingsPerKind };
}
