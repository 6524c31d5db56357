import type { YamlDocument } from '../../yaml/parse';
import type { ClusterPlan } from '../plan';

/**
 * The cluster plans a YAML/JSON document describes: an ACK CreateCluster request body, Terway's
 * `kube-system/eni-config` ConfigMap or Flannel's `kube-flannel-cfg` ConfigMap. Other documents
 * describe none. (`.ack-cni.yaml` is read by readProfilePlan; Terraform by its own reader.)
 */
export function plansInDocument(_text: string, _document: YamlDocument): ClusterPlan[] {
  return [];
}
