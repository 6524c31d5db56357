/**
 * Hover: what the key, value or kind under the cursor does, how Terway and Flannel differ on it,
 * and the verdict for the profile in force, taken from the engine's findings (findings.ts) so it
 * always agrees with the diagnostics. Pure: text in, Markdown and offsets out. Values of cluster
 * configurations (CreateCluster bodies, eni-config, kube-flannel-cfg, `.tf` files and the values of
 * `.ack-cni.yaml`) are clusterHover.ts's.
 */
import type { Document } from 'yaml';
import { both, pick, type Locale, type Localized } from '../l10n';
import type { Finding } from '../engine/finding';
import { parseRuleList } from '../engine/suppress';
import { objectsOf, type K8sObject } from '../k8s/objects';
import { podTemplatesOf } from '../k8s/podTemplates';
import { parseYamlDocuments, type YamlDocument } from '../yaml/parse';
import { chunkDocuments } from '../engine/cheapPath';
import { ruleById } from '../rules';
import { annotationText } from '../rules/support/annotations';
import { annotationsByKey, placeLabels, statusLabels, type AnnotationKnowledge, type ValueDoc } from '../knowledge/annotations';
import { ignoreAnnotation } from '../knowledge/keys';
import { kindKnowledge } from '../knowledge/kinds';
import { fieldCatalogue } from '../knowledge/fields';
import { findingsOf, type FindingsView } from './findings';
import { focusOn } from './focus';
import { clusterHeader, comparisonTable, here, ruleLinks, verdict } from './hoverParts';
import { nodeAt, type NodeAt, type Step } from './nodeAt';
import { profileHover } from './profileHover';
import { clusterHoverInManifest, clusterHoverInProfile, clusterHoverInTerraform } from './clusterHover';
import type { FeatureContext, HoverResult } from './types';

export function hoverAt(context: FeatureContext, offset: number): HoverResult | null {
  if (context.kind === 'terraform') return clusterHoverInTerraform(context, offset);
  const focus = focusOn(context.text, context.kind, offset);
  if (!focus) return null;
  const result = hoverIn({ ...context, text: focus.text }, offset - focus.from);
  return result && { ...result, start: result.start + focus.from, end: result.end + focus.from };
}

function hoverIn(context: FeatureContext, offset: number): HoverResult | null {
  if (context.kind === 'manifest' && context.settled?.(context.text)) return null;
  // A manifest document is read by js-yaml where it can be (engine/cheapPath.ts): a CRD of 400 KB took yaml 200 ms on the first hover.
  const documents = context.kind === 'profile' ? parseYamlDocuments(context.text) : chunkDocuments(context.text);
  const document = documents.find((d) => d.start <= offset && offset <= d.end);
  if (!document) return null;
  if (context.kind === 'profile') {
    if (document.index !== 0) return null;
    // Values that make the cluster plan (CIDRs, instance types, modes) get the cluster hover; keys and the rest, the schema's.
    return clusterHoverInProfile(context, document, offset) ?? profileHover(context, document, offset);
  }
  // A document can be a Kubernetes object and a cluster configuration at once (eni-config, kube-flannel-cfg).
  return manifestHover(context, document, offset) ?? clusterHoverInManifest(context, documents, document, offset);
}

/** What every manifest hover needs besides the node. */
interface Target {
  context: FeatureContext;
  document: YamlDocument;
  object: K8sObject;
  at: NodeAt;
}

function manifestHover(context: FeatureContext, document: YamlDocument, offset: number): HoverResult | null {
  const containing = objectsOf(document).filter((o) => o.node.range && o.node.range[0] <= offset && offset <= o.node.range[1]);
  const object = containing[containing.length - 1];
  if (!object) return null;
  const at = nodeAt(object.node, offset);
  if (!at) return null;
  const target: Target = { context, document, object, at };
  return kindHover(target) ?? annotationHover(target) ?? fieldHover(target);
}

function result(at: NodeAt, parts: Array<string | undefined>): HoverResult {
  const [start, end] = at.scalar.range!;
  return { start, end, markdown: parts.filter((part): part is string => !!part).join('\n\n') };
}

function spanOf(step: Step | undefined): [number, number] {
  if (step?.kind !== 'pair') return [0, 0];
  const value = step.pair.value as { range?: [number, number, number] } | null;
  return [step.keyNode.range![0], value?.range ? value.range[1] : step.keyNode.range![1]];
}

// --- kind: NetworkPolicy, Calico policy kinds, PodNetworking --------------------------------

