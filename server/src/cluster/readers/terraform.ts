import type { ClusterPlan, Located } from '../plan';
import { blockHeader, bodyOf, fromHcl, hclReady, HclNotLoaded, initHcl, jsonencodeArgument, namedChildren, nodeAt, withHclTree, type HclAttribute, type HclNode } from './hcl';
import { PlanBuilder, type Addon } from './planBuilder';
import { atOffsets, locate, stringOf, type MapEntry, type Value } from './values';

/** The ACK cluster resources of the alicloud provider (managed: Pro/Basic/Edge; dedicated). */
const clusterResources = new Set(['alicloud_cs_managed_kubernetes', 'alicloud_cs_kubernetes']);
const nodePoolResource = 'alicloud_cs_kubernetes_node_pool';

/**
 * Loads the Terraform parser (WebAssembly), once; reading `.tf` files is synchronous afterwards.
 * The CLI and the server load it only when a `.tf` file is to be read: it holds 33 MB of
 * WebAssembly memory, which V8 counts towards its heap limits, so a server that loaded it at
 * start ran a full garbage collection during its first lint of a large manifest (bench/README.md).
 * `wasmDir`: an extra folder holding web-tree-sitter.wasm and tree-sitter-terraform.wasm.
 */
export function initTerraform(options: { wasmDir?: string } = {}): Promise<void> {
  return initHcl(options);
}

/**
 * Runs `read`, which may come upon a `.tf` file it cannot know of beforehand (a profile's
 * `from:`); when it met the parser not loaded, loads it and runs `read` again, so `read` may run
 * twice and must have no effects of its own.
 */
export async function withTerraform<T>(read: () => T): Promise<T> {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof HclNotLoaded)) throw error;
  }
  await initTerraform();
  return read();
}

export function terraformReady(): boolean {
  return hclReady();
}

/**
 * Longer `.tf` texts are not given to tree-sitter: its WebAssembly memory runs out near 20 MB (it
 * takes some 170 bytes per character), and an aborted module fails every later parse in the
 * process. Real Terraform files are far smaller; lintText reports a file-too-large hint instead.
 */
export const maxTerraformLength = 4 * 1024 * 1024;

export function isTerraformPath(filePath: string): boolean {
  return /\.tf$/i.test(filePath);
}

interface Resource {
  type: string;
  name: string;
  block: HclNode;
  attributes: Map<string, HclAttribute>;
  blocks: HclNode[];
}

/**
 * The plans of a `.tf` file: one per `alicloud_cs_managed_kubernetes` / `alicloud_cs_kubernetes`
 * resource, with the `alicloud_cs_kubernetes_node_pool` resources of the same file that refer to
 * it (`cluster_id = alicloud_cs_managed_kubernetes.k8s.id`); node pools of a cluster defined
 * elsewhere make plans of their own (workers only, no CNI). Only literal values are read:
 * `var.x`, references and function calls say nothing for certain and are left alone
 * (`jsonencode({...})` of literals in an addon's `config` is read as the JSON it makes).
 */
export function readTerraformPlans(text: string): ClusterPlan[] {
  if (text.length > maxTerraformLength) return [];
  return withHclTree(text, (root) => {
    const resources = resourcesOf(text, root);
    const clusters = new Map<string, { at: number; builder: PlanBuilder }>();
    for (const cluster of resources.filter((r) => clusterResources.has(r.type))) {
      clusters.set(`${cluster.type}.${cluster.name}`, { at: cluster.block.startIndex, builder: readCluster(text, cluster, resources) });
    }
    const plans: Array<{ at: number; plan: ClusterPlan }> = [];
    for (const pool of resources.filter((r) => r.type === nodePoolResource)) {
      const owner = clusters.get(clusterReference(text, pool.attributes.get('cluster_id')) ?? '');
      if (owner) {
        readNodePool(text, pool, owner.builder);
        continue;
      }
      const own = new PlanBuilder(text, 'terraform');
      own.plan.label = `${pool.type}.${pool.name}`;
      readNodePool(text, pool, own);
      const plan = own.finish();
      if (plan.cluster.instanceTypes.length > 0 || plan.cluster.os || plan.cluster.nodes) plans.push({ at: pool.block.startIndex, plan });
    }
    for (const { at, builder } of clusters.values()) plans.push({ at, plan: builder.finish() });
    return plans.sort((a, b) => a.at - b.at).map(({ plan }) => plan);
  }, []);
}

function resourcesOf(text: string, root: HclNode): Resource[] {
  const body = namedChildren(root, 'body')[0];
  const out: Resource[] = [];
  for (const block of body ? namedChildren(body, 'block') : []) {
    const header = blockHeader(text, block);
    if (header.type !== 'resource' || header.labels.length < 2) continue;
    out.push({ type: header.labels[0], name: header.labels[1], block, ...bodyOf(block) });
  }
  return out;
}

function value(text: string, attribute: HclAttribute | undefined): Value | undefined {
  return attribute ? fromHcl(text, attribute.expression) : undefined;
}

function entry(text: string, attribute: HclAttribute | undefined): MapEntry | undefined {
  return attribute ? { key: attribute.name, keyAt: nodeAt(text, attribute.nameNode), value: fromHcl(text, attribute.expression) } : undefined;
}

