import type { Document, YAMLMap } from 'yaml';
import type { K8sObject } from './objects';
import type { PodTemplate } from './podTemplates';
import { asSeq, entries, entry, mapAt, type Entry } from '../yaml/nodes';

export function annotationEntries(owner: YAMLMap, doc: Document): Entry[] {
  return entries(mapAt(owner, doc, 'metadata', 'annotations'));
}

export function podAnnotations(template: PodTemplate): Entry[] {
  return annotationEntries(template.node, template.owner.doc);
}

/** Annotations of a pod template by key (later duplicates are YAML errors, so first wins). */
export function podAnnotationMap(template: PodTemplate): Map<string, Entry> {
  const out = new Map<string, Entry>();
  for (const e of podAnnotations(template)) if (!out.has(e.key)) out.set(e.key, e);
  return out;
}

/**
 * Every `metadata` map of an object that the API server stores as ObjectMeta: the object's own,
 * its pod templates', a CronJob's job template and StatefulSet volume claim templates.
 */
export function metadataOwners(object: K8sObject, templates: PodTemplate[]): YAMLMap[] {
  const { doc, node } = object;
  const owners: YAMLMap[] = [node];
  const jobTemplate = mapAt(node, doc, 'spec', 'jobTemplate');
  if (jobTemplate) owners.push(jobTemplate);
  for (const template of templates) if (template.node !== node) owners.push(template.node);
  const claims = asSeq(entry(mapAt(node, doc, 'spec'), 'volumeClaimTemplates')?.valueNode, doc);
  for (const claim of claims?.items ?? []) {
    const map = mapAt(claim, doc);
    if (map) owners.push(map);
  }
  return owners;
}
