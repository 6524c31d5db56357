import { pick, type Locale } from '../l10n';
import type { Rule } from '../rules/types';
import { sources } from './sources';

const labels = {
  en: {
    other: '中文版',
    otherPath: (id: string) => `zh-cn/${id}.md`,
    severity: 'Default severity',
    appliesTo: 'Concerns',
    needsProfile: 'Needs a profile',
    needsYes: 'yes — silent until the cluster\'s CNI is known',
    needsNo: 'no — runs for every CNI',
    quickFix: 'Quick fix',
    yes: 'yes',
    no: 'no',
    what: 'What it finds',
    why: 'Why it matters',
    example: 'Example',
    profile: 'Cluster profile (`.ack-cni.yaml`):',
    bad: 'Flagged:',
    good: 'Instead:',
    fix: 'How to fix',
    silence: 'Turning it off',
    silenceText: (id: string) =>
      `For one line, put \`# ack-cni-disable-next-line ${id}\` above it; for one object, annotate it with \`ack-cni-lint.io/ignore: "${id}"\`; everywhere under a profile:`,
    sources: 'Sources',
    facts: (sections: string) => `Project CNI fact sheet, sections ${sections}.`,
  },
  zh: {
    other: 'English',
    otherPath: (id: string) => `../${id}.md`,
    severity: '默认级别',
    appliesTo: '适用范围',
    needsProfile: '是否需要集群配置',
    needsYes: '是：在确定集群 CNI 之前不会报告',
    needsNo: '否：对所有 CNI 生效',
    quickFix: '快速修复',
    yes: '有',
    no: '无',
    what: '检查内容',
    why: '为什么重要',
    example: '示例',
    profile: '集群配置（`.ack-cni.yaml`）：',
    bad: '会被报告：',
    good: '改为：',
    fix: '如何修复',
    silence: '关闭该检查',
    silenceText: (id: string) =>
      `对单行：在其上一行写 \`# ack-cni-disable-next-line ${id}\`；对单个对象：添加注解 \`ack-cni-lint.io/ignore: "${id}"\`；对某个配置下的全部文件：`,
    sources: '资料来源',
    facts: (sections: string) => `项目 CNI 事实表第 ${sections} 节。`,
  },
} as const;

const severityNames: Record<Locale, Record<string, string>> = {
  en: { error: 'error', warning: 'warning', info: 'info', hint: 'hint' },
  zh: { error: 'error（错误）', warning: 'warning（警告）', info: 'info（信息）', hint: 'hint（提示）' },
};

function yamlBlock(text: string): string {
  return ['```yaml', text.replace(/\n$/, ''), '```'].join('\n');
}

/** The Markdown documentation page of a rule, generated from the catalogue entry. */
export function renderRuleDoc(rule: Rule, locale: Locale): string {
  const l = labels[locale];
  const prose = rule.docs[locale];
  const { example } = rule.docs;
  const out: string[] = [
    `<!-- Generated from server/src/rules by \`npm run docs:rules\`; do not edit. -->`,
    `# \`${rule.id}\` — ${pick(rule.title, locale)}`,
    '',
    `[${l.other}](${l.otherPath(rule.id)})`,
    '',
    `| | |`,
    `| --- | --- |`,
    `| ${l.severity} | ${severityNames[locale][rule.defaultSeverity]} |`,
    `| ${l.appliesTo} | ${pick(rule.appliesTo, locale)} |`,
    `| ${l.needsProfile} | ${rule.needsProfile ? l.needsYes : l.needsNo} |`,
    `| ${l.quickFix} | ${rule.fixable ? l.yes : l.no} |`,
    '',
    `## ${l.what}`,
    '',
    prose.what,
    '',
    `## ${l.why}`,
    '',
    prose.why,
    '',
  ];
  if (example.bad) {
    out.push(`## ${l.example}`, '');
    if (example.profile) out.push(l.profile, '', yamlBlock(example.profile), '');
    out.push(l.bad, '', yamlBlock(example.bad), '');
    if (example.good) out.push(l.good, '', yamlBlock(example.good), '');
  }
  out.push(`## ${l.fix}`, '', pick(rule.remediation, locale), '', prose.fix, '');
  out.push(`## ${l.silence}`, '', l.silenceText(rule.id), '', yamlBlock(`rules:\n  ${rule.id}: off`), '');
  if (rule.docs.facts.length > 0 || rule.docs.sources.length > 0) {
    out.push(`## ${l.sources}`, '');
    if (rule.docs.facts.length > 0) out.push(`- ${l.facts(rule.docs.facts.map((s) => `§${s}`).join(', '))}`);
    for (const id of rule.docs.sources) {
      const source = sources[id];
      out.push(source.url ? `- [${source.title}](${source.url})` : `- ${source.title}`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** The rule table of the README and docs/rules/README.md. */
export function renderRuleTable(rules: readonly Rule[]): string {
  const rows = rules.map(
    (rule) => `| [\`${rule.id}\`](docs/rules/${rule.id}.md) | ${rule.title.en} | ${rule.defaultSeverity} | ${rule.appliesTo.en} | ${rule.fixable ? 'yes' : ''} |`,
  );
  return ['| rule | what it flags | default | concerns | fix |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** Every generated file, by path relative to the repository root. */
export function generatedDocs(rules: readonly Rule[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const rule of rules) {
    files.set(`docs/rules/${rule.id}.md`, renderRuleDoc(rule, 'en'));
    files.set(`docs/rules/zh-cn/${rule.id}.md`, renderRuleDoc(rule, 'zh'));
  }
  return files;
}

export const readmeTableStart = '<!-- rules:start -->';
export const readmeTableEnd = '<!-- rules:end -->';

/** The README with its rule table replaced by the current catalogue. */
export function withRuleTable(readme: string, rules: readonly Rule[]): string {
  const start = readme.indexOf(readmeTableStart);
  const end = readme.indexOf(readmeTableEnd);
  if (start === -1 || end === -1) throw new Error(`README.md lacks the ${readmeTableStart} / ${readmeTableEnd} markers`);
  return `${readme.slice(0, start + readmeTableStart.length)}\n${renderRuleTable(rules)}\n${readme.slice(end)}`;
}
