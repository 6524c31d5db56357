import { ruleTable } from '../../helpers/ruleTable';
import { eipAnnotationDeprecated } from '../../../server/src/rules/annotations/eip-annotation-deprecated';

const pod = `apiVersion: v1
kind: Pod
metadata:
  name: proxy
  annotations:
    ⟦k8s.aliyun.com/pod-with-eip⟧: "true"
    ⟦k8s.aliyun.com/eip-bandwidth⟧: "10"
spec:
  containers:
  - name: proxy
    image: nginx
`;
const plain = pod.replace(/[⟦⟧]/g, '');

const flannel = (key: string) => `Flannel cannot bind an EIP to a pod: ${key} does nothing in this cluster.`;
const moved = (key: string) =>
  `Terway's pod EIP support (${key}) is deprecated and has moved to ACK Extend Network Controller: do not rely on Terway to bind this EIP.`;

const allKeys = [
  'k8s.aliyun.com/pod-with-eip',
  'k8s.aliyun.com/pod-eip-instanceid',
  'k8s.aliyun.com/eip-bandwidth',
  'k8s.aliyun.com/eip-charge-type',
  'k8s.aliyun.com/eip-internet-charge-type',
  'k8s.aliyun.com/eip-isp',
  'k8s.aliyun.com/eip-common-bandwidth-package-id',
  'k8s.aliyun.com/eip-public-ip-address-pool-id',
];

ruleTable(eipAnnotationDeprecated, [
  {
    name: 'Flannel: pod-bound EIPs are unsupported (error), one finding per key',
    profile: 'cni: flannel\n',
    text: pod,
    expect: [
      { severity: 'error', message: flannel('k8s.aliyun.com/pod-with-eip') },
      { severity: 'error', message: flannel('k8s.aliyun.com/eip-bandwidth') },
    ],
  },
  {
    name: 'Flannel, in Simplified Chinese',
    profile: 'cni: flannel\n',
    locale: 'zh',
    text: pod,
    expect: [
      { severity: 'error', message: 'Flannel 不支持为 Pod 绑定 EIP：k8s.aliyun.com/pod-with-eip 在该集群中不起作用。' },
      { severity: 'error', message: 'Flannel 不支持为 Pod 绑定 EIP：k8s.aliyun.com/eip-bandwidth 在该集群中不起作用。' },
    ],
  },
  {
    name: 'Terway: EIP support moved to ACK Extend Network Controller (warning)',
    profile: 'cni: terway\n',
    text: pod,
    expect: [
      { severity: 'warning', message: moved('k8s.aliyun.com/pod-with-eip') },
      { severity: 'warning', message: moved('k8s.aliyun.com/eip-bandwidth') },
    ],
  },
  {
    name: 'Terway, in Simplified Chinese',
    profile: 'cni: terway\nterway:\n  eniMode: exclusive\n',
    locale: 'zh',
    text: pod,
    expect: [
      {
        severity: 'warning',
        message: 'Terway 的 Pod EIP 功能（k8s.aliyun.com/pod-with-eip）已废弃，并已迁移到 ACK Extend Network Controller：不要再依赖 Terway 为 Pod 绑定 EIP。',
      },
      {
        severity: 'warning',
        message: 'Terway 的 Pod EIP 功能（k8s.aliyun.com/eip-bandwidth）已废弃，并已迁移到 ACK Extend Network Controller：不要再依赖 Terway 为 Pod 绑定 EIP。',
      },
    ],
  },
  {
    name: 'no profile: the same deprecation warning',
    text: pod,
    expect: [
      { severity: 'warning', message: moved('k8s.aliyun.com/pod-with-eip') },
      { severity: 'warning', message: moved('k8s.aliyun.com/eip-bandwidth') },
    ],
  },
  { name: 'Terway Edge: no sourced verdict, silent', profile: 'cni: terway-edge\n', text: plain, expect: [] },
  {
    name: 'every Terway EIP key, in a Deployment template',
    text: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
spec:
  template:
    metadata:
      annotations:
${allKeys.map((key) => `        ⟦${key}⟧: "x"\n`).join('')}    spec:
      containers: []
`,
    expect: allKeys.map((key) => ({ severity: 'warning' as const, message: moved(key) })),
  },
  {
    name: 'a static EIP id in a StatefulSet and a CronJob template on Flannel',
    profile: 'cni: flannel\n',
    text: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: s
spec:
  template:
    metadata:
      annotations: {⟦k8s.aliyun.com/pod-eip-instanceid⟧: eip-2ze1234}
    spec:
      containers: []
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: c
spec:
  jobTemplate:
    spec:
      template:
        metadata:
          annotations:
            ⟦k8s.aliyun.com/pod-with-eip⟧: "true"
        spec:
          containers: []
`,
    expect: [
      { severity: 'error', message: flannel('k8s.aliyun.com/pod-eip-instanceid') },
      { severity: 'error', message: flannel('k8s.aliyun.com/pod-with-eip') },
    ],
  },
  {
    name: 'ECI pods (eci-with-eip / eci-eip-instanceid) get their EIP from ECI: the pod is left alone, parameters included',
    profile: 'cni: flannel\n',
    text: `apiVersion: v1
kind: Pod
metadata:
  name: eci
  annotations:
    k8s.aliyun.com/eci-with-eip: "true"
    k8s.aliyun.com/eip-bandwidth: "5"
    k8s.aliyun.com/eip-isp: BGP
spec:
  containers: []
---
apiVersion: v1
kind: Pod
metadata:
  name: eci-static
  annotations:
    k8s.aliyun.com/eci-eip-instanceid: eip-2ze5678
spec:
  containers: []
`,
    expect: [],
  },
  {
    name: 'the keys on a Deployment\'s own metadata or a Service are not pod annotations',
    profile: 'cni: flannel\n',
    text: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
  annotations:
    k8s.aliyun.com/pod-with-eip: "true"
spec:
  template:
    spec:
      containers: []
---
apiVersion: v1
kind: Service
metadata:
  name: s
  annotations:
    k8s.aliyun.com/eip-bandwidth: "10"
`,
    expect: [],
  },
  {
    name: 'suppressed for the rest of the document',
    profile: 'cni: flannel\n',
    text: '# ack-cni-disable eip-annotation-deprecated\n' + plain,
    expect: [],
  },
]);
