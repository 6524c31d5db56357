import { ruleTable } from '../../helpers/ruleTable';
import { aliyunBandwidthDeprecated } from '../../../server/src/rules/bandwidth/aliyun-bandwidth-deprecated';

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

/** The same Deployment without fixture markers (for expected fixed texts). */
const fixedDeployment = (annotations: string) => deployment(annotations.replace(/[⟦⟧]/g, ''));

const generic = (direction: 'ingress' | 'egress') =>
  `k8s.aliyun.com/${direction}-bandwidth is a deprecated Terway-only annotation: use kubernetes.io/${direction}-bandwidth (in bits per second) instead.`;
const terway = (direction: 'ingress' | 'egress') =>
  `k8s.aliyun.com/${direction}-bandwidth is deprecated in Terway and will be removed: use kubernetes.io/${direction}-bandwidth (in bits per second) instead.`;
const flannel = (direction: 'ingress' | 'egress') =>
  `Flannel ignores k8s.aliyun.com/${direction}-bandwidth (only Terway reads it): this pod has no ${direction} limit.`;

/** One pod-template annotation, flagged, and its converted form. */
function converts(value: string, converted: string) {
  return {
    name: `converts ${value} bytes/s to ${converted} bit/s`,
    text: deployment(`        ⟦k8s.aliyun.com/egress-bandwidth⟧: ${value}`),
    expect: [
      {
        severity: 'warning' as const,
        message: generic('egress'),
        fixed: fixedDeployment(`        kubernetes.io/egress-bandwidth: ${converted}`),
      },
    ],
  };
}

/** One pod-template annotation, flagged, with no fix offered. */
function noFix(name: string, annotations: string) {
  return { name, text: deployment(annotations), expect: [{ severity: 'warning' as const, message: generic('ingress') }] };
}

