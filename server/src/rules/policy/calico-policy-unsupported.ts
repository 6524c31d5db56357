import { both, type Localized } from '../../l10n';
import type { Report } from '../../engine/finding';
import type { K8sObject } from '../../k8s/objects';
import type { Profile } from '../../profile/types';
import { describeProfile } from '../support/describe';
import { calicoApiVersions, calicoPolicyKinds } from '../support/keys';
import type { Rule } from '../types';

const { crd: crdApiVersion, aggregated: aggregatedApiVersion } = calicoApiVersions;
const policyKinds: ReadonlySet<string> = new Set(calicoPolicyKinds);

function isCalicoPolicy(object: K8sObject): boolean {
  return (object.apiVersion === crdApiVersion || object.apiVersion === aggregatedApiVersion) && policyKinds.has(object.kind);
}

type Verdict = Pick<Report, 'message' | 'severity'>;

/** Where Terway runs no Felix, a crd.projectcalico.org object is never read by anything (§2.3). */
function neverApplied(profile: Profile, kind: string): Localized | undefined {
  const { eniMode, datapath, networkPolicy } = profile.terway;
  if (eniMode === 'exclusive') {
    return both(
      `Terway in exclusive ENI mode runs no policy agent: this Calico ${kind} is never applied.`,
      `独占 ENI 模式的 Terway 没有策略组件：此 Calico ${kind} 永远不会生效。`,
    );
  }
  if (!networkPolicy) {
    return both(
      `NetworkPolicy is switched off in this Terway cluster (terway.networkPolicy: false), so no Felix runs: this Calico ${kind} is never applied.`,
      `该 Terway 集群未开启 NetworkPolicy（terway.networkPolicy: false），不会运行 Felix：此 Calico ${kind} 永远不会生效。`,
    );
  }
  if (datapath !== 'veth') {
    const cluster = describeProfile(profile);
    return both(
      `${cluster.en} enforces policy with Cilium, not Calico Felix: this Calico ${kind} is never applied.`,
      `${cluster.zh}使用 Cilium 而不是 Calico Felix 执行策略：此 Calico ${kind} 永远不会生效。`,
    );
  }
  return undefined;
}

function terwayVerdict(profile: Profile, object: K8sObject): Verdict {
  const { kind } = object;
  if (object.apiVersion === aggregatedApiVersion) {
    return {
      message: both(
        `projectcalico.org/v3 is served by the Calico API server, which Terway does not install: the API server rejects this ${kind}.`,
        `projectcalico.org/v3 由 Calico API Server 提供，而 Terway 不安装该组件：API Server 会拒绝此 ${kind}。`,
      ),
    };
  }
  const never = neverApplied(profile, kind);
  if (never) return { message: never };
  return {
    severity: 'warning',
    message: both(
      `crd.projectcalico.org objects are managed by ACK, not by users; this Calico ${kind} can only take effect where Terway runs Felix (veth datapath, NetworkPolicy on, iptables provider).`,
      `crd.projectcalico.org 下的对象由 ACK 系统管理，用户不应自行维护；此 Calico ${kind} 最多只在 Terway 运行 Felix 的节点上生效（veth 数据路径、开启 NetworkPolicy、iptables 策略引擎）。`,
    ),
  };
}

function verdictFor(profile: Profile, object: K8sObject): Verdict | undefined {
  if (profile.cni === 'flannel') {
    return {
      message: both(
        `Flannel has no Calico or any other policy engine: this Calico ${object.kind} is never enforced.`,
        `Flannel 没有 Calico 或其他任何策略引擎：此 Calico ${object.kind} 不会生效。`,
      ),
    };
  }
  // Terway Edge: the fact sheet says nothing about its policy engine.
  return profile.cni === 'terway' ? terwayVerdict(profile, object) : undefined;
}

