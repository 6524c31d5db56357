import { ruleTable } from '../../helpers/ruleTable';
import { networkPolicyEndport } from '../../../server/src/rules/policy/network-policy-endport';

/** A NetworkPolicy whose only ingress rule has the given `ports` items (block style, 4-space indent). */
function policy(ports: string): string {
  return `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-range
spec:
  podSelector: {}
  ingress:
  - ports:
${ports}`;
}

const range = policy('    - protocol: TCP\n      port: 8000\n      ⟦endPort⟧: 8080\n');
const plainRange = range.replace(/[⟦⟧]/g, '');

const terwayOn = (extra: string) => `cni: terway\nterway:\n  networkPolicy: true\n${extra}`;

const dropped121 = 'Kubernetes 1.21 drops endPort (port ranges are alpha and off before 1.22): this rule covers only port 8000.';
const cilium = (label: string) => `Terway ${label} enforces policy with Cilium 1.12 or older, which ignores endPort: only port 8000 is enforced.`;
const needsNumericPort = 'endPort needs a numeric port in the same item: the API server rejects this NetworkPolicy.';

ruleTable(networkPolicyEndport, [
  {
    name: 'Kubernetes before 1.22 drops the field (Terway with policy on)',
    profile: terwayOn('cluster:\n  kubernetesVersion: "1.21"\n'),
    text: range,
    expect: [{ severity: 'warning', message: dropped121 }],
  },
  {
    name: 'Kubernetes before 1.22, a patch version written unquoted',
    profile: terwayOn('cluster:\n  kubernetesVersion: 1.20.11\n'),
    text: range,
    expect: [
      {
        severity: 'warning',
        message: 'Kubernetes 1.20.11 drops endPort (port ranges are alpha and off before 1.22): this rule covers only port 8000.',
      },
    ],
  },
  {
    name: 'Kubernetes before 1.22 on Terway Edge: an API server fact, whatever the CNI',
    profile: 'cni: terway-edge\ncluster:\n  kubernetesVersion: "1.21"\n',
    text: range,
    expect: [{ severity: 'warning', message: dropped121 }],
  },
  {
    name: 'Kubernetes before 1.22: the old API server drops an invalid endPort instead of rejecting it',
    profile: terwayOn('cluster:\n  kubernetesVersion: "1.21"\n'),
    text: policy('    - port: http\n      ⟦endPort⟧: 8080\n'),
    expect: [
      {
        severity: 'warning',
        message: 'Kubernetes 1.21 drops endPort (port ranges are alpha and off before 1.22): this rule loses its port range.',
      },
    ],
  },
  {
    name: 'Kubernetes before 1.22, in Simplified Chinese',
    profile: terwayOn('cluster:\n  kubernetesVersion: "1.21"\n'),
    locale: 'zh',
    text: range,
    expect: [
      {
        severity: 'warning',
        message: 'Kubernetes 1.21 默认未开启 endPort（1.22 之前为 Alpha 特性），API Server 会丢弃该字段：此规则只覆盖端口 8000。',
      },
    ],
  },
  { name: 'Kubernetes 1.22 keeps the field', profile: terwayOn('cluster:\n  kubernetesVersion: "1.22"\n'), text: plainRange, expect: [] },
  {
    name: 'Kubernetes before 1.22 on Flannel: nothing is enforced anyway (network-policy-unsupported)',
    profile: 'cni: flannel\ncluster:\n  kubernetesVersion: "1.21"\n',
    text: plainRange,
    expect: [],
  },
  {
    name: 'Terway v1.0.x: Felix 3.5.2 predates endPort',
    profile: terwayOn('  version: "1.0.10"\n'),
    text: range,
    expect: [
      {
        severity: 'warning',
        message: 'Terway 1.0.10 (veth) enforces policy with Calico Felix 3.5.2, which predates endPort: only port 8000 is enforced.',
      },
    ],
  },
  {
    name: 'Terway before v1.14 on DataPath V2: Cilium 1.12 ignores endPort',
    profile: terwayOn('  datapath: datapathv2\n  version: "1.13.7"\n'),
    text: range,
    expect: [{ severity: 'warning', message: cilium('1.13.7 (DataPath V2)') }],
  },
  {
    name: 'Terway before v1.14 on IPvlan, a flow-style ports item',
    profile: terwayOn('  datapath: ipvlan\n  version: v1.5.1\n'),
    text: policy('    - {protocol: TCP, port: 8000, ⟦endPort⟧: 8080}\n'),
    expect: [{ severity: 'warning', message: cilium('1.5.1 (IPvlan)') }],
  },
  {
    name: 'Cilium branch, in Simplified Chinese',
    profile: terwayOn('  datapath: datapathv2\n  version: "1.13.7"\n'),
    locale: 'zh',
    text: range,
    expect: [
      {
        severity: 'warning',
        message: 'Terway 1.13.7（DataPath V2）使用 Cilium 1.12 或更早版本执行策略，会忽略 endPort：实际只对端口 8000 生效。',
      },
    ],
  },
  {
    name: 'Terway v1.2–v1.13 on veth: depends on the policy provider (info)',
    profile: terwayOn('  datapath: veth\n  version: "1.13.7"\n'),
    text: range,
    expect: [
      {
        severity: 'info',
        message:
          'Terway 1.13.7 (veth) ignores endPort when its policy provider is eBPF (Cilium 1.12 or older, the chart default): only port 8000 is enforced then; the iptables provider (Felix) honours the range.',
      },
    ],
  },
  {
    name: 'mixed ENI mode with policy on: the shared-ENI nodes run the engine',
    profile: terwayOn('  eniMode: mixed\n  datapath: datapathv2\n  version: "1.10.0"\n'),
    text: range,
    expect: [{ severity: 'warning', message: cilium('1.10.0 (DataPath V2)') }],
  },
  {
    name: 'egress ports and several items: one finding per endPort',
    profile: terwayOn('  datapath: datapathv2\n  version: "1.13.7"\n'),
    text: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: egress-range
spec:
  podSelector: {}
  egress:
  - ports:
    - port: 8000
      ⟦endPort⟧: 8080
    - port: 53
  - to:
    - ipBlock: {cidr: 10.0.0.0/8}
    ports:
    - port: 9000
      ⟦endPort⟧: 9100
`,
    expect: [
      { severity: 'warning', message: cilium('1.13.7 (DataPath V2)') },
      {
        severity: 'warning',
        message: 'Terway 1.13.7 (DataPath V2) enforces policy with Cilium 1.12 or older, which ignores endPort: only port 9000 is enforced.',
      },
    ],
  },
  {
    name: 'items of a List are checked one by one',
    profile: terwayOn('  datapath: datapathv2\n  version: "1.13.7"\n'),
    text: `apiVersion: v1
kind: List
items:
- apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  spec:
    ingress:
    - ports:
      - port: 8000
        ⟦endPort⟧: 8080
`,
    expect: [{ severity: 'warning', message: cilium('1.13.7 (DataPath V2)') }],
  },
  { name: 'Terway v1.1–v1.1.x on veth: Felix 3.20.2 honours endPort', profile: terwayOn('  version: "1.1.0"\n'), text: plainRange, expect: [] },
  { name: 'Terway v1.14.0 and later: Cilium 1.16 honours endPort', profile: terwayOn('  datapath: datapathv2\n  version: "1.14.0"\n'), text: plainRange, expect: [] },
  { name: 'Terway version unknown: silent', profile: terwayOn('  datapath: datapathv2\n'), text: plainRange, expect: [] },
  {
    name: 'Terway with policy off: network-policy-unsupported speaks',
    profile: 'cni: terway\nterway:\n  datapath: datapathv2\n  version: "1.13.7"\n',
    text: plainRange,
    expect: [],
  },
  {
    name: 'Terway exclusive ENI: no policy agent, network-policy-unsupported speaks',
    profile: terwayOn('  eniMode: exclusive\n  version: "1.0.10"\n'),
    text: plainRange,
    expect: [],
  },
  { name: 'Flannel: silent for a valid range', profile: 'cni: flannel\n', text: plainRange, expect: [] },
  { name: 'no profile: silent', text: plainRange, expect: [] },
  {
    name: 'endPort without port: rejected on every CNI',
    profile: 'cni: flannel\n',
    text: policy('    - protocol: TCP\n      ⟦endPort⟧: 8080\n'),
    expect: [{ severity: 'error', message: needsNumericPort }],
  },
  {
    name: 'endPort with a named port: rejected',
    profile: terwayOn('  version: "1.14.0"\n'),
    text: policy('    - port: http\n      ⟦endPort⟧: 8080\n'),
    expect: [{ severity: 'error', message: needsNumericPort }],
  },
  {
    name: 'endPort with a quoted number as port: a string to the API server, rejected',
    profile: 'cni: terway-edge\n',
    text: policy('    - port: "8000"\n      ⟦endPort⟧: 8080\n'),
    expect: [{ severity: 'error', message: needsNumericPort }],
  },
  {
    name: 'endPort with an empty port: rejected, in Simplified Chinese',
    profile: 'cni: flannel\n',
    locale: 'zh',
    text: policy('    - port:\n      ⟦endPort⟧: 8080\n'),
    expect: [{ severity: 'error', message: 'endPort 必须与同一项中的数字 port 搭配使用：API Server 会拒绝此 NetworkPolicy。' }],
  },
  {
    name: 'endPort below port: rejected, even where the engine would also ignore it',
    profile: terwayOn('  datapath: datapathv2\n  version: "1.13.7"\n'),
    text: policy('    - port: 9000\n      ⟦endPort⟧: 8000\n'),
    expect: [{ severity: 'error', message: 'endPort 8000 is below port 9000: the API server rejects this NetworkPolicy.' }],
  },
  {
    name: 'endPort below port, in Simplified Chinese',
    profile: 'cni: flannel\n',
    locale: 'zh',
    text: policy('    - port: 9000\n      ⟦endPort⟧: 8000\n'),
    expect: [{ severity: 'error', message: 'endPort（8000）小于 port（9000）：API Server 会拒绝此 NetworkPolicy。' }],
  },
  { name: 'endPort equal to port is valid', profile: 'cni: flannel\n', text: policy('    - port: 8000\n      endPort: 8000\n'), expect: [] },
  {
    name: 'a quoted endPort fails to decode before validation: not this rule',
    profile: terwayOn('  datapath: datapathv2\n  version: "1.13.7"\n'),
    text: policy('    - port: 8000\n      endPort: "8080"\n'),
    expect: [],
  },
  {
    name: 'a Calico NetworkPolicy is another rule\'s business',
    profile: terwayOn('  datapath: datapathv2\n  version: "1.13.7"\n'),
    text: plainRange.replace('networking.k8s.io/v1', 'crd.projectcalico.org/v1'),
    expect: [],
  },
  {
    name: 'severity from the profile\'s rules map',
    profile: terwayOn('  datapath: datapathv2\n  version: "1.13.7"\nrules:\n  network-policy-endport: error\n'),
    text: range,
    expect: [{ severity: 'error', message: cilium('1.13.7 (DataPath V2)') }],
  },
]);