ruleTable(aliyunBandwidthDeprecated, [
  {
    // Round-trip regression: the converted value replaced the block scalar with its line break.
    name: 'a block scalar value: key renamed, value converted on the key\'s line, the next line kept',
    text: deployment('        ⟦k8s.aliyun.com/ingress-bandwidth⟧: |-\n          10M\n        # egress is not limited'),
    expect: [
      {
        severity: 'warning',
        message: generic('ingress'),
        fixed: fixedDeployment('        kubernetes.io/ingress-bandwidth: 80Mi\n        # egress is not limited'),
      },
    ],
  },
  {
    name: 'no profile: deprecated Terway-only annotation, converted ×8 to bits with a binary suffix',
    text: deployment('        ⟦k8s.aliyun.com/ingress-bandwidth⟧: 10M # ten MiB/s'),
    expect: [
      { severity: 'warning', message: generic('ingress'), fixed: fixedDeployment('        kubernetes.io/ingress-bandwidth: 80Mi # ten MiB/s') },
    ],
  },
  {
    name: 'Terway: deprecated and will be removed; both directions',
    profile: 'cni: terway\n',
    text: deployment('        ⟦k8s.aliyun.com/ingress-bandwidth⟧: 10M\n        ⟦k8s.aliyun.com/egress-bandwidth⟧: 1.5G'),
    expect: [
      {
        severity: 'warning',
        message: terway('ingress'),
        fixed: fixedDeployment('        kubernetes.io/ingress-bandwidth: 80Mi\n        k8s.aliyun.com/egress-bandwidth: 1.5G'),
      },
      {
        severity: 'warning',
        message: terway('egress'),
        fixed: fixedDeployment('        k8s.aliyun.com/ingress-bandwidth: 10M\n        kubernetes.io/egress-bandwidth: 12Gi'),
      },
    ],
  },
  {
    name: 'Terway, in Simplified Chinese',
    profile: 'cni: terway\n',
    locale: 'zh',
    text: deployment('        ⟦k8s.aliyun.com/egress-bandwidth⟧: 100K'),
    expect: [
      {
        severity: 'warning',
        message: 'k8s.aliyun.com/egress-bandwidth 在 Terway 中已废弃，后续会被移除：请改用 kubernetes.io/egress-bandwidth（单位为 bit/s）。',
        fixed: fixedDeployment('        kubernetes.io/egress-bandwidth: 800Ki'),
      },
    ],
  },
  {
    name: 'Flannel: ignored entirely, an error; the conversion is still offered',
    profile: 'cni: flannel\n',
    text: deployment('        ⟦k8s.aliyun.com/ingress-bandwidth⟧: 128K'),
    expect: [{ severity: 'error', message: flannel('ingress'), fixed: fixedDeployment('        kubernetes.io/ingress-bandwidth: 1Mi') }],
  },
  {
    name: 'Flannel, in Simplified Chinese',
    profile: 'cni: flannel\nflannel:\n  bandwidth: true\n',
    locale: 'zh',
    text: deployment('        ⟦k8s.aliyun.com/egress-bandwidth⟧: 1M'),
    expect: [
      {
        severity: 'error',
        message: 'Flannel 会忽略 k8s.aliyun.com/egress-bandwidth（只有 Terway 读取该注解）：该 Pod 没有出方向限速。',
        fixed: fixedDeployment('        kubernetes.io/egress-bandwidth: 8Mi'),
      },
    ],
  },
  {
    name: 'no profile, in Simplified Chinese',
    locale: 'zh',
    text: deployment('        ⟦k8s.aliyun.com/ingress-bandwidth⟧: 10M'),
    expect: [
      {
        severity: 'warning',
        message: 'k8s.aliyun.com/ingress-bandwidth 是仅 Terway 支持且已废弃的注解：请改用 kubernetes.io/ingress-bandwidth（单位为 bit/s）。',
        fixed: fixedDeployment('        kubernetes.io/ingress-bandwidth: 80Mi'),
      },
    ],
  },
  {
    name: 'Terway Edge: no sourced fact about it, so only what holds for the annotation itself',
    profile: 'cni: terway-edge\n',
    text: deployment('        ⟦k8s.aliyun.com/ingress-bandwidth⟧: 10M'),
    expect: [{ severity: 'warning', message: generic('ingress'), fixed: fixedDeployment('        kubernetes.io/ingress-bandwidth: 80Mi') }],
  },
  converts('0.3M', '2.4Mi'),
  converts('0.0625M', '512Ki'),
  converts('1m', '8Mi'), // the seed's example: Terway reads it as 1M
  converts('10mib', '80Mi'),
  converts('1T', '8Ti'),
  converts('125.5B', '"1004"'), // bytes: a plain number, quoted so kubectl keeps it a string
  {
    name: 'quoting styles of key and value are kept',
    text: deployment('        ⟦"k8s.aliyun.com/ingress-bandwidth"⟧: "10M"\n        ⟦\'k8s.aliyun.com/egress-bandwidth\'⟧: \'125B\''),
    expect: [
      {
        severity: 'warning',
        message: generic('ingress'),
        fixed: fixedDeployment('        "kubernetes.io/ingress-bandwidth": "80Mi"\n        \'k8s.aliyun.com/egress-bandwidth\': \'125B\''),
      },
      {
        severity: 'warning',
        message: generic('egress'),
        fixed: fixedDeployment('        "k8s.aliyun.com/ingress-bandwidth": "10M"\n        \'kubernetes.io/egress-bandwidth\': \'1000\''),
      },
    ],
  },
  {
    name: 'a flow-style map in a bare Pod',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  annotations: {⟦k8s.aliyun.com/ingress-bandwidth⟧: 2M, app: web}\nspec:\n  containers: []\n',
    expect: [
      {
        severity: 'warning',
        message: generic('ingress'),
        fixed: 'apiVersion: v1\nkind: Pod\nmetadata:\n  annotations: {kubernetes.io/ingress-bandwidth: 16Mi, app: web}\nspec:\n  containers: []\n',
      },
    ],
  },
  noFix(
    'no fix when the pod already has the kubernetes.io key for that direction',
    '        ⟦k8s.aliyun.com/ingress-bandwidth⟧: 10M\n        kubernetes.io/ingress-bandwidth: 80Mi',
  ),
  noFix('no fix when Terway cannot parse the value', '        ⟦k8s.aliyun.com/ingress-bandwidth⟧: "100"'),
  noFix('no fix for a value that is not a string', '        ⟦k8s.aliyun.com/ingress-bandwidth⟧: 100'),
  noFix('no fix below 1k bit/s (124 bytes/s is 992 bit/s)', '        ⟦k8s.aliyun.com/ingress-bandwidth⟧: 124B'),
  noFix('no fix above 1P bit/s (125T is 1000Ti)', '        ⟦k8s.aliyun.com/ingress-bandwidth⟧: 125T'),
  noFix('no fix for an alias (the anchor would change too)', '        x: &bw 10M\n        ⟦k8s.aliyun.com/ingress-bandwidth⟧: *bw'),
  {
    name: 'the kubernetes.io key of the other direction does not block the fix',
    text: deployment('        ⟦k8s.aliyun.com/ingress-bandwidth⟧: 10M\n        kubernetes.io/egress-bandwidth: 80Mi'),
    expect: [
      {
        severity: 'warning',
        message: generic('ingress'),
        fixed: fixedDeployment('        kubernetes.io/ingress-bandwidth: 80Mi\n        kubernetes.io/egress-bandwidth: 80Mi'),
      },
    ],
  },
  {
    name: 'a StatefulSet and a CronJob in one file',
    profile: 'cni: terway\n',
    text: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  template:
    metadata:
      annotations:
        ⟦k8s.aliyun.com/ingress-bandwidth⟧: 1G
    spec:
      containers: []
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: backup
spec:
  jobTemplate:
    spec:
      template:
        metadata:
          annotations:
            ⟦k8s.aliyun.com/egress-bandwidth⟧: 50M
        spec:
          containers: []
`,
    expect: [
      {
        severity: 'warning',
        message: terway('ingress'),
        fixed: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  template:
    metadata:
      annotations:
        kubernetes.io/ingress-bandwidth: 8Gi
    spec:
      containers: []
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: backup
spec:
  jobTemplate:
    spec:
      template:
        metadata:
          annotations:
            k8s.aliyun.com/egress-bandwidth: 50M
        spec:
          containers: []
`,
      },
      {
        severity: 'warning',
        message: terway('egress'),
        fixed: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  template:
    metadata:
      annotations:
        k8s.aliyun.com/ingress-bandwidth: 1G
    spec:
      containers: []
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: backup
spec:
  jobTemplate:
    spec:
      template:
        metadata:
          annotations:
            kubernetes.io/egress-bandwidth: 400Mi
        spec:
          containers: []
`,
      },
    ],
  },
  {
    name: "the Deployment's own annotations are not the pod's",
    profile: 'cni: flannel\n',
    text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  annotations:\n    k8s.aliyun.com/ingress-bandwidth: 10M\nspec:\n  template:\n    spec:\n      containers: []\n',
    expect: [],
  },
  {
    name: 'turned off in the profile',
    profile: 'cni: terway\nrules:\n  aliyun-bandwidth-deprecated: off\n',
    text: fixedDeployment('        k8s.aliyun.com/ingress-bandwidth: 10M'),
    expect: [],
  },
]);
