/**
 * Hover in cluster configurations: the CreateCluster body (JSON or YAML), Terraform, Terway's
 * eni-config, Flannel's kube-flannel-cfg and the values of `.ack-cni.yaml`. Every format is read
 * into a located ClusterPlan, so the field under the cursor is found by offset, the same way in
 * all of them: a value, or (outside the profile, whose keys profileHover explains) the key
 * written just before it. The hover says what the field is, works out what the value means
 * (pods per node of an instance type, addresses and node capacity of a CIDR or mask), shows the
 * Terway/Flannel rows behind it, and gives the verdict of the cluster rules on that value, taken
 * from the engine's findings so it agrees with the diagnostics.
 *
 * The verdict speaks of the plan in the file, not of the profile in force: the cluster rules
 * judge the plan the file describes, whatever `.ack-cni.yaml` the manifests around it use.
 */
import { both, pick, type Locale, type Localized } from '../l10n';
import type { Finding } from '../engine/finding';
import { findTemplateAction } from '../engine/template';
import type { ClusterPlan, Located } from '../cluster/plan';
import { plansInDocument, planToProfileValues, readTerraformPlans, terraformReady } from '../cluster/readers';
import { readProfilePlan } from '../cluster/readers/profileFile';
import { addressCount, formatCidr, formatIp, hasHostBits, lastAddress, networkAddress, networkOf, parseCidr, privateRangeOf, type Cidr } from '../cluster/cidr';
import {
  ecsEniQuotas,
  ecsEniTableSource,
  eniQuotaOf,
  exclusiveEniMinEnis,
  exclusiveEniPods,
  sharedEniMinPods,
  sharedEniPods,
  type EniQuota,
} from '../cluster/ecsInstanceTypes';
import { readProfileDocument } from '../profile/validate';
import { buildProfile } from '../profile/resolve';
import type { EniMode, Profile } from '../profile/types';
import { ruleIds } from '../rules';
import { cniNames, isCreationPlan } from '../rules/cluster/common';
import { flannelNodeCapacity, flannelPodsPerNode } from '../rules/cluster/flannel-node-capacity';
import { nodeQuotas } from '../rules/cluster/node-quota';
import { knownOs, osKernels } from '../rules/cluster/datapath-os-unsupported';
import { profileSummary } from '../lsp/profileInfo';
import { columnLabels, type Column } from '../knowledge/columns';
import { cniValueDocs } from '../knowledge/profileKeys';
import {
  acceptedCidrs,
  clusterFieldKnowledge,
  defaultNodeCidrMasks,
  fieldOfCniSpecific,
  formatLabels,
  type ClusterField,
  type ClusterFieldKnowledge,
} from '../knowledge/clusterFields';
import type { YamlDocument } from '../yaml/parse';
import { findingsOf } from './findings';
import { comparisonTable, findingLine, ruleLinks } from './hoverParts';
import type { FeatureContext, HoverResult } from './types';

type Span = readonly [number, number];

/** A place in the file that hover can explain: a plan value, or the key written before it. */
interface Spot {
  plan: ClusterPlan;
  field: ClusterField;
  /** The value hovered, or the value of the key hovered; undefined for the key of a list field. */
  value?: Located<unknown>;
  start: number;
  end: number;
  /** Offsets whose findings judge this field: the value, its key, the CNI-specific key that names it. */
  spans: Span[];
}

// --- entry points -----------------------------------------------------------------------------

/** Hover in a YAML/JSON document that holds a CreateCluster body, eni-config or kube-flannel-cfg. */
export function clusterHoverInManifest(context: FeatureContext, documents: readonly YamlDocument[], document: YamlDocument, offset: number): HoverResult | null {
  // A template is skipped by the engine (and the readers): there is no plan to speak of.
  if (findTemplateAction(context.text, documents)) return null;
  return hoverIn(context, plansInDocument(context.text, document), offset, true);
}

/** Hover on a value of `.ack-cni.yaml` (its keys are profileHover's). */
export function clusterHoverInProfile(context: FeatureContext, document: YamlDocument, offset: number): HoverResult | null {
  if (document.index !== 0 || document.errors.length > 0) return null;
  const plan = readProfilePlan(context.text, document.doc, readProfileDocument(context.text, document.doc, ruleIds).values);
  return hoverIn(context, [plan], offset, false);
}

