/**
 * Completion of annotation keys (pod templates, Services, any object's own metadata for the
 * ignore annotation), of enum values (network-priority, backend-type, ipFamilyPolicy) and of
 * `.ack-cni.yaml` keys and values. Where the cursor is comes from the line model (outline.ts),
 * since text being typed is rarely valid YAML; which object and pod template it belongs to comes
 * from the parser, which keeps the rest of the document intact. What the profile supports is
 * asked of the engine (probe.ts).
 */
import type { YAMLMap } from 'yaml';
import { both, pick, type Locale, type Localized } from '../l10n';
import { objectsOf, type K8sObject } from '../k8s/objects';
import { podTemplatesOf } from '../k8s/podTemplates';
import { entry } from '../yaml/nodes';
import { parseYamlDocuments } from '../yaml/parse';
import { isSafePlainString } from '../yaml/scalarType';
import { profileSchema, ruleSeverityValues, type FieldSpec } from '../profile/schema';
import { ruleDocsUrl } from '../docs/links';
import { rules } from '../rules';
import { annotationCatalogue, annotationsByKey, type AnnotationKnowledge, type AnnotationPlace, type ValueDoc } from '../knowledge/annotations';
import { ignoreAnnotation } from '../knowledge/keys';
import { cniValueDocs, profileDefault, profileKeyKnowledge } from '../knowledge/profileKeys';
import { fieldCatalogue } from '../knowledge/fields';
import { clusterHeader, ruleLinks } from './hoverParts';
import { Outline, levelsOf, type Level, type LevelRef } from './outline';
import { focusOn } from './focus';
import { objectWith, podWith, serviceWith, support } from './probe';
import { valuesLine } from './profileHover';
import type { CompletionEntry, FeatureContext } from './types';

/** Where the cursor is: typing a key of the map under `parent`, or the value of the key `key`. */
interface Cursor {
  position: 'key' | 'value';
  /** The typed prefix occupies [start, end); end is the cursor. */
  start: number;
  end: number;
  prefix: string;
  /** The map being typed into (key) or the key whose value is typed (value); null: document root. */
  parent: LevelRef | null;
  /** Root first: the levels from the document root down to `parent`. */
  chain: LevelRef[];
  path: string[];
  line: number;
  /** The line already has a colon after the cursor (`k8s.al‸: x`). */
  colonFollows: boolean;
  /** `key:‸` with nothing after the colon: the value needs a space before it. */
  spaceNeeded: boolean;
  /** The character after the cursor, to step over a closing quote. */
  next: string;
}

