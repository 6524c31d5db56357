import { ruleTable } from '../../helpers/ruleTable';
import { calicoPolicyUnsupported } from '../../../server/src/rules/policy/calico-policy-unsupported';

function calico(apiVersion: string, kind: string): string {
  return `apiVersion: ${apiVersion}
kind: ⟦${kind}⟧
metadata:
  name: deny-egress
spec:
  selector: app == "web"
  types: [Egress]
`;
}

const crdGnp = calico('crd.projectcalico.org/v1', 'GlobalNetworkPolicy');
const v3Gnp = calico('projectcalico.org/v3', 'GlobalNetworkPolicy');
const unmarked = (text: string) => text.replace(/[⟦⟧]/g, '');

const felixPath =
  'crd.projectcalico.org objects are managed by ACK, not by users; this Calico GlobalNetworkPolicy can only take effect where Terway runs Felix (veth datapath, NetworkPolicy on, iptables provider).';
const rejectedV3 =
  'projectcalico.org/v3 is served by the Calico API server, which Terway does not install: the API server rejects this GlobalNetworkPolicy.';

ruleTable(calicoPolicyUnsupported, [
  {
    name: 'Flannel: no policy engine at all',
    profile: 'cni: flannel\n',
    text: crdGnp,
    expect: [{ severity: 'error', message: 'Flannel has no Calico or any other policy engine: this Calico GlobalNetworkPolicy is never enforced.' }],
  },
  {
    name: 'Flannel with a projectcalico.org/v3 NetworkSet',
    profile: 'cni: flannel\n',
    text: calico('projectcalico.org/v3', 'NetworkSet'),
    expect: [{ severity: 'error', message: 'Flannel has no Calico or any other policy engine: this Calico NetworkSet is never enforced.' }],
  },
  {
    name: 'Flannel, in Simplified Chinese',
    profile: 'cni: flannel\n',
    locale: 'zh',
    text: crdGnp,
    expect: [{ severity: 'error', message: 'Flannel 没有 Calico 或其他任何策略引擎：此 Calico GlobalNetworkPolicy 不会生效。' }],
  },
  {
    name: 'Terway + projectcalico.org/v3: no Calico API server, rejected',
    profile: 'cni: terway\nterway:\n  networkPolicy: true\n',
    text: v3Gnp,
    expect: [{ severity: 'error', message: rejectedV3 }],
  },
  {
    name: 'Terway + projectcalico.org/v3 Tier, in Simplified Chinese',
    profile: 'cni: terway\n',
    locale: 'zh',
    text: calico('projectcalico.org/v3', 'Tier'),
    expect: [{ severity: 'error', message: 'projectcalico.org/v3 由 Calico API Server 提供，而 Terway 不安装该组件：API Server 会拒绝此 Tier。' }],
  },
  {
    name: 'Terway veth with policy on: the Felix path, a warning',
    profile: 'cni: terway\nterway:\n  datapath: veth\n  networkPolicy: true\n',
    text: crdGnp,
    expect: [{ severity: 'warning', message: felixPath }],
  },
  {
    name: 'Terway mixed with policy on: still the Felix path on shared nodes',
    profile: 'cni: terway\nterway:\n  eniMode: mixed\n  networkPolicy: true\n',
    text: calico('crd.projectcalico.org/v1', 'StagedKubernetesNetworkPolicy'),
    expect: [
      {
        severity: 'warning',
        message:
          'crd.projectcalico.org objects are managed by ACK, not by users; this Calico StagedKubernetesNetworkPolicy can only take effect where Terway runs Felix (veth datapath, NetworkPolicy on, iptables provider).',
      },
    ],
  },
  {
    name: 'the Felix path, in Simplified Chinese',
    profile: 'cni: terway\nterway:\n  networkPolicy: true\n',
    locale: 'zh',
    text: crdGnp,
    expect: [
      {
        severity: 'warning',
        message:
          'crd.projectcalico.org 下的对象由 ACK 系统管理，用户不应自行维护；此 Calico GlobalNetworkPolicy 最多只在 Terway 运行 Felix 的节点上生效（veth 数据路径、开启 NetworkPolicy、iptables 策略引擎）。',
      },
    ],
  },
  {
    name: 'Terway DataPath V2: Cilium, never Felix',
    profile: 'cni: terway\nterway:\n  datapath: datapathv2\n  networkPolicy: true\n',
    text: crdGnp,
    expect: [
      {
        severity: 'error',
        message: 'Terway (shared ENI, DataPath V2) enforces policy with Cilium, not Calico Felix: this Calico GlobalNetworkPolicy is never applied.',
      },
    ],
  },
  {
    name: 'Terway IPvlan: Cilium, never Felix',
    profile: 'cni: terway\nterway:\n  datapath: ipvlan\n  networkPolicy: true\n',
    text: calico('crd.projectcalico.org/v1', 'NetworkPolicy'),
    expect: [
      {
        severity: 'error',
        message: 'Terway (shared ENI, IPvlan) enforces policy with Cilium, not Calico Felix: this Calico NetworkPolicy is never applied.',
      },
    ],
  },
  {
    name: 'Cilium branch, in Simplified Chinese',
    profile: 'cni: terway\nterway:\n  datapath: datapathv2\n  networkPolicy: true\n',
    locale: 'zh',
    text: crdGnp,
    expect: [
      {
        severity: 'error',
        message: 'Terway（共享 ENI，DataPath V2）使用 Cilium 而不是 Calico Felix 执行策略：此 Calico GlobalNetworkPolicy 永远不会生效。',
      },
    ],
  },
  {
    name: 'Terway exclusive ENI: no policy agent',
    profile: 'cni: terway\nterway:\n  eniMode: exclusive\n',
    text: calico('crd.projectcalico.org/v1', 'GlobalNetworkSet'),
    expect: [{ severity: 'error', message: 'Terway in exclusive ENI mode runs no policy agent: this Calico GlobalNetworkSet is never applied.' }],
  },
  {
    name: 'Terway with policy off (the default): no Felix runs',
    profile: 'cni: terway\n',
    text: crdGnp,
    expect: [
      {
        severity: 'error',
        message:
          'NetworkPolicy is switched off in this Terway cluster (terway.networkPolicy: false), so no Felix runs: this Calico GlobalNetworkPolicy is never applied.',
      },
    ],
  },
  {
    name: 'items of a List, JSON-style flow map',
    profile: 'cni: flannel\n',
    text: 'apiVersion: v1\nkind: List\nitems:\n- {"apiVersion": "crd.projectcalico.org/v1", "kind": ⟦"StagedGlobalNetworkPolicy"⟧}\n- apiVersion: crd.projectcalico.org/v1\n  kind: ⟦StagedNetworkPolicy⟧\n',
    expect: [
      { severity: 'error', message: 'Flannel has no Calico or any other policy engine: this Calico StagedGlobalNetworkPolicy is never enforced.' },
      { severity: 'error', message: 'Flannel has no Calico or any other policy engine: this Calico StagedNetworkPolicy is never enforced.' },
    ],
  },
  { name: 'Terway Edge: no sourced verdict, silent', profile: 'cni: terway-edge\n', text: unmarked(v3Gnp), expect: [] },
  { name: 'no profile: silent', text: unmarked(crdGnp), expect: [] },
  {
    name: 'other Calico kinds (FelixConfiguration, HostEndpoint) are not policies',
    profile: 'cni: flannel\n',
    text: 'apiVersion: crd.projectcalico.org/v1\nkind: FelixConfiguration\n---\napiVersion: crd.projectcalico.org/v1\nkind: HostEndpoint\n',
    expect: [],
  },
  {
    name: 'a Kubernetes NetworkPolicy is another rule\'s business',
    profile: 'cni: flannel\n',
    text: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n',
    expect: [],
  },
  { name: 'another Calico API version is not matched', profile: 'cni: flannel\n', text: 'apiVersion: projectcalico.org/v1\nkind: GlobalNetworkPolicy\n', expect: [] },
  {
    name: 'severity from the profile\'s rules map',
    profile: 'cni: terway\nterway:\n  networkPolicy: true\nrules:\n  calico-policy-unsupported: hint\n',
    text: crdGnp,
    expect: [{ severity: 'hint', message: felixPath }],
  },
]);
