/**
 * The report as Markdown for VS Code's preview and GitHub: the recommendation first, then the
 * verdict per option, the features in use, what fails on every option, and the sources. Every
 * place is a link to its line; long lists fold into <details>.
 */
import { both, pick, type Locale, type Localized } from '../l10n';
import { ruleDocsUrl } from '../docs/links';
import { sources } from '../docs/sources';
import type { ProfileValues } from '../profile/validate';
import type { Fit, OptionVerdict, Place, ReadinessReport, RuleTally } from './model';
import type { PathStyle } from './paths';

/** Lists longer than this fold into <details>. */
const openListLength = 5;

const fitWords: Record<Fit, Localized> = {
  fits: both('fits', '适用'),
  degraded: both('fits, with warnings', '适用，有警告'),
  unknown: both('not judged', '无法判断'),
  breaks: both('breaks', '有失效项'),
};

const text = {
  title: both('CNI readiness report', 'CNI 就绪报告'),
  recommendation: both('Recommendation', '推荐'),
  alsoFits: both('Also fits', '同样适用'),
  verdicts: both('Verdict per option', '各方案的结论'),
  option: both('Option', '方案'),
  verdict: both('Verdict', '结论'),
  breaks: both('Would break', '会失效'),
  ignored: both('Ignored or degraded', '被忽略或降级'),
  unjudged: both('Not judged', '无法判断'),
  recommended: both('recommended', '推荐'),
  profile: both('Linted as', '按此配置检查'),
  assumed: both('Set up with', '假定的设置'),
  nothing: both('Nothing breaks or is ignored.', '没有会失效或被忽略的内容。'),
  unjudgedNote: both(
    'the fact sheet says nothing about these on this option, so no rule judges them:',
    '事实清单没有涉及它们在该方案上的表现，因此没有规则对其作出判断：',
  ),
  features: both('CNI-sensitive features in use', '用到的 CNI 相关功能'),
  feature: both('Feature', '功能'),
  places: both('Places', '位置数'),
  files: both('Files', '文件数'),
  notUsed: both('Not used', '未使用'),
  everywhere: both('On every option', '所有方案都存在的问题'),
  everywhereNote: both(
    'These findings are the same whichever CNI you choose: fix them anyway.',
    '无论选择哪种 CNI，这些问题都一样存在，需要修复。',
  ),
  notChecked: both('Not checked', '未检查'),
  templates: both('Skipped as templates', '作为模板跳过'),
  yamlErrors: both('With YAML errors (the broken documents were not checked)', '存在 YAML 错误（出错的文档未检查）'),
  sources: both('Sources', '来源'),
} as const;

function intro(report: ReadinessReport, locale: Locale): string {
  const shown = report.paths.map((p) => `\`${p}\``).join(', ');
  const { total, templates, yamlErrors } = report.files;
  return pick(
    both(
      `Which CNI fits the manifests under ${shown}: ${total} file(s) read, ${templates.length} skipped as templates, ${yamlErrors.length} with YAML errors. Every verdict comes from linting these files under each option with ack-cni-lint's rules, so it says what the linter says on such a cluster.`,
      `哪种 CNI 适合 ${shown} 下的清单：读取 ${total} 个文件，其中 ${templates.length} 个作为模板跳过，${yamlErrors.length} 个存在 YAML 错误。每个结论都来自用 ack-cni-lint 的规则按各方案检查这些文件的结果，与该集群上 linter 的结论一致。`,
    ),
    locale,
  );
}

function escape(value: string): string {
  return value.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);
}

function placeLink(place: Place, paths: PathStyle): string {
  return `[${escape(`${paths.show(place.file)}:${place.line}:${place.column}`)}](${paths.link(place.file, place.line)})`;
}

/** A list of lines, folded under a summary when long. */
function list(items: readonly string[], summary: string): string[] {
  const lines = items.map((item) => `- ${item}`);
  if (items.length <= openListLength) return lines;
  return ['<details>', `<summary>${summary}</summary>`, '', ...lines, '', '</details>'];
}

function placesWord(count: number, locale: Locale): string {
  return pick(both(`${count} place${count === 1 ? '' : 's'}`, `${count} 处`), locale);
}

/** Per rule: the places grouped by message, since one rule says the same of many places. */
function tallyLines(tallies: readonly RuleTally[], paths: PathStyle, locale: Locale): string[] {
  return tallies.flatMap((tally) => {
    const byMessage = new Map<string, Place[]>();
    for (const { message, ...place } of tally.places) byMessage.set(message, [...(byMessage.get(message) ?? []), place]);
    const heading = `- [\`${tally.rule}\`](${ruleDocsUrl(tally.rule, locale)}) ${escape(tally.title)}${tally.verdict ? ` — ${tally.verdict}` : ''} (${tally.severity}): ${placesWord(tally.places.length, locale)}`;
    return [
      heading,
      ...[...byMessage].flatMap(([message, places]) => [
        `  - ${escape(message)}`,
        '',
        ...list(places.map((place) => placeLink(place, paths)), placesWord(places.length, locale)).map((line) => (line === '' ? '' : `    ${line}`)),
        '',
      ]),
    ];
  });
}

