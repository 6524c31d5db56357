import { both, type Localized } from '../../l10n';
import { parseGoDuration } from './goDuration';

/**
 * Facts about Terway's multi-NIC annotations and the PodNetworking CRD (cni-facts.md §1.1, §1.3,
 * §1.4; sources src-8, src-9, src-10), shared by the pod-networks and PodNetworking rules.
 */

export const networkGroup = 'network.alibabacloud.com';
export const podNetworkingKind = 'PodNetworking';
/** Kinds of the group that Terway's controllers own; users may create only PodNetworking [src-23]. */
export const systemOwnedKinds: readonly string[] = ['PodENI', 'NetworkInterface', 'Node', 'NodeRuntime'];

export const podNetworksRequestKey = 'k8s.aliyun.com/pod-networks-request';
export const podNetworksKey = 'k8s.aliyun.com/pod-networks';
export const podNetworkingKey = 'k8s.aliyun.com/pod-networking';
/** The webhook admits a pod with at most one of these (§1.4). */
export const exclusivePodNetworkKeys: readonly string[] = [podNetworksKey, podNetworksRequestKey, podNetworkingKey];

export const eniTypes: readonly string[] = ['Default', 'ENI', 'Trunk'];
export const allocationTypes: readonly string[] = ['Elastic', 'Fixed'];
export const releaseStrategies: readonly string[] = ['TTL', 'Never'];
export const vSwitchSelectionPolicies: readonly string[] = ['ordered', 'random', 'most'];

export const maxSecurityGroups = 10;
export const maxInterfaceNameLength = 5;
/** Terway's docs give 5 minutes as the shortest TTL; the code does not check it (§1.4). */
const minimumTtlNanoseconds = 5n * 60n * 1_000_000_000n;

/** "Default, ENI or Trunk" / "Default、ENI 或 Trunk". */
export function listOfValues(values: readonly string[]): Localized {
  const head = values.slice(0, -1);
  const last = values[values.length - 1];
  return both(`${head.join(', ')} or ${last}`, `${head.join('、')} 或 ${last}`);
}

export type ReleaseAfterProblem =
  | { kind: 'set-with-never' }
  | { kind: 'not-a-duration'; goError: string }
  | { kind: 'below-minimum' };

/**
 * What is wrong with `releaseAfter` given the release strategy. A Fixed allocation without a
 * strategy is released by TTL (Terway's default), an Elastic one reads neither field.
 */
export function releaseAfterProblem(type: string | undefined, strategy: string | undefined, releaseAfter: string): ReleaseAfterProblem | undefined {
  if (releaseAfter === '') return undefined;
  const effective = strategy ?? (type === 'Fixed' ? 'TTL' : undefined);
  if (effective === 'Never') return { kind: 'set-with-never' };
  if (effective !== 'TTL') return undefined;
  const parsed = parseGoDuration(releaseAfter);
  if (!parsed.ok) return { kind: 'not-a-duration', goError: parsed.error };
  return parsed.nanoseconds < minimumTtlNanoseconds ? { kind: 'below-minimum' } : undefined;
}

/** Message text for a releaseAfter problem; `verdict` says what Terway does with an invalid one. */
export function releaseAfterMessage(problem: ReleaseAfterProblem, value: string, verdict: Localized): Localized {
  switch (problem.kind) {
    case 'set-with-never':
      return both(
        `releaseAfter must be empty when releaseStrategy is Never: ${verdict.en}.`,
        `releaseStrategy 为 Never 时 releaseAfter 必须留空：${verdict.zh}。`,
      );
    case 'not-a-duration':
      return both(
        `releaseAfter "${value}" is not a Go duration such as 30m or 2h45m (${problem.goError}): ${verdict.en}.`,
        `releaseAfter "${value}" 不是合法的 Go 时长（例如 30m、2h45m；${problem.goError}）：${verdict.zh}。`,
      );
    case 'below-minimum':
      return both(
        `releaseAfter "${value}" is shorter than the 5-minute minimum that Terway documents for TTL release; Terway does not stop it, but it is unsupported.`,
        `releaseAfter "${value}" 短于 Terway 文档规定的 TTL 最小值 5 分钟；Terway 不会拦截，但这不是受支持的配置。`,
      );
  }
}

function isIPv4(address: string): boolean {
  const parts = address.split('.');
  // Go rejects leading zeros in IPv4 octets ("010" is ambiguous).
  return parts.length === 4 && parts.every((p) => /^(0|[1-9][0-9]{0,2})$/.test(p) && Number(p) <= 255);
}

function isIPv6(address: string): boolean {
  let groups = address;
  let tail = 0;
  const lastColon = address.lastIndexOf(':');
  if (address.includes('.')) {
    if (!isIPv4(address.slice(lastColon + 1))) return false;
    groups = address.slice(0, lastColon + 1) + '0';
    tail = 1;
  }
  const halves = groups.split('::');
  if (halves.length > 2) return false;
  const hex = /^[0-9a-fA-F]{1,4}$/;
  const count = (half: string) => (half === '' ? [] : half.split(':'));
  const parts = halves.flatMap(count);
  if (!parts.every((p) => hex.test(p))) return false;
  const total = parts.length + tail;
  return halves.length === 2 ? total <= 7 : total === 8;
}

/** Whether `value` is a CIDR as Go's net.ParseCIDR reads it: `10.0.0.0/8`, `fd00::/64`. */
export function isCidr(value: string): boolean {
  const slash = value.indexOf('/');
  if (slash < 0) return false;
  const address = value.slice(0, slash);
  const bits = value.slice(slash + 1);
  if (!/^(0|[1-9][0-9]{0,2})$/.test(bits)) return false;
  if (isIPv4(address)) return Number(bits) <= 32;
  return isIPv6(address) && Number(bits) <= 128;
}
