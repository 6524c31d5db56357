import { isAlias, isMap, type Document, type Node, type YAMLMap } from 'yaml';
import type { Localized } from '../../l10n';
import type { Fix } from '../../engine/finding';
import { editsFix, removePairEdit } from '../../yaml/edits';
import { asScalar, entry, type Entry } from '../../yaml/nodes';

/**
 * The string an annotation value stands for once it reaches the pod: a string scalar's value, or
 * the source text of a plain scalar that kubectl would type otherwise (`true`, `1`), since that is
 * what the author meant and what quoting it gives. Undefined for null, empty and collection values.
 */
export function annotationText(node: Node | null, doc: Document): string | undefined {
  const scalar = asScalar(node, doc);
  if (!scalar || scalar.value === null || scalar.value === undefined) return undefined;
  if (typeof scalar.value === 'string') return scalar.value;
  return String(scalar.source ?? scalar.value);
}

/** Go's strconv.ParseBool true values: Terway reads boolean annotations with it. */
const goTrue = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);

export function isGoTrue(value: string | undefined): boolean {
  return value !== undefined && goTrue.has(value);
}

/** The map written under `metadata.annotations` of `owner`, when neither level is an alias (edits must not touch an anchor shared with other objects). */
function ownAnnotationsMap(owner: YAMLMap): YAMLMap | null {
  const metadata = entry(owner, 'metadata')?.valueNode;
  if (!isMap(metadata)) return null;
  const annotations = entry(metadata, 'annotations')?.valueNode;
  return isMap(annotations) ? annotations : null;
}

/** A value carrying an anchor (`&name`): deleting it would break the aliases that refer to it. */
function isAnchored(node: Node | null): boolean {
  return !isAlias(node) && !!(node as { anchor?: string } | null)?.anchor;
}

/** A fix that deletes one annotation of `owner` (the map holding `metadata`), keeping the lines around it. */
export function removeAnnotationFix(text: string, owner: YAMLMap, annotation: Entry, title: Localized): Fix | undefined {
  const annotations = ownAnnotationsMap(owner);
  if (!annotations || !annotations.items.includes(annotation.pair)) return undefined;
  if (isAnchored(annotation.valueNode)) return undefined;
  const edit = removePairEdit(text, annotations, annotation.pair);
  return edit ? editsFix(title, [edit]) : undefined;
}

/** Terway's egress priority annotation and the only values it accepts (tc prio bands 0/1/2). */
export const networkPriorityKey = 'k8s.aliyun.com/network-priority';
export const networkPriorities = ['guaranteed', 'burstable', 'best-effort'] as const;
