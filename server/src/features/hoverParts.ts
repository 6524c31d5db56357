/** The pieces every hover is made of: the comparison table, the verdict for the profile in force, the rule links. */
import { both, pick, type Locale, type Localized } from '../l10n';
import type { Finding } from '../engine/finding';
import { ruleDocsUrl } from '../docs/links';
import { profileSummary } from '../lsp/profileInfo';
import { ruleById } from '../rules';
import { columnLabels, columnOrder, columnsOf } from '../knowledge/columns';
import type { ComparisonRow } from '../knowledge/comparison';
import { ruleVerdicts, verdictAt } from '../knowledge/ruleVerdicts';
import type { FindingsView } from './findings';
import type { FeatureContext } from './types';

/** A small two-column table, one line per cluster the row speaks of; the profile in force in bold. */
export function comparisonTable(row: ComparisonRow, context: FeatureContext): string {
  const { locale, profile } = context;
  const yours = profile ? columnsOf(profile).find((column) => row.cells[column] !== undefined) : undefined;
  const lines = [`| ${pick(both('Cluster', '集群'), locale)} | ${pick(row.feature, locale)} |`, '| --- | --- |'];
  for (const column of columnOrder) {
    const cell = row.cells[column];
    if (!cell) continue;
    const label = pick(columnLabels[column], locale);
    lines.push(`| ${column === yours ? `**${label}**` : label} | ${pick(cell, locale).replace(/\|/g, '\\|')} |`);
  }
  return lines.join('\n');
}

/** Paths and flags in code ("invalid `deploy/.ack-cni.yaml`", "`--cni`"), "settings" as a word. */
function shownOrigin(origin: string): string {
  return origin.replace(/(?:^--\S*|\S*[/\\.]\S*)$/, (path) => `\`${path}\``);
}

/** "**Your cluster** (Flannel, from `deploy/.ack-cni.yaml`)". */
export function clusterHeader(context: FeatureContext): string {
  const { locale, profile, profileOrigin } = context;
  if (!profile) {
    const file = profileFileWithoutCni(context);
    return pick(
      file ? both(`**Your cluster** (no CNI set: ${file})`, `**您的集群**（未设置 CNI：${file}）`) : both('**Your cluster** (no CNI set)', '**您的集群**（未设置 CNI）'),
      locale,
    );
  }
  const summary = profileSummary(profile, locale);
  const origin = profileOrigin ? shownOrigin(profileOrigin) : undefined;
  return pick(
    both(`**Your cluster** (${summary}${origin ? `, from ${origin}` : ''})`, `**您的集群**（${summary}${origin ? `，来自 ${origin}` : ''}）`),
    locale,
  );
}

/** The word before a finding's message, by rule and by how its severity compares with the rule's default. */
function verdictWord(finding: Finding, context: FeatureContext): { word: string; partial: boolean } {
  const verdict = ruleVerdicts[finding.ruleId];
  const rule = ruleById.get(finding.ruleId);
  if (!verdict || !rule) return { word: '', partial: false };
  // A severity the user configured says nothing about what the rule meant by it.
  if (context.ruleSettings.has(finding.ruleId)) return { word: pick(verdict.word, context.locale), partial: false };
  const { word, partial } = verdictAt(finding.ruleId, finding.severity, rule.defaultSeverity)!;
  return { word: pick(word, context.locale), partial };
}

/** "word — message", or the message alone for a rule without a verdict word. */
export function findingLine(finding: Finding, context: FeatureContext, silenced: boolean): string {
  const note = silenced ? pick(both(' *(silenced, so not shown as a problem)*', ' *（已被抑制，编辑器中不显示）*'), context.locale) : '';
  if (!ruleVerdicts[finding.ruleId]) return `${finding.message}${note}`;
  return `${verdictWord(finding, context).word} — ${finding.message}${note}`;
}

/** True when the finding leaves the feature working on part of the cluster (mixed mode). */
export function isPartial(finding: Finding, context: FeatureContext): boolean {
  return verdictWord(finding, context).partial;
}

export interface VerdictRequest {
  context: FeatureContext;
  view: FindingsView;
  /** The rules that judge the thing hovered. */
  rules: readonly string[];
  /** Offsets whose findings count. */
  span: readonly [number, number];
  row?: ComparisonRow;
  /** The YAML document could not be read: no rule ran on it. */
  syntaxError?: boolean;
}