function kindHover({ context, document, object, at }: Target): HoverResult | null {
  if (at.on !== 'value' || at.scalar !== object.kindNode) return null;
  const knowledge = kindKnowledge(object);
  if (!knowledge) return null;
  const { locale } = context;
  return result(at, [
    `**${object.kind}** — \`${object.apiVersion}\``,
    verdict({
      context,
      view: findingsOf(context),
      rules: knowledge.rules,
      span: [object.node.range![0], object.node.range![1]],
      row: knowledge.row,
      syntaxError: document.errors.length > 0,
    }),
    pick(knowledge.doc, locale),
    knowledge.row && comparisonTable(knowledge.row, context),
    ruleLinks(knowledge.rules, locale),
  ]);
}

// --- annotations ----------------------------------------------------------------------------

type Owner = 'pod-template' | 'service' | 'object' | 'other';

/** Whose `metadata.annotations` the hovered entry is in: a pod template's, the object's own, or another's. */
function ownerOf(object: K8sObject, owner: unknown): Owner[] {
  const owners: Owner[] = [];
  if (podTemplatesOf(object).some((template) => template.node === owner)) owners.push('pod-template');
  if (owner === object.node) owners.push(object.group === '' && object.kind === 'Service' ? 'service' : 'object');
  return owners.length > 0 ? owners : ['other'];
}

const misplaced: Record<AnnotationKnowledge['place'], Localized> = {
  pod: both(
    "no effect — this is not a pod's metadata, and only pods read this key: it belongs in the pod template's `metadata.annotations`.",
    '不起作用 — 这里不是 Pod 的 metadata，而只有 Pod 会读取该注解：应写在 Pod 模板的 `metadata.annotations` 中。',
  ),
  service: both(
    'no effect — cloud-controller-manager reads this key only on a Service.',
    '不起作用 — cloud-controller-manager 只在 Service 上读取该注解。',
  ),
  object: both(
    "no effect — ack-cni-lint reads this key only in the object's own `metadata.annotations`, not in a pod template.",
    '不起作用 — ack-cni-lint 只读取对象自身 `metadata.annotations` 中的该注解，Pod 模板中的无效。',
  ),
};

function isPlacedRight(knowledge: AnnotationKnowledge, owners: Owner[]): boolean {
  if (knowledge.place === 'pod') return owners.includes('pod-template');
  if (knowledge.place === 'service') return owners.includes('service');
  return owners.includes('object') || owners.includes('service');
}

function annotationHeading(knowledge: AnnotationKnowledge, locale: Locale): string {
  const status = statusLabels[knowledge.status];
  return `**\`${knowledge.key}\`** — ${pick(placeLabels[knowledge.place], locale)}${status ? ` · ${pick(status, locale)}` : ''}`;
}

function valueLine(value: string, values: readonly ValueDoc[], locale: Locale): string {
  const known = values.find((v) => v.value === value);
  if (known) return `\`${value}\`${locale === 'zh' ? '：' : ': '}${pick(known.doc, locale)}`;
  const list = values.map((v) => `\`${v.value}\``).join(locale === 'zh' ? '、' : ', ');
  return pick(both(`\`${value}\` is not one of ${list}.`, `\`${value}\` 不是 ${list} 之一。`), locale);
}

/** What the written value means; undefined when there is nothing to say beyond the key's docs. */
function explainValue(knowledge: AnnotationKnowledge, value: string | undefined, locale: Locale): string | undefined {
  if (value === undefined) return undefined;
  if (knowledge.explainValue) return pick(knowledge.explainValue(value), locale);
  if (knowledge.values) return valueLine(value, knowledge.values, locale);
  return undefined;
}

function annotationHover(target: Target): HoverResult | null {
  const { context, document, object, at } = target;
  const n = at.steps.length;
  const [metadata, annotations, item] = at.steps.slice(n - 3);
  if (n < 3 || metadata.kind !== 'pair' || metadata.key !== 'metadata' || annotations.kind !== 'pair' || annotations.key !== 'annotations') return null;
  if (item.kind !== 'pair' || (at.on === 'value' && at.scalar !== item.pair.value)) return null;
  const knowledge = annotationsByKey.get(item.key);
  if (!knowledge) return null;
  const { locale } = context;
  const owners = ownerOf(object, metadata.map);
  const value = at.on === 'value' ? annotationText(at.scalar, document.doc) : undefined;
  const explained = explainValue(knowledge, value, locale);
  const view = findingsOf(context);
  let judgement: string;
  if (!isPlacedRight(knowledge, owners)) judgement = here(misplaced[knowledge.place], locale);
  else if (knowledge.key === ignoreAnnotation) judgement = ignoreVerdict(context, view, object, item, document.doc);
  else if (knowledge.verdictNote) judgement = `${clusterHeader(context)}${locale === 'zh' ? '：' : ': '}${pick(knowledge.verdictNote, locale)}`;
  else {
    judgement = verdict({
      context,
      view,
      // A value kubectl does not read as a string breaks any annotation.
      rules: [...knowledge.rules, 'annotation-value-type'],
      span: spanOf(item),
      row: knowledge.row,
      syntaxError: document.errors.length > 0,
    });
  }
  return result(at, [
    annotationHeading(knowledge, locale),
    judgement,
    explained ?? pick(knowledge.doc, locale),
    knowledge.row && comparisonTable(knowledge.row, context),
    ruleLinks(knowledge.key === ignoreAnnotation ? ignoredRuleIds(item, document.doc) : knowledge.rules, locale),
  ]);
}

