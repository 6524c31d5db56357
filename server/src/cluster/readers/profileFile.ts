import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { entries, entry } from '../../yaml/nodes';
import type { ProfileValues } from '../../profile/validate';
import { emptyPlan, type ClusterPlan, type Located } from '../plan';
import { locatedAt, splitList } from './located';

/** Profile keys that only one CNI reads, as `section.key` (whole sections end with `.*`). */
const cniSpecific: Record<string, 'terway' | 'flannel'> = {
  'terway.*': 'terway',
  'flannel.*': 'flannel',
  'cluster.podCidr': 'flannel',
  'cluster.nodeCidrMask': 'flannel',
};

/**
 * The plan a `.ack-cni.yaml` describes, each value located at its node. Only values that passed
 * validation (`values`, from readProfileDocument) are taken, so a wrong value is reported once,
 * by profile-invalid, and not again by a cluster rule.
 */
export function readProfilePlan(text: string, doc: Document, values: ProfileValues): ClusterPlan {
  const plan = emptyPlan('profile');
  const root = doc.contents;
  if (!isMap(root)) return plan;
  const valid = (section: string | null, key: string) => {
    const holder = section === null ? values : (values[section] as ProfileValues | undefined);
    return holder !== undefined && typeof holder === 'object' && !Array.isArray(holder) && holder[key] !== undefined;
  };
  const at = <T>(node: Node | null, value: T): Located<T> | undefined => (node?.range ? locatedAt(text, node, value) : undefined);
  const cni = entry(root, 'cni');
  if (cni && valid(null, 'cni') && isScalar(cni.valueNode)) plan.cni = at(cni.valueNode, values.cni as never);
  for (const section of ['terway', 'flannel', 'cluster'] as const) {
    const sectionEntry = entry(root, section);
    if (!sectionEntry || !isMap(sectionEntry.valueNode)) continue;
    for (const e of entries(sectionEntry.valueNode)) {
      const owner = cniSpecific[`${section}.*`] ?? cniSpecific[`${section}.${e.key}`];
      if (owner) plan.cniSpecificFields.push(locatedAt(text, e.keyNode, { name: `${section}.${e.key}`, belongsTo: owner }));
      if (!valid(section, e.key) || !e.valueNode) continue;
      const value = (values[section] as ProfileValues)[e.key];
      if (e.key === 'instanceTypes' && isSeq(e.valueNode)) {
        plan.cluster.instanceTypes = e.valueNode.items.filter(isScalar).map((item) => locatedAt(text, item, String(item.value)));
      } else if (e.key === 'serviceCidr') {
        plan.cluster.serviceCidrs = splitList(locatedAt(text, e.valueNode, value as string));
      } else {
        (plan[section] as Record<string, unknown>)[e.key] = at(e.valueNode, value);
      }
    }
  }
  return plan;
}
