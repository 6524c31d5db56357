import type { Document, Node, Scalar, YAMLMap } from 'yaml';
import { both, type Localized } from '../../l10n';
import type { Report } from '../../engine/finding';
import type { Profile } from '../../profile/types';
import { asMap, asScalar, asSeq, entry } from '../../yaml/nodes';
import { kubectlType } from '../../yaml/scalarType';
import { compareVersions } from '../support/describe';
import type { Rule } from '../types';

/** An item of `ingress[].ports` / `egress[].ports` that carries an integer `endPort`. */
interface PortRange {
  endPortKey: Scalar;
  endPort: number;
  /** The `port` beside it: a number, a port name, or missing (absent or null). Undefined when it is neither. */
  port: number | 'named' | 'missing' | undefined;
}

/** A plain or tagged YAML integer, as kubectl reads it; undefined for anything else. */
function integerOf(node: Node | null, doc: Document): number | undefined {
  const scalar = asScalar(node, doc);
  if (!scalar || kubectlType(scalar) !== 'int') return undefined;
  return typeof scalar.value === 'number' && Number.isInteger(scalar.value) ? scalar.value : undefined;
}

function portOf(node: Node | null | undefined, doc: Document): PortRange['port'] {
  if (node === undefined || node === null) return 'missing';
  const scalar = asScalar(node, doc);
  if (!scalar) return undefined;
  const type = kubectlType(scalar);
  if (type === 'null') return 'missing';
  // IntOrString: anything YAML reads as a string, "8000" included, is a port name to the API server.
  if (type === 'string') return 'named';
  return integerOf(scalar, doc);
}

function portRangeOf(item: YAMLMap, doc: Document): PortRange | undefined {
  const endPortEntry = entry(item, 'endPort');
  if (!endPortEntry) return undefined;
  // A non-integer endPort fails to decode before any of this matters; it is not this rule's call.
  const endPort = integerOf(endPortEntry.valueNode, doc);
  if (endPort === undefined) return undefined;
  return { endPortKey: endPortEntry.keyNode, endPort, port: portOf(entry(item, 'port')?.valueNode, doc) };
}

function portRanges(policy: YAMLMap, doc: Document): PortRange[] {
  const spec = asMap(entry(policy, 'spec')?.valueNode, doc);
  const out: PortRange[] = [];
  for (const direction of ['ingress', 'egress']) {
    for (const rule of asSeq(entry(spec, direction)?.valueNode, doc)?.items ?? []) {
      const ports = asSeq(entry(asMap(rule, doc), 'ports')?.valueNode, doc);
      for (const item of ports?.items ?? []) {
        const map = asMap(item, doc);
        const range = map ? portRangeOf(map, doc) : undefined;
        if (range) out.push(range);
      }
    }
  }
  return out;
}

type Verdict = Pick<Report, 'message' | 'severity'>;

/** The API server's validation (KEP-2079): endPort needs a numeric port and may not be below it. */
function rejected(range: PortRange): Verdict | undefined {
  if (range.port === 'missing' || range.port === 'named') {
    return {
      severity: 'error',
      message: both(
        'endPort needs a numeric port in the same item: the API server rejects this NetworkPolicy.',
        'endPort 必须与同一项中的数字 port 搭配使用：API Server 会拒绝此 NetworkPolicy。',
      ),
    };
  }
  if (typeof range.port === 'number' && range.endPort < range.port) {
    return {
      severity: 'error',
      message: both(
        `endPort ${range.endPort} is below port ${range.port}: the API server rejects this NetworkPolicy.`,
        `endPort（${range.endPort}）小于 port（${range.port}）：API Server 会拒绝此 NetworkPolicy。`,
      ),
    };
  }
  return undefined;
}

/** True where some policy engine enforces the policy; elsewhere network-policy-unsupported speaks. */
function policyEnforced(profile: Profile): boolean {
  if (profile.cni === 'terway-edge') return true;
  return profile.cni === 'terway' && profile.terway.networkPolicy && profile.terway.eniMode !== 'exclusive';
}

/** Before Kubernetes 1.22 the NetworkPolicyEndPort gate is alpha and off: the field is dropped on write. */
function isBeforeEndPort(profile: Profile): boolean {
  const version = profile.cluster.kubernetesVersion;
  return version !== undefined && compareVersions(version, '1.22') < 0;
}

