import { ruleTable } from '../../helpers/ruleTable';
import { networkPriorityInvalid } from '../../../server/src/rules/annotations/network-priority-invalid';

const deployment = (annotations: string) => `apiVersion: apps/v1
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
${annotations}    spec:
      containers:
      - name: api
        image: nginx
`;

const invalid = (value: string) =>
  `\`${value}\` is not a network priority Terway knows (guaranteed, burstable, best-effort): Terway records a ParseFailed event and applies no priority.`;

ruleTable(networkPriorityInvalid, [
  {
    // Round-trip regression: the fix rewrote an anchored value, and with it every alias of it.
    name: 'an anchored value that an alias shares: reported, no fix',
    text: deployment('        k8s.aliyun.com/network-priority: &prio ⟦Guaranteed⟧\n        example.com/priority-copy: *prio\n'),
    expect: [{ severity: 'error', message: invalid('Guaranteed') }],
  },
  {
    name: 'an anchor that nothing aliases does not stop the fix',
    text: deployment('        k8s.aliyun.com/network-priority: &unused ⟦Guaranteed⟧\n'),
    expect: [{ severity: 'error', message: invalid('Guaranteed'), fixed: deployment('        k8s.aliyun.com/network-priority: &unused guaranteed\n') }],
  },
  {
    // Round-trip regression: the block scalar's line break (and the next key) were swallowed,
    // and the comment on its header line went with it.
    name: 'a folded block scalar becomes a plain value; the comment on its header line stays',
    text: deployment('        k8s.aliyun.com/network-priority: ⟦>- # from the old chart\n          Guaranteed⟧\n        example.com/team: web\n'),
    expect: [
      {
        severity: 'error',
        message: invalid('Guaranteed'),
        fixed: deployment('        k8s.aliyun.com/network-priority: guaranteed # from the old chart\n        example.com/team: web\n'),
      },
    ],
  },
  {
    name: 'a case slip: Guaranteed → guaranteed, plain stays plain',
    text: deployment('        k8s.aliyun.com/network-priority: ⟦Guaranteed⟧ # latency critical\n'),
    expect: [
      {
        severity: 'error',
        message: invalid('Guaranteed'),
        fixed: deployment('        k8s.aliyun.com/network-priority: guaranteed # latency critical\n'),
      },
    ],
  },
  {
    name: 'in Simplified Chinese',
    locale: 'zh',
    text: deployment('        k8s.aliyun.com/network-priority: ⟦Burstable⟧\n'),
    expect: [
      {
        severity: 'error',
        message: '`Burstable` 不是 Terway 认识的网络优先级（guaranteed、burstable、best-effort）：Terway 会记录 ParseFailed 事件，不设置任何优先级。',
        fixed: deployment('        k8s.aliyun.com/network-priority: burstable\n'),
      },
    ],
  },
  {
    name: 'best_effort in double quotes keeps its quotes',
    text: deployment('        k8s.aliyun.com/network-priority: ⟦"best_effort"⟧\n'),
    expect: [{ severity: 'error', message: invalid('best_effort'), fixed: deployment('        k8s.aliyun.com/network-priority: "best-effort"\n') }],
  },
  {
    name: 'BestEffort in single quotes keeps its quotes',
    text: deployment("        k8s.aliyun.com/network-priority: ⟦'BestEffort'⟧\n"),
    expect: [{ severity: 'error', message: invalid('BestEffort'), fixed: deployment("        k8s.aliyun.com/network-priority: 'best-effort'\n") }],
  },
  {
    name: 'besteffort and a typo (guranteed) also have a clear nearest value',
    text: `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Pod
  metadata:
    name: a
    annotations: {k8s.aliyun.com/network-priority: ⟦besteffort⟧}
  spec:
    containers: [{name: a, image: nginx}]
- apiVersion: v1
  kind: Pod
  metadata:
    name: b
    annotations: {k8s.aliyun.com/network-priority: ⟦guranteed⟧}
  spec:
    containers: [{name: b, image: nginx}]
`,
    expect: [
      {
        severity: 'error',
        message: invalid('besteffort'),
        fixed: `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Pod
  metadata:
    name: a
    annotations: {k8s.aliyun.com/network-priority: best-effort}
  spec:
    containers: [{name: a, image: nginx}]
- apiVersion: v1
  kind: Pod
  metadata:
    name: b
    annotations: {k8s.aliyun.com/network-priority: guranteed}
  spec:
    containers: [{name: b, image: nginx}]
`,
      },
      {
        severity: 'error',
        message: invalid('guranteed'),
        fixed: `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Pod
  metadata:
    name: a
    annotations: {k8s.aliyun.com/network-priority: besteffort}
  spec:
    containers: [{name: a, image: nginx}]
- apiVersion: v1
  kind: Pod
  metadata:
    name: b
    annotations: {k8s.aliyun.com/network-priority: guaranteed}
  spec:
    containers: [{name: b, image: nginx}]
`,
      },
    ],
  },
  {
    name: 'no clear nearest value (high, "", a number): reported without a fix',
    text: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        metadata:
          annotations:
            k8s.aliyun.com/network-priority: ⟦high⟧
        spec:
          containers:
          - name: r
            image: busybox
---
apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    k8s.aliyun.com/network-priority: ⟦""⟧
spec:
  containers:
  - name: p
    image: nginx
---
apiVersion: v1
kind: Pod
metadata:
  name: q
  annotations:
    k8s.aliyun.com/network-priority: ⟦0⟧
spec:
  containers:
  - name: q
    image: nginx
`,
    expect: [
      { severity: 'error', message: invalid('high') },
      { severity: 'error', message: invalid('""') },
      { severity: 'error', message: invalid('0') },
    ],
  },
  {
    name: 'a valid value stays silent even on Flannel (where it is network-priority-unsupported\'s finding); other prefixes are not Terway\'s',
    profile: 'cni: flannel\n',
    text: deployment('        k8s.aliyun.com/network-priority: guaranteed\n        other/network-priority: Guaranteed\n'),
    expect: [],
  },
  {
    name: 'burstable and best-effort are valid',
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
        k8s.aliyun.com/network-priority: "burstable"
    spec:
      containers:
      - name: db
        image: mysql
---
apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    k8s.aliyun.com/network-priority: 'best-effort'
spec:
  containers:
  - name: p
    image: nginx
`,
    expect: [],
  },
  {
    name: 'an empty value is annotation-value-type\'s finding, not this rule\'s',
    text: deployment('        k8s.aliyun.com/network-priority:\n'),
    expect: [],
  },
  {
    name: 'the annotation on the Deployment\'s own metadata is not a pod annotation',
    text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  annotations:\n    k8s.aliyun.com/network-priority: High\nspec:\n  template:\n    spec:\n      containers: []\n',
    expect: [],
  },
  {
    name: 'an alias value is reported on the alias, without a fix that would edit the anchor',
    text: 'apiVersion: v1\nkind: Pod\nx-prio: &prio Guaranteed\nmetadata:\n  name: p\n  annotations:\n    k8s.aliyun.com/network-priority: ⟦*prio⟧\nspec:\n  containers: []\n',
    expect: [{ severity: 'error', message: invalid('Guaranteed') }],
  },
]);
