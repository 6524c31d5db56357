import { ruleTable } from '../../helpers/ruleTable';
import { bandwidthUnsupported } from '../../../server/src/rules/bandwidth/bandwidth-unsupported';

/** A Deployment whose pod template carries `annotations` (lines indented by 8 spaces). */
const deployment = (annotations: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    metadata:
      annotations:
${annotations}
    spec:
      containers:
      - name: web
        image: nginx
`;

const both = deployment('        ⟦kubernetes.io/ingress-bandwidth⟧: 10M\n        ⟦kubernetes.io/egress-bandwidth⟧: 20M');
const bothPlain = both.replace(/[⟦⟧]/g, '');
const ingressOnlyMarked = deployment('        ⟦kubernetes.io/ingress-bandwidth⟧: 10M\n        kubernetes.io/egress-bandwidth: 20M');

const flannelIngress =
  "Flannel applies kubernetes.io/ingress-bandwidth only after bandwidth limiting is enabled in ACK's Flannel config (Flannel v0.15.1.4-e02c8f12-aliyun or later): until then this pod has no ingress limit.";
const flannelEgress =
  "Flannel applies kubernetes.io/egress-bandwidth only after bandwidth limiting is enabled in ACK's Flannel config (Flannel v0.15.1.4-e02c8f12-aliyun or later): until then this pod has no egress limit.";
const exclusive = (key: string) => `Terway in exclusive ENI mode does not shape pod traffic: ${key} is not applied.`;
const mixed = (key: string) =>
  `Terway does not apply ${key} to pods on exclusive-ENI node pools (eniOnly): the limit holds only when this pod runs on a shared-ENI node.`;
const podNetworks = (annotation: string, key: string) =>
  `This pod asks for its own networks (${annotation}), so Terway gives it member or exclusive ENIs, where ${key} is not applied.`;
const ipvlan = 'Terway with the legacy IPvlan datapath applies egress limits only: kubernetes.io/ingress-bandwidth is ignored.';
const ingressKey = 'kubernetes.io/ingress-bandwidth';
const egressKey = 'kubernetes.io/egress-bandwidth';

ruleTable(bandwidthUnsupported, [
  {
    name: 'Flannel without bandwidth (the default): both keys, the fix records bandwidth in the profile',
    profile: 'cni: flannel\n',
    text: both,
    expect: [
      { severity: 'warning', message: flannelIngress, profileFixed: 'cni: flannel\nflannel:\n  bandwidth: true\n' },
      { severity: 'warning', message: flannelEgress, profileFixed: 'cni: flannel\nflannel:\n  bandwidth: true\n' },
    ],
  },
  {
    name: 'Flannel with bandwidth explicitly false: the fix flips the value and keeps the comment',
    profile: 'cni: flannel\nflannel:\n  bandwidth: false # not yet\n',
    text: deployment('        ⟦kubernetes.io/egress-bandwidth⟧: 20M'),
    expect: [{ severity: 'warning', message: flannelEgress, profileFixed: 'cni: flannel\nflannel:\n  bandwidth: true # not yet\n' }],
  },
  {
    name: 'Flannel, in Simplified Chinese',
    profile: 'cni: flannel\n',
    locale: 'zh',
    text: deployment('        ⟦kubernetes.io/ingress-bandwidth⟧: 10M'),
    expect: [
      {
        severity: 'warning',
        message:
          'ACK 的 Flannel 需要先在 Flannel 配置中开启带宽限制（要求 Flannel v0.15.1.4-e02c8f12-aliyun 及以上）才会执行 kubernetes.io/ingress-bandwidth：在此之前该 Pod 没有入方向限速。',
        profileFixed: 'cni: flannel\nflannel:\n  bandwidth: true\n',
      },
    ],
  },
  { name: 'Flannel with bandwidth enabled: applied', profile: 'cni: flannel\nflannel:\n  bandwidth: true\n', text: bothPlain, expect: [] },
  {
    name: 'Terway exclusive ENI: no shaping in either direction',
    profile: 'cni: terway\nterway:\n  eniMode: exclusive\n',
    text: both,
    expect: [
      { severity: 'warning', message: exclusive(ingressKey) },
      { severity: 'warning', message: exclusive(egressKey) },
    ],
  },
  {
    name: 'Terway exclusive ENI, in Simplified Chinese',
    profile: 'cni: terway\nterway:\n  eniMode: exclusive\n',
    locale: 'zh',
    text: deployment('        ⟦kubernetes.io/egress-bandwidth⟧: 20M'),
    expect: [{ severity: 'warning', message: '独占 ENI 模式的 Terway 不对 Pod 流量限速：kubernetes.io/egress-bandwidth 不会生效。' }],
  },
  {
    name: 'Terway mixed: info, not applied on the exclusive-ENI node pools',
    profile: 'cni: terway\nterway:\n  eniMode: mixed\n',
    text: both,
    expect: [
      { severity: 'info', message: mixed(ingressKey) },
      { severity: 'info', message: mixed(egressKey) },
    ],
  },
  {
    name: 'Terway mixed, in Simplified Chinese',
    profile: 'cni: terway\nterway:\n  eniMode: mixed\n',
    locale: 'zh',
    text: deployment('        ⟦kubernetes.io/ingress-bandwidth⟧: 10M'),
    expect: [
      {
        severity: 'info',
        message: 'Terway 不会对独占 ENI 节点池（eniOnly）上的 Pod 执行 kubernetes.io/ingress-bandwidth：只有调度到共享 ENI 节点时限速才生效。',
      },
    ],
  },
  {
    name: 'Terway shared ENI, pod with pod-networks-request: member or exclusive ENIs, no shaping',
    profile: 'cni: terway\nterway:\n  trunking: true\n',
    text: deployment(
      '        k8s.aliyun.com/pod-networks-request: \'[{"interfaceName":"eth1","network":"net-a"}]\'\n        ⟦kubernetes.io/ingress-bandwidth⟧: 10M\n        ⟦kubernetes.io/egress-bandwidth⟧: 20M',
    ),
    expect: [
      { severity: 'warning', message: podNetworks('k8s.aliyun.com/pod-networks-request', ingressKey) },
      { severity: 'warning', message: podNetworks('k8s.aliyun.com/pod-networks-request', egressKey) },
    ],
  },
  {
    name: 'Terway mixed with pod-networks: the pod-networks warning wins over the mixed info',
    profile: 'cni: terway\nterway:\n  eniMode: mixed\n',
    text: deployment('        ⟦kubernetes.io/egress-bandwidth⟧: 20M\n        k8s.aliyun.com/pod-networks: \'{"podNetworks":[]}\''),
    expect: [{ severity: 'warning', message: podNetworks('k8s.aliyun.com/pod-networks', egressKey) }],
  },
  {
    name: 'Terway pod-networks, in Simplified Chinese',
    profile: 'cni: terway\n',
    locale: 'zh',
    text: deployment('        k8s.aliyun.com/pod-networks-request: "[]"\n        ⟦kubernetes.io/egress-bandwidth⟧: 20M'),
    expect: [
      {
        severity: 'warning',
        message:
          '该 Pod 通过 k8s.aliyun.com/pod-networks-request 申请了独立网络，Terway 会为它分配成员 ENI 或独占 ENI，在这类 ENI 上 kubernetes.io/egress-bandwidth 不会生效。',
      },
    ],
  },
  {
    name: 'Terway legacy IPvlan: only the ingress key is flagged',
    profile: 'cni: terway\nterway:\n  datapath: ipvlan\n',
    text: ingressOnlyMarked,
    expect: [{ severity: 'warning', message: ipvlan }],
  },
  {
    name: 'Terway legacy IPvlan, in Simplified Chinese',
    profile: 'cni: terway\nterway:\n  datapath: ipvlan\n',
    locale: 'zh',
    text: ingressOnlyMarked,
    expect: [{ severity: 'warning', message: '使用旧版 IPvlan 数据路径的 Terway 只支持出方向限速：kubernetes.io/ingress-bandwidth 会被忽略。' }],
  },
  {
    name: 'Terway mixed with IPvlan: ingress is never applied (warning), egress only on shared nodes (info)',
    profile: 'cni: terway\nterway:\n  eniMode: mixed\n  datapath: ipvlan\n',
    text: both,
    expect: [
      { severity: 'warning', message: ipvlan },
      { severity: 'info', message: mixed(egressKey) },
    ],
  },
  {
    name: 'Terway DataPath V2 before v1.13.0: ingress not applied',
    profile: 'cni: terway\nterway:\n  datapath: datapathv2\n  version: "1.12.3"\n',
    text: ingressOnlyMarked,
    expect: [
      {
        severity: 'warning',
        message: 'Terway 1.12.3 with DataPath V2 applies no ingress limits (they came in v1.13.0): kubernetes.io/ingress-bandwidth is ignored.',
      },
    ],
  },
  {
    name: 'Terway DataPath V2 before v1.13.0, version written with a v, in Simplified Chinese',
    profile: 'cni: terway\nterway:\n  datapath: datapathv2\n  version: v1.9\n',
    locale: 'zh',
    text: ingressOnlyMarked,
    expect: [
      { severity: 'warning', message: 'Terway 1.9 的 DataPath V2 不支持入方向限速（v1.13.0 起才支持）：kubernetes.io/ingress-bandwidth 会被忽略。' },
    ],
  },
  {
    name: 'Terway DataPath V2 from v1.13.0: applied',
    profile: 'cni: terway\nterway:\n  datapath: datapathv2\n  version: "1.13.0"\n',
    text: bothPlain,
    expect: [],
  },
  { name: 'Terway DataPath V2 without a version: silent', profile: 'cni: terway\nterway:\n  datapath: datapathv2\n', text: bothPlain, expect: [] },
  { name: 'Terway shared ENI with veth: applied', profile: 'cni: terway\n', text: bothPlain, expect: [] },
  { name: 'Terway Edge: no sourced verdict, silent', profile: 'cni: terway-edge\n', text: bothPlain, expect: [] },
  { name: 'no profile: silent', text: bothPlain, expect: [] },
  {
    name: "the Deployment's own annotations are not the pod's",
    profile: 'cni: flannel\n',
    text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  annotations:\n    kubernetes.io/egress-bandwidth: 20M\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n        image: nginx\n',
    expect: [],
  },
  {
    name: 'keys are case-sensitive, and the aliyun keys are another rule\'s business',
    profile: 'cni: flannel\n',
    text: deployment('        Kubernetes.io/egress-bandwidth: 20M\n        k8s.aliyun.com/egress-bandwidth: 20M'),
    expect: [],
  },
  {
    name: 'a bare Pod with a flow-style annotations map',
    profile: 'cni: terway\nterway:\n  eniMode: exclusive\n',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations: {⟦kubernetes.io/egress-bandwidth⟧: 20M}\nspec:\n  containers: [{name: web, image: nginx}]\n',
    expect: [{ severity: 'warning', message: exclusive(egressKey) }],
  },
  {
    name: 'a CronJob job template',
    profile: 'cni: flannel\n',
    text: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: backup
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        metadata:
          annotations:
            ⟦"kubernetes.io/egress-bandwidth"⟧: "20M"
        spec:
          containers:
          - name: backup
            image: busybox
`,
    expect: [{ severity: 'warning', message: flannelEgress, profileFixed: 'cni: flannel\nflannel:\n  bandwidth: true\n' }],
  },
  {
    name: 'a StatefulSet template inside a List',
    profile: 'cni: terway\nterway:\n  eniMode: exclusive\n',
    text: `apiVersion: v1
kind: List
items:
- apiVersion: apps/v1
  kind: StatefulSet
  metadata:
    name: db
  spec:
    template:
      metadata:
        annotations:
          ⟦kubernetes.io/ingress-bandwidth⟧: 1G
      spec:
        containers:
        - name: db
          image: mysql
`,
    expect: [{ severity: 'warning', message: exclusive(ingressKey) }],
  },
  {
    name: 'a JSON manifest',
    profile: 'cni: terway\nterway:\n  datapath: ipvlan\n',
    text: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web", "annotations": {⟦"kubernetes.io/ingress-bandwidth"⟧: "10M"}}, "spec": {"containers": []}}\n',
    expect: [{ severity: 'warning', message: ipvlan }],
  },
  {
    name: 'severity from the profile\'s rules map',
    profile: 'cni: terway\nterway:\n  eniMode: exclusive\nrules:\n  bandwidth-unsupported: error\n',
    text: deployment('        ⟦kubernetes.io/ingress-bandwidth⟧: 10M'),
    expect: [{ severity: 'error', message: exclusive(ingressKey) }],
  },
]);