function droppedByApiServer(version: string, port: PortRange['port']): Verdict {
  const [en, zh] =
    typeof port === 'number'
      ? [`this rule covers only port ${port}`, `此规则只覆盖端口 ${port}`]
      : ['this rule loses its port range', '此规则会失去端口范围'];
  return {
    message: both(
      `Kubernetes ${version} drops endPort (port ranges are alpha and off before 1.22): ${en}.`,
      `Kubernetes ${version} 默认未开启 endPort（1.22 之前为 Alpha 特性），API Server 会丢弃该字段：${zh}。`,
    ),
  };
}

const datapathNames: Record<string, string> = { veth: 'veth', ipvlan: 'IPvlan', datapathv2: 'DataPath V2' };

/**
 * Which engine Terway builds for its version and datapath (Felix 3.5.2 before v1.1.0; Cilium 1.10/1.12
 * before v1.14.0) and whether it honours endPort. Silent without `terway.version`.
 */
function ignoredByTerway(profile: Profile, port: number): Verdict | undefined {
  const version = profile.terway.version;
  if (profile.cni !== 'terway' || !version || compareVersions(version, '1.14.0') >= 0) return undefined;
  const terway = `Terway ${version} (${datapathNames[profile.terway.datapath]})`;
  const terwayZh = `Terway ${version}（${datapathNames[profile.terway.datapath]}）`;
  if (compareVersions(version, '1.1.0') < 0) {
    return {
      message: both(
        `${terway} enforces policy with Calico Felix 3.5.2, which predates endPort: only port ${port} is enforced.`,
        `${terwayZh}使用 Calico Felix 3.5.2 执行策略，该版本早于 endPort 特性：实际只对端口 ${port} 生效。`,
      ),
    };
  }
  if (profile.terway.datapath !== 'veth') {
    return {
      message: both(
        `${terway} enforces policy with Cilium 1.12 or older, which ignores endPort: only port ${port} is enforced.`,
        `${terwayZh}使用 Cilium 1.12 或更早版本执行策略，会忽略 endPort：实际只对端口 ${port} 生效。`,
      ),
    };
  }
  if (compareVersions(version, '1.2.0') < 0) return undefined;
  return {
    severity: 'info',
    message: both(
      `${terway} ignores endPort when its policy provider is eBPF (Cilium 1.12 or older, the chart default): only port ${port} is enforced then; the iptables provider (Felix) honours the range.`,
      `${terwayZh}的策略引擎为 eBPF（Cilium 1.12 或更早版本，Chart 默认值）时会忽略 endPort，只对端口 ${port} 生效；使用 iptables（Felix）时端口范围可以生效。`,
    ),
  };
}

function verdictFor(profile: Profile, range: PortRange): Verdict | undefined {
  // The API server drops a disabled field before it validates, so an old cluster never rejects endPort.
  if (isBeforeEndPort(profile)) {
    return policyEnforced(profile) ? droppedByApiServer(profile.cluster.kubernetesVersion!, range.port) : undefined;
  }
  const invalid = rejected(range);
  if (invalid) return invalid;
  if (typeof range.port !== 'number' || !policyEnforced(profile)) return undefined;
  return ignoredByTerway(profile, range.port);
}

const docsFacts: Localized = both(
  'Port ranges (`endPort`) are alpha and off before Kubernetes 1.22, beta from 1.22 and GA in 1.25; `endPort` needs a numeric `port` and may not be below it. Terway v1.0.x enforces policy with Calico Felix 3.5.2, older than port ranges; up to v1.13.x the eBPF path (DataPath V2, IPvlan, or veth with the `ebpf` provider) uses Cilium 1.12 or older, which ignores `endPort`. An engine that does not know `endPort` enforces only `port`.',
  '端口范围（`endPort`）在 Kubernetes 1.22 之前是默认关闭的 Alpha 特性，1.22 起为 Beta，1.25 GA；`endPort` 必须搭配数字形式的 `port`，且不能小于 `port`。Terway v1.0.x 使用 Calico Felix 3.5.2 执行策略，早于端口范围特性；直到 v1.13.x，eBPF 路径（DataPath V2、IPvlan，或 veth 加 `ebpf` 策略引擎）使用的都是会忽略 `endPort` 的 Cilium 1.12 或更早版本。不认识 `endPort` 的引擎只会对 `port` 这一个端口生效。',
);