/** `cni: terway` · `terway.eniMode: shared` … */
function profileLine(values: ProfileValues, prefix = ''): string[] {
  return Object.entries(values).flatMap(([key, value]) =>
    value && typeof value === 'object' && !Array.isArray(value) ? profileLine(value, `${prefix}${key}.`) : [`\`${prefix}${key}: ${String(value)}\``],
  );
}

function optionSection(option: OptionVerdict, report: ReadinessReport, paths: PathStyle, locale: Locale): string[] {
  const t = (value: Localized) => pick(value, locale);
  const lines = [`### ${option.title}`, '', `${t(text.profile)}: ${profileLine(option.profile).join(' · ')}`, ''];
  if (option.assumed.length > 0) lines.push(`${t(text.assumed)}:`, '', ...option.assumed.map((item) => `- ${item}`), '');
  if (option.breaks.length === 0 && option.ignored.length === 0) lines.push(t(text.nothing), '');
  if (option.breaks.length > 0) lines.push(`**${t(text.breaks)}**`, '', ...tallyLines(option.breaks, paths, locale));
  if (option.ignored.length > 0) lines.push(`**${t(text.ignored)}**`, '', ...tallyLines(option.ignored, paths, locale));
  if (option.unjudged.length > 0) {
    const titles = option.unjudged.map((id) => report.features.find((feature) => feature.id === id)!.title);
    lines.push(`**${t(text.unjudged)}** — ${t(text.unjudgedNote)} ${titles.join(', ')}.`, '');
  }
  return lines;
}

function count(tallies: readonly RuleTally[]): number {
  return tallies.reduce((sum, tally) => sum + tally.places.length, 0);
}

export function renderMarkdown(report: ReadinessReport, paths: PathStyle, locale: Locale): string {
  const t = (value: Localized) => pick(value, locale);
  const { recommendation } = report;
  const titleOf = (id: string) => report.options.find((option) => option.id === id)!.title;
  const lines = [`# ${t(text.title)}`, '', intro(report, locale), '', `## ${t(text.recommendation)}`, '', `**${escape(recommendation.summary)}**`, ''];
  lines.push(...recommendation.reasons.map((reason) => `- ${reason}`), '');
  if (recommendation.alsoFits.length > 0) lines.push(`${t(text.alsoFits)}: ${recommendation.alsoFits.map(titleOf).join(', ')}.`, '');

  lines.push(`## ${t(text.verdicts)}`, '');
  lines.push(`| ${t(text.option)} | ${t(text.verdict)} | ${t(text.breaks)} | ${t(text.ignored)} | ${t(text.unjudged)} |`, '| --- | --- | ---: | ---: | ---: |');
  for (const option of report.options) {
    const name = option.id === recommendation.option ? `**${option.title}** (${t(text.recommended)})` : option.title;
    lines.push(`| ${name} | ${t(fitWords[option.fit])} | ${count(option.breaks)} | ${count(option.ignored)} | ${option.unjudged.length} |`);
  }
  lines.push('');
  for (const option of report.options) lines.push(...optionSection(option, report, paths, locale));

  const used = report.features.filter((feature) => feature.places.length > 0);
  lines.push(`## ${t(text.features)}`, '', `| ${t(text.feature)} | ${t(text.places)} | ${t(text.files)} |`, '| --- | ---: | ---: |');
  for (const feature of used) lines.push(`| ${feature.title} | ${feature.places.length} | ${new Set(feature.places.map((place) => place.file)).size} |`);
  lines.push('');
  for (const feature of used) {
    lines.push(`### ${feature.title}`, '', ...list(feature.places.map((place) => placeLink(place, paths)), placesWord(feature.places.length, locale)), '');
  }
  const unused = report.features.filter((feature) => feature.places.length === 0);
  if (unused.length > 0) lines.push(`${t(text.notUsed)}: ${unused.map((feature) => feature.title).join(', ')}.`, '');

  if (report.everywhere.length > 0) lines.push(`## ${t(text.everywhere)}`, '', t(text.everywhereNote), '', ...tallyLines(report.everywhere, paths, locale));

  const { templates, yamlErrors } = report.files;
  if (templates.length + yamlErrors.length > 0) {
    lines.push(`## ${t(text.notChecked)}`, '');
    for (const [label, files] of [[text.templates, templates], [text.yamlErrors, yamlErrors]] as const) {
      if (files.length === 0) continue;
      lines.push(`${t(label)}:`, '', ...list(files.map((file) => `[${escape(paths.show(file))}](${paths.link(file, 1)})`), `${files.length}`), '');
    }
  }

  lines.push(`## ${t(text.sources)}`, '', ...sourceLines(locale), '');
  return lines.join('\n');
}

function sourceLines(locale: Locale): string[] {
  const cite = (id: keyof typeof sources) => `[${sources[id].title}](${sources[id].url})`;
  return [
    pick(
      both(
        '- cni-facts §…: sections of the project\'s CNI fact sheet (sourced facts about Terway, Terway Edge and Flannel), the basis of every rule.',
        '- cni-facts §…：项目的 CNI 事实清单（关于 Terway、Terway Edge 和 Flannel 的有出处的事实）中的章节，所有规则都以它为依据。',
      ),
      locale,
    ),
    `- seed 003_318b986b81d78877.txt: ${cite('src-30')}`,
    `- seed 002_0b33e3565ad54708.txt: ${cite('src-33')}`,
    `- ${cite('src-27')}`,
    `- ${cite('src-28')}`,
  ];
}