export const calicoPolicyUnsupported: Rule = {
  id: 'calico-policy-unsupported',
  title: both('Calico policy resource the cluster does not apply', '集群不会应用的 Calico 策略资源'),
  scope: 'manifest',
  defaultSeverity: 'error',
  appliesTo: both(
    'Flannel; Terway (projectcalico.org/v3 always; crd.projectcalico.org/v1 outside the veth + NetworkPolicy Felix path, and as a warning on it).',
    'Flannel；Terway（projectcalico.org/v3 一律标出；crd.projectcalico.org/v1 在 veth + NetworkPolicy 的 Felix 路径之外报错，在该路径上给出警告）。',
  ),
  needsProfile: true,
  remediation: both(
    'Express the rule as a `networking.k8s.io/v1` NetworkPolicy, which every policy engine Terway runs understands.',
    '请改用 `networking.k8s.io/v1` 的 NetworkPolicy 表达该规则，Terway 的各种策略引擎都支持它。',
  ),
  fixable: false,
  docs: {
    en: {
      what: 'Calico policy objects (`NetworkPolicy`, `GlobalNetworkPolicy`, `NetworkSet`, `GlobalNetworkSet`, tiers and staged policies) under `crd.projectcalico.org/v1` or `projectcalico.org/v3`. ACK does not run Calico: Flannel has no policy engine, and Terway only borrows Calico Felix (or Cilium) to enforce standard NetworkPolicy.',
      why: 'On Flannel nothing reads these objects. `projectcalico.org/v3` is served by the Calico API server, which Terway does not install, so the API server rejects the object. Terway\'s chart installs the `crd.projectcalico.org` CRDs for its own Felix, and ACK lists them as system resources that users must not manage; even then, an object there can only act on the Felix path (veth datapath with NetworkPolicy on and the `iptables` provider), never on DataPath V2, IPvlan or exclusive-ENI nodes, where Cilium or no agent at all runs.',
      fix: 'Rewrite the rule as a `networking.k8s.io/v1` NetworkPolicy (one per namespace for a "global" policy) and make sure Terway has NetworkPolicy switched on. On Flannel, use security groups or separate node pools instead.',
    },
    zh: {
      what: '`crd.projectcalico.org/v1` 或 `projectcalico.org/v3` 下的 Calico 策略对象（`NetworkPolicy`、`GlobalNetworkPolicy`、`NetworkSet`、`GlobalNetworkSet`、Tier 以及 Staged 策略）。ACK 并不运行完整的 Calico：Flannel 没有策略引擎，Terway 只是借用 Calico Felix（或 Cilium）来执行标准的 NetworkPolicy。',
      why: 'Flannel 集群中没有任何组件读取这些对象。`projectcalico.org/v3` 由 Calico API Server 提供，Terway 不安装该组件，因此 API Server 会拒绝这类对象。Terway 的 Chart 为自带的 Felix 安装了 `crd.projectcalico.org` CRD，但 ACK 将其列为系统资源，用户不应自行维护；即便创建了，这些对象也只可能在 Felix 路径（veth 数据路径、开启 NetworkPolicy 且策略引擎为 `iptables`）上生效，在 DataPath V2、IPvlan 或独占 ENI 节点上（运行的是 Cilium 或根本没有策略组件）永远不会生效。',
      fix: '改写为 `networking.k8s.io/v1` 的 NetworkPolicy（“全局”策略需要在每个命名空间各建一份），并确认 Terway 已开启 NetworkPolicy。Flannel 集群请改用安全组或独立节点池进行隔离。',
    },
    example: {
      profile: 'cni: terway\nterway:\n  datapath: datapathv2\n  networkPolicy: true\n',
      bad: 'apiVersion: crd.projectcalico.org/v1\nkind: GlobalNetworkPolicy\nmetadata:\n  name: deny-egress\nspec:\n  selector: app == "web"\n  types: [Egress]\n',
      good: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny-egress\n  namespace: web\nspec:\n  podSelector:\n    matchLabels:\n      app: web\n  policyTypes: [Egress]\n',
    },
    facts: ['2.3', '3.1', '5'],
    sources: ['src-4', 'src-6', 'src-23', 'src-28', 'seed-003'],
  },
  checkObject(object, { profile, report }) {
    if (!profile || !isCalicoPolicy(object)) return;
    const verdict = verdictFor(profile, object);
    if (!verdict) return;
    const [start, end] = object.kindNode.range!;
    report({ start, end, ...verdict });
  },
};