/** Hover in a `.tf` file; null until initTerraform() has completed. */
export function clusterHoverInTerraform(context: FeatureContext, offset: number): HoverResult | null {
  if (!terraformReady()) return null;
  return hoverIn(context, readTerraformPlans(context.text), offset, true);
}

function hoverIn(context: FeatureContext, plans: readonly ClusterPlan[], offset: number, withKeys: boolean): HoverResult | null {
  const spots = plans.flatMap((plan) => spotsOf(context.text, plan, withKeys)).filter((spot) => spot.start <= offset && offset <= spot.end);
  if (spots.length === 0) return null;
  // The innermost spot; on a tie the first (the CNI before the ENI mode its addon also sets).
  const spot = spots.reduce((best, next) => (next.end - next.start < best.end - best.start ? next : best));
  return { start: spot.start, end: spot.end, markdown: render(context, spot) };
}

// --- finding the field under the cursor ----------------------------------------------------------

function valuesOf(plan: ClusterPlan): Array<[ClusterField, Located<unknown>]> {
  const out: Array<[ClusterField, Located<unknown>]> = [];
  const add = (field: ClusterField, located: Located<unknown> | undefined) => {
    if (located) out.push([field, located]);
  };
  const { terway, flannel, cluster } = plan;
  add('cni', plan.cni);
  add('eniMode', terway.eniMode);
  add('datapath', terway.datapath);
  add('networkPolicy', terway.networkPolicy);
  add('trunking', terway.trunking);
  add('ipStack', terway.ipStack);
  add('ipamType', terway.ipamType);
  add('networkPriority', terway.networkPriority);
  add('terwayVersion', terway.version);
  add('flannelBandwidth', flannel.bandwidth);
  add('edition', cluster.edition);
  add('kubernetesVersion', cluster.kubernetesVersion);
  add('nodes', cluster.nodes);
  add('os', cluster.os);
  for (const type of cluster.instanceTypes) add('instanceType', type);
  add('vpcCidr', cluster.vpcCidr);
  add('podCidr', cluster.podCidr);
  add('nodeCidrMask', cluster.nodeCidrMask);
  for (const service of cluster.serviceCidrs) add('serviceCidr', service);
  for (const vswitch of cluster.podVswitchIds) add('podVswitch', vswitch);
  return out;
}

/** A plan value that stands on a key (eni-config's `data:` when `disable_network_policy` is missing) is not a value to explain. */
function isKeyText(text: string, located: Located<unknown>): boolean {
  return /^[ \t]*:(?:\s|$)/.test(text.slice(located.end, located.end + 8));
}

/**
 * The key written just before a value (`node_cidr_mask = 24`, `"ip_stack": "dual"`, `num_of_nodes: 3`,
 * also inside an escaped JSON string), by the text around it; undefined for list items and the like.
 */
function keyBefore(text: string, start: number): Span | undefined {
  let i = start;
  // A value located inside its quotes (one CIDR of a comma-separated list).
  if (text[i - 1] === '"' || text[i - 1] === "'") {
    i--;
    if (text[i - 1] === '\\') i--;
  }
  const skipBlanks = () => {
    while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  };
  skipBlanks();
  if (text[i - 1] !== ':' && text[i - 1] !== '=') return undefined;
  i--;
  skipBlanks();
  const end = i;
  const line = text.slice(text.lastIndexOf('\n', end - 1) + 1, end);
  const lineStart = end - line.length;
  let from: number;
  if (line.endsWith('\\"')) {
    from = line.lastIndexOf('\\"', line.length - 3);
  } else if (line.endsWith('"') || line.endsWith("'")) {
    from = line.lastIndexOf(line[line.length - 1], line.length - 2);
  } else {
    const bare = /[A-Za-z0-9_.\-/]+$/.exec(line);
    from = bare ? bare.index : -1;
  }
  return from === -1 || from >= line.length - 1 ? undefined : [lineStart + from, end];
}

