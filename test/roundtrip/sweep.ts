/**
 * Applies every quick fix the engine offers on a text, under several cluster profiles, and checks
 * each result with the oracle (oracle.ts): the rule's own fix (on the file, or on the profile
 * text), both "disable" actions, and source.fixAll pass by pass and until stable, run twice.
 * Problems are collected, not thrown, so that one run reports every failing fix with its rule.
 */
import * as path from 'node:path';
import { lintText, type FileKind } from '../../server/src/engine/lint';
import type { Finding, SeveritySetting, TextEdit } from '../../server/src/engine/finding';
import { actionsForFinding, fixAllPlan, fixAllUntilStable } from '../../server/src/features/codeActions';
import { buildProfile, readProfileText } from '../../server/src/profile/resolve';
import type { Profile } from '../../server/src/profile/types';
import { ruleIds } from '../../server/src/rules';
import { applyEdits } from '../helpers/markers';
import { LineIndex } from '../../server/src/yaml/lineIndex';
import { checkRoundTrip } from './oracle';

export const profilePath = '/workspace/.ack-cni.yaml';

/**
 * The cluster profiles of the sweep, each written several ways: the profile fixes (toggles written
 * into `.ack-cni.yaml`) must find the key, the section or neither, with comments, CRLF and block
 * scalars around. Undefined is "no profile". Every variant says what the profile's name says.
 */
export const profileVariants: Record<string, ReadonlyArray<string | undefined>> = {
  flannel: [
    'cni: flannel\n',
    '# Flannel cluster: the CNI is fixed at creation\ncni: flannel # from the console\nflannel:\n  # the bandwidth plugin is not enabled yet\n  bandwidth: false # default\n',
    'cni: flannel\r\nflannel:\r\n# nothing set\r\n',
    'cni: flannel\ncluster:\n  edition: pro\n# last line',
    'cni: flannel\nflannel: {bandwidth: false}\n',
  ],
  'terway-policy-off': [
    'cni: terway\n',
    'cni: terway\nterway:\n  eniMode: shared # ENIs shared by pods\n  # NetworkPolicy is off by default on ACK\n  networkPolicy: false\n',
    'cni: "terway"\nterway:   # section comment\nrules:\n  template-skipped: hint\n',
    'cni: terway\r\nterway:\r\n  datapath: veth\r\n',
    'cni: terway\nterway:\n  networkPriority: >-\n    false\n  version: |-\n    1.14.0\nrules: {}\n',
  ],
  'terway-exclusive': [
    'cni: terway\nterway:\n  eniMode: exclusive\n',
    '# exclusive ENI: one ENI per pod\ncni: terway\nterway:\n  eniMode: exclusive # set when the cluster was created\n  networkPriority: false\n',
  ],
  'terway-dual-trunk': [
    'cni: terway\nterway:\n  ipStack: dual\n  trunking: true\n',
    'cni: terway\nterway:\n  # dual stack from creation\n  ipStack: dual\n  trunking: true # trunk ENIs on\n  networkPolicy: false\n',
  ],
  'no-profile': [undefined],
};

export function profileOf(text: string | undefined): Profile | undefined {
  if (text === undefined) return undefined;
  return buildProfile(readProfileText(profilePath, text, ruleIds).values, { kind: 'file', path: profilePath }, text);
}

function ruleSettingsOf(text: string | undefined): Map<string, SeveritySetting> {
  return text === undefined ? new Map() : new Map(readProfileText(profilePath, text, ruleIds).rules);
}

/** Files longer than this get their disable actions checked on one finding per rule. */
export const largeFile = 512 * 1024;

export interface SweepProblem {
  rule: string;
  action: 'fix' | 'profile-fix' | 'disable-line' | 'disable-document' | 'fix-all';
  file: string;
  profile: string;
  problem: string;
}

export interface SweepTally {
  /** Fixes applied to the file itself, per rule. */
  fixes: Map<string, number>;
  /** Fixes applied to the profile text, per rule. */
  profileFixes: Map<string, number>;
  /** Disable actions applied (line and document), per rule. */
  disables: Map<string, number>;
  /** Files on which source.fixAll had something to do. */
  fixAllRuns: number;
  /** Passes it took in all (more than one per file when a fix brings out another). */
  fixAllPasses: number;
  /** Edits of the original text those runs made (fixAllUntilStable merges touching ones). */
  fixAllEdits: number;
  problems: SweepProblem[];
}

export function newTally(): SweepTally {
  return { fixes: new Map(), profileFixes: new Map(), disables: new Map(), fixAllRuns: 0, fixAllPasses: 0, fixAllEdits: 0, problems: [] };
}

