import { ruleTable } from '../../helpers/ruleTable';
import { annotationValueType } from '../../../server/src/rules/annotations/annotation-value-type';

const pod = (metadata: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
${metadata}spec:
  containers:
  - name: web
    image: nginx
`;

const boolAnnotation = '`yes` is a boolean to kubectl (YAML 1.1), but annotation values must be strings: the object is rejected.';

ruleTable(annotationValueType, [
  {
    name: 'YAML 1.1 boolean `yes` in an annotation: quoted as written',
    text: pod('  annotations:\n    sidecar.istio.io/inject: ⟦yes⟧ # keep me\n'),
    expect: [
      {
        severity: 'error',
        message: boolAnnotation,
        fixed: pod('  annotations:\n    sidecar.istio.io/inject: "yes" # keep me\n'),
      },
    ],
  },
  {
    name: 'in Simplified Chinese',
    locale: 'zh',
    text: pod('  annotations:\n    sidecar.istio.io/inject: ⟦yes⟧\n'),
    expect: [
      {
        severity: 'error',
        message: 'kubectl（YAML 1.1）会把 `yes` 读作布尔值，但注解的值必须是字符串：该对象会被拒绝。',
        fixed: pod('  annotations:\n    sidecar.istio.io/inject: "yes"\n'),
      },
    ],
  },
  {
    name: 'label values: `on`, `y`, `true` are booleans, a port is an integer',
    profile: 'cni: flannel\n',
    text: pod('  labels:\n    canary: ⟦on⟧\n    blue: ⟦y⟧\n    ready: ⟦true⟧\n    port: ⟦8080⟧\n'),
    expect: [
      {
        severity: 'error',
        message: '`on` is a boolean to kubectl (YAML 1.1), but label values must be strings: the object is rejected.',
        fixed: pod('  labels:\n    canary: "on"\n    blue: y\n    ready: true\n    port: 8080\n'),
      },
      {
        severity: 'error',
        message: '`y` is a boolean to kubectl (YAML 1.1), but label values must be strings: the object is rejected.',
        fixed: pod('  labels:\n    canary: on\n    blue: "y"\n    ready: true\n    port: 8080\n'),
      },
      {
        severity: 'error',
        message: '`true` is a boolean to kubectl (YAML 1.1), but label values must be strings: the object is rejected.',
        fixed: pod('  labels:\n    canary: on\n    blue: y\n    ready: "true"\n    port: 8080\n'),
      },
      {
        severity: 'error',
        message: '`8080` is an integer to kubectl (YAML 1.1), but label values must be strings: the object is rejected.',
        fixed: pod('  labels:\n    canary: on\n    blue: y\n    ready: true\n    port: "8080"\n'),
      },
    ],
  },
  {
    name: 'label values in Simplified Chinese: integer and floating-point number',
    locale: 'zh',
    text: pod('  labels:\n    version: ⟦1.10⟧\n    build: ⟦0x1F⟧\n'),
    expect: [
      {
        severity: 'error',
        message: 'kubectl（YAML 1.1）会把 `1.10` 读作浮点数，但标签的值必须是字符串：该对象会被拒绝。',
        fixed: pod('  labels:\n    version: "1.10"\n    build: 0x1F\n'),
      },
      {
        severity: 'error',
        message: 'kubectl（YAML 1.1）会把 `0x1F` 读作整数，但标签的值必须是字符串：该对象会被拒绝。',
        fixed: pod('  labels:\n    version: 1.10\n    build: "0x1F"\n'),
      },
    ],
  },
  {
    name: 'numbers only YAML 1.1 reads as numbers: `1_000` and `1e3`; the value is quoted exactly as written',
    text: pod('  annotations:\n    k8s.aliyun.com/eip-bandwidth: ⟦1_000⟧\n    scale: ⟦1e3⟧\n'),
    expect: [
      {
        severity: 'error',
        message: '`1_000` is an integer to kubectl (YAML 1.1), but annotation values must be strings: the object is rejected.',
        fixed: pod('  annotations:\n    k8s.aliyun.com/eip-bandwidth: "1_000"\n    scale: 1e3\n'),
      },
      {
        severity: 'error',
        message: '`1e3` is a floating-point number to kubectl (YAML 1.1), but annotation values must be strings: the object is rejected.',
        fixed: pod('  annotations:\n    k8s.aliyun.com/eip-bandwidth: 1_000\n    scale: "1e3"\n'),
      },
    ],
  },
  {
    name: 'an empty value: the key is marked and "" is written after the colon',
    text: pod('  annotations:\n    ⟦note⟧:\n    other: x\n'),
    expect: [
      {
        severity: 'error',
        message:
          'This annotation has no value, which kubectl reads as null, but annotation values must be strings: depending on how it is applied, the value is lost or the object is rejected.',
        fixed: pod('  annotations:\n    note: ""\n    other: x\n'),
      },
    ],
  },
  {
    name: 'an empty label value followed by a comment: the comment stays separated',
    locale: 'zh',
    text: pod('  labels:\n    ⟦tier⟧:   # to be decided\n'),
    expect: [
      {
        severity: 'error',
        message: '该标签没有值，kubectl 会将其读作 null，但标签的值必须是字符串：视应用方式不同，该值会丢失或整个对象被拒绝。',
        fixed: pod('  labels:\n    tier:   "" # to be decided\n'),
      },
    ],
  },
  {
    name: 'explicit null, ~ and !!null: reported without a fix (intent unclear)',
    text: pod('  annotations:\n    a: ⟦null⟧\n    b: ⟦~⟧\n    ⟦c⟧: !!null\n'),
    expect: [
      {
        severity: 'error',
        message: '`null` is null to kubectl (YAML 1.1), but annotation values must be strings: depending on how it is applied, the value is lost or the object is rejected.',
      },
      {
        severity: 'error',
        message: '`~` is null to kubectl (YAML 1.1), but annotation values must be strings: depending on how it is applied, the value is lost or the object is rejected.',
      },
      {
        severity: 'error',
        message: '`!!null` is null to kubectl (YAML 1.1), but annotation values must be strings: depending on how it is applied, the value is lost or the object is rejected.',
      },
    ],
  },
  {
    name: 'a nested map or list as a value: no fix',
    text: pod('  annotations:\n    config: ⟦{a: 1}⟧\n  labels:\n    zones: ⟦[a, b]⟧\n'),
    expect: [
      { severity: 'error', message: 'A map cannot be an annotation value: annotation values must be strings, so the object is rejected.' },
      { severity: 'error', message: 'A list cannot be a label value: label values must be strings, so the object is rejected.' },
    ],
  },
  {
    name: 'a block map value, in Simplified Chinese',
    locale: 'zh',
    text: pod('  annotations:\n    config:\n      ⟦a: x\n      b: y⟧\n'),
    expect: [{ severity: 'error', message: '注解的值不能是映射（map）：注解的值必须是字符串，该对象会被拒绝。' }],
  },
  {
    name: 'strings stay silent: quoted values, !!str, block scalars, words, timestamps, versions with letters',
    text: pod(
      '  labels:\n    a: "yes"\n    b: \'8080\'\n    c: !!str 8080\n    d: web\n    e: 2024-01-01\n    f: v1.2\n    g: 1.2.3\n  annotations:\n    h: |\n      true\n    i: >-\n      42\n    j: ""\n    k: 10M\n',
    ),
    expect: [],
  },
  {
    name: 'keys may be numbers or booleans: only values are checked',
    text: pod('  labels:\n    8080: web\n    yes: "no"\n'),
    expect: [],
  },
  {
    name: 'flow-style JSON: the number and boolean are quoted',
    text: '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "x", "labels": {"tier": ⟦1⟧, "ok": ⟦true⟧, "s": "1"}}}\n',
    expect: [
      {
        severity: 'error',
        message: '`1` is an integer to kubectl (YAML 1.1), but label values must be strings: the object is rejected.',
        fixed: '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "x", "labels": {"tier": "1", "ok": true, "s": "1"}}}\n',
      },
      {
        severity: 'error',
        message: '`true` is a boolean to kubectl (YAML 1.1), but label values must be strings: the object is rejected.',
        fixed: '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "x", "labels": {"tier": 1, "ok": "true", "s": "1"}}}\n',
      },
    ],
  },
  {
    name: 'a flow map with a key and no value: ": \\"\\"" is added',
    text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  annotations: {⟦flag⟧, other: x}\n',
    expect: [
      {
        severity: 'error',
        message:
          'This annotation has no value, which kubectl reads as null, but annotation values must be strings: depending on how it is applied, the value is lost or the object is rejected.',
        fixed: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  annotations: {flag: "", other: x}\n',
      },
    ],
  },
  {
    name: 'every ObjectMeta: the object itself, the pod template and a StatefulSet volume claim template',
    text: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
  labels:
    replicas: ⟦3⟧
spec:
  selector:
    matchLabels: {app: db}
  template:
    metadata:
      labels: {app: db, primary: ⟦no⟧}
    spec:
      containers:
      - name: db
        image: mysql
  volumeClaimTemplates:
  - metadata:
      name: data
      annotations:
        backup: ⟦off⟧
`,
    expect: [
      {
        severity: 'error',
        message: '`3` is an integer to kubectl (YAML 1.1), but label values must be strings: the object is rejected.',
        fixed: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
  labels:
    replicas: "3"
spec:
  selector:
    matchLabels: {app: db}
  template:
    metadata:
      labels: {app: db, primary: no}
    spec:
      containers:
      - name: db
        image: mysql
  volumeClaimTemplates:
  - metadata:
      name: data
      annotations:
        backup: off
`,
      },
      {
        severity: 'error',
        message: '`no` is a boolean to kubectl (YAML 1.1), but label values must be strings: the object is rejected.',
        fixed: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
  labels:
    replicas: 3
spec:
  selector:
    matchLabels: {app: db}
  template:
    metadata:
      labels: {app: db, primary: "no"}
    spec:
      containers:
      - name: db
        image: mysql
  volumeClaimTemplates:
  - metadata:
      name: data
      annotations:
        backup: off
`,
      },
      {
        severity: 'error',
        message: '`off` is a boolean to kubectl (YAML 1.1), but annotation values must be strings: the object is rejected.',
        fixed: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
  labels:
    replicas: 3
spec:
  selector:
    matchLabels: {app: db}
  template:
    metadata:
      labels: {app: db, primary: no}
    spec:
      containers:
      - name: db
        image: mysql
  volumeClaimTemplates:
  - metadata:
      name: data
      annotations:
        backup: "off"
`,
      },
    ],
  },
  {
    name: 'a CronJob: its job template and its pod template are both ObjectMeta',
    text: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
spec:
  schedule: "0 0 * * *"
  jobTemplate:
    metadata:
      labels:
        nightly: ⟦Yes⟧
    spec:
      template:
        metadata:
          annotations:
            k8s.aliyun.com/pod-ip-reservation: ⟦1⟧
        spec:
          containers:
          - name: job
            image: busybox
`,
    expect: [
      {
        severity: 'error',
        message: '`Yes` is a boolean to kubectl (YAML 1.1), but label values must be strings: the object is rejected.',
        fixed: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
spec:
  schedule: "0 0 * * *"
  jobTemplate:
    metadata:
      labels:
        nightly: "Yes"
    spec:
      template:
        metadata:
          annotations:
            k8s.aliyun.com/pod-ip-reservation: 1
        spec:
          containers:
          - name: job
            image: busybox
`,
      },
      {
        severity: 'error',
        message: '`1` is an integer to kubectl (YAML 1.1), but annotation values must be strings: the object is rejected.',
        fixed: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
spec:
  schedule: "0 0 * * *"
  jobTemplate:
    metadata:
      labels:
        nightly: Yes
    spec:
      template:
        metadata:
          annotations:
            k8s.aliyun.com/pod-ip-reservation: "1"
        spec:
          containers:
          - name: job
            image: busybox
`,
      },
    ],
  },
  {
    name: 'items of a List, any kind of object',
    text: 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Namespace\n  metadata:\n    name: team\n    labels:\n      istio-injection: ⟦off⟧\n',
    expect: [
      {
        severity: 'error',
        message: '`off` is a boolean to kubectl (YAML 1.1), but label values must be strings: the object is rejected.',
        fixed: 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Namespace\n  metadata:\n    name: team\n    labels:\n      istio-injection: "off"\n',
      },
    ],
  },
  {
    name: 'an alias to a boolean: the alias is marked, no fix (quoting it would change the anchor\'s meaning)',
    text: 'apiVersion: v1\nkind: ConfigMap\nx-flag: &flag yes\nmetadata:\n  name: c\n  labels:\n    enabled: ⟦*flag⟧\n',
    expect: [{ severity: 'error', message: '`*flag` is a boolean to kubectl (YAML 1.1), but label values must be strings: the object is rejected.' }],
  },
  {
    name: 'an anchored plain value is quoted after its anchor',
    text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels:\n    enabled: &flag ⟦yes⟧\n',
    expect: [
      {
        severity: 'error',
        message: '`yes` is a boolean to kubectl (YAML 1.1), but label values must be strings: the object is rejected.',
        fixed: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels:\n    enabled: &flag "yes"\n',
      },
    ],
  },
  {
    name: 'an explicit !!int tag is reported but not rewritten',
    text: pod('  labels:\n    n: !!int ⟦"5"⟧\n'),
    expect: [{ severity: 'error', message: '`"5"` is an integer to kubectl (YAML 1.1), but label values must be strings: the object is rejected.' }],
  },
  {
    name: 'a Deployment\'s own metadata and its template are both checked',
    text: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    deployment.kubernetes.io/revision: ⟦2⟧
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx
`,
    expect: [
      {
        severity: 'error',
        message: '`2` is an integer to kubectl (YAML 1.1), but annotation values must be strings: the object is rejected.',
        fixed: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    deployment.kubernetes.io/revision: "2"
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx
`,
      },
    ],
  },
  {
    name: 'a document that is not a Kubernetes object is left alone',
    text: 'metadata:\n  labels:\n    enabled: yes\n',
    expect: [],
  },
  {
    name: 'suppressed by a comment on the line before',
    text: pod('  labels:\n    # ack-cni-disable-next-line annotation-value-type\n    enabled: yes\n'),
    expect: [],
  },
]);
