import { ruleTable } from '../../helpers/ruleTable';
import { networkPriorityUnsupported } from '../../../server/src/rules/annotations/network-priority-unsupported';

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
      annotations:
        ⟦k8s.aliyun.com/network-priority⟧: guaranteed
    spec:
      containers:
      - name: api
        image: nginx
`;
const plain = deployment.replace(/[⟦⟧]/g, '');

const switchedOn = 'cni: terway\nterway:\n  networkPriority: true\n';

ruleTable(networkPriorityUnsupported, [
  {
    name: 'Flannel: nothing applies the priority',
    profile: 'cni: flannel\n',
    text: deployment,
    expect: [{ severity: 'warning', message: 'Flannel ignores k8s.aliyun.com/network-priority: only Terway sets an egress priority for pods.' }],
  },
  {
    name: 'Flannel, in Simplified Chinese',
    profile: 'cni: flannel\n',
    locale: 'zh',
    text: deployment,
    expect: [{ severity: 'warning', message: 'Flannel 会忽略 k8s.aliyun.com/network-priority：只有 Terway 能为 Pod 设置出方向网络优先级。' }],
  },
  {
    name: 'Terway exclusive ENI: no priority, even when switched on',
    profile: 'cni: terway\nterway:\n  eniMode: exclusive\n  networkPriority: true\n',
    text: deployment,
    expect: [
      {
        severity: 'warning',
        message: 'Terway in exclusive ENI mode ignores k8s.aliyun.com/network-priority: egress priority works only on shared ENIs.',
      },
    ],
  },
  {
    name: 'Terway DataPath V2: no priority, and no fix (switching it on would not help)',
    profile: 'cni: terway\nterway:\n  datapath: datapathv2\n',
    text: deployment,
    expect: [
      {
        severity: 'warning',
        message:
          'Terway with DataPath V2 ignores k8s.aliyun.com/network-priority: egress priority works only with the veth (policy routing) or IPvlan datapath.',
      },
    ],
  },
  {
    name: 'Terway DataPath V2, in Simplified Chinese',
    profile: 'cni: terway\nterway:\n  datapath: datapathv2\n  networkPriority: true\n',
    locale: 'zh',
    text: deployment,
    expect: [
      {
        severity: 'warning',
        message: '使用 DataPath V2 的 Terway 会忽略 k8s.aliyun.com/network-priority：出方向优先级只在 veth（策略路由）或 IPvlan 数据面下生效。',
      },
    ],
  },
  {
    name: 'a pod with pod-networks-request runs on member ENIs: no priority',
    profile: 'cni: terway\nterway:\n  trunking: true\n  networkPriority: true\n',
    text: `apiVersion: v1
kind: Pod
metadata:
  name: multi
  annotations:
    k8s.aliyun.com/pod-networks-request: '[{"interfaceName": "eth1", "network": "trunk"}]'
    ⟦k8s.aliyun.com/network-priority⟧: burstable
spec:
  containers:
  - name: multi
    image: nginx
`,
    expect: [
      {
        severity: 'warning',
        message:
          'This pod asks for extra networks (pod-networks annotations), so it runs on trunk member or exclusive ENIs, where Terway applies no k8s.aliyun.com/network-priority.',
      },
    ],
  },
  {
    name: 'a pod with pod-networks, in Simplified Chinese',
    profile: 'cni: terway\n',
    locale: 'zh',
    text: `apiVersion: v1
kind: Pod
metadata:
  name: multi
  annotations: {k8s.aliyun.com/pod-networks: '{"podNetworks": []}', ⟦k8s.aliyun.com/network-priority⟧: burstable}
spec:
  containers: []
