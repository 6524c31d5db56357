import { ruleTable } from '../../helpers/ruleTable';
import { systemAnnotation } from '../../../server/src/rules/annotations/system-annotation';

const pod = (annotations: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations:
${annotations}spec:
  containers:
  - name: web
    image: nginx
`;

const byDaemon = (key: string) => `${key} is managed by Terway, not written by hand: a hand-written value is overwritten or misleads Terway's IP allocation.`;
const byWebhook = (key: string) =>
  `${key} is managed by terway-controlplane's webhook, not written by hand: a hand-written value is overwritten or misleads Terway's IP allocation.`;

const copied = pod('    ⟦k8s.aliyun.com/pod-ips⟧: 192.168.1.23 # copied from kubectl get\n    # owner: web team\n    team: web\n');
const copiedFixed = pod('    # owner: web team\n    team: web\n');

ruleTable(systemAnnotation, [
  {
    // Round-trip regression: the last entry of a flow map took the comma before it even when a
    // trailing comma followed, leaving ", ," (and a comment in between hid the one before).
    name: 'the last entry of a flow map with a trailing comma: that comma goes with it',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations: {team: web,\n    # copied from kubectl get\n    ⟦k8s.aliyun.com/pod-ips⟧: 10.0.0.1, }\nspec:\n  containers: []\n',
    expect: [
      {
        severity: 'warning',
        message: byDaemon('k8s.aliyun.com/pod-ips'),
        fixed: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations: {team: web,\n    # copied from kubectl get\n    }\nspec:\n  containers: []\n',
      },
    ],
  },
  {
    name: 'pod-ips copied from a live pod: the fix removes its line and keeps the comment below',
    text: copied,
    expect: [{ severity: 'warning', message: byDaemon('k8s.aliyun.com/pod-ips'), fixed: copiedFixed }],
  },
  {
    name: 'in Simplified Chinese',
    locale: 'zh',
    text: copied,
    expect: [
      {
        severity: 'warning',
        message: 'k8s.aliyun.com/pod-ips 由 Terway 维护，不应手动填写：手写的值会被覆盖，或干扰 Terway 的 IP 分配。',
        fixed: copiedFixed,
      },
    ],
  },
  {
    name: 'webhook keys, in Simplified Chinese',
    profile: 'cni: terway\n',
    locale: 'zh',
    text: pod('    ⟦k8s.aliyun.com/pod-eni⟧: "true"\n    team: web\n'),
    expect: [
      {
        severity: 'warning',
        message: 'k8s.aliyun.com/pod-eni 由 terway-controlplane 的 Webhook 维护，不应手动填写：手写的值会被覆盖，或干扰 Terway 的 IP 分配。',
        fixed: pod('    team: web\n'),
      },
    ],
  },
  {
    name: 'every system key, each with its own fix, on Terway',
    profile: 'cni: terway\n',
    text: pod(
      '    ⟦k8s.aliyun.com/pod-eni⟧: "true"\n    ⟦k8s.aliyun.com/pod-networking⟧: trunk\n    ⟦k8s.aliyun.com/pod-ips⟧: 10.0.0.5\n    ⟦k8s.aliyun.com/allocated⟧: "true"\n    ⟦k8s.aliyun.com/pod-uid⟧: 3f1c\n',
    ),
    expect: [
      {
        severity: 'warning',
        message: byWebhook('k8s.aliyun.com/pod-eni'),
        fixed: pod('    k8s.aliyun.com/pod-networking: trunk\n    k8s.aliyun.com/pod-ips: 10.0.0.5\n    k8s.aliyun.com/allocated: "true"\n    k8s.aliyun.com/pod-uid: 3f1c\n'),
      },
      {
        severity: 'warning',
        message: byWebhook('k8s.aliyun.com/pod-networking'),
        fixed: pod('    k8s.aliyun.com/pod-eni: "true"\n    k8s.aliyun.com/pod-ips: 10.0.0.5\n    k8s.aliyun.com/allocated: "true"\n    k8s.aliyun.com/pod-uid: 3f1c\n'),
      },
      {
        severity: 'warning',
        message: byDaemon('k8s.aliyun.com/pod-ips'),
        fixed: pod('    k8s.aliyun.com/pod-eni: "true"\n    k8s.aliyun.com/pod-networking: trunk\n    k8s.aliyun.com/allocated: "true"\n    k8s.aliyun.com/pod-uid: 3f1c\n'),
      },
      {
        severity: 'warning',
        message: byDaemon('k8s.aliyun.com/allocated'),
        fixed: pod('    k8s.aliyun.com/pod-eni: "true"\n    k8s.aliyun.com/pod-networking: trunk\n    k8s.aliyun.com/pod-ips: 10.0.0.5\n    k8s.aliyun.com/pod-uid: 3f1c\n'),
      },
      {
        severity: 'warning',
        message: byDaemon('k8s.aliyun.com/pod-uid'),
        fixed: pod('    k8s.aliyun.com/pod-eni: "true"\n    k8s.aliyun.com/pod-networking: trunk\n    k8s.aliyun.com/pod-ips: 10.0.0.5\n    k8s.aliyun.com/allocated: "true"\n'),
      },
    ],
  },
  {
    name: 'Flannel: ignored, still worth removing',
    profile: 'cni: flannel\n',
    text: copied,
    expect: [
      {
        severity: 'warning',
        message: 'Flannel ignores k8s.aliyun.com/pod-ips: it is a system annotation that Terway writes, and it has no effect here.',
        fixed: copiedFixed,
      },
    ],
  },
  {
    name: 'Flannel, in Simplified Chinese',
    profile: 'cni: flannel\n',
    locale: 'zh',
    text: copied,
    expect: [{ severity: 'warning', message: 'Flannel 会忽略 k8s.aliyun.com/pod-ips：这是由 Terway 写入的系统注解，在此不起作用。', fixed: copiedFixed }],
  },
  {
    name: 'Terway Edge: the general message',
    profile: 'cni: terway-edge\n',
    text: copied,
    expect: [{ severity: 'warning', message: byDaemon('k8s.aliyun.com/pod-ips'), fixed: copiedFixed }],
  },
  {
    name: 'a Deployment template in flow style: the entry and its comma go',
    text: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
spec:
  template:
    metadata:
      annotations: {team: web, ⟦k8s.aliyun.com/pod-networking⟧: trunk}
    spec:
      containers: []
`,
    expect: [
      {
        severity: 'warning',
        message: byWebhook('k8s.aliyun.com/pod-networking'),
        fixed: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
spec:
  template:
    metadata:
      annotations: {team: web}
    spec:
      containers: []
`,
      },
    ],
  },
  {
    name: 'a StatefulSet and a CronJob template; an only entry leaves {}',
    text: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: s
spec:
  template:
    metadata:
      annotations:
        ⟦k8s.aliyun.com/pod-eni⟧: "true"
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
            ⟦k8s.aliyun.com/allocated⟧: "true"
            team: batch
        spec:
          containers: []
`,
    expect: [
      {
        severity: 'warning',
        message: byWebhook('k8s.aliyun.com/pod-eni'),
        fixed: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: s
spec:
  template:
    metadata:
      annotations: {}
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
            k8s.aliyun.com/allocated: "true"
            team: batch
        spec:
          containers: []
`,
      },
      {
        severity: 'warning',
        message: byDaemon('k8s.aliyun.com/allocated'),
        fixed: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: s
spec:
  template:
    metadata:
      annotations:
        k8s.aliyun.com/pod-eni: "true"
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
            team: batch
        spec:
          containers: []
`,
      },
    ],
  },
  {
    name: 'a value that carries an anchor: reported, not removed (aliases elsewhere refer to it)',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    ⟦k8s.aliyun.com/pod-ips⟧: &ip 10.0.0.5\n    example.com/ip: *ip\nspec:\n  containers: []\n',
    expect: [{ severity: 'warning', message: byDaemon('k8s.aliyun.com/pod-ips') }],
  },
  {
    name: 'user-written keys, node annotations and the Deployment\'s own metadata stay silent',
    profile: 'cni: terway\n',
    text: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
  annotations:
    k8s.aliyun.com/pod-ips: 10.0.0.5
spec:
  template:
    metadata:
      annotations:
        k8s.aliyun.com/pod-networks-request: '[{"interfaceName": "eth1", "network": "n"}]'
        k8s.aliyun.com/network-priority: guaranteed
        k8s.aliyun.com/pod-eni-id: x
    spec:
      containers: []
---
apiVersion: v1
kind: Node
metadata:
  name: n
  annotations:
    k8s.aliyun.com/allocated: "true"
`,
    expect: [],
  },
  {
    name: 'turned off by settings',
    rules: { 'system-annotation': 'off' },
    text: copied.replace(/[⟦⟧]/g, ''),
    expect: [],
  },
]);
