import { ruleTable } from '../../helpers/ruleTable';
import { eniAnnotationObsolete } from '../../../server/src/rules/annotations/eni-annotation-obsolete';

const pod = (annotations: string) => `apiVersion: v1
kind: Pod
metadata:
  name: game
  annotations:
${annotations}spec:
  containers:
  - name: game
    image: nginx
`;

const marked = pod('    # the app team wants its own NIC\n    ⟦k8s.aliyun.com/eni⟧: "true" # legacy\n    prometheus.io/scrape: "true"\n');
const removed = pod('    # the app team wants its own NIC\n    prometheus.io/scrape: "true"\n');
const upper = pod('    prometheus.io/scrape: "true"\n    ⟦k8s.aliyun.com/ENI⟧: "true"\n');
const upperRemoved = pod('    prometheus.io/scrape: "true"\n');

const generic = (key: string) => `${key} belonged to Terway's legacy VPC mode, removed after Terway v1.10: current Terway ignores it.`;

ruleTable(eniAnnotationObsolete, [
  {
    // Round-trip regression: the fix edited an anchored map, and so the pod that aliases it too.
    name: 'annotations another pod aliases: reported for both, no fix (it would change both)',
    text: 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: a\n    annotations: &ann\n      ⟦⟦k8s.aliyun.com/eni⟧⟧: "true"\n      team: web\n  spec: {containers: []}\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: b\n    annotations: *ann\n  spec: {containers: []}\n',
    expect: [
      { severity: 'warning', message: generic('k8s.aliyun.com/eni') },
      { severity: 'warning', message: generic('k8s.aliyun.com/eni') },
    ],
  },
  {
    name: 'no profile: ignored by current Terway; the fix removes the line and keeps the comment above',
    text: marked,
    expect: [{ severity: 'warning', message: generic('k8s.aliyun.com/eni'), fixed: removed }],
  },
  {
    name: 'no profile, in Simplified Chinese, upper-case key',
    locale: 'zh',
    text: upper,
    expect: [
      {
        severity: 'warning',
        message: 'k8s.aliyun.com/ENI 是 Terway 传统 VPC 模式的注解，该模式在 Terway v1.10 之后已移除：当前版本的 Terway 会忽略它。',
        fixed: upperRemoved,
      },
    ],
  },
  {
    name: 'Terway without a version: the same message',
    profile: 'cni: terway\n',
    text: upper,
    expect: [{ severity: 'warning', message: generic('k8s.aliyun.com/ENI'), fixed: upperRemoved }],
  },
  {
    name: 'Terway Edge: the facts give no more than the general message',
    profile: 'cni: terway-edge\n',
    text: upper,
    expect: [{ severity: 'warning', message: generic('k8s.aliyun.com/ENI'), fixed: upperRemoved }],
  },
  {
    name: 'Flannel: meaningless',
    profile: 'cni: flannel\n',
    text: marked,
    expect: [
      {
        severity: 'warning',
        message: 'Flannel ignores k8s.aliyun.com/eni: it belonged to the legacy VPC mode of old Terway versions.',
        fixed: removed,
      },
    ],
  },
  {
    name: 'Flannel, in Simplified Chinese',
    profile: 'cni: flannel\n',
    locale: 'zh',
    text: marked,
    expect: [{ severity: 'warning', message: 'Flannel 会忽略 k8s.aliyun.com/eni：它是旧版 Terway 传统 VPC 模式的注解。', fixed: removed }],
  },
  {
    name: 'Terway 1.14.0: ignored',
    profile: 'cni: terway\nterway:\n  version: "1.14.0"\n',
    text: marked,
    expect: [
      {
        severity: 'warning',
        message: 'Terway 1.14.0 ignores k8s.aliyun.com/eni: it belonged to the legacy VPC mode, removed after Terway v1.10.',
        fixed: removed,
      },
    ],
  },
  {
    name: 'Terway 1.11.0 (a v prefix is accepted), in Simplified Chinese',
    profile: 'cni: terway\nterway:\n  version: v1.11.0\n',
    locale: 'zh',
    text: upper,
    expect: [
      {
        severity: 'warning',
        message: 'Terway 1.11.0 会忽略 k8s.aliyun.com/ENI：它属于传统 VPC 模式，该模式在 Terway v1.10 之后已移除。',
        fixed: upperRemoved,
      },
    ],
  },
  {
    name: 'Terway 1.8.0 reads the upper-case key: it works only in the legacy VPC mode',
    profile: 'cni: terway\nterway:\n  version: "1.8.0"\n',
    text: upper,
    expect: [
      {
        severity: 'warning',
        message:
          'Terway 1.8.0 honours k8s.aliyun.com/ENI only in the legacy VPC mode, and Terway removed it after v1.10: in the ENI modes and after an upgrade it does nothing.',
        fixed: upperRemoved,
      },
    ],
  },
  {
    name: 'Terway 1.10.0, in Simplified Chinese',
    profile: 'cni: terway\nterway:\n  version: "1.10.0"\n',
    locale: 'zh',
    text: upper,
    expect: [
      {
        severity: 'warning',
        message: 'Terway 1.10.0 只在传统 VPC 模式下识别 k8s.aliyun.com/ENI，且 Terway 在 v1.10 之后已将其移除：在 ENI 模式下或升级之后它都不起作用。',
        fixed: upperRemoved,
      },
    ],
  },
  {
    name: 'Terway 1.8.0 with the lower-case key: wrong case, ignored',
    profile: 'cni: terway\nterway:\n  version: "1.8.0"\n',
    text: marked,
    expect: [
      {
        severity: 'warning',
        message: 'Terway 1.8.0 reads k8s.aliyun.com/ENI, not k8s.aliyun.com/eni (annotation keys are case-sensitive): this annotation is ignored.',
        fixed: removed,
      },
    ],
  },
  {
    name: 'Terway 1.0.10 reads the lower-case key; the upper-case one is ignored, in Simplified Chinese',
    profile: 'cni: terway\nterway:\n  version: "1.0.10"\n',
    locale: 'zh',
    text: upper,
    expect: [
      {
        severity: 'warning',
        message: 'Terway 1.0.10 读取的是 k8s.aliyun.com/eni，而不是 k8s.aliyun.com/ENI（注解键区分大小写）：该注解不会生效。',
        fixed: upperRemoved,
      },
    ],
  },
  {
    name: 'Terway 1.0.10 with the lower-case key: legacy VPC mode only',
    profile: 'cni: terway\nterway:\n  version: "1.0.10"\n',
    text: marked,
    expect: [
      {
        severity: 'warning',
        message:
          'Terway 1.0.10 honours k8s.aliyun.com/eni only in the legacy VPC mode, and Terway removed it after v1.10: in the ENI modes and after an upgrade it does nothing.',
        fixed: removed,
      },
    ],
  },
  {
    name: 'the only annotation: the map becomes {}',
    text: pod('    ⟦k8s.aliyun.com/eni⟧: "true"\n'),
    expect: [{ severity: 'warning', message: generic('k8s.aliyun.com/eni'), fixed: pod('    {}\n').replace('  annotations:\n    {}\n', '  annotations: {}\n') }],
  },
  {
    name: 'a flow map in a Deployment template: the entry and its comma go',
    text: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: game
spec:
  selector:
    matchLabels: {app: game}
  template:
    metadata:
      annotations: {⟦k8s.aliyun.com/ENI⟧: "true", owner: games}
    spec:
      containers: []
`,
    expect: [
      {
        severity: 'warning',
        message: generic('k8s.aliyun.com/ENI'),
        fixed: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: game
spec:
  selector:
    matchLabels: {app: game}
  template:
    metadata:
      annotations: {owner: games}
    spec:
      containers: []
`,
      },
    ],
  },
  {
    name: 'a StatefulSet template with CRLF line ends',
    text: 'apiVersion: apps/v1\r\nkind: StatefulSet\r\nmetadata:\r\n  name: s\r\nspec:\r\n  template:\r\n    metadata:\r\n      annotations:\r\n        a: "1"\r\n        ⟦k8s.aliyun.com/eni⟧: "true"\r\n        b: "2"\r\n    spec:\r\n      containers: []\r\n',
    expect: [
      {
        severity: 'warning',
        message: generic('k8s.aliyun.com/eni'),
        fixed: 'apiVersion: apps/v1\r\nkind: StatefulSet\r\nmetadata:\r\n  name: s\r\nspec:\r\n  template:\r\n    metadata:\r\n      annotations:\r\n        a: "1"\r\n        b: "2"\r\n    spec:\r\n      containers: []\r\n',
      },
    ],
  },
  {
    name: 'a CronJob template in JSON',
    text: '{"apiVersion": "batch/v1", "kind": "CronJob", "metadata": {"name": "c"}, "spec": {"jobTemplate": {"spec": {"template": {"metadata": {"annotations": {"a": "1", ⟦"k8s.aliyun.com/ENI"⟧: "true"}}, "spec": {"containers": []}}}}}}\n',
    expect: [
      {
        severity: 'warning',
        message: generic('k8s.aliyun.com/ENI'),
        fixed: '{"apiVersion": "batch/v1", "kind": "CronJob", "metadata": {"name": "c"}, "spec": {"jobTemplate": {"spec": {"template": {"metadata": {"annotations": {"a": "1"}}, "spec": {"containers": []}}}}}}\n',
      },
    ],
  },
  {
    name: 'a block scalar value: its lines go, the comment below stays',
    text: pod('    ⟦k8s.aliyun.com/eni⟧: |\n      true\n    # keep this comment\n    b: "2"\n'),
    expect: [{ severity: 'warning', message: generic('k8s.aliyun.com/eni'), fixed: pod('    # keep this comment\n    b: "2"\n') }],
  },
  {
    name: 'annotations reached through an alias: reported, but the shared anchor is not edited',
    text: 'apiVersion: v1\nkind: Pod\nx-common: &common\n  k8s.aliyun.com/eni: "true"\nmetadata:\n  name: p\n  annotations: *common\nspec:\n  containers: []\n'.replace(
      '  k8s.aliyun.com/eni',
      '  ⟦k8s.aliyun.com/eni⟧',
    ),
    expect: [{ severity: 'warning', message: generic('k8s.aliyun.com/eni') }],
  },
  {
    name: 'other keys and other places stay silent: a Deployment\'s own metadata, a Node label, look-alike keys',
    profile: 'cni: flannel\n',
    text: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
  annotations:
    k8s.aliyun.com/eni: "true"
spec:
  template:
    metadata:
      annotations:
        k8s.aliyun.com/Eni: "true"
        k8s.aliyun.com/pod-eni: "true"
        example.com/eni: "true"
    spec:
      containers: []
---
apiVersion: v1
kind: Node
metadata:
  name: n
  labels:
    k8s.aliyun.com/eni: "true"
`,
    expect: [],
  },
]);