`,
    expect: [
      {
        severity: 'warning',
        message: '该 Pod 申请了额外网络（pod-networks 注解），会使用 Trunk 成员 ENI 或独占 ENI，Terway 在这类网卡上不会应用 k8s.aliyun.com/network-priority。',
      },
    ],
  },
  {
    name: 'Terway shared without network priority (the default): the fix records it in the profile',
    profile: 'cni: terway\nterway:\n  eniMode: shared # keep\n',
    text: deployment,
    expect: [
      {
        severity: 'warning',
        message: 'Network priority is switched off in this Terway cluster (terway.networkPriority: false): k8s.aliyun.com/network-priority is ignored.',
        profileFixed: 'cni: terway\nterway:\n  eniMode: shared # keep\n  networkPriority: true\n',
      },
    ],
  },
  {
    name: 'network priority explicitly false, IPvlan datapath: the fix flips the value',
    profile: 'cni: terway\nterway:\n  datapath: ipvlan\n  networkPriority: false\n',
    locale: 'zh',
    text: deployment,
    expect: [
      {
        severity: 'warning',
        message: '该 Terway 集群未开启网络优先级（terway.networkPriority: false）：k8s.aliyun.com/network-priority 不会生效。',
        profileFixed: 'cni: terway\nterway:\n  datapath: ipvlan\n  networkPriority: true\n',
      },
    ],
  },
  {
    name: 'a profile without a terway section: the fix appends one',
    profile: 'cni: terway\n',
    text: deployment,
    expect: [
      {
        severity: 'warning',
        message: 'Network priority is switched off in this Terway cluster (terway.networkPriority: false): k8s.aliyun.com/network-priority is ignored.',
        profileFixed: 'cni: terway\nterway:\n  networkPriority: true\n',
      },
    ],
  },
  {
    name: 'Terway mixed with network priority on: info for the exclusive-ENI node pools',
    profile: 'cni: terway\nterway:\n  eniMode: mixed\n  networkPriority: true\n',
    text: deployment,
    expect: [
      {
        severity: 'info',
        message: 'Pods on exclusive-ENI node pools (eniOnly) get no k8s.aliyun.com/network-priority: Terway applies it only on shared ENIs.',
      },
    ],
  },
  {
    name: 'Terway mixed without network priority: switched off wins (with its fix)',
    profile: 'cni: terway\nterway:\n  eniMode: mixed\n',
    text: deployment,
    expect: [
      {
        severity: 'warning',
        message: 'Network priority is switched off in this Terway cluster (terway.networkPriority: false): k8s.aliyun.com/network-priority is ignored.',
        profileFixed: 'cni: terway\nterway:\n  eniMode: mixed\n  networkPriority: true\n',
      },
    ],
  },
  { name: 'Terway shared, veth, switched on: applied', profile: switchedOn, text: plain, expect: [] },
  { name: 'Terway shared, IPvlan, switched on: applied', profile: 'cni: terway\nterway:\n  datapath: ipvlan\n  networkPriority: true\n', text: plain, expect: [] },
  { name: 'no profile: silent', text: plain, expect: [] },
  { name: 'Terway Edge: no sourced verdict, silent', profile: 'cni: terway-edge\n', text: plain, expect: [] },
  {
    name: 'a StatefulSet and a CronJob template on Flannel',
    profile: 'cni: flannel\n',
    text: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  selector:
    matchLabels: {app: db}
  template:
    metadata:
      annotations:
        ⟦"k8s.aliyun.com/network-priority"⟧: "guaranteed"
    spec:
      containers: []
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: backup
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        metadata:
          annotations:
            ⟦k8s.aliyun.com/network-priority⟧: best-effort
        spec:
          containers: []
`,
    expect: [
      { severity: 'warning', message: 'Flannel ignores k8s.aliyun.com/network-priority: only Terway sets an egress priority for pods.' },
      { severity: 'warning', message: 'Flannel ignores k8s.aliyun.com/network-priority: only Terway sets an egress priority for pods.' },
    ],
  },
  {
    name: 'on the Deployment\'s own metadata it is not a pod annotation',
    profile: 'cni: flannel\n',
    text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  annotations:\n    k8s.aliyun.com/network-priority: guaranteed\nspec:\n  template:\n    spec:\n      containers: []\n',
    expect: [],
  },
  {
    name: 'silenced by the object\'s ignore annotation',
    profile: 'cni: flannel\n',
    text: plain.replace('  name: api\n', '  name: api\n  annotations:\n    ack-cni-lint.io/ignore: network-priority-unsupported\n'),
    expect: [],
  },
]);