export const networkPolicyEndport: Rule = {
  id: 'network-policy-endport',
  title: both('NetworkPolicy port range (endPort) not enforced', 'NetworkPolicy 端口范围（endPort）不生效'),
  scope: 'manifest',
  defaultSeverity: 'warning',
  appliesTo: both(
    'Terway with NetworkPolicy on (not exclusive ENI) before v1.14.0, by `terway.version` and datapath; Terway and Terway Edge on Kubernetes before 1.22; every CNI when endPort is invalid.',
    '开启 NetworkPolicy 的 Terway（非独占 ENI），v1.14.0 之前，按 `terway.version` 与数据路径判断；Kubernetes 1.22 之前的 Terway 与 Terway Edge；endPort 取值非法时的所有 CNI。',
  ),
  needsProfile: true,
  remediation: both(
    'List each port of the range as its own `port` item, or upgrade Terway to v1.14.0 or later (and Kubernetes to 1.22 or later).',
    '请把端口范围拆成多个单独的 `port` 条目，或将 Terway 升级到 v1.14.0 及以上（Kubernetes 升级到 1.22 及以上）。',
  ),
  fixable: false,
  docs: {
    en: {
      what: 'A `networking.k8s.io` NetworkPolicy port with `endPort` (a port range) that the cluster will not enforce as a range: the API server drops the field before Kubernetes 1.22, and older Terway policy engines ignore it. It also flags an `endPort` without a numeric `port`, or below `port`, which the API server rejects.',
      why: `${docsFacts.en} The policy then allows or blocks a single port where you meant a range, and nothing reports it.`,
      fix: 'Write each port of the range as a separate `port` item (ranges are usually short), or upgrade: Terway v1.14.0 ships Cilium 1.16, and Kubernetes 1.22 turns port ranges on. Record the versions in `.ack-cni.yaml` (`terway.version`, `cluster.kubernetesVersion`) so the check knows them.',
    },
    zh: {
      what: '集群不会按范围执行的 `networking.k8s.io` NetworkPolicy 端口范围（`endPort`）：Kubernetes 1.22 之前 API Server 会丢弃该字段，旧版 Terway 的策略引擎会忽略它。此外，缺少数字 `port` 或小于 `port` 的 `endPort` 会被 API Server 直接拒绝，同样会被标出。',
      why: `${docsFacts.zh} 结果是本想放行或拦截一段端口，实际只作用于一个端口，而且没有任何提示。`,
      fix: '把端口范围拆成多个单独的 `port` 条目（范围通常不大），或者升级：Terway v1.14.0 起使用 Cilium 1.16，Kubernetes 1.22 起默认开启端口范围。请在 `.ack-cni.yaml` 中记录版本（`terway.version`、`cluster.kubernetesVersion`），以便检查做出判断。',
    },
    example: {
      profile: 'cni: terway\nterway:\n  datapath: datapathv2\n  networkPolicy: true\n  version: "1.13.7"\n',
      bad: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: allow-range\nspec:\n  podSelector: {}\n  ingress:\n  - ports:\n    - protocol: TCP\n      port: 8000\n      endPort: 8002\n',
      good: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: allow-range\nspec:\n  podSelector: {}\n  ingress:\n  - ports:\n    - {protocol: TCP, port: 8000}\n    - {protocol: TCP, port: 8001}\n    - {protocol: TCP, port: 8002}\n',
    },
    facts: ['2.1', '2.3', '5'],
    sources: ['src-6', 'src-15', 'src-16', 'src-34', 'src-35', 'seed-001', 'seed-004'],
  },
  checkObject(object, { profile, report }) {
    if (!profile || object.group !== 'networking.k8s.io' || object.kind !== 'NetworkPolicy') return;
    for (const range of portRanges(object.node, object.doc)) {
      const verdict = verdictFor(profile, range);
      if (!verdict) continue;
      const [start, end] = range.endPortKey.range!;
      report({ start, end, ...verdict });
    }
  },
};
