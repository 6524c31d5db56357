/** The two bandwidth annotation families on pod templates, and their string values. */
import { isAlias, isScalar, type Node, type Scalar } from 'yaml';
import type { PodTemplate } from '../../k8s/podTemplates';
import { deref, type Entry } from '../../yaml/nodes';
import { kubectlType } from '../../yaml/scalarType';
import { podAnnotationsWithKeys } from './pods';

export type Direction = 'ingress' | 'egress';

export const kubernetesBandwidthKeys: Record<Direction, string> = {
  ingress: 'kubernetes.io/ingress-bandwidth',
  egress: 'kubernetes.io/egress-bandwidth',
};

export const aliyunBandwidthKeys: Record<Direction, string> = {
  ingress: 'k8s.aliyun.com/ingress-bandwidth',
  egress: 'k8s.aliyun.com/egress-bandwidth',
};

export interface StringAnnotationValue {
  /** The value node as written (an alias stays an alias: its range is what the user sees). */
  node: Node;
  /** The scalar to edit, or null when the value is an alias (a fix would have to touch the anchor). */
  scalar: Scalar | null;
  text: string;
}

export interface BandwidthAnnotation {
  template: PodTemplate;
  entry: Entry;
  direction: Direction;
  /** The value when kubectl reads it as a string; other types are annotation-value-type's business. */
  value: StringAnnotationValue | undefined;
}

function stringAnnotationValue(template: PodTemplate, entry: Entry): StringAnnotationValue | undefined {
  const written = entry.valueNode;
  const target = deref(written, template.owner.doc);
  if (!written || !isScalar(target) || kubectlType(target) !== 'string') return undefined;
  const text = typeof target.value === 'string' ? target.value : String(target.source ?? target.value);
  return { node: written, scalar: isAlias(written) ? null : target, text };
}

/** The pod-template annotations among `keys` (one per direction), with their string values. */
export function bandwidthAnnotations(templates: readonly PodTemplate[], keys: Record<Direction, string>): BandwidthAnnotation[] {
  return podAnnotationsWithKeys(templates, [keys.ingress, keys.egress]).map(({ template, entry }) => ({
    template,
    entry,
    direction: entry.key === keys.ingress ? 'ingress' : 'egress',
    value: stringAnnotationValue(template, entry),
  }));
}
