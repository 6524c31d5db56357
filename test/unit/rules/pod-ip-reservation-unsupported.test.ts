import { ruleTable } from '../../helpers/ruleTable';
import { podIpReservationUnsupported } from '../../../server/src/rules/annotations/pod-ip-reservation-unsupported';

const statefulSet = (value: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  selector:
    matchLabels: {app: db}
  template:
    metadata:
      labels: {app: db}
      annotations:
        ⟦k8s.aliyun.com/pod-ip-reservation⟧: ${value}
    spec:
      containers:
      - name: db
        image: mysql
`;
const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      annotations: {⟦k8s.aliyun.com/pod-ip-reservation⟧: "true"}
    spec:
      containers: []
`;
const unmarked = (text: string) => text.replace(/[⟦⟧]/g, '');

const crdFixed =
  'Terway skips k8s.aliyun.com/pod-ip-reservation under centralized IPAM (ipamType: crd, the default), so it keeps no IP: for a static IP, use a PodNetworking with allocationType Fixed.';

ruleTable(podIpReservationUnsupported, [
  {
    name: 'Flannel: no static or reserved pod IPs',
    profile: 'cni: flannel\n',
    text: statefulSet('"true"'),
    expect: [
      {
        severity: 'warning',
        message: 'Flannel has no static or reserved pod IPs: k8s.aliyun.com/pod-ip-reservation does nothing, and a recreated pod gets a new IP.',
      },
    ],
  },
  {
    name: 'Flannel, in Simplified Chinese',
    profile: 'cni: flannel\n',
    locale: 'zh',
    text: statefulSet('"true"'),
    expect: [{ severity: 'warning', message: 'Flannel 不支持固定或保留 Pod IP：k8s.aliyun.com/pod-ip-reservation 不起作用，Pod 重建后会获得新的 IP。' }],
  },
  {
    name: 'Terway with the default centralized IPAM, a StatefulSet: points to a Fixed PodNetworking',
    profile: 'cni: terway\n',
    text: statefulSet('"true"'),
    expect: [{ severity: 'warning', message: crdFixed }],
  },
  {
    name: 'Terway crd, a Deployment: Fixed IPs are only for StatefulSet pods and bare Pods',
    profile: 'cni: terway\nterway:\n  ipamType: crd\n',
    text: deployment,
    expect: [
      {
        severity: 'warning',
        message:
          'Terway skips k8s.aliyun.com/pod-ip-reservation under centralized IPAM (ipamType: crd, the default), so it keeps no IP: static IPs (PodNetworking with allocationType Fixed) are given only to StatefulSet pods and bare Pods.',
      },
    ],
  },
  {
    name: 'Terway crd, in Simplified Chinese',
    profile: 'cni: terway\n',
    locale: 'zh',
    text: statefulSet("'true'"),
    expect: [
      {
        severity: 'warning',
        message: '在集中式 IPAM（ipamType: crd，默认值）下 Terway 会跳过 k8s.aliyun.com/pod-ip-reservation，不会保留 IP：如需固定 IP，请使用 allocationType 为 Fixed 的 PodNetworking。',
      },
    ],
  },
  {
    name: 'Terway exclusive ENI: not applied, whatever the IPAM',
    profile: 'cni: terway\nterway:\n  eniMode: exclusive\n  ipamType: legacy\n',
    text: statefulSet('"1"'),
    expect: [
      {
        severity: 'warning',
        message:
          'Terway in exclusive ENI mode does not apply k8s.aliyun.com/pod-ip-reservation (it works only on shared ENIs): for a static IP, use a PodNetworking with allocationType Fixed.',
      },
    ],
  },
  {
    name: 'Terway exclusive ENI, a Deployment, in Simplified Chinese',
    profile: 'cni: terway\nterway:\n  eniMode: exclusive\n',
    locale: 'zh',
    text: deployment,
    expect: [
      {
        severity: 'warning',
        message:
          '独占 ENI 模式的 Terway 不会应用 k8s.aliyun.com/pod-ip-reservation（它只在共享 ENI 上生效）：固定 IP（allocationType 为 Fixed 的 PodNetworking）只分配给 StatefulSet 的 Pod 和独立 Pod。',
      },
    ],
  },
  {
    name: 'Terway mixed with legacy IPAM: info for the exclusive-ENI node pools',
    profile: 'cni: terway\nterway:\n  eniMode: mixed\n  ipamType: legacy\n',
    text: statefulSet('"T"'),
    expect: [
      {
        severity: 'info',
        message: 'Pods on exclusive-ENI node pools (eniOnly) keep no IP: Terway applies k8s.aliyun.com/pod-ip-reservation only on shared ENIs.',
      },
    ],
  },
  {
    name: 'every Go true value counts: 1, t, T, TRUE, True (a bare Pod is fixed-name)',
    profile: 'cni: terway\n',
    text: ['1', 't', 'T', 'TRUE', 'True']
      .map((value) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p-${value}\n  annotations:\n    ⟦k8s.aliyun.com/pod-ip-reservation⟧: "${value}"\nspec:\n  containers: []\n`)
      .join('---\n'),
    expect: Array.from({ length: 5 }, () => ({ severity: 'warning' as const, message: crdFixed })),
  },
  {
    name: 'an unquoted true or 1 still shows what the author meant (the type is annotation-value-type\'s finding)',
    profile: 'cni: terway\n',
    text: statefulSet('true') + '---\n' + statefulSet('1'),
    expect: [
      { severity: 'warning', message: crdFixed },
      { severity: 'warning', message: crdFixed },
    ],
  },
  {
    name: 'a false or unparsable value asks for nothing: silent',
    profile: 'cni: flannel\n',
    text: ['"false"', '"0"', 'false', '"yes"', '"on"', '""', ''].map((value) => unmarked(statefulSet(value))).join('---\n'),
    expect: [],
  },
  { name: 'Terway shared with legacy IPAM: the reservation works', profile: 'cni: terway\nterway:\n  ipamType: legacy\n', text: unmarked(statefulSet('"true"')), expect: [] },
  { name: 'no profile: silent', text: unmarked(statefulSet('"true"')), expect: [] },
  { name: 'Terway Edge: no sourced verdict, silent', profile: 'cni: terway-edge\n', text: unmarked(statefulSet('"true"')), expect: [] },
  {
    name: 'a CronJob\'s pod template on Flannel',
    profile: 'cni: flannel\n',
    text: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: c
spec:
  schedule: "@hourly"
  jobTemplate:
    spec:
      template:
        metadata:
          annotations:
            ⟦k8s.aliyun.com/pod-ip-reservation⟧: "true"
        spec:
          containers: []
`,
    expect: [
      {
        severity: 'warning',
        message: 'Flannel has no static or reserved pod IPs: k8s.aliyun.com/pod-ip-reservation does nothing, and a recreated pod gets a new IP.',
      },
    ],
  },
  {
    name: 'severity from the profile\'s rules map',
    profile: 'cni: flannel\nrules:\n  pod-ip-reservation-unsupported: error\n',
    text: statefulSet('"true"'),
    expect: [
      {
        severity: 'error',
        message: 'Flannel has no static or reserved pod IPs: k8s.aliyun.com/pod-ip-reservation does nothing, and a recreated pod gets a new IP.',
      },
    ],
  },
]);