function spotsOf(text: string, plan: ClusterPlan, withKeys: boolean): Spot[] {
  const values = valuesOf(plan).filter(([, located]) => !isKeyText(text, located));
  const cniKeys = plan.cniSpecificFields.flatMap((key) => {
    const field = fieldOfCniSpecific(key.value.name);
    return field ? [{ field, span: [key.start, key.end] as Span }] : [];
  });
  const keysOf = (field: ClusterField) => cniKeys.filter((key) => key.field === field).map((key) => key.span);
  const spots: Spot[] = [];
  const keySpots: Spot[] = [];
  for (const [field, value] of values) {
    const key = keyBefore(text, value.start);
    const spans: Span[] = [[value.start, value.end], ...(key ? [key] : []), ...keysOf(field)];
    spots.push({ plan, field, value, start: value.start, end: value.end, spans });
    if (key) keySpots.push({ plan, field, value, start: key[0], end: key[1], spans });
  }
  if (!withKeys) return spots;
  const single = (field: ClusterField) => (['instanceType', 'serviceCidr', 'podVswitch'].includes(field) ? undefined : values.find(([f]) => f === field)?.[1]);
  for (const { field, span } of cniKeys) {
    const value = single(field);
    keySpots.push({ plan, field, value, start: span[0], end: span[1], spans: [span, ...(value ? [[value.start, value.end] as Span] : [])] });
  }
  return [...spots, ...keySpots];
}

// --- numbers -------------------------------------------------------------------------------------

const sep = (locale: Locale) => (locale === 'zh' ? '、' : ', ');
const colon = (locale: Locale) => (locale === 'zh' ? '：' : ': ');