/** Argument → plan mapping of alicloud_cs_managed_kubernetes / alicloud_cs_kubernetes (cni-facts §2.4, src 21). */
function readCluster(text: string, cluster: Resource, resources: readonly Resource[]): PlanBuilder {
  const plan = new PlanBuilder(text, 'terraform');
  plan.plan.label = `${cluster.type}.${cluster.name}`;
  const get = (name: string) => value(text, cluster.attributes.get(name));
  const addons: Addon[] = cluster.blocks
    .filter((block) => blockHeader(text, block).type === 'addons')
    .map((block) => {
      const { attributes } = bodyOf(block);
      const config = attributes.get('config');
      return {
        name: value(text, attributes.get('name')),
        config: config ? (jsonencodeArgument(text, config.expression) ?? fromHcl(text, config.expression)) : undefined,
        disabled: value(text, attributes.get('disabled')),
      };
    });
  plan.addons(addons);
  plan.cniName(get('cluster_network_type'));
  plan.podCidr(get('pod_cidr'));
  plan.cniSpecific(entry(text, cluster.attributes.get('pod_cidr')), 'pod_cidr', 'flannel');
  plan.serviceCidr(get('service_cidr'));
  plan.nodeCidrMask(get('node_cidr_mask'));
  plan.cniSpecific(entry(text, cluster.attributes.get('node_cidr_mask')), 'node_cidr_mask', 'flannel');
  plan.podVswitchIds(get('pod_vswitch_ids'));
  plan.cniSpecific(entry(text, cluster.attributes.get('pod_vswitch_ids')), 'pod_vswitch_ids', 'terway');
  plan.ipStack(get('ip_stack'));
  plan.kubernetesVersion(get('version'));
  plan.edition(get('cluster_spec'), get('profile'));
  // Workers written on the cluster itself (removed from the managed resource in provider 1.212.0).
  plan.instanceTypes(get('worker_instance_types'));
  plan.nodes(get('worker_number'));
  plan.os(get('image_type'), get('platform'), get('os_type'));
  const vpc = vpcCidrOf(text, cluster, resources);
  if (vpc) plan.vpcCidr(vpc, vpc.value);
  return plan;
}

/** alicloud_cs_kubernetes_node_pool: instance types, node count (the autoscaler's maximum when it scales), OS image. */
function readNodePool(text: string, pool: Resource, plan: PlanBuilder): void {
  const get = (name: string) => value(text, pool.attributes.get(name));
  plan.instanceTypes(get('instance_types'));
  const scaling = pool.blocks.find((block) => blockHeader(text, block).type === 'scaling_config');
  const maxSize = scaling ? value(text, bodyOf(scaling).attributes.get('max_size')) : undefined;
  const count = maxSize ?? get('desired_size') ?? get('node_count');
  if (count) plan.nodes(count);
  plan.os(get('image_type'), get('platform'));
}

/** `alicloud_cs_managed_kubernetes.k8s.id` (also `…k8s[0].id`, `…k8s.0.id`) → the resource address. */
function clusterReference(text: string, attribute: HclAttribute | undefined): string | undefined {
  if (!attribute) return undefined;
  const written = text.slice(attribute.expression.startIndex, attribute.expression.endIndex).replace(/\s+/g, '');
  const match = /^(alicloud_cs_(?:managed_)?kubernetes)\.([A-Za-z_][\w-]*)(?:\[\d+\]|\.\d+)?\.id$/.exec(written);
  return match ? `${match[1]}.${match[2]}` : undefined;
}

/** Names of resources of one type an expression refers to (`alicloud_vswitch.vsw.id`, `alicloud_vswitch.vsw.*.id`). */
function referencedNames(text: string, expression: HclNode, type: string): string[] {
  const written = text.slice(expression.startIndex, expression.endIndex);
  const names = new Set<string>();
  for (const match of written.matchAll(new RegExp(`\\b${type}\\.([A-Za-z_][\\w-]*)`, 'g'))) names.add(match[1]);
  return [...names];
}

/**
 * The VPC CIDR, when the cluster's vSwitches are resources of this file whose `vpc_id` refers to
 * exactly one `alicloud_vpc` of this file with a literal `cidr_block`.
 */
function vpcCidrOf(text: string, cluster: Resource, resources: readonly Resource[]): Located<string> | undefined {
  const byName = (type: string, name: string) => resources.find((r) => r.type === type && r.name === name);
  const vswitches = new Set<string>();
  for (const name of ['vswitch_ids', 'worker_vswitch_ids', 'master_vswitch_ids', 'pod_vswitch_ids']) {
    const attribute = cluster.attributes.get(name);
    if (attribute) for (const vsw of referencedNames(text, attribute.expression, 'alicloud_vswitch')) vswitches.add(vsw);
  }
  const vpcs = new Set<string>();
  for (const name of vswitches) {
    const vpcId = byName('alicloud_vswitch', name)?.attributes.get('vpc_id');
    if (vpcId) for (const vpc of referencedNames(text, vpcId.expression, 'alicloud_vpc')) vpcs.add(vpc);
  }
  if (vpcs.size !== 1) return undefined;
  const vpc = byName('alicloud_vpc', [...vpcs][0]);
  const cidr = stringOf(value(text, vpc?.attributes.get('cidr_block')));
  if (!cidr || cidr.value.trim() === '') return undefined;
  return locate(atOffsets(text, cidr.start, cidr.end), cidr.value.trim());
}