function bump(map: Map<string, number>, rule: string): void {
  map.set(rule, (map.get(rule) ?? 0) + 1);
}

export interface SweepFile {
  /** Name shown in problems (relative path or generated name). */
  name: string;
  text: string;
}

function kindOf(name: string): FileKind {
  return path.basename(name) === '.ack-cni.yaml' ? 'profile' : 'manifest';
}

function isJsonName(name: string): boolean {
  return /\.json$/i.test(name);
}

/**
 * How many findings say what `finding` says (same rule, same message): a fix or a suppression
 * must take one away. (A fix may bring out a different finding of the same rule: `never` →
 * `Never` leaves a releaseAfter that Never does not take.)
 */
/** The finding's related places in its own text, as offsets. */
function causesOf(text: string, finding: Finding): Array<{ start: number; end: number }> {
  const lines = new LineIndex(text);
  return (finding.related ?? [])
    .filter((place) => place.file === null)
    .map(({ range }) => ({ start: lines.offset(range.start.line, range.start.character), end: lines.offset(range.end.line, range.end.character) }));
}

function countOf(findings: readonly Finding[], finding: Finding): number {
  return findings.filter((f) => f.ruleId === finding.ruleId && f.message === finding.message).length;
}

/**
 * Sweeps one file under one profile text. `seen` holds the findings (rule and range) whose disable
 * actions were checked already: those do not depend on the profile, so once per file is enough.
 */
export function sweepFile(file: SweepFile, profileName: string, profileText: string | undefined, tally: SweepTally, seen: Set<string>): void {
  const { name, text } = file;
  const kind = kindOf(name);
  const json = isJsonName(name);
  // A profile file is linted without a profile in force, as the CLI and the server do.
  const profile = kind === 'profile' ? undefined : profileOf(profileText);
  const ruleSettings = kind === 'profile' ? new Map<string, SeveritySetting>() : ruleSettingsOf(profileText);
  const lint = (t: string) => lintText(t, { profile, kind, locale: 'en', ruleSettings });
  const findings = lint(text);
  const profileFixes = new Map<string, { problems: string[]; after: Finding[] }>();
  const report = (rule: string, action: SweepProblem['action'], problem: string) =>
    tally.problems.push({ rule, action, file: name, profile: profileName, problem });

  for (const finding of findings) {
    for (const change of finding.fix?.changes ?? []) {
      if (change.file === null) {
        const fixed = applyEdits(text, change.edits);
        const result = checkRoundTrip({ original: text, fixed, edits: change.edits, json, finding, causes: causesOf(text, finding) });
        for (const problem of result.problems) report(finding.ruleId, 'fix', `${finding.fix!.title}: ${problem}`);
        const after = lint(fixed);
        if (countOf(after, finding) >= countOf(findings, finding)) {
          report(finding.ruleId, 'fix', `${finding.fix!.title}: the finding is still there after the fix`);
        }
        bump(tally.fixes, finding.ruleId);
      } else {
        if (change.file !== profilePath || profileText === undefined) {
          report(finding.ruleId, 'profile-fix', `edits ${change.file}, not the profile in force`);
          continue;
        }
        // Every finding of a rule makes the same profile edit: check each distinct edit once.
        const fixedProfile = applyEdits(profileText, change.edits);
        let checked = profileFixes.get(fixedProfile);
        if (!checked) {
          const problems = checkRoundTrip({ original: profileText, fixed: fixedProfile, edits: change.edits }).problems;
          const profileProblems = (t: string) => lintText(t, { profile: undefined, kind: 'profile', locale: 'en' }).filter((f) => f.ruleId === 'profile-invalid');
          const before = new Set(profileProblems(profileText).map((f) => f.message));
          for (const problem of profileProblems(fixedProfile)) if (!before.has(problem.message)) problems.push(`the fixed profile has a new problem: ${problem.message}`);
          const after = lintText(text, { profile: profileOf(fixedProfile), kind, locale: 'en', ruleSettings: ruleSettingsOf(fixedProfile) });
          checked = { problems, after };
          profileFixes.set(fixedProfile, checked);
        }
        for (const problem of checked.problems) report(finding.ruleId, 'profile-fix', `${finding.fix!.title}: ${problem}`);
        if (countOf(checked.after, finding) >= countOf(findings, finding)) {
          report(finding.ruleId, 'profile-fix', `${finding.fix!.title}: the finding is still there with the fixed profile`);
        }
        bump(tally.profileFixes, finding.ruleId);
      }
    }

    // The disable actions depend on the text and the finding's place, not on the profile: once per
    // file. In files over `largeFile` (a few megabyte manifests of the corpus) once per rule: each
    // check re-parses and re-lints the whole file.
    const place = text.length > largeFile ? finding.ruleId : `${finding.ruleId}@${finding.start}-${finding.end}`;
    if (seen.has(place)) continue;
    seen.add(place);
    for (const plan of actionsForFinding(text, finding, 'en', json)) {
      if (plan.isPreferred || !plan.changes) continue;
      const edits = plan.changes.flatMap((c) => c.edits);
      const action = /for this line/.test(plan.title) ? 'disable-line' : 'disable-document';
      const fixed = applyEdits(text, edits);
      const result = checkRoundTrip({ original: text, fixed, edits, json, noDataChange: true });
      for (const problem of result.problems) report(finding.ruleId, action, problem);
      if (countOf(lint(fixed), finding) >= countOf(findings, finding)) {
        report(finding.ruleId, action, `the finding at offset ${finding.start} is still reported after "${plan.title}"`);
      }
      bump(tally.disables, finding.ruleId);
    }
  }

  // source.fixAll pass by pass: each pass (what fixAllPlan returns for the text the previous one
  // left) must be a clean round trip; fixAllUntilStable must give the same text in one set of
  // edits, and running it again must have nothing left to do.
  const rulesIn = [...new Set(findings.filter((f) => f.fix?.changes.every((c) => c.file === null)).map((f) => f.ruleId))].join(',');
  let stepwise = text;
  let passes = 0;
  for (let plan = fixAllPlan(findings, 'en'); plan && passes < 5; plan = fixAllPlan(lint(stepwise), 'en')) {
    const edits = plan.changes!.flatMap((c) => c.edits);
    const next = applyEdits(stepwise, edits);
    for (const problem of checkRoundTrip({ original: stepwise, fixed: next, edits, json }).problems) report(rulesIn, 'fix-all', `pass ${passes + 1}: ${problem}`);
    stepwise = next;
    passes++;
  }
  if (passes === 0) return;
  const stable = fixAllUntilStable(text, findings, (t) => lint(t), 'en');
  const edits: TextEdit[] = stable?.changes?.flatMap((c) => c.edits) ?? [];
  const fixed = applyEdits(text, edits);
  if (fixed !== stepwise) report(rulesIn, 'fix-all', 'the edits of fixAllUntilStable do not give the text its passes give one by one');
  const again = fixAllUntilStable(fixed, lint(fixed), (t) => lint(t), 'en');
  if (again) {
    const left = lint(fixed).filter((f) => f.fix?.changes.every((c) => c.file === null));
    report(rulesIn, 'fix-all', `a second fixAll still changes the text (${left.map((f) => `${f.ruleId} at ${f.start}`).join(', ')})`);
  }
  tally.fixAllRuns++;
  tally.fixAllPasses += passes;
  tally.fixAllEdits += edits.length;
}

