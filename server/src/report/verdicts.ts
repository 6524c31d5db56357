/**
 * Verdicts per CNI option, from the linter itself: the files are linted under each option's
 * profile and the manifest rules' findings are tallied, so the report cannot disagree with what
 * the editor and the CLI say on such a cluster. The rules' own severities count (not the user's
 * `rules:` settings, which say how loud a finding should be, not what the cluster does); the
 * suppression comments and annotations the files carry are honoured as the linter honours them.
 */
import { pick, type Locale } from '../l10n';
import { lintText } from '../engine/lint';
import type { Finding } from '../engine/finding';
import { buildProfile } from '../profile/resolve';
import { ruleById, rules } from '../rules';
import { verdictAt } from '../knowledge/ruleVerdicts';
import { columnsOf } from '../knowledge/columns';
import { LineIndex } from '../yaml/lineIndex';
import { buildWorkspaceIndex } from '../workspace';
import { placeOf, type ReportFile } from './census';
import { featureDefinitions } from './features';
import { optionDefinitions } from './options';
import type { FeatureId, OptionVerdict, RuleTally } from './model';

/** A finding with the file it is in. */
interface Located {
  file: ReportFile;
  finding: Finding;
  key: string;
}

const ruleOrder = new Map(rules.map((rule, index) => [rule.id, index]));
const severityOrder = { error: 0, warning: 1, info: 2, hint: 3 } as const;

function tally(found: readonly Located[], lines: (file: ReportFile) => LineIndex, locale: Locale): RuleTally[] {
  const groups = new Map<string, RuleTally>();
  for (const { file, finding } of found) {
    const id = `${finding.ruleId}\0${finding.severity}`;
    let group = groups.get(id);
    if (!group) {
      const rule = ruleById.get(finding.ruleId)!;
      const verdict = verdictAt(rule.id, finding.severity, rule.defaultSeverity);
      group = { rule: rule.id, severity: finding.severity, title: pick(rule.title, locale), verdict: verdict ? pick(verdict.word, locale) : '', places: [] };
      groups.set(id, group);
    }
    group.places.push({ ...placeOf(file.path, lines(file), finding.start, finding.end), message: finding.message });
  }
  return [...groups.values()].sort((a, b) => ruleOrder.get(a.rule)! - ruleOrder.get(b.rule)! || severityOrder[a.severity] - severityOrder[b.severity]);
}

export interface VerdictInput {
  files: readonly ReportFile[];
  used: ReadonlySet<FeatureId>;
  locale: Locale;
}

export function computeVerdicts({ files, used, locale }: VerdictInput): { options: OptionVerdict[]; everywhere: RuleTally[] } {
  const lineIndexes = new Map<ReportFile, LineIndex>();
  const lines = (file: ReportFile) => {
    let index = lineIndexes.get(file);
    if (!index) lineIndexes.set(file, (index = new LineIndex(file.text)));
    return index;
  };
  // Cross-file rules (an ALB Ingress and its backend Service) see every file of the report.
  const workspace = buildWorkspaceIndex(files);
  const runs = optionDefinitions.map((option) => {
    const { profile: values, assumed } = option.setUp(used);
    const profile = buildProfile(values, { kind: 'cli' })!;
    const found: Located[] = [];
    for (const file of files) {
      for (const finding of lintText(file.text, { profile, locale, kind: 'manifest', workspace, filePath: file.path })) {
        if (ruleById.get(finding.ruleId)?.scope !== 'manifest') continue;
        found.push({ file, finding, key: `${file.path}\0${finding.ruleId}\0${finding.severity}\0${finding.start}\0${finding.end}` });
      }
    }
    const columns = columnsOf(profile);
    const unjudged = featureDefinitions
      .filter((feature) => used.has(feature.id) && feature.rules.length > 0 && feature.row && !columns.some((column) => feature.row!.cells[column]))
      .map((feature) => feature.id);
    return { option, values, assumed, found, unjudged };
  });
  // What every option reports does not depend on the choice: it is listed once, apart.
  const common = new Set(runs[0].found.map((located) => located.key));
  for (const run of runs.slice(1)) {
    const keys = new Set(run.found.map((located) => located.key));
    for (const key of common) if (!keys.has(key)) common.delete(key);
  }
  const options = runs.map(({ option, values, assumed, found, unjudged }): OptionVerdict => {
    const own = found.filter((located) => !common.has(located.key));
    const breaks = tally(own.filter((located) => located.finding.severity === 'error'), lines, locale);
    const ignored = tally(own.filter((located) => located.finding.severity !== 'error'), lines, locale);
    return {
      id: option.id,
      title: pick(option.title, locale),
      profile: values,
      assumed: assumed.map((text) => pick(text, locale)),
      fit: breaks.length > 0 ? 'breaks' : unjudged.length > 0 ? 'unknown' : ignored.length > 0 ? 'degraded' : 'fits',
      breaks,
      ignored,
      unjudged,
    };
  });
  return { options, everywhere: tally(runs[0].found.filter((located) => common.has(located.key)), lines, locale) };
}
