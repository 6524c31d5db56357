import type { YAMLMap } from 'yaml';
import type { K8sObject } from './objects';
import { asMap, asSeq, entry, mapAt, stringAt } from '../yaml/nodes';

/**
 * A pod template inside an object: the Pod itself, `spec.template` of a workload (including CRDs
 * shaped like one, e.g. Argo Rollout or OpenKruise CloneSet), `template` of a PodTemplate, or
 * `spec.jobTemplate.spec.template` of a CronJob.
 */
export interface PodTemplate {
  owner: K8sObject;
  /** The map holding the pod's `metadata` and `spec`. */
  node: YAMLMap;
  /** True for pods that keep their name across restarts (StatefulSet pods, bare Pods). */
  fixedName: boolean;
}

function looksLikePodTemplate(map: YAMLMap | null, object: K8sObject): map is YAMLMap {
  if (!map) return false;
  const spec = mapAt(map, object.doc, 'spec');
  return !!spec && (spec.has('containers') || spec.has('initContainers'));
}

/** A Pod written out with an owner other than a StatefulSet (e.g. exported from a ReplicaSet) is renamed on every restart. */
function ownedByNonStatefulSet(object: K8sObject): boolean {
  const owners = asSeq(entry(mapAt(object.node, object.doc, 'metadata'), 'ownerReferences')?.valueNode, object.doc);
  return (owners?.items ?? []).some((owner) => stringAt(asMap(owner, object.doc), object.doc, 'kind') !== 'StatefulSet');
}

export function podTemplatesOf(object: K8sObject): PodTemplate[] {
  const { doc, node, kind } = object;
  if (object.group === '' && kind === 'Pod') return [{ owner: object, node, fixedName: !ownedByNonStatefulSet(object) }];
  if (object.group === '' && kind === 'PodTemplate') {
    const template = mapAt(node, doc, 'template');
    return template ? [{ owner: object, node: template, fixedName: false }] : [];
  }
  if (kind === 'CronJob') {
    const template = mapAt(node, doc, 'spec', 'jobTemplate', 'spec', 'template');
    return template ? [{ owner: object, node: template, fixedName: false }] : [];
  }
  const template = mapAt(node, doc, 'spec', 'template');
  const knownWorkload = object.group === 'apps' || object.group === 'batch' || (object.group === '' && kind === 'ReplicationController');
  if (template && (knownWorkload || looksLikePodTemplate(template, object))) {
    return [{ owner: object, node: template, fixedName: kind === 'StatefulSet' }];
  }
  return [];
}
