import { ruleTable } from '../../helpers/ruleTable';
import { podNetworksUnsupported } from '../../../server/src/rules/podnetworks/pod-networks-unsupported';

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  template:
    metadata:
      annotations:
        ⟦k8s.aliyun.com/pod-networks-request⟧: '[{"interfaceName": "eth1", "network": "data"}]'
    spec:
      containers:
      - name: app
        image: nginx
`;
const plainDeployment = deployment.replace(/[⟦⟧]/g, '');

const statefulSet = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  template:
    metadata:
      annotations:
        ⟦"k8s.aliyun.com/pod-networks"⟧: '{"podNetworks": [{"interface": "eth0"}]}'
    spec:
      containers: [{name: db, image: mysql}]
`;

const flannel = (key: string) => `Flannel has no multi-NIC support: ${key} is ignored and the pod gets only its Flannel interface.`;
const sharedWithoutTrunk = (key: string) =>
  `Terway in shared ENI mode without trunking (terway.trunking: false) has neither trunk member ENIs nor exclusive ENIs: the networks that ${key} asks for cannot be attached.`;

ruleTable(podNetworksUnsupported, [
  {
    name: 'Flannel: pod-networks-request is ignored',
    profile: 'cni: flannel\n',
    text: deployment,
    expect: [{ severity: 'error', message: flannel('k8s.aliyun.com/pod-networks-request') }],
  },
  {
    name: 'Flannel, in Simplified Chinese',
    profile: 'cni: flannel\n',
    locale: 'zh',
    text: deployment,
    expect: [{ severity: 'error', message: 'Flannel 不支持多网卡：k8s.aliyun.com/pod-networks-request 会被忽略，Pod 只有 Flannel 分配的一个网卡。' }],
  },
  {
    name: 'Flannel: pod-networks on a StatefulSet, quoted key',
    profile: 'cni: flannel\n',
    text: statefulSet,
    expect: [{ severity: 'error', message: flannel('k8s.aliyun.com/pod-networks') }],
  },
  {
    name: 'Terway shared ENI without trunking (the defaults)',
    profile: 'cni: terway\n',
    text: deployment,
    expect: [{ severity: 'error', message: sharedWithoutTrunk('k8s.aliyun.com/pod-networks-request') }],
  },
  {
    name: 'Terway shared ENI without trunking, in Simplified Chinese',
    profile: 'cni: terway\nterway:\n  eniMode: shared\n  trunking: false\n',
    locale: 'zh',
    text: statefulSet,
    expect: [
      {
        severity: 'error',
        message:
          '未开启 Trunk 的共享 ENI 模式 Terway（terway.trunking: false）既没有 Trunk 成员网卡，也没有独占 ENI：k8s.aliyun.com/pod-networks 请求的网络无法挂载。',
      },
    ],
  },
  { name: 'Terway with trunking: member ENIs carry the networks', profile: 'cni: terway\nterway:\n  trunking: true\n', text: plainDeployment, expect: [] },
  { name: 'Terway exclusive ENI', profile: 'cni: terway\nterway:\n  eniMode: exclusive\n', text: plainDeployment, expect: [] },
  { name: 'Terway mixed: exclusive-ENI node pools exist', profile: 'cni: terway\nterway:\n  eniMode: mixed\n', text: plainDeployment, expect: [] },
  { name: 'Terway Edge: no sourced verdict, silent', profile: 'cni: terway-edge\n', text: plainDeployment, expect: [] },
  { name: 'no profile: silent', text: plainDeployment, expect: [] },
  {
    name: 'the system-written pod-networking annotation is another rule\'s business',
    profile: 'cni: flannel\n',
    text: plainDeployment.replace('k8s.aliyun.com/pod-networks-request', 'k8s.aliyun.com/pod-networking').replace(/'\[.*\]'/, 'data'),
    expect: [],
  },
  {
    name: 'only pod templates count, not the workload\'s own metadata',
    profile: 'cni: flannel\n',
    text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\n  annotations:\n    k8s.aliyun.com/pod-networks-request: "[]"\nspec:\n  template:\n    spec:\n      containers: [{name: a, image: b}]\n',
    expect: [],
  },
  {
    name: 'CronJob template and a bare Pod in a List, flow-style annotations',
    profile: 'cni: flannel\n',
    text: `apiVersion: v1
kind: List
items:
- apiVersion: batch/v1
  kind: CronJob
  metadata: {name: c}
  spec:
    schedule: "0 * * * *"
    jobTemplate:
      spec:
        template:
          metadata:
            annotations: {⟦k8s.aliyun.com/pod-networks-request⟧: "[]"}
          spec:
            containers: [{name: a, image: b}]
- apiVersion: v1
  kind: Pod
  metadata:
    name: p
    annotations: {⟦k8s.aliyun.com/pod-networks⟧: '{"podNetworks": []}'}
  spec:
    containers: [{name: a, image: b}]
`,
    expect: [
      { severity: 'error', message: flannel('k8s.aliyun.com/pod-networks-request') },
      { severity: 'error', message: flannel('k8s.aliyun.com/pod-networks') },
    ],
  },
  {
    name: 'turned off in the profile',
    profile: 'cni: flannel\nrules:\n  pod-networks-unsupported: off\n',
    text: plainDeployment,
    expect: [],
  },
]);