function grouped(n: number | bigint): string {
  return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "4,096 addresses (2^12)"; a count too long to read is "2^80 addresses". */
function addresses(cidr: Cidr, kind: Localized): Localized {
  const bits = (cidr.family === 4 ? 32 : 128) - cidr.prefix;
  if (bits > 64) return both(`2^${bits} ${kind.en}`, `2^${bits} 个${kind.zh}`);
  const count = grouped(addressCount(cidr));
  return both(`${count} ${kind.en} (2^${bits})`, `${count} 个${kind.zh}（2^${bits}）`);
}

function unquoted(raw: string): string {
  const trimmed = raw.trim();
  for (const quote of ['\\"', '"', "'"]) {
    if (trimmed.length >= 2 * quote.length && trimmed.startsWith(quote) && trimmed.endsWith(quote)) return trimmed.slice(quote.length, trimmed.length - quote.length);
  }
  return trimmed;
}

// --- what a value means ------------------------------------------------------------------------

const modeWords: Record<EniMode, Localized> = {
  shared: both('shared ENI mode', '共享 ENI 模式'),
  exclusive: both('exclusive ENI mode', '独占 ENI 模式'),
  mixed: both('mixed ENI mode', '混合 ENI 模式'),
};

function cniLine(plan: ClusterPlan, value: Located<unknown>, locale: Locale): string | undefined {
  const cni = plan.cni?.value;
  if (!cni) return undefined;
  const mode = plan.terway.eniMode && plan.terway.eniMode.start === value.start && plan.terway.eniMode.end === value.end ? plan.terway.eniMode.value : undefined;
  const name = pick(cniNames[cni], locale);
  const withMode = mode ? (locale === 'zh' ? `${name}（${modeWords[mode].zh}）` : `${name}, ${modeWords[mode].en}`) : name;
  return `${withMode} — ${pick(cniValueDocs[cni], locale)}`;
}

const familyList = (locale: Locale) => [...new Set([...ecsEniQuotas.keys()].map((type) => type.split('.')[1]))].join(sep(locale));

function instanceTypeParts(type: string, quota: EniQuota | undefined, profile: Profile | undefined, locale: Locale): string[] {
  const tableUrl = `${ecsEniTableSource.repository}/tree/${ecsEniTableSource.commit}`;
  const source = pick(
    both(
      `ECS table: [Alibaba Cloud ECS documentation](${tableUrl}), snapshot ${ecsEniTableSource.snapshot}. Terway itself reads EniQuantity and EniPrivateIpAddressQuantity from DescribeInstanceTypes, which may give newer numbers.`,
      `ECS 表：[阿里云 ECS 文档](${tableUrl})，${ecsEniTableSource.snapshot} 快照。Terway 自身从 DescribeInstanceTypes 读取 EniQuantity 与 EniPrivateIpAddressQuantity，数据可能比该表新。`,
    ),
    locale,
  );
  if (!quota) {
    return [
      pick(
        both(
          `\`${type}\` is not in the ECS table ack-cni-lint ships (${familyList('en')}): its ENIs, and so its pods per node, are unknown. Shared ENI pods = (EniQuantity − 1) × EniPrivateIpAddressQuantity, more than ${sharedEniMinPods - 1} to join; exclusive ENI pods = EniQuantity − 1, with more than ${exclusiveEniMinEnis - 1} ENIs.`,
          `\`${type}\` 不在 ack-cni-lint 内置的 ECS 表中（${familyList('zh')}）：它的 ENI 数以及单节点 Pod 数未知。共享 ENI 的 Pod 数 = (EniQuantity − 1) × EniPrivateIpAddressQuantity，超过 ${sharedEniMinPods - 1} 个才能加入；独占 ENI 的 Pod 数 = EniQuantity − 1，需要超过 ${exclusiveEniMinEnis - 1} 块 ENI。`,
        ),
        locale,
      ),
      source,
    ];
  }
  const { enis, ipsPerEni } = quota;
  const shared = sharedEniPods(quota);
  const exclusive = exclusiveEniPods(quota);
  const mode = profile?.cni === 'terway' ? profile.terway.eniMode : undefined;
  const bold = (column: Column, on: boolean) => (on ? `**${pick(columnLabels[column], locale)}**` : pick(columnLabels[column], locale));
  const yes = (en: string, zh: string) => pick(both(`yes (${en})`, `能（${zh}）`), locale);
  const no = (en: string, zh: string) => pick(both(`no (${en})`, `不能（${zh}）`), locale);
  const sharedJoins =
    shared >= sharedEniMinPods ? yes(`${shared} > ${sharedEniMinPods - 1}`, `${shared} > ${sharedEniMinPods - 1}`) : no(`${shared} ≤ ${sharedEniMinPods - 1}`, `${shared} ≤ ${sharedEniMinPods - 1}`);
  const exclusiveJoins =
    enis >= exclusiveEniMinEnis
      ? yes(`${enis} ENIs > ${exclusiveEniMinEnis - 1}`, `${enis} 块 ENI > ${exclusiveEniMinEnis - 1}`)
      : no(`${enis} ENIs ≤ ${exclusiveEniMinEnis - 1}`, `${enis} 块 ENI ≤ ${exclusiveEniMinEnis - 1}`);
  const table = [
    pick(both('| Cluster | Pods per node | Can a node join? |', '| 集群 | 单节点 Pod 数 | 节点能否加入 |'), locale),
    '| --- | --- | --- |',
    `| ${bold('terway-shared', mode === 'shared' || mode === 'mixed')} | (${enis} − 1) × ${ipsPerEni} = ${shared} | ${sharedJoins} |`,
    `| ${bold('terway-exclusive', mode === 'exclusive' || mode === 'mixed')} | ${enis} − 1 = ${exclusive} | ${exclusiveJoins} |`,
    `| ${bold('flannel', profile?.cni === 'flannel')} | ${pick(both('set by the node CIDR mask, not by ENIs', '由节点掩码决定，与 ENI 无关'), locale)} | — |`,
  ].join('\n');
  return [
    pick(
      both(
        `\`${type}\`: ${enis} ENIs (the primary one included), ${ipsPerEni} private IPv4 addresses per ENI.`,
        `\`${type}\`：${enis} 块 ENI（含主 ENI），每块 ENI ${ipsPerEni} 个私网 IPv4 地址。`,
      ),
      locale,
    ),
    table,
    source,
  ];
}

function cidrLine(value: string, locale: Locale): string {
  const cidr = parseCidr(value);
  if (!cidr) {
    return pick(
      both(
        `\`${value}\` is not a CIDR block (an address and a prefix length, such as 172.20.0.0/16).`,
        `\`${value}\` 不是合法的 CIDR（地址加掩码长度，如 172.20.0.0/16）。`,
      ),
      locale,
    );
  }
  const block = networkOf(cidr);
  const first = formatIp(cidr.family, networkAddress(cidr));
  const last = formatIp(cidr.family, lastAddress(cidr));
  const opening = hasHostBits(cidr)
    ? both(`\`${value}\` has host bits set, so the block is ${formatCidr(block)}: `, `\`${value}\` 的主机位不为 0，实际网段为 ${formatCidr(block)}：`)
    : both(`\`${value}\`: `, `\`${value}\`：`);
  if (cidr.family === 6) {
    const count = addresses(cidr, both('IPv6 addresses', ' IPv6 地址'));
    return pick(both(`${opening.en}${count.en}, ${first} to ${last}.`, `${opening.zh}${count.zh}，${first} 到 ${last}。`), locale);
  }
  const range = privateRangeOf(block);
  const privacy = range
    ? both(`private (inside ${formatCidr(range)})`, `私网地址（位于 ${formatCidr(range)} 内）`)
    : both('not private: outside 10.0.0.0/8, 172.16.0.0/12 and 192.168.0.0/16', '不是私网地址：不在 10.0.0.0/8、172.16.0.0/12 和 192.168.0.0/16 内');
  const count = addresses(cidr, both('addresses', '地址'));
  return pick(both(`${opening.en}${count.en}, ${first} to ${last}; ${privacy.en}.`, `${opening.zh}${count.zh}，${first} 到 ${last}；${privacy.zh}。`), locale);
}

/** Pods per node and node capacity of a Flannel pod CIDR, by the plan's mask or by both documented defaults. */
function flannelPodCidrLine(plan: ClusterPlan, pod: Cidr, locale: Locale): string {
  const p = pod.prefix;
  const mask = plan.cluster.nodeCidrMask?.value;
  if (mask !== undefined) {
    if (mask < p) {
      return pick(
        both(
          `Node CIDR mask /${mask}: one node's block is larger than the whole pod CIDR, so no node gets one.`,
          `节点掩码 /${mask}：单个节点的网段比整个 Pod 网段还大，没有节点能分到网段。`,
        ),
        locale,
      );
    }
    const [pods, nodes] = [flannelPodsPerNode(mask), flannelNodeCapacity(p, mask)];
    return pick(
      both(
        `Node CIDR mask /${mask}: 2^(32 − ${mask}) = ${grouped(pods)} pod addresses per node, 2^(${mask} − ${p}) = ${grouped(nodes)} nodes.`,
        `节点掩码 /${mask}：每节点 2^(32 − ${mask}) = ${grouped(pods)} 个 Pod 地址，最多 2^(${mask} − ${p}) = ${grouped(nodes)} 个节点。`,
      ),
      locale,
    );
  }
  const { terraform: t, api: a } = defaultNodeCidrMasks;
  const [nodesT, nodesA] = [flannelNodeCapacity(p, t), flannelNodeCapacity(p, a)];
  const [podsT, podsA] = [flannelPodsPerNode(t), flannelPodsPerNode(a)];
  return pick(
    both(
      `No node CIDR mask in this file: /${t} (Terraform's default) gives ${grouped(nodesT)} nodes × ${grouped(podsT)} pod addresses, /${a} (the CreateCluster API's default) ${grouped(nodesA)} nodes × ${grouped(podsA)}.`,
      `本文件未写节点掩码：/${t}（Terraform 默认值）可容纳 ${grouped(nodesT)} 个节点 × 每节点 ${grouped(podsT)} 个 Pod 地址，/${a}（CreateCluster API 默认值）可容纳 ${grouped(nodesA)} 个节点 × ${grouped(podsA)} 个。`,
    ),
    locale,
  );
}

function nodeCidrMaskLine(plan: ClusterPlan, mask: number, locale: Locale): string {
  const pods = flannelPodsPerNode(mask);
  const perNode = both(`/${mask}: 2^(32 − ${mask}) = ${grouped(pods)} pod addresses per node.`, `/${mask}：每节点 2^(32 − ${mask}) = ${grouped(pods)} 个 Pod 地址。`);
  const podText = plan.cluster.podCidr?.value;
  const pod = podText ? parseCidr(podText) : null;
  if (!pod || pod.family !== 4) return pick(perNode, locale);
  const p = pod.prefix;
  const nodes =
    mask < p
      ? both(` The pod CIDR ${podText} is smaller than one node's block: no node gets one.`, `Pod 网段 ${podText} 比单个节点的网段还小：没有节点能分到网段。`)
      : both(` With the pod CIDR ${podText}: 2^(${mask} − ${p}) = ${grouped(flannelNodeCapacity(p, mask))} nodes.`, `按 Pod 网段 ${podText}：最多 2^(${mask} − ${p}) = ${grouped(flannelNodeCapacity(p, mask))} 个节点。`);
  return pick(perNode, locale) + pick(nodes, locale);
}

/** What the pod CIDR and mask of a Flannel plan hold, for the node count. */
function flannelCapacity(plan: ClusterPlan): { pod: string; mask: number; nodes: number } | undefined {
  const podText = plan.cluster.podCidr?.value;
  const pod = podText ? parseCidr(podText) : null;
  const mask = plan.cluster.nodeCidrMask?.value;
  if (plan.cni?.value !== 'flannel' || !pod || pod.family !== 4 || mask === undefined || mask < pod.prefix) return undefined;
  return { pod: podText!, mask, nodes: flannelNodeCapacity(pod.prefix, mask) };
}

function osLine(os: string, locale: Locale): string {
  const known = knownOs(os);
  if (!known) {
    return pick(
      both(
        `ack-cni-lint does not know the kernel of \`${os}\`, so it does not check the datapath against it.`,
        `ack-cni-lint 不知道 \`${os}\` 的内核版本，因此不据此检查数据路径。`,
      ),
      locale,
    );
  }
  const { name, kernel } = osKernels[known];
  return pick(
    both(
      `\`${os}\`: ${name.en}, kernel ${kernel} (inferred from the image, not a sourced fact).`,
      `\`${os}\`：${name.zh}，内核 ${kernel}（根据镜像推断，并非出自资料）。`,
    ),
    locale,
  );
}

/** The paragraphs that work out what the value means. */
function valueParts(spot: Spot, profile: Profile | undefined, locale: Locale): Array<string | undefined> {
  const { plan, field, value } = spot;
  const cni = plan.cni?.value;
  switch (field) {
    case 'cni':
      return value ? [cniLine(plan, value, locale)] : [];
    case 'instanceType': {
      const type = value ? String(value.value) : undefined;
      return type ? instanceTypeParts(type, eniQuotaOf(type), profile, locale) : [];
    }
    case 'vpcCidr':
    case 'serviceCidr':
    case 'podCidr': {
      if (!value) return [];
      const text = String(value.value);
      const parts = [cidrLine(text, locale)];
      const cidr = parseCidr(text);
      if (field === 'podCidr' && cidr?.family === 4 && (cni === 'flannel' || cni === undefined)) parts.push(flannelPodCidrLine(plan, cidr, locale));
      return parts;
    }
    case 'nodeCidrMask':
      return typeof value?.value === 'number' ? [nodeCidrMaskLine(plan, value.value, locale)] : [];
    case 'nodes': {
      const capacity = flannelCapacity(plan);
      if (!capacity) return [];
      return [
        pick(
          both(
            `The pod CIDR ${capacity.pod} with a /${capacity.mask} per node holds ${grouped(capacity.nodes)} nodes.`,
            `Pod 网段 ${capacity.pod} 按每节点 /${capacity.mask} 最多容纳 ${grouped(capacity.nodes)} 个节点。`,
          ),
          locale,
        ),
      ];
    }
    case 'os':
      return value ? [osLine(String(value.value), locale)] : [];
    default:
      return [];
  }
}

/** "ack-cni-lint reads this as `terway.networkPolicy: false`." when the written value says it differently. */
function readAs(spot: Spot, knowledge: ClusterFieldKnowledge, locale: Locale): string | undefined {
  const { value, field } = spot;
  if (!value || field === 'cni' || unquoted(value.raw) === String(value.value)) return undefined;
  const written = `\`${knowledge.profileKey}: ${String(value.value)}\``;
  if (field === 'nodes') {
    return pick(both(`ack-cni-lint reads this as ${written}: the node counts of this file add up.`, `ack-cni-lint 将其读作 ${written}：本文件中的节点数会相加。`), locale);
  }
  return pick(both(`ack-cni-lint reads this as ${written}.`, `ack-cni-lint 将其读作 ${written}。`), locale);
}

// --- the verdict ---------------------------------------------------------------------------------

function profileOf(plan: ClusterPlan): Profile | undefined {
  return buildProfile(planToProfileValues(plan), { kind: 'cluster-config', path: '' });
}

/** "**This cluster** (Flannel, `alicloud_cs_managed_kubernetes.shop`)". */
function planHeader(plan: ClusterPlan, profile: Profile | undefined, locale: Locale): string {
  const summary = profile ? profileSummary(profile, locale) : pick(both('no CNI in this file', '该文件未写明 CNI'), locale);
  const label = plan.label ? `\`${plan.label}\`` : undefined;
  return locale === 'zh' ? `**该集群**（${summary}${label ? `，${label}` : ''}）` : `**This cluster** (${summary}${label ? `, ${label}` : ''})`;
}

const noProblem = both('no problem found', '未发现问题');

/** What the verdict says when no rule reports on the value. */
function fine(spot: Spot, knowledge: ClusterFieldKnowledge, profile: Profile | undefined): Localized {
  const { plan, field, value } = spot;
  if (knowledge.needsCni && !profile) {
    return both('no verdict — this file does not name the CNI, and the checks on this value depend on it', '无法判断 — 该文件未写明 CNI，而对该值的检查取决于 CNI');
  }
  const cni = profile?.cni;
  switch (field) {
    case 'instanceType': {
      if (cni === 'flannel') return both('ENI quotas do not limit pods on Flannel: the node CIDR mask does', 'Flannel 的 Pod 数不受 ENI 配额限制，而由节点掩码决定');
      if (cni === 'terway-edge') return both('no verdict — ack-cni-lint checks instance types against the ECS table on Terway only', '无法判断 — ack-cni-lint 只在 Terway 下按 ECS 表检查实例规格');
      const quota = value ? eniQuotaOf(String(value.value)) : undefined;
      if (!quota || !profile) return noProblem;
      const [shared, exclusive, enis] = [sharedEniPods(quota), exclusiveEniPods(quota), quota.enis];
      if (profile.terway.eniMode === 'exclusive') {
        return both(`can be an exclusive-ENI node (${enis} ENIs, ${exclusive} pods per node)`, `可以作为独占 ENI 节点（${enis} 块 ENI，每节点 ${exclusive} 个 Pod）`);
      }
      if (profile.terway.eniMode === 'mixed') {
        return both(
          `can join in both modes (${shared} pods per node on shared ENIs, ${exclusive} on exclusive ENIs)`,
          `两种模式都可以加入（共享 ENI 每节点 ${shared} 个 Pod，独占 ENI ${exclusive} 个）`,
        );
      }
      return both(`can join in shared ENI mode (${shared} pods per node)`, `可以以共享 ENI 模式加入（每节点 ${shared} 个 Pod）`);
    }
    case 'podCidr':
    case 'nodeCidrMask': {
      const capacity = flannelCapacity(plan);
      const nodes = plan.cluster.nodes?.value;
      if (capacity && nodes !== undefined && capacity.nodes >= nodes) {
        return both(`holds the ${nodes} planned nodes (${grouped(capacity.nodes)} at most)`, `可以容纳计划的 ${nodes} 个节点（最多 ${grouped(capacity.nodes)} 个）`);
      }
      break;
    }
    case 'nodes': {
      const edition = profile?.cluster.edition ?? 'pro';
      if (edition === 'basic') return both(`within ACK Basic's ${nodeQuotas.basic} nodes`, `未超出 ACK 基础版的 ${nodeQuotas.basic} 个节点`);
      if (edition === 'pro' && (cni === 'terway' || cni === 'flannel')) {
        const quota = nodeQuotas.pro[cni].default;
        const name = pick(cniNames[cni], 'en');
        return both(`within the default quota of ${name} on ACK Pro (${grouped(quota)} nodes)`, `未超出 ACK Pro 版 ${name} 集群的默认配额（${grouped(quota)} 个节点）`);
      }
      break;
    }
    case 'networkPolicy':
      if (cni !== 'terway' || !profile) break;
      return profile.terway.networkPolicy
        ? both('NetworkPolicy objects are enforced', 'NetworkPolicy 会生效')
        : both('NetworkPolicy objects are stored but isolate nothing: ack-cni-lint flags them in manifests', 'NetworkPolicy 对象会被保存，但不隔离任何流量：ack-cni-lint 会在清单中标出它们');
    default:
      break;
  }
  const edgeless = cni === 'terway-edge' ? knowledge.rows.find((row) => !row.cells['terway-edge']) : undefined;
  if (edgeless) {
    return both(
      `no verdict — the facts ack-cni-lint rests on say nothing about “${edgeless.feature.en}” on Terway Edge; check ACK Edge's documentation`,
      `无法判断 — ack-cni-lint 依据的资料未涉及 Terway Edge 的“${edgeless.feature.zh}”，请查阅 ACK Edge 的文档`,
    );
  }
  return noProblem;
}

function within(finding: Finding, spans: readonly Span[]): boolean {
  return spans.some(([start, end]) => finding.start >= start && finding.end <= end);
}

function say(header: string, lines: string[], locale: Locale): string {
  if (lines.length === 1) return `${header}${colon(locale)}${lines[0]}`;
  return `${header}${locale === 'zh' ? '：' : ':'}\n${lines.map((line) => `- ${line}`).join('\n')}`;
}

function verdictOf(context: FeatureContext, spot: Spot, knowledge: ClusterFieldKnowledge, profile: Profile | undefined): string {
  const { locale } = context;
  const header = planHeader(spot.plan, profile, locale);
  const view = findingsOf(context);
  const stop = locale === 'zh' ? '。' : '.';
  if (spot.field === 'cni') {
    // On the CNI: what the cluster rules found anywhere in this plan.
    const spans = spotsOf(context.text, spot.plan, true).flatMap((s) => s.spans);
    const found = view.shown.filter((finding) => within(finding, spans));
    if (found.length === 0) return say(header, [pick(both('no problem found in this plan.', '该规划中未发现问题。'), locale)], locale);
    const ids = [...new Set(found.map((finding) => `\`${finding.ruleId}\``))].join(sep(locale));
    const n = found.length;
    return say(header, [pick(both(`${n} finding${n === 1 ? '' : 's'} in this plan: ${ids}.`, `该规划中有 ${n} 个问题：${ids}。`), locale)], locale);
  }
  const planRules = knowledge.planRules ?? [];
  const planSpans = planRules.length > 0 ? spotsOf(context.text, spot.plan, true).flatMap((s) => s.spans) : [];
  const counts = (finding: Finding) =>
    (knowledge.rules.includes(finding.ruleId) && within(finding, spot.spans)) || (planRules.includes(finding.ruleId) && within(finding, planSpans));
  const lines = [
    ...view.shown.filter(counts).map((finding) => findingLine(finding, context, false)),
    ...view.silenced.filter(counts).map((finding) => findingLine(finding, context, true)),
  ];
  if (lines.length > 0) return say(header, lines, locale);
  return say(header, [`${pick(fine(spot, knowledge, profile), locale)}${stop}`], locale);
}

// --- the hover -----------------------------------------------------------------------------------

function render(context: FeatureContext, spot: Spot): string {
  const { locale } = context;
  const { plan, field } = spot;
  const knowledge = clusterFieldKnowledge[field];
  const profile = profileOf(plan);
  const gap = locale === 'zh' ? '' : ' ';
  const role = field === 'vpcCidr' ? 'vpc' : field === 'podCidr' ? 'pod' : field === 'serviceCidr' ? 'service' : undefined;
  const doc = [
    pick(knowledge.doc, locale),
    knowledge.formatNotes?.[plan.format] && pick(knowledge.formatNotes[plan.format]!, locale),
    role && isCreationPlan(plan) ? pick(acceptedCidrs[role], locale) : undefined,
  ]
    .filter((part): part is string => !!part)
    .join(gap);
  // The table's bold row is the plan's own cluster, the one the rules judged.
  const tableContext: FeatureContext = { ...context, profile };
  const parts: Array<string | undefined> = [
    `**${pick(knowledge.label, locale)}** — ${pick(formatLabels[plan.format], locale)}`,
    // The verdict first, as in manifest hovers: it must not sit below the fold of the hover widget.
    verdictOf(context, spot, knowledge, profile),
    doc,
    ...valueParts(spot, profile, locale),
    readAs(spot, knowledge, locale),
    ...knowledge.rows.map((row) => comparisonTable(row, tableContext)),
    ruleLinks([...knowledge.rules, ...(knowledge.planRules ?? []), ...(knowledge.links ?? [])], locale),
  ];
  return parts.filter((part): part is string => !!part).join('\n\n');
}
