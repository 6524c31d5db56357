import type { PodTemplate } from '../../k8s/podTemplates';
import { podAnnotationMap } from '../../k8s/metadata';
import type { Entry } from '../../yaml/nodes';

/** The multi-NIC annotations: a pod carrying one gets member (trunk) or exclusive ENIs from terway-controlplane. */
export const podNetworksKeys = ['k8s.aliyun.com/pod-networks-request', 'k8s.aliyun.com/pod-networks'] as const;

/** True when the pod asks for extra networks and so runs on member or exclusive ENIs, not shared ones. */
export function usesPodNetworks(template: PodTemplate): boolean {
  const annotations = podAnnotationMap(template);
  return podNetworksKeys.some((key) => annotations.has(key));
}

/** Every pod-template annotation whose key is in `keys`, with the template it belongs to. */
export function podAnnotationsWithKeys(templates: readonly PodTemplate[], keys: readonly string[]): Array<{ template: PodTemplate; entry: Entry }> {
  const out: Array<{ template: PodTemplate; entry: Entry }> = [];
  for (const template of templates) {
    for (const entry of podAnnotationMap(template).values()) {
      if (keys.includes(entry.key)) out.push({ template, entry });
    }
  }
  return out;
}
