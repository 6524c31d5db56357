import { ruleTable } from '../../helpers/ruleTable';
import { bandwidthInvalid } from '../../../server/src/rules/bandwidth/bandwidth-invalid';

/** A Pod carrying `annotations` (lines indented by 4 spaces). */
const pod = (annotations: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations:
${annotations}
spec:
  containers:
  - name: web
    image: nginx
`;

/** The same pod without fixture markers (for expected fixed texts). */
const fixedPod = (annotations: string) => pod(annotations.replace(/[⟦⟧]/g, ''));

const milli = 'm means milli';
const tenMilli = `10m is 0.01 bit/s, below the 1k minimum that Kubernetes accepts: ${milli}; 10M is 10 Mbit/s.`;
const bits = (text: string, quantity: string) => `"${text}" is not a Kubernetes quantity: the value is already in bits per second, so write ${quantity}.`;

ruleTable(bandwidthInvalid, [
  {
    // Round-trip regression: a block scalar's range ends after its line break, so writing the
    // new value over the whole range pulled the next line (a comment, a key) onto the value's line.
    name: 'a block scalar value becomes a plain one; the lines after it stay lines',
    text: pod('    kubernetes.io/ingress-bandwidth: ⟦|-\n      10m⟧\n    # the next line\n    example.com/x: "1"'),
    expect: [{ severity: 'error', message: tenMilli, fixed: fixedPod('    kubernetes.io/ingress-bandwidth: 10M\n    # the next line\n    example.com/x: "1"') }],
  },
  {
    name: 'a lowercase m is milli: 10m is 0.01 bit/s, fixed to 10M',
    text: pod('    kubernetes.io/ingress-bandwidth: ⟦10m⟧ # keep me'),
    expect: [{ severity: 'error', message: tenMilli, fixed: fixedPod('    kubernetes.io/ingress-bandwidth: 10M # keep me') }],
  },
  {
    name: 'the m fix keeps double quotes',
    text: pod('    kubernetes.io/egress-bandwidth: ⟦"10m"⟧'),
    expect: [{ severity: 'error', message: tenMilli, fixed: fixedPod('    kubernetes.io/egress-bandwidth: "10M"') }],
  },
  {
    name: 'the m fix keeps single quotes, and a fraction',
    text: pod("    kubernetes.io/egress-bandwidth: ⟦'1.5m'⟧"),
    expect: [
      {
        severity: 'error',
        message: `1.5m is 0.0015 bit/s, below the 1k minimum that Kubernetes accepts: ${milli}; 1.5M is 1.5 Mbit/s.`,
        fixed: fixedPod("    kubernetes.io/egress-bandwidth: '1.5M'"),
      },
    ],
  },
  {
    name: 'the m slip, in Simplified Chinese',
    locale: 'zh',
    text: pod('    kubernetes.io/ingress-bandwidth: ⟦10m⟧'),
    expect: [
      {
        severity: 'error',
        message: '10m 表示 0.01 bit/s，低于 Kubernetes 接受的下限 1k：m 表示千分之一（milli），10M 才是 10 Mbit/s。',
        fixed: fixedPod('    kubernetes.io/ingress-bandwidth: 10M'),
      },
    ],
  },
  {
    name: 'too small without a likely slip: no fix',
    text: pod('    kubernetes.io/ingress-bandwidth: ⟦"500"⟧\n    kubernetes.io/egress-bandwidth: ⟦1n⟧'),
    expect: [
      { severity: 'error', message: '500 is 500 bit/s, below the 1k minimum that Kubernetes accepts.' },
      { severity: 'error', message: '1n is 0.000000001 bit/s, below the 1k minimum that Kubernetes accepts.' },
    ],
  },
  {
    name: 'too small, in Simplified Chinese',
    locale: 'zh',
    text: pod('    kubernetes.io/ingress-bandwidth: ⟦"999"⟧'),
    expect: [{ severity: 'error', message: '999 表示 999 bit/s，低于 Kubernetes 接受的下限 1k。' }],
  },
  {
    name: 'an m whose mega reading is still below 1k is no slip: no fix',
    text: pod('    kubernetes.io/ingress-bandwidth: ⟦0.0001m⟧'),
    expect: [{ severity: 'error', message: '0.0001m is 0.0000001 bit/s, below the 1k minimum that Kubernetes accepts.' }],
  },
  {
    name: 'too large',
    text: pod('    kubernetes.io/egress-bandwidth: ⟦2P⟧\n    kubernetes.io/ingress-bandwidth: ⟦1Pi⟧'),
    expect: [
      { severity: 'error', message: '2P is 2 Pbit/s, above the 1P maximum that Kubernetes accepts.' },
      { severity: 'error', message: '1Pi is 1.125899906842624 Pbit/s, above the 1P maximum that Kubernetes accepts.' },
    ],
  },
  {
    name: 'too large, in Simplified Chinese',
    locale: 'zh',
    text: pod('    kubernetes.io/egress-bandwidth: ⟦2P⟧'),
    expect: [{ severity: 'error', message: '2P 表示 2 Pbit/s，超过了 Kubernetes 接受的上限 1P。' }],
  },
  {
    name: 'bit-rate spellings are rewritten to decimal suffixes',
    text: pod(
      [
        '    kubernetes.io/ingress-bandwidth: ⟦10Mbps⟧',
        '    kubernetes.io/egress-bandwidth: ⟦"500kbps"⟧',
      ].join('\n'),
    ),
    expect: [
      { severity: 'error', message: bits('10Mbps', '10M'), fixed: fixedPod('    kubernetes.io/ingress-bandwidth: 10M\n    kubernetes.io/egress-bandwidth: "500kbps"') },
      { severity: 'error', message: bits('500kbps', '500k'), fixed: fixedPod('    kubernetes.io/ingress-bandwidth: 10Mbps\n    kubernetes.io/egress-bandwidth: "500k"') },
    ],
  },
  {
    name: 'more bit-rate spellings: 10mbps, 10Mbit, 10Mb, 1Gbps',
    text: `apiVersion: v1
kind: List
items:
- {apiVersion: v1, kind: Pod, metadata: {annotations: {kubernetes.io/ingress-bandwidth: ⟦10mbps⟧}}, spec: {containers: []}}
- {apiVersion: v1, kind: Pod, metadata: {annotations: {kubernetes.io/ingress-bandwidth: ⟦10Mbit⟧}}, spec: {containers: []}}
- {apiVersion: v1, kind: Pod, metadata: {annotations: {kubernetes.io/ingress-bandwidth: ⟦10Mb⟧}}, spec: {containers: []}}
- {apiVersion: v1, kind: Pod, metadata: {annotations: {kubernetes.io/ingress-bandwidth: ⟦1Gbps⟧}}, spec: {containers: []}}
`,
    expect: [
      { severity: 'error', message: bits('10mbps', '10M'), fixed: flowList(['10M', '10Mbit', '10Mb', '1Gbps']) },
      { severity: 'error', message: bits('10Mbit', '10M'), fixed: flowList(['10mbps', '10M', '10Mb', '1Gbps']) },
      { severity: 'error', message: bits('10Mb', '10M'), fixed: flowList(['10mbps', '10Mbit', '10M', '1Gbps']) },
      { severity: 'error', message: bits('1Gbps', '1G'), fixed: flowList(['10mbps', '10Mbit', '10Mb', '1G']) },
    ],
  },
  {
    name: 'a bit rate without prefix becomes a plain number, quoted so that it stays a string',
    text: pod('    kubernetes.io/egress-bandwidth: ⟦1000bps⟧'),
    expect: [{ severity: 'error', message: bits('1000bps', '1000'), fixed: fixedPod('    kubernetes.io/egress-bandwidth: "1000"') }],
  },
  {
    name: 'a bit-rate spelling, in Simplified Chinese',
    locale: 'zh',
    text: pod('    kubernetes.io/egress-bandwidth: ⟦1Gbps⟧'),
    expect: [
      { severity: 'error', message: '"1Gbps" 不是合法的 Kubernetes 数量：该值的单位本身就是 bit/s，应写成 1G。', fixed: fixedPod('    kubernetes.io/egress-bandwidth: 1G') },
    ],
  },
  {
    name: 'byte spellings are explained, not rewritten',
    text: pod('    kubernetes.io/ingress-bandwidth: ⟦10MB⟧\n    kubernetes.io/egress-bandwidth: ⟦"1.5GiB/s"⟧'),
    expect: [
      { severity: 'error', message: '"10MB" is not a Kubernetes quantity: MB is a byte unit, but this value counts bits per second (10MB would be 80M).' },
      { severity: 'error', message: '"1.5GiB/s" is not a Kubernetes quantity: GiB/s is a byte unit, but this value counts bits per second (1.5GiB/s would be 12Gi).' },
    ],
  },
  {
    name: 'a byte spelling, in Simplified Chinese',
    locale: 'zh',
    text: pod('    kubernetes.io/ingress-bandwidth: ⟦10MB⟧'),
    expect: [{ severity: 'error', message: '"10MB" 不是合法的 Kubernetes 数量：MB 是字节单位，而该值按 bit/s 计算（10MB 对应 80M）。' }],
  },
  {
    name: 'an unknown suffix (K is not kilo in Kubernetes): no fix, k and Ki are both plausible',
    text: pod('    kubernetes.io/ingress-bandwidth: ⟦100K⟧'),
    expect: [
      {
        severity: 'error',
        message: '"100K" is not a Kubernetes quantity: unknown suffix "K" (decimal suffixes are k, M, G, T, P; binary ones Ki, Mi, Gi, Ti, Pi).',
      },
    ],
  },
  {
    name: 'an unknown suffix, in Simplified Chinese',
    locale: 'zh',
    text: pod('    kubernetes.io/ingress-bandwidth: ⟦100K⟧'),
    expect: [{ severity: 'error', message: '"100K" 不是合法的 Kubernetes 数量：无法识别后缀 "K"（十进制后缀为 k、M、G、T、P，二进制后缀为 Ki、Mi、Gi、Ti、Pi）。' }],
  },
  {
    name: 'not a quantity at all, and an empty string',
    text: pod('    kubernetes.io/ingress-bandwidth: ⟦fast⟧\n    kubernetes.io/egress-bandwidth: ⟦""⟧'),
    expect: [
      { severity: 'error', message: '"fast" is not a Kubernetes quantity (a number with an optional suffix such as k, M, G or Mi, in bits per second).' },
      { severity: 'error', message: 'An empty value is not a Kubernetes quantity: Kubernetes rejects this bandwidth.' },
    ],
  },
  {
    name: 'not a quantity and empty, in Simplified Chinese',
    locale: 'zh',
    text: pod("    kubernetes.io/ingress-bandwidth: ⟦'10 M'⟧\n    kubernetes.io/egress-bandwidth: ⟦''⟧"),
    expect: [
      { severity: 'error', message: '"10 M" 不是合法的 Kubernetes 数量（应为数字加可选后缀，如 k、M、G、Mi，单位为 bit/s）。' },
      { severity: 'error', message: '空值不是合法的 Kubernetes 数量（quantity）：Kubernetes 会拒绝该带宽设置。' },
    ],
  },
  {
    name: 'valid values stay silent, including the boundaries and a value Kubernetes rounds up to 1k',
    text: pod(
      [
        '    kubernetes.io/ingress-bandwidth: 10M',
        '    kubernetes.io/egress-bandwidth: 1k',
      ].join('\n'),
    ),
    expect: [],
  },
  {
    name: 'more valid spellings: binary suffixes, exponents, 999.5 (rounded up to 1000), a large milli value',
    text: `apiVersion: v1
kind: List
items:
- {apiVersion: v1, kind: Pod, metadata: {annotations: {kubernetes.io/ingress-bandwidth: 100Mi, kubernetes.io/egress-bandwidth: "1e6"}}}
- {apiVersion: v1, kind: Pod, metadata: {annotations: {kubernetes.io/ingress-bandwidth: "999.5", kubernetes.io/egress-bandwidth: 2000000m}}}
- {apiVersion: v1, kind: Pod, metadata: {annotations: {kubernetes.io/ingress-bandwidth: "1000000000000000", kubernetes.io/egress-bandwidth: 1P}}}
`,
    expect: [],
  },
  {
    name: 'numbers (an int, a float) are annotation-value-type\'s business',
    text: pod('    kubernetes.io/ingress-bandwidth: 1000000\n    kubernetes.io/egress-bandwidth: 1e6'),
    expect: [],
  },
  {
    name: 'so are YAML 1.1 booleans that kubectl reads as bool',
    text: pod('    kubernetes.io/ingress-bandwidth: yes\n    kubernetes.io/egress-bandwidth: off'),
    expect: [],
  },
  {
    name: 'a null value is not checked here either',
    text: pod('    kubernetes.io/ingress-bandwidth:\n    kubernetes.io/egress-bandwidth: ~'),
    expect: [],
  },
  {
    name: 'holds for every CNI: Flannel, Terway Edge',
    profile: 'cni: terway-edge\n',
    text: pod('    kubernetes.io/ingress-bandwidth: ⟦2P⟧'),
    expect: [{ severity: 'error', message: '2P is 2 Pbit/s, above the 1P maximum that Kubernetes accepts.' }],
  },
  {
    name: "the Deployment's own annotations are not checked; its template's are",
    profile: 'cni: flannel\n',
    text: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    kubernetes.io/ingress-bandwidth: 10m
spec:
  template:
    metadata:
      annotations:
        kubernetes.io/ingress-bandwidth: ⟦10m⟧
    spec:
      containers:
      - name: web
        image: nginx
`,
    expect: [
      {
        severity: 'error',
        message: tenMilli,
        fixed: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    kubernetes.io/ingress-bandwidth: 10m
spec:
  template:
    metadata:
      annotations:
        kubernetes.io/ingress-bandwidth: 10M
    spec:
      containers:
      - name: web
        image: nginx
`,
      },
    ],
  },
  {
    name: 'a CronJob job template',
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
            kubernetes.io/egress-bandwidth: ⟦"20Mbps"⟧
        spec:
          containers:
          - name: backup
            image: busybox
`,
    expect: [
      {
        severity: 'error',
        message: bits('20Mbps', '20M'),
        fixed: `apiVersion: batch/v1
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
            kubernetes.io/egress-bandwidth: "20M"
        spec:
          containers:
          - name: backup
            image: busybox
`,
      },
    ],
  },
  {
    // Round-trip regression: the anchored value had a fix, which changed the alias's value too
    // (a fix changes the data only where its finding is); now neither side is rewritten.
    name: 'an alias and its anchor are both reported where they are written, without a fix (it would change both)',
    text: pod('    kubernetes.io/ingress-bandwidth: &bw ⟦10m⟧\n    kubernetes.io/egress-bandwidth: ⟦*bw⟧'),
    expect: [
      { severity: 'error', message: tenMilli },
      { severity: 'error', message: tenMilli },
    ],
  },
  {
    name: 'a JSON manifest',
    text: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"annotations": {"kubernetes.io/ingress-bandwidth": ⟦"10m"⟧}}}\n',
    expect: [
      {
        severity: 'error',
        message: tenMilli,
        fixed: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"annotations": {"kubernetes.io/ingress-bandwidth": "10M"}}}\n',
      },
    ],
  },
]);

/** The flow-style List of the bit-spelling case with the given four values. */
function flowList(values: string[]): string {
  const item = (value: string) =>
    `- {apiVersion: v1, kind: Pod, metadata: {annotations: {kubernetes.io/ingress-bandwidth: ${value}}}, spec: {containers: []}}\n`;
  return `apiVersion: v1\nkind: List\nitems:\n${values.map(item).join('')}`;
}
