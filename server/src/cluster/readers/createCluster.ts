import { isMap, isScalar } from 'yaml';
import type { YamlDocument } from '../../yaml/parse';
import type { ClusterPlan } from '../plan';
import { PlanBuilder, type Addon } from './planBuilder';
import { field, fieldValue, fromYaml, stringOf, type MapValue, type Value } from './values';

/** `cluster_type` values of CreateCluster: dedicated, managed (Pro, Basic, Edge, Serverless, Lingjun), registered, old serverless. */
const clusterTypes = new Set(['kubernetes', 'managedkubernetes', 'externalkubernetes', 'ask']);

/** Fields that, next to `cluster_type`, mark a CreateCluster request body. */
const bodyFields = [
  'addons',
  'container_cidr',
  'service_cidr',
  'pod_vswitch_ids',
  'node_cidr_mask',
  'worker_instance_types',
  'num_of_nodes',
  'nodepools',
  'kubernetes_version',
  'cluster_spec',
  'ip_stack',
  'vpcid',
  'vswitch_ids',
  'region_id',
  'image_type',
  'platform',
  'os_type',
];

/**
 * Whether a document is an ACK CreateCluster request body (`POST /clusters`, JSON or YAML): a map
 * with a known `cluster_type` and at least one other field of the API, and not a Kubernetes
 * object (no `apiVersion`, no `kind`).
 */
export function isCreateClusterBody(document: YamlDocument): boolean {
  const root = document.doc.contents;
  if (!isMap(root)) return false;
  const keys = new Map<string, unknown>();
  for (const pair of root.items) if (isScalar(pair.key) && typeof pair.key.value === 'string') keys.set(pair.key.value, pair.value);
  if (keys.has('apiVersion') || keys.has('kind')) return false;
  const type = keys.get('cluster_type');
  if (!isScalar(type) || typeof type.value !== 'string' || !clusterTypes.has(type.value.trim().toLowerCase())) return false;
  return bodyFields.some((key) => keys.has(key));
}

/** The plan of a CreateCluster request body, or undefined when the document is not one. */
export function readCreateCluster(text: string, document: YamlDocument): ClusterPlan | undefined {
  if (!isCreateClusterBody(document)) return undefined;
  const root = fromYaml(text, document.doc.contents, document.doc);
  if (root?.kind !== 'map') return undefined;
  return readCreateClusterBody(text, root);
}

/** Field → plan mapping of the CreateCluster API (cs-20151215 CreateClusterRequest, cni-facts §2.4, §7). */
export function readCreateClusterBody(text: string, body: MapValue): ClusterPlan {
  const plan = new PlanBuilder(text, 'create-cluster');
  const name = stringOf(fieldValue(body, 'name'))?.value.trim();
  if (name) plan.plan.label = name;

  plan.addons(listOf(fieldValue(body, 'addons')).map(addonOf));
  plan.podCidr(fieldValue(body, 'container_cidr'));
  plan.cniSpecific(field(body, 'container_cidr'), 'container_cidr', 'flannel');
  plan.serviceCidr(fieldValue(body, 'service_cidr'));
  plan.nodeCidrMask(fieldValue(body, 'node_cidr_mask'));
  plan.cniSpecific(field(body, 'node_cidr_mask'), 'node_cidr_mask', 'flannel');
  plan.podVswitchIds(fieldValue(body, 'pod_vswitch_ids'));
  plan.cniSpecific(field(body, 'pod_vswitch_ids'), 'pod_vswitch_ids', 'terway');
  plan.ipStack(fieldValue(body, 'ip_stack'));
  plan.kubernetesVersion(fieldValue(body, 'kubernetes_version'));
  plan.edition(fieldValue(body, 'cluster_spec'), fieldValue(body, 'profile'));

  // Workers: the deprecated top-level fields and the node pools of newer requests.
  plan.instanceTypes(fieldValue(body, 'worker_instance_types'));
  plan.nodes(fieldValue(body, 'num_of_nodes'));
  plan.os(fieldValue(body, 'image_type'), fieldValue(body, 'platform'), fieldValue(body, 'os_type'));
  for (const pool of listOf(fieldValue(body, 'nodepools'))) {
    const scaling = fieldValue(pool, 'scaling_group');
    plan.instanceTypes(fieldValue(scaling, 'instance_types'));
    plan.nodes(fieldValue(scaling, 'desired_size') ?? fieldValue(pool, 'count'));
    plan.os(fieldValue(scaling, 'image_type'), fieldValue(scaling, 'platform'));
  }
  return plan.finish();
}

function listOf(value: Value | undefined): Value[] {
  return value?.kind === 'list' ? value.items : [];
}

function addonOf(item: Value): Addon {
  return { name: fieldValue(item, 'name'), config: fieldValue(item, 'config'), disabled: fieldValue(item, 'disabled') };
}
