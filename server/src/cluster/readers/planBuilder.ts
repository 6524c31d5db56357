import type { Cni, Datapath, Edition, EniMode, IpamType, IpStack } from '../../profile/types';
import { emptyPlan, type ClusterPlan, type ConfigFormat, type Located } from '../plan';
import {
  fromJsonString,
  integerOf,
  isPresent,
  locate,
  splitItems,
  stringBooleanOf,
  stringItems,
  stringOf,
  fieldValue,
  type At,
  type MapEntry,
  type Value,
} from './values';

/** ACK addon names that choose the CNI (cni-facts §2.4): current names and the older component list. */
const cniAddons: Record<string, { cni: Cni; eniMode?: EniMode }> = {
  flannel: { cni: 'flannel' },
  'kube-flannel-ds': { cni: 'flannel' },
  'terway-eniip': { cni: 'terway', eniMode: 'shared' },
  'terway-eni': { cni: 'terway', eniMode: 'exclusive' },
  terway: { cni: 'terway' },
};

/** One `addons` item of a CreateCluster body or a Terraform `addons` block. */
export interface Addon {
  name: Value | undefined;
  /** `config`: a JSON string, or (Terraform) the object given to `jsonencode`. */
  config: Value | undefined;
  disabled: Value | undefined;
}

/**
 * Fills a plan from the values of a cluster-creation format (CreateCluster body, Terraform). Each
 * setter takes the value as written, keeps literals of the right type and leaves everything else
 * (references, functions, wrong types) alone: a plan says only what the file says for certain.
 */
export class PlanBuilder {
  readonly plan: ClusterPlan;
  private readonly nodeCounts: Located<number>[] = [];
  private nodesUnknown = false;
  private osFound = false;

  constructor(
    private readonly text: string,
    format: ConfigFormat,
  ) {
    this.plan = emptyPlan(format);
  }

  /** A field that only one CNI reads, located at its key, when it holds something. */
  cniSpecific(entry: MapEntry | undefined, name: string, belongsTo: 'terway' | 'flannel'): void {
    if (entry && isPresent(entry.value)) this.plan.cniSpecificFields.push(locate(entry.keyAt, { name, belongsTo }));
  }

  /** The CNI addon (the first enabled one) and the Terway addon configs. */
  addons(addons: readonly Addon[]): void {
    const enabled = addons.filter((addon) => stringBooleanOf(addon.disabled) !== true);
    for (const addon of enabled) {
      const name = stringOf(addon.name);
      const known = name ? cniAddons[name.value.trim()] : undefined;
      if (!name || !known || this.plan.cni) continue;
      this.plan.cni = locate(name, known.cni);
      if (known.eniMode) this.plan.terway.eniMode = locate(name, known.eniMode);
      if (known.cni === 'terway') this.terwayAddonConfig(addon.config, true);
    }
    // terway-controlplane takes {"ENITrunking": "true"} too; the CNI addon's own setting wins.
    for (const addon of enabled) {
      if (stringOf(addon.name)?.value.trim() === 'terway-controlplane' && this.plan.cni?.value === 'terway') this.terwayAddonConfig(addon.config, false);
    }
  }

  /** `{"IPVlan":"false","NetworkPolicy":"true","ENITrunking":"true"}`: string booleans (cni-facts §2.4). */
  private terwayAddonConfig(config: Value | undefined, cniAddon: boolean): void {
    const object = this.configObject(config);
    if (!object) return;
    const flag = (key: string) => {
      const value = fieldValue(object, key);
      const parsed = stringBooleanOf(value);
      return value && parsed !== undefined ? locate(value, parsed) : undefined;
    };
    const trunking = flag('ENITrunking');
    if (trunking && !this.plan.terway.trunking) this.plan.terway.trunking = trunking;
    if (!cniAddon) return;
    const ipvlan = flag('IPVlan');
    if (ipvlan) this.plan.terway.datapath = locate<Datapath>(ipvlan, ipvlan.value ? 'ipvlan' : 'veth');
    const policy = flag('NetworkPolicy');
    if (policy) this.plan.terway.networkPolicy = policy;
  }

  /** An addon config: a string of JSON (empty: nothing) or an object (Terraform `jsonencode`). */
  private configObject(config: Value | undefined): Value | undefined {
    if (config?.kind === 'map') return config;
    const string = stringOf(config);
    if (!string || string.value.trim() === '') return undefined;
    const parsed = fromJsonString(this.text, string);
    return parsed?.kind === 'map' ? parsed : undefined;
  }

  /** The CNI from a field that names it directly (Terraform's removed `cluster_network_type`). */
  cniName(value: Value | undefined): void {
    const name = stringOf(value)?.value.trim().toLowerCase();
    if (this.plan.cni || !value || (name !== 'flannel' && name !== 'terway')) return;
    this.plan.cni = locate(value, name);
  }

