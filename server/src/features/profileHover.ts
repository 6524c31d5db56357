/** Hover on `.ack-cni.yaml` keys and values: the schema's docs, values and default, what the key decides, and problems in it. */
import { both, pick, type Locale } from '../l10n';
import { ruleById } from '../rules';
import { profileSchema, ruleSeverityValues, type FieldSpec } from '../profile/schema';
import type { YamlDocument } from '../yaml/parse';
import { profileDefault, profileKeyKnowledge } from '../knowledge/profileKeys';
import { findingsOf } from './findings';
import { comparisonTable, findingLine, ruleLinks } from './hoverParts';
import { keysOf, nodeAt, type NodeAt } from './nodeAt';
import type { FeatureContext, HoverResult } from './types';
import { isMap } from 'yaml';

const code = (values: readonly string[]) => values.map((v) => `\`${v}\``).join(' · ');

/** One line on the values a key takes and its default. */
export function valuesLine(spec: FieldSpec, path: string, locale: Locale): string | undefined {
  const fallback = profileDefault(path);
  const withDefault = (en: string, zh: string) =>
    pick(fallback === undefined ? both(`${en}.`, `${zh}。`) : both(`${en}; default: \`${fallback}\`.`, `${zh}；默认值：\`${fallback}\`。`), locale);
  switch (spec.type) {
    case 'enum':
      return withDefault(`Values: ${code(spec.values)}`, `取值：${code(spec.values)}`);
    case 'boolean':
      return withDefault('Values: `true` · `false`', '取值：`true` · `false`');
    case 'integer':
      return withDefault(`A whole number from ${spec.min} to ${spec.max}`, `${spec.min} 到 ${spec.max} 之间的整数`);
    case 'version':
      return withDefault('A dotted version, quoted so that YAML keeps it as written (`"1.30"`, not 1.3)', '点分版本号，请加引号以保持原样（写 `"1.30"`，否则会被读成 1.3）');
    case 'stringList':
      return withDefault('A list of strings', '字符串列表');
    case 'section':
      return pick(both(`Keys: ${code(Object.keys(spec.fields))}.`, `可用的键：${code(Object.keys(spec.fields))}。`), locale);
    case 'ruleMap':
      return pick(both(`Rule id → ${code(ruleSeverityValues)}.`, `规则 ID → ${code(ruleSeverityValues)}。`), locale);
    default:
      return undefined;
  }
}

/** The schema entry of a dotted path, with the section it is in. */
function specAt(keys: readonly string[]): FieldSpec | undefined {
  const top = profileSchema[keys[0]];
  if (!top || keys.length === 1) return top;
  if (top.type === 'section' && keys.length === 2) return top.fields[keys[1]];
  return undefined;
}

function ruleIdHover(context: FeatureContext, at: NodeAt, id: string): HoverResult | null {
  const rule = ruleById.get(id);
  if (!rule) return null;
  const { locale } = context;
  const [start, end] = at.scalar.range!;
  const markdown = [
    `**\`rules.${id}\`** — \`.ack-cni.yaml\``,
    `**${pick(rule.title, locale)}** — ${pick(rule.appliesTo, locale)}`,
    pick(
      both(`Severity: ${code(ruleSeverityValues)}; default: \`${rule.defaultSeverity}\`.`, `级别：${code(ruleSeverityValues)}；默认：\`${rule.defaultSeverity}\`。`),
      locale,
    ),
    ruleLinks([id], locale),
  ].filter((part): part is string => !!part);
  return { start, end, markdown: markdown.join('\n\n') };
}

export function profileHover(context: FeatureContext, document: YamlDocument, offset: number): HoverResult | null {
  const root = document.doc.contents;
  if (!isMap(root)) return null;
  const at = nodeAt(root, offset);
  if (!at) return null;
  const keys = keysOf(at.steps);
  if (keys.length === 0) return null;
  if (keys[0] === 'rules' && keys.length === 2 && (at.on === 'key' || at.steps.length === 2)) return ruleIdHover(context, at, keys[1]);
  // A list item (`ignore: [a, b]`) or deeper: explain the key it is under.
  const spec = specAt(keys.slice(0, 2)) ?? specAt(keys.slice(0, 1));
  const path = specAt(keys.slice(0, 2)) ? keys.slice(0, 2).join('.') : keys[0];
  if (!spec) return null;
  const { locale } = context;
  const knowledge = profileKeyKnowledge[path];
  // Problems in this entry, as the diagnostics show them: profile-invalid's, and any cluster rule's
  // (cni-field-ignored says when a section belongs to another CNI).
  const step = at.steps[Math.min(at.steps.length, path.split('.').length) - 1];
  const problems =
    step.kind === 'pair'
      ? findingsOf(context).shown.filter((f) => {
          const value = step.pair.value as { range?: [number, number, number] } | null;
          return f.start >= step.keyNode.range![0] && f.end <= (value?.range ? value.range[1] : step.keyNode.range![1]);
        })
      : [];
  const thisFile = pick(both('**This file**', '**该文件**'), locale);
  const parts: Array<string | undefined> = [
    `**\`${path}\`** — \`.ack-cni.yaml\``,
    // The verdict first, as in manifest hovers: it must not sit below the fold of the hover widget.
    ...problems.map((problem) => `${thisFile}${locale === 'zh' ? '：' : ': '}${findingLine(problem, context, false)}`),
    pick(spec.doc, locale),
    valuesLine(spec, path, locale),
    knowledge?.notes && pick(knowledge.notes, locale),
    knowledge?.row && comparisonTable(knowledge.row, context),
  ];
  const related = [...(knowledge?.rules ?? []), ...problems.map((f) => f.ruleId)];
  parts.push(ruleLinks(related.length > 0 ? related : ['profile-invalid'], locale));
  const [start, end] = at.scalar.range!;
  return { start, end, markdown: parts.filter((part): part is string => !!part).join('\n\n') };
}
