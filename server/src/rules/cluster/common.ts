import { both, type Localized } from '../../l10n';
import type { Fix, TextEdit } from '../../engine/finding';
import type { Cni } from '../../profile/types';
import type { ClusterPlan, Located } from '../../cluster/plan';
import { parseCidr, type Cidr } from '../../cluster/cidr';

/** How messages name a CNI. */
export const cniNames: Record<Cni, Localized> = {
  terway: both('Terway', 'Terway'),
  'terway-edge': both('Terway Edge', 'Terway Edge'),
  flannel: both('Flannel', 'Flannel'),
};

/** The CNI the plan names, if any. */
export function cniOf(plan: ClusterPlan): Cni | undefined {
  return plan.cni?.value;
}

/**
 * Whether the plan comes from a file that creates the cluster (the CreateCluster body, Terraform)
 * or describes its plan (`.ack-cni.yaml`). ACK checks its creation limits (private ranges, prefix
 * lengths, node CIDR mask 24–28) on these; `eni-config` and `kube-flannel-cfg` mirror a running
 * cluster, and the same ConfigMaps also configure self-managed Terway and upstream Flannel
 * (kubeadm's 10.96.0.0/12 Service CIDR), where those limits do not hold.
 */
export function isCreationPlan(plan: ClusterPlan): boolean {
  return plan.format === 'profile' || plan.format === 'create-cluster' || plan.format === 'terraform';
}

export type { CidrRole } from '../../cluster/ackLimits';
import type { CidrRole } from '../../cluster/ackLimits';

export const cidrRoleNames: Record<CidrRole, Localized> = {
  vpc: both('VPC CIDR', 'VPC 网段'),
  pod: both('pod CIDR', 'Pod 网段'),
  service: both('Service CIDR', 'Service 网段'),
};

export interface PlannedCidr {
  role: CidrRole;
  located: Located<string>;
  /** Null when the value is not a CIDR block (cidr-invalid reports it). */
  cidr: Cidr | null;
}

/**
 * The CIDR blocks of a plan that the cluster's CNI uses, in file order: the VPC CIDR, the pod CIDR
 * (not on Terway, whose pods take VPC addresses from pod vSwitches: a pod CIDR there is ignored and
 * reported by cni-field-ignored) and each part of the Service CIDR.
 */
export function plannedCidrs(plan: ClusterPlan): PlannedCidr[] {
  const out: PlannedCidr[] = [];
  const add = (role: CidrRole, located: Located<string> | undefined) => {
    if (located && typeof located.value === 'string') out.push({ role, located, cidr: parseCidr(located.value) });
  };
  add('vpc', plan.cluster.vpcCidr);
  if (cniOf(plan) !== 'terway') add('pod', plan.cluster.podCidr);
  for (const service of plan.cluster.serviceCidrs) add('service', service);
  return out.sort((a, b) => a.located.start - b.located.start || a.located.end - b.located.end);
}

/**
 * An edit that writes `newValue` in place of a located value, keeping what surrounds the value in
 * its source (quotes, escapes: `"24"` stays a string). Null when the value's text does not occur
 * exactly once in the source there, so no safe edit exists.
 */
export function replaceValueEdit(text: string, located: Located<unknown>, newValue: string): TextEdit | null {
  if (text.slice(located.start, located.end) !== located.raw) return null;
  const old = String(located.value);
  const at = located.raw.indexOf(old);
  if (old === '' || at === -1 || located.raw.indexOf(old, at + 1) !== -1) return null;
  return { start: located.start + at, end: located.start + at + old.length, newText: newValue };
}

export function replaceValueFix(text: string, located: Located<unknown>, newValue: string, title: Localized): Fix | undefined {
  const edit = replaceValueEdit(text, located, newValue);
  return edit ? { title, changes: [{ file: null, edits: [edit] }] } : undefined;
}

/** Major and minor of a Kubernetes version as ACK writes it (`1.30`, `v1.20.11-aliyun.1`). */
export function kubernetesMinor(version: string): [number, number] | undefined {
  const match = /^v?(\d+)\.(\d+)/.exec(version.trim());
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

/** Compares dotted versions (`1.14.0` vs `1.13.7`): negative, zero or positive. */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) => v.replace(/^v/, '').split(/[.-]/).slice(0, 3).map((p) => Number.parseInt(p, 10) || 0);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