const setCni = both(
  'add a `.ack-cni.yaml` with `cni: terway`, `terway-edge` or `flannel` next to your manifests, or set `ackCni.cni`',
  '请在清单所在目录添加 `.ack-cni.yaml`（`cni: terway`、`terway-edge` 或 `flannel`），或设置 `ackCni.cni`',
);

/**
 * A profile file that governs the file but names no valid CNI ("invalid deploy/.ack-cni.yaml"),
 * shown in code; undefined when no profile file is involved.
 */
function profileFileWithoutCni(context: FeatureContext): string | undefined {
  const origin = context.profileOrigin;
  return !context.profile && origin && /\.ya?ml$/.test(origin) ? shownOrigin(origin) : undefined;
}

/** How to give the file a CNI: fix the profile file that is there, or add one or a setting. */
function setCniFor(context: FeatureContext): Localized {
  return profileFileWithoutCni(context)
    ? both('give that file a valid `cni:` (`terway`, `terway-edge` or `flannel`)', '请在该文件中填写有效的 `cni:`（`terway`、`terway-edge` 或 `flannel`）')
    : setCni;
}

/** "header: sentence", with the colon of the language. */
function say(header: string, sentence: string, locale: Locale): string {
  return `${header}${locale === 'zh' ? '：' : ': '}${sentence}`;
}

function joinVerdict(header: string, lines: string[], locale: Locale): string {
  if (lines.length === 1) return say(header, lines[0], locale);
  return `${header}${locale === 'zh' ? '：' : ':'}\n${lines.map((line) => `- ${line}`).join('\n')}`;
}

/** The verdict for the profile in force, from the findings of `rules` within `span`. */
export function verdict(request: VerdictRequest): string {
  const { context, view, rules, span, row } = request;
  const { locale, profile } = context;
  const header = clusterHeader(context);
  if (view.template) {
    return say(header, pick(both('not checked — this file looks like a template, which ack-cni-lint skips.', '未检查 — 该文件看起来是模板，ack-cni-lint 会跳过它。'), locale), locale);
  }
  if (request.syntaxError) {
    return say(header, pick(both('not checked — this YAML document has a syntax error.', '未检查 — 该 YAML 文档存在语法错误。'), locale), locale);
  }
  const inSpan = (finding: Finding) => rules.includes(finding.ruleId) && finding.start >= span[0] && finding.end <= span[1];
  const lines = [
    ...view.shown.filter(inSpan).map((finding) => findingLine(finding, context, false)),
    ...view.silenced.filter(inSpan).map((finding) => findingLine(finding, context, true)),
  ];
  if (!profile) {
    const how = setCniFor(context);
    if (lines.length === 0) return say(header, pick(both(`unknown — no CNI is set for this file: ${how.en}.`, `无法判断 — 未为该文件设置 CNI：${how.zh}。`), locale), locale);
    const hint = pick(both(`For a verdict on your cluster's CNI, ${how.en}.`, `如需针对集群 CNI 的判断，${how.zh}。`), locale);
    return `${joinVerdict(header, lines, locale)}\n\n${hint}`;
  }
  if (lines.length > 0) return joinVerdict(header, lines, locale);
  if (profile.cni === 'terway-edge' && row && !row.cells['terway-edge']) {
    const feature = pick(row.feature, locale);
    return say(
      header,
      pick(
        both(
          `no verdict — the facts ack-cni-lint rests on say nothing about “${feature}” on Terway Edge; check ACK Edge's documentation.`,
          `无法判断 — ack-cni-lint 依据的资料未涉及 Terway Edge 的“${feature}”，请查阅 ACK Edge 的文档。`,
        ),
        locale,
      ),
      locale,
    );
  }
  const honoured = pick(row?.honoured ?? both('no problem found', '未发现问题'), locale);
  return say(header, `${honoured}${locale === 'zh' ? '。' : '.'}`, locale);
}

/** "Rule docs: [id](url) · [id](url)". */
export function ruleLinks(ruleIds: readonly string[], locale: Locale): string | undefined {
  const known = [...new Set(ruleIds)].filter((id) => ruleById.has(id));
  if (known.length === 0) return undefined;
  return `${pick(both('Rule docs: ', '规则文档：'), locale)}${known.map((id) => `[${id}](${ruleDocsUrl(id, locale)})`).join(' · ')}`;
}

/** "**Here**: sentence" — about the spot hovered rather than the cluster. */
export function here(sentence: Localized, locale: Locale): string {
  return say(pick(both('**Here**', '**此处**'), locale), pick(sentence, locale), locale);
}