function cursorAt(outline: Outline, offset: number): Cursor | null {
  const { line, character } = outline.index.position(offset);
  const lineStart = outline.index.lineStart(line);
  const before = outline.text.slice(lineStart, offset);
  const after = outline.text.slice(offset, outline.index.lineEnd(line));
  const here = outline.lines[line];
  if (/(^|[ \t])#/.test(before) || here.separator) return null;
  // Inside a block scalar the outline has no structure for the line, yet the line has text.
  if (here.blank && outline.index.lineText(line).trim() !== '' && !outline.index.lineText(line).trim().startsWith('#')) return null;
  const levels = levelsOf(before, lineStart);
  const last: Level | undefined = levels[levels.length - 1];
  const items = levels.filter((level) => level.type === 'item');
  const base = { line, end: offset, next: after[0] ?? '' };
  if (last?.type === 'key') {
    const keyRef: LevelRef = { line, level: levels.length - 1 };
    if (here.levels[keyRef.level]?.key !== last.key) return null;
    const colon = outline.text.indexOf(':', last.keyEnd!);
    let start = colon + 1;
    while (start < offset && (outline.text[start] === ' ' || outline.text[start] === '\t')) start++;
    const chain = [...outline.ancestry(outline.parentOf(line, last.column, 'key', items)), keyRef];
    return {
      ...base,
      position: 'value',
      start,
      prefix: outline.text.slice(start, offset),
      parent: keyRef,
      chain,
      path: outline.pathOf(chain),
      colonFollows: false,
      spaceNeeded: start === colon + 1 && start === offset,
    };
  }
  if (last?.type === 'scalar' && /^[ \t]|[ \t]$|:[ \t]/.test(before.slice(last.column))) return null;
  const column = last?.type === 'scalar' ? last.column : character;
  const start = last?.type === 'scalar' ? last.start : offset;
  const parent = outline.parentOf(line, column, 'key', items);
  const chain = outline.ancestry(parent);
  return {
    ...base,
    position: 'key',
    start,
    prefix: outline.text.slice(start, offset),
    parent,
    chain,
    path: outline.pathOf(chain),
    colonFollows: /^[^ \t]*[ \t]*:/.test(after),
    spaceNeeded: false,
  };
}

function endsWith(path: readonly string[], ...tail: string[]): boolean {
  return path.length >= tail.length && tail.every((key, i) => path[path.length - tail.length + i] === key);
}

/**
 * A value as inserted: in the quotes the user opened (stepping over an auto-closed one), else for
 * a manifest plain only when kubectl reads it back as that string (`"true"`, not `true`).
 */
function valueText(value: string, cursor: Cursor, forKubectl: boolean): { insertText: string; end: number } {
  const quote = cursor.prefix[0] === '"' || cursor.prefix[0] === "'" ? cursor.prefix[0] : undefined;
  const space = cursor.spaceNeeded ? ' ' : '';
  if (quote) {
    const body = quote === '"' ? JSON.stringify(value).slice(1, -1) : value.replace(/'/g, "''");
    return { insertText: `${space}${quote}${body}${quote}`, end: cursor.end + (cursor.next === quote ? 1 : 0) };
  }
  const plain = !forKubectl || isSafePlainString(value);
  return { insertText: `${space}${plain ? value : JSON.stringify(value)}`, end: cursor.end };
}

function keyText(key: string, cursor: Cursor, opensBlock: boolean): string {
  if (cursor.colonFollows) return key;
  return opensBlock ? `${key}:` : `${key}: `;
}

function markdown(parts: Array<string | undefined>): string {
  return parts.filter((part): part is string => !!part).join('\n\n');
}

export function completionsAt(context: FeatureContext, offset: number): CompletionEntry[] {
  // Terraform files get no completion (their values are checked, not suggested).
  if (context.kind === 'terraform') return [];
  // JSON manifests are edited as JSON; the line model is for block YAML.
  if (/^\s*[{[]/.test(context.text)) return [];
  const focus = focusOn(context.text, context.kind, offset);
  if (!focus) return [];
  const entries = completionsIn({ ...context, text: focus.text }, offset - focus.from);
  return entries.map((e) => ({ ...e, start: e.start + focus.from, end: e.end + focus.from }));
}

function completionsIn(context: FeatureContext, offset: number): CompletionEntry[] {
  const outline = new Outline(context.text);
  const cursor = cursorAt(outline, offset);
  if (!cursor) return [];
  return context.kind === 'profile' ? profileCompletions(context, outline, cursor) : manifestCompletions(context, outline, cursor);
}

// --- manifests --------------------------------------------------------------------------------

/** The object the cursor is in: the innermost whose range holds it, else the last one starting before it. */
function objectAt(text: string, offset: number): K8sObject | undefined {
  const documents = parseYamlDocuments(text);
  const document = [...documents].reverse().find((d) => d.start <= offset);
  if (!document) return undefined;
  const objects = objectsOf(document);
  const holding = objects.filter((o) => o.node.range && o.node.range[0] <= offset && offset <= o.node.range[1]);
  return holding[holding.length - 1] ?? [...objects].reverse().find((o) => o.node.range && o.node.range[0] <= offset);
}

/** Who reads the annotations map whose `metadata` key sits on `metadataLine`. */
function annotationPlaces(outline: Outline, object: K8sObject, metadataLine: number): AnnotationPlace[] {
  const lineOf = (owner: YAMLMap) => {
    const metadata = entry(owner, 'metadata');
    return metadata?.keyNode.range ? outline.index.position(metadata.keyNode.range[0]).line : -1;
  };
  const places: AnnotationPlace[] = [];
  if (podTemplatesOf(object).some((template) => lineOf(template.node) === metadataLine)) places.push('pod');
  if (lineOf(object.node) === metadataLine) {
    places.push('object');
    if (object.group === '' && object.kind === 'Service') places.push('service');
  }
  return places;
}

function manifestCompletions(context: FeatureContext, outline: Outline, cursor: Cursor): CompletionEntry[] {
  const object = objectAt(context.text, cursor.start);
  if (!object) return [];
  const { path, chain } = cursor;
  if (cursor.position === 'key' && endsWith(path, 'metadata', 'annotations')) {
    const places = annotationPlaces(outline, object, chain[chain.length - 2].line);
    const present = outline.childKeys(cursor.parent, cursor.line, cursor.line);
    return annotationCatalogue
      .filter((knowledge) => places.includes(knowledge.place) && !present.has(knowledge.key))
      .flatMap((knowledge) => annotationKeyEntry(context, knowledge, cursor) ?? []);
  }
  if (cursor.position === 'value' && endsWith(path.slice(0, -1), 'metadata', 'annotations')) {
    const knowledge = annotationsByKey.get(path[path.length - 1]);
    const places = annotationPlaces(outline, object, chain[chain.length - 3].line);
    if (!knowledge || !places.includes(knowledge.place)) return [];
    return knowledge.key === ignoreAnnotation ? ignoreValueEntries(context, cursor) : annotationValueEntries(context, knowledge, cursor);
  }
  const field = cursor.position === 'value' ? fieldCatalogue.find((f) => !f.list && f.matches(object) && endsWith(path, ...f.path)) : undefined;
  if (field) {
    // The field's first key must be the object's own (not a key of the same name deeper down).
    const first = entry(object.node, field.path[0]);
    if (!first?.keyNode.range || outline.index.position(first.keyNode.range[0]).line !== chain[chain.length - field.path.length].line) return [];
    return field.values.flatMap((value) => {
      const supported = support(context, { neutral: value.neutral, row: field.row, rules: field.rules, manifest: () => objectWith(field, value.value) });
      return supported.offered ? [valueEntry(value, field.path.join('.'), cursor, context.locale, true)] : [];
    });
  }
  return [];
}

function manifestFor(knowledge: AnnotationKnowledge, value: string): string {
  return knowledge.place === 'service' ? serviceWith(knowledge.key, value) : podWith(knowledge.key, value);
}

function annotationKeyEntry(context: FeatureContext, knowledge: AnnotationKnowledge, cursor: Cursor): CompletionEntry | undefined {
  if (!knowledge.offered) return undefined;
  const supported = support(context, {
    neutral: knowledge.neutral,
    row: knowledge.row,
    rules: knowledge.rules,
    manifest: () => manifestFor(knowledge, knowledge.sample ?? ''),
  });
  if (!supported.offered) return undefined;
  const { locale } = context;
  const caveats = supported.caveats.map((message) => `${clusterHeader(context)}${locale === 'zh' ? '：' : ': '}${message}`);
  return {
    label: knowledge.key,
    kind: 'annotation',
    detail: pick(knowledge.title, locale),
    documentation: markdown([pick(knowledge.doc, locale), ...caveats, ruleLinks(knowledge.rules, locale)]),
    insertText: keyText(knowledge.key, cursor, false),
    start: cursor.start,
    end: cursor.end,
  };
}

function valueEntry(value: ValueDoc, detail: string, cursor: Cursor, locale: Locale, forKubectl: boolean, preselect = false): CompletionEntry {
  const { insertText, end } = valueText(value.value, cursor, forKubectl);
  return {
    label: value.value,
    kind: 'value',
    detail,
    documentation: pick(value.doc, locale),
    insertText,
    start: cursor.start,
    end,
    ...(preselect ? { preselect } : {}),
  };
}

function annotationValueEntries(context: FeatureContext, knowledge: AnnotationKnowledge, cursor: Cursor): CompletionEntry[] {
  return (knowledge.values ?? []).flatMap((value) => {
    const supported = support(context, {
      neutral: value.neutral,
      row: knowledge.row,
      rules: knowledge.valueRules ?? [],
      manifest: () => manifestFor(knowledge, value.value),
    });
    return supported.offered ? [valueEntry(value, knowledge.key, cursor, context.locale, true)] : [];
  });
}

/** Rule ids for `ack-cni-lint.io/ignore`: the list item being typed, after the last comma or space. */
function ignoreValueEntries(context: FeatureContext, cursor: Cursor): CompletionEntry[] {
  const item = /[^\s,"']*$/.exec(cursor.prefix)![0];
  const start = cursor.end - item.length;
  const listed = new Set(cursor.prefix.slice(0, cursor.prefix.length - item.length).split(/[\s,"']+/));
  return rules
    .filter((rule) => rule.scope === 'manifest' && !listed.has(rule.id))
    .map((rule) => ({
      label: rule.id,
      kind: 'value' as const,
      detail: pick(rule.title, context.locale),
      documentation: markdown([pick(rule.appliesTo, context.locale), ruleLinks([rule.id], context.locale)]),
      insertText: `${cursor.spaceNeeded && start === cursor.end ? ' ' : ''}${rule.id}`,
      start,
      end: cursor.end,
    }));
}

// --- .ack-cni.yaml ------------------------------------------------------------------------------

/** The fields of the map at `path` in the profile schema; undefined where the schema has no map. */
function fieldsAt(path: readonly string[]): Record<string, FieldSpec> | 'rules' | undefined {
  if (path.length === 0) return profileSchema;
  const spec = path.length === 1 ? profileSchema[path[0]] : undefined;
  if (spec?.type === 'section') return spec.fields;
  if (spec?.type === 'ruleMap') return 'rules';
  return undefined;
}

function profileCompletions(context: FeatureContext, outline: Outline, cursor: Cursor): CompletionEntry[] {
  const { locale } = context;
  if (cursor.path.includes('[]')) return [];
  if (cursor.position === 'key') {
    const fields = fieldsAt(cursor.path);
    const present = outline.childKeys(cursor.parent, cursor.line, cursor.line);
    if (fields === 'rules') {
      return rules
        .filter((rule) => !present.has(rule.id))
        .map((rule) => ({
          label: rule.id,
          kind: 'key' as const,
          detail: pick(rule.title, locale),
          documentation: markdown([
            pick(rule.appliesTo, locale),
            pick(both(`Default severity: \`${rule.defaultSeverity}\`.`, `默认级别：\`${rule.defaultSeverity}\`。`), locale),
            `[${rule.id}](${ruleDocsUrl(rule.id, context.locale)})`,
          ]),
          insertText: keyText(rule.id, cursor, false),
          start: cursor.start,
          end: cursor.end,
        }));
    }
    if (!fields) return [];
    return Object.entries(fields)
      .filter(([key]) => !present.has(key))
      .map(([key, spec]) => {
        const dotted = [...cursor.path, key].join('.');
        return {
          label: key,
          kind: 'key' as const,
          detail: dotted,
          documentation: markdown([pick(spec.doc, locale), valuesLine(spec, dotted, locale), profileKeyKnowledge[dotted]?.notes && pick(profileKeyKnowledge[dotted]!.notes!, locale)]),
          insertText: keyText(key, cursor, spec.type === 'section' || spec.type === 'ruleMap'),
          start: cursor.start,
          end: cursor.end,
        };
      });
  }
  const path = cursor.path;
  if (path.length === 2 && path[0] === 'rules') {
    return ruleSeverityValues.map((severity) => valueEntry({ value: severity, doc: severityDocs[severity], neutral: true }, `rules.${path[1]}`, cursor, locale, false));
  }
  const fields = fieldsAt(path.slice(0, -1));
  const spec = fields && fields !== 'rules' ? fields[path[path.length - 1]] : undefined;
  if (!spec) return [];
  const dotted = path.join('.');
  const fallback = profileDefault(dotted);
  const values = spec.type === 'enum' ? spec.values : spec.type === 'boolean' ? ['true', 'false'] : [];
  return values.map((value) => {
    const doc: Localized = dotted === 'cni' ? cniValueDocs[value as keyof typeof cniValueDocs] : spec.doc;
    // The profile is read as YAML 1.2 by ack-cni-lint itself: `true` must stay a boolean, `off` is a word.
    return valueEntry({ value, doc, neutral: true }, dotted, cursor, locale, false, value === fallback);
  });
}

const severityDocs: Record<(typeof ruleSeverityValues)[number], Localized> = {
  off: both('The rule does not run.', '不运行该规则。'),
  hint: both('Shown as a hint (no squiggle).', '以提示形式显示（无波浪线）。'),
  info: both('Shown as information.', '以信息形式显示。'),
  warning: both('Shown as a warning.', '以警告形式显示。'),
  error: both('Shown as an error; the CLI exits with 1.', '以错误形式显示；CLI 以退出码 1 结束。'),
};