/**
 * Sweeps files under the named profiles, all by default (each file takes one variant of each
 * profile, in turn). `.ack-cni.yaml` files and cluster configurations need one: the profile in
 * force plays no part in how they are linted.
 */
export function sweep(files: readonly SweepFile[], tally: SweepTally = newTally(), profiles: readonly string[] = Object.keys(profileVariants)): SweepTally {
  files.forEach((file, index) => {
    const seen = new Set<string>();
    for (const name of profiles) {
      const variants = profileVariants[name];
      const variant = index % variants.length;
      sweepFile(file, `${name}#${variant}`, variants[variant], tally, seen);
    }
  });
  return tally;
}

export function formatProblems(problems: readonly SweepProblem[], limit = 40): string {
  return problems
    .slice(0, limit)
    .map((p) => `[${p.rule} ${p.action}] ${p.file} (${p.profile}): ${p.problem}`)
    .join('\n');
}

export function formatTally(tally: SweepTally): string {
  const rules = [...new Set([...tally.fixes.keys(), ...tally.profileFixes.keys(), ...tally.disables.keys()])].sort();
  const rows = rules.map((rule) => `${rule}: ${tally.fixes.get(rule) ?? 0} fixes, ${tally.profileFixes.get(rule) ?? 0} profile fixes, ${tally.disables.get(rule) ?? 0} disable actions`);
  return [...rows, `fixAll: ${tally.fixAllRuns} files, ${tally.fixAllPasses} passes, ${tally.fixAllEdits} edits`].join('\n');
}