/** The rule ids an `ack-cni-lint.io/ignore` value lists; null when it silences every rule. */
function ignoredIds(item: Step, doc: Document): ReadonlySet<string> | null | undefined {
  if (item.kind !== 'pair') return undefined;
  const value = annotationText(item.pair.value as never, doc);
  return value === undefined ? undefined : parseRuleList(value);
}

function ignoredRuleIds(item: Step, doc: Document): string[] {
  const ids = ignoredIds(item, doc);
  return ids ? [...ids] : [];
}

/** What the ignore annotation silences in this object right now, from the engine's silenced findings. */
function ignoreVerdict(context: FeatureContext, view: FindingsView, object: K8sObject, item: Step, doc: Document): string {
  const { locale } = context;
  const ids = ignoredIds(item, doc);
  if (ids === undefined) {
    return here(both('no effect — the value must be a string of rule ids.', '不起作用 — 取值必须是由规则 ID 组成的字符串。'), locale);
  }
  const [start, end] = object.node.range!;
  const silenced = view.silenced.filter((f: Finding) => f.start >= start && f.end <= end && (ids === null || ids.has(f.ruleId)));
  const counts = new Map<string, number>();
  for (const finding of silenced) counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
  const parts: string[] = [];
  if (counts.size === 0) {
    parts.push(here(both('silences nothing at the moment.', '目前没有被抑制的问题。'), locale));
  } else {
    const list = [...counts].map(([id, count]) => `\`${id}\` (${count})`).join(', ');
    parts.push(here(both(`silences ${silenced.length} finding${silenced.length === 1 ? '' : 's'}: ${list}.`, `抑制了 ${silenced.length} 个问题：${list}。`), locale));
  }
  const unknown = ids === null ? [] : [...ids].filter((id) => !ruleById.has(id));
  if (unknown.length > 0) {
    const list = unknown.map((id) => `\`${id}\``).join(', ');
    parts.push(pick(both(`Not rule ids of ack-cni-lint (ignored): ${list}.`, `以下不是 ack-cni-lint 的规则 ID（会被忽略）：${list}。`), locale));
  }
  return parts.join('\n\n');
}

// --- fields: Service spec.ipFamilyPolicy / spec.ipFamilies, PodNetworking spec.eniOptions.eniType ----

function fieldHover({ context, document, object, at }: Target): HoverResult | null {
  const depth = (field: { path: readonly string[] }) => field.path.length;
  const knowledge = fieldCatalogue.find(
    (field) =>
      field.matches(object) &&
      at.steps.length >= depth(field) &&
      field.path.every((key, i) => {
        const step = at.steps[i];
        return step.kind === 'pair' && step.key === key;
      }),
  );
  if (!knowledge) return null;
  const n = depth(knowledge);
  const onKey = at.on === 'key' && at.steps.length === n;
  const onValue = at.on === 'value' && (at.steps.length === n || (knowledge.list && at.steps.length === n + 1 && at.steps[n].kind === 'item'));
  if (!onKey && !onValue) return null;
  const { locale } = context;
  const value = onValue && typeof at.scalar.value === 'string' ? at.scalar.value : undefined;
  return result(at, [
    `**\`${knowledge.path.join('.')}\`** — ${knowledge.kind}`,
    verdict({ context, view: findingsOf(context), rules: knowledge.rules, span: spanOf(at.steps[n - 1]), row: knowledge.row, syntaxError: document.errors.length > 0 }),
    value !== undefined ? valueLine(value, knowledge.values, locale) : pick(knowledge.doc, locale),
    comparisonTable(knowledge.row, context),
    ruleLinks(knowledge.rules, locale),
  ]);
}