  podCidr(value: Value | undefined): void {
    const string = stringOf(value);
    if (string && string.value.trim() !== '') this.plan.cluster.podCidr = locate(string, string.value.trim());
  }

  /** One CIDR, or an IPv4 and an IPv6 CIDR separated by a comma (dual stack, cni-facts §2.4). */
  serviceCidr(value: Value | undefined): void {
    const string = stringOf(value);
    if (string) this.plan.cluster.serviceCidrs = splitItems(this.text, string);
  }

  /** A prefix length 0–32, as a number or a numeric string (ACK's API takes `"24"`). */
  nodeCidrMask(value: Value | undefined): void {
    const mask = integerOf(value);
    if (value && mask !== undefined && mask <= 32) this.plan.cluster.nodeCidrMask = locate(value, mask);
  }

  podVswitchIds(value: Value | undefined): void {
    this.plan.cluster.podVswitchIds.push(...stringItems(value));
  }

  instanceTypes(value: Value | undefined): void {
    this.plan.cluster.instanceTypes.push(...stringItems(value));
  }

  /** `ipv4` or `dual`, in any case; other values are left for the API to reject. */
  ipStack(value: Value | undefined): void {
    const stack = stringOf(value)?.value.trim().toLowerCase();
    if (value && (stack === 'ipv4' || stack === 'dual')) this.plan.terway.ipStack = locate<IpStack>(value, stack);
  }

  /** `1.28.9-aliyun.1` → 1.28.9 (the raw text keeps the suffix). */
  kubernetesVersion(value: Value | undefined): void {
    const version = kubernetesVersionOf(value);
    if (value && version) this.plan.cluster.kubernetesVersion = locate(value, version);
  }

  /** `profile: Edge` makes an ACK Edge cluster; otherwise `cluster_spec` names the edition. */
  edition(clusterSpec: Value | undefined, profile: Value | undefined): void {
    if (stringOf(profile)?.value.trim().toLowerCase() === 'edge') {
      this.plan.cluster.edition = locate<Edition>(profile!, 'edge');
      return;
    }
    const edition = editionOfSpec(stringOf(clusterSpec)?.value);
    if (clusterSpec && edition) this.plan.cluster.edition = locate(clusterSpec, edition);
  }

  /** A node count; counts of several node pools add up, and one that is not a literal makes the total unknown. */
  nodes(value: Value | undefined): void {
    if (!value) return;
    const count = integerOf(value);
    if (count === undefined) this.nodesUnknown = true;
    else this.nodeCounts.push(locate(value, count));
  }

  /** The node OS as written (`AliyunLinux3`, `ContainerOS`, `Windows`…); the first one given wins. */
  os(...candidates: Array<Value | undefined>): void {
    if (this.osFound) return;
    for (const candidate of candidates) {
      const string = stringOf(candidate);
      if (!string || string.value.trim() === '') continue;
      this.plan.cluster.os = locate(string, string.value.trim());
      this.osFound = true;
      return;
    }
  }

  vpcCidr(at: At, cidr: string): void {
    this.plan.cluster.vpcCidr = locate(at, cidr);
  }

  finish(): ClusterPlan {
    if (!this.nodesUnknown && this.nodeCounts.length > 0) {
      const total = this.nodeCounts.reduce((sum, count) => sum + count.value, 0);
      // Several node pools: the total, located at the largest count (the one to change first).
      const largest = this.nodeCounts.reduce((a, b) => (b.value > a.value ? b : a));
      this.plan.cluster.nodes = { ...largest, value: total };
    }
    return this.plan;
  }
}

export function kubernetesVersionOf(value: Value | undefined): string | undefined {
  const string = stringOf(value)?.value.trim();
  const match = string ? /^v?(\d+(?:\.\d+){0,2})(?:[-+].*)?$/.exec(string) : null;
  return match ? match[1] : undefined;
}

/** `ack.pro.small` (and the provisioned `ack.pro.*` tiers) → pro; `ack.standard` → basic. */
export function editionOfSpec(spec: string | undefined): Edition | undefined {
  const value = spec?.trim().toLowerCase();
  if (!value) return undefined;
  if (value === 'ack.standard') return 'basic';
  if (value.startsWith('ack.pro.')) return 'pro';
  return undefined;
}

/** eni_conf `ipam_type`: `crd` → crd, `""` → the daemon's own (legacy) IPAM; `preferCRD` is left alone. */
export function ipamTypeOf(value: string): IpamType | undefined {
  return value === 'crd' ? 'crd' : value === '' ? 'legacy' : undefined;
}

/** 10-terway.conf `eniip_virtual_type`, case-insensitive: `Veth`/`veth`/empty, `IPVlan`, `datapathv2`. */
export function datapathOf(value: string): Datapath | undefined {
  const lower = value.trim().toLowerCase();
  if (lower === '' || lower === 'veth') return 'veth';
  if (lower === 'ipvlan') return 'ipvlan';
  if (lower === 'datapathv2') return 'datapathv2';
  return undefined;
}
