import * as path from 'node:path';
import type { Document } from 'yaml';
import { findTemplateAction } from '../../engine/template';
import { objectsOf } from '../../k8s/objects';
import { profileFileName } from '../../profile/types';
import type { ProfileValues } from '../../profile/validate';
import { parseYamlDocuments, type YamlDocument } from '../../yaml/parse';
import type { ClusterPlan, Located } from '../plan';
import { readCreateCluster } from './createCluster';
import { readEniConfig } from './eniConfig';
import { readFlannelConfig } from './flannelConfig';
import { isTerraformPath, readTerraformPlans } from './terraform';

export { initTerraform, withTerraform, terraformReady, isTerraformPath, readTerraformPlans, maxTerraformLength } from './terraform';

/**
 * Plans read per parsed document (yaml/parse.ts shares one parse of a text between requests): the
 * lint reads them, then each hover on the file again, and the CreateCluster body of 100,000 node
 * pools was 200 MB of values to read each time.
 */
const plansRead = new WeakMap<Document, ClusterPlan[]>();

/**
 * The cluster plans a YAML/JSON document describes: an ACK CreateCluster request body, Terway's
 * `kube-system/eni-config` ConfigMap or Flannel's `kube-flannel-cfg` ConfigMap. Other documents
 * describe none. (`.ack-cni.yaml` is read by readProfilePlan; Terraform by its own reader.)
 * `text` is the text the document was parsed from.
 */
export function plansInDocument(text: string, document: YamlDocument): ClusterPlan[] {
  let plans = plansRead.get(document.doc);
  if (!plans) {
    plans = readPlans(text, document);
    plansRead.set(document.doc, plans);
  }
  return plans;
}

function readPlans(text: string, document: YamlDocument): ClusterPlan[] {
  if (document.errors.length > 0) return [];
  const plans: ClusterPlan[] = [];
  const body = readCreateCluster(text, document);
  if (body) plans.push(body);
  for (const object of objectsOf(document)) {
    if (object.kind !== 'ConfigMap') continue;
    const plan = readEniConfig(text, object) ?? readFlannelConfig(text, object);
    if (plan) plans.push(plan);
  }
  return plans;
}

/** Whether a file may hold a cluster configuration, by its name (`.ack-cni.yaml` is a profile, not one). */
export function mayHoldClusterConfig(filePath: string): boolean {
  const name = path.basename(filePath);
  return name !== profileFileName && (isTerraformPath(name) || /\.(ya?ml|json)$/i.test(name));
}

/**
 * The cluster plans of a whole file: a `.tf` file through the Terraform reader (initTerraform must
 * have completed), a YAML/JSON file document by document. Helm/Go templates and documents with
 * syntax errors hold none.
 */
export function plansInFile(text: string, filePath: string): ClusterPlan[] {
  if (!mayHoldClusterConfig(filePath)) return [];
  if (isTerraformPath(filePath)) return readTerraformPlans(text);
  // Every YAML or JSON cluster configuration names one of these; most files are not parsed at all.
  if (!/cluster_type|eni-config|kube-flannel-cfg/.test(text)) return [];
  const documents = parseYamlDocuments(text);
  if (findTemplateAction(text, documents)) return [];
  return documents.flatMap((document) => plansInDocument(text, document));
}

/** A cluster configuration found in a file. */
export interface FoundClusterConfig {
  path: string;
  plan: ClusterPlan;
}

/**
 * What a set of files says about "the" cluster (auto-detection of PRODUCT §3 step 3):
 * - `none`: no file holds a plan that names a CNI;
 * - `one`: exactly one such plan, or several that all make the same profile (an install manifest
 *   and its copy, say) — `config` is the first of them in path order;
 * - `ambiguous`: plans that disagree; nothing is guessed, and `found` says which they are.
 * Plans without a CNI (node pools of a cluster defined elsewhere) do not count.
 */
export type ClusterConfigDetection =
  | { kind: 'none'; found: [] }
  | { kind: 'one'; config: FoundClusterConfig; found: FoundClusterConfig[] }
  | { kind: 'ambiguous'; found: FoundClusterConfig[] };

export function detectClusterConfig(files: Iterable<{ path: string; text: string }>): ClusterConfigDetection {
  const found: FoundClusterConfig[] = [];
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    for (const plan of plansInFile(file.text, file.path)) if (plan.cni) found.push({ path: file.path, plan });
  }
  if (found.length === 0) return { kind: 'none', found: [] };
  const first = JSON.stringify(planToProfileValues(found[0].plan));
  if (found.every((config) => JSON.stringify(planToProfileValues(config.plan)) === first)) return { kind: 'one', config: found[0], found };
  return { kind: 'ambiguous', found };
}

/**
 * The profile values a plan stands for, in the shape `.ack-cni.yaml` is read into (ProfileValues),
 * so a cluster configuration can serve as the profile (`from:`, auto-detection). Only values the
 * plan's CNI reads are taken: the Terway section for Terway (and Terway Edge), the Flannel section
 * and the pod CIDR / node mask for Flannel; the cluster section otherwise.
 */
export function planToProfileValues(plan: ClusterPlan): ProfileValues {
  const values: ProfileValues = {};
  const cni = plan.cni?.value;
  if (cni) values.cni = cni;
  const take = (section: Record<string, Located<unknown> | undefined>): ProfileValues => {
    const out: ProfileValues = {};
    for (const [key, located] of Object.entries(section)) if (located) out[key] = located.value as ProfileValues[string];
    return out;
  };
  const terway = take(plan.terway);
  if ((cni === 'terway' || cni === 'terway-edge') && Object.keys(terway).length > 0) values.terway = terway;
  const flannel = take(plan.flannel);
  if (cni === 'flannel' && Object.keys(flannel).length > 0) values.flannel = flannel;
  const { instanceTypes, serviceCidrs, podVswitchIds: _podVswitchIds, podCidr, nodeCidrMask, ...single } = plan.cluster;
  const cluster = take(single);
  // A cluster created with no workers (nodes come with node pools later) plans no node count.
  if (typeof cluster.nodes === 'number' && cluster.nodes < 1) delete cluster.nodes;
  if (cni === undefined || cni === 'flannel') {
    if (podCidr) cluster.podCidr = podCidr.value;
    if (nodeCidrMask) cluster.nodeCidrMask = nodeCidrMask.value;
  }
  if (instanceTypes.length > 0) cluster.instanceTypes = instanceTypes.map((item) => item.value);
  if (serviceCidrs.length > 0) cluster.serviceCidr = serviceCidrs.map((item) => item.value).join(',');
  if (Object.keys(cluster).length > 0) values.cluster = cluster;
  return values;
}
