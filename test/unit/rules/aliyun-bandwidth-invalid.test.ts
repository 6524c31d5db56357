import { ruleTable } from '../../helpers/ruleTable';
import { aliyunBandwidthInvalid } from '../../../server/src/rules/bandwidth/aliyun-bandwidth-invalid';

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

const units = 'B, K, KB, KiB, M, MB, MiB, G, GB, GiB, T, TB, TiB';
const noLimit = 'cannot parse the value (pod event ParseFailed) and applies no limit.';
const unknownUnit = (text: string, unit: string) =>
  `"${text}": unknown unit "${unit}" (Terway takes ${units}, in any case), so Terway ${noLimit}`;

ruleTable(aliyunBandwidthInvalid, [
  {
    name: 'no unit: Terway needs one',
    text: pod('    k8s.aliyun.com/ingress-bandwidth: ⟦"100"⟧'),
    expect: [
      {
        severity: 'error',
        message: '"100" has no unit: Terway needs one (B, K, M, G or T, in 1024-based bytes per second), cannot parse the value and applies no limit.',
      },
    ],
  },
  {
    name: 'no unit, in Simplified Chinese',
    locale: 'zh',
    text: pod("    k8s.aliyun.com/ingress-bandwidth: ⟦'100'⟧"),
    expect: [{ severity: 'error', message: '"100" 缺少单位：Terway 要求带单位（B、K、M、G 或 T，按 1024 进制的字节/秒计），无法解析该值，不会限速。' }],
  },
  {
    name: 'an empty or blank value',
    text: pod('    k8s.aliyun.com/ingress-bandwidth: ⟦""⟧\n    k8s.aliyun.com/egress-bandwidth: ⟦"  "⟧'),
    expect: [
      { severity: 'error', message: 'An empty value is not a bandwidth: Terway cannot parse it (pod event ParseFailed) and applies no limit.' },
      { severity: 'error', message: 'An empty value is not a bandwidth: Terway cannot parse it (pod event ParseFailed) and applies no limit.' },
    ],
  },
  {
    name: 'an empty value, in Simplified Chinese',
    locale: 'zh',
    text: pod('    k8s.aliyun.com/egress-bandwidth: ⟦""⟧'),
    expect: [{ severity: 'error', message: '空值不是合法的带宽：Terway 无法解析（Pod 事件 ParseFailed），不会限速。' }],
  },
  {
    name: 'not greater than 0',
    text: pod('    k8s.aliyun.com/ingress-bandwidth: ⟦-1M⟧\n    k8s.aliyun.com/egress-bandwidth: ⟦0.0K⟧'),
    expect: [
      { severity: 'error', message: '"-1M": Terway needs a number greater than 0, rejects the value (pod event ParseFailed) and applies no limit.' },
      { severity: 'error', message: '"0.0K": Terway needs a number greater than 0, rejects the value (pod event ParseFailed) and applies no limit.' },
    ],
  },
  {
    name: 'not greater than 0, in Simplified Chinese',
    locale: 'zh',
    text: pod('    k8s.aliyun.com/ingress-bandwidth: ⟦0M⟧'),
    expect: [{ severity: 'error', message: '"0M"：Terway 要求数值大于 0，会拒绝该值（Pod 事件 ParseFailed），不会限速。' }],
  },
  {
    name: 'unknown units: bit rates, Kubernetes binary suffixes, P',
    text: pod('    k8s.aliyun.com/ingress-bandwidth: ⟦10Mbps⟧\n    k8s.aliyun.com/egress-bandwidth: ⟦10Mi⟧\n    k8s.aliyun.com/x: 1P'),
    expect: [
      { severity: 'error', message: unknownUnit('10Mbps', 'Mbps') },
      { severity: 'error', message: unknownUnit('10Mi', 'Mi') },
    ],
  },
  {
    name: 'an exponent is read as a unit by Terway',
    text: pod('    k8s.aliyun.com/ingress-bandwidth: ⟦1e3K⟧'),
    expect: [{ severity: 'error', message: unknownUnit('1e3K', 'e3K') }],
  },
  {
    name: 'an unknown unit, in Simplified Chinese',
    locale: 'zh',
    text: pod('    k8s.aliyun.com/egress-bandwidth: ⟦100X⟧'),
    expect: [
      {
        severity: 'error',
        message: `"100X"：无法识别单位 "X"（Terway 只接受 ${units}，不区分大小写），因此无法解析该值（Pod 事件 ParseFailed），不会限速。`,
      },
    ],
  },
  {
    name: 'a number Go cannot parse: a space, a comma',
    text: pod('    k8s.aliyun.com/ingress-bandwidth: ⟦1 M⟧\n    k8s.aliyun.com/egress-bandwidth: ⟦"1,5M"⟧'),
    expect: [
      { severity: 'error', message: `"1 M": "1 " is not a plain decimal number, so Terway ${noLimit}` },
      { severity: 'error', message: `"1,5M": "1,5" is not a plain decimal number, so Terway ${noLimit}` },
    ],
  },
  {
    name: 'a number Go cannot parse, in Simplified Chinese',
    locale: 'zh',
    text: pod('    k8s.aliyun.com/ingress-bandwidth: ⟦"1,5M"⟧'),
    expect: [{ severity: 'error', message: '"1,5M"：“1,5”不是普通的十进制数，Terway 无法解析（Pod 事件 ParseFailed），不会限速。' }],
  },
  {
    name: 'no number before the unit',
    text: pod('    k8s.aliyun.com/ingress-bandwidth: ⟦unlimited⟧'),
    expect: [{ severity: 'error', message: '"unlimited" does not start with a number: Terway cannot parse it (pod event ParseFailed) and applies no limit.' }],
  },
  {
    name: 'no number before the unit, in Simplified Chinese',
    locale: 'zh',
    text: pod('    k8s.aliyun.com/ingress-bandwidth: ⟦M⟧'),
    expect: [{ severity: 'error', message: '"M" 没有以数字开头：Terway 无法解析（Pod 事件 ParseFailed），不会限速。' }],
  },
  {
    name: 'values Terway parses stay silent: any case, fractions, spaces around, B',
    text: `apiVersion: v1
kind: List
items:
- {apiVersion: v1, kind: Pod, metadata: {annotations: {k8s.aliyun.com/ingress-bandwidth: 10M, k8s.aliyun.com/egress-bandwidth: 1m}}}
- {apiVersion: v1, kind: Pod, metadata: {annotations: {k8s.aliyun.com/ingress-bandwidth: " 10MiB ", k8s.aliyun.com/egress-bandwidth: 1.5g}}}
- {apiVersion: v1, kind: Pod, metadata: {annotations: {k8s.aliyun.com/ingress-bandwidth: 125B, k8s.aliyun.com/egress-bandwidth: .5kb}}}
- {apiVersion: v1, kind: Pod, metadata: {annotations: {k8s.aliyun.com/ingress-bandwidth: +2T, k8s.aliyun.com/egress-bandwidth: 3TIB}}}
`,
    expect: [],
  },
  {
    name: "a plain number is a YAML int: annotation-value-type's business",
    text: pod('    k8s.aliyun.com/ingress-bandwidth: 100\n    k8s.aliyun.com/egress-bandwidth: 1.5'),
    expect: [],
  },
  {
    name: 'holds on Flannel too: the value is broken anyway',
    profile: 'cni: flannel\n',
    text: pod('    k8s.aliyun.com/ingress-bandwidth: ⟦"100"⟧'),
    expect: [
      {
        severity: 'error',
        message: '"100" has no unit: Terway needs one (B, K, M, G or T, in 1024-based bytes per second), cannot parse the value and applies no limit.',
      },
    ],
  },
  {
    name: 'the kubernetes.io keys are another rule\'s business',
    text: pod('    kubernetes.io/ingress-bandwidth: "100"'),
    expect: [],
  },
  {
    name: 'a Deployment template and a CronJob job template',
    profile: 'cni: terway\n',
    text: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    k8s.aliyun.com/ingress-bandwidth: "100"
spec:
  template:
    metadata:
      annotations:
        k8s.aliyun.com/ingress-bandwidth: ⟦10Mbps⟧
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
            k8s.aliyun.com/egress-bandwidth: ⟦"-5M"⟧
        spec:
          containers: []
`,
    expect: [
      { severity: 'error', message: unknownUnit('10Mbps', 'Mbps') },
      { severity: 'error', message: '"-5M": Terway needs a number greater than 0, rejects the value (pod event ParseFailed) and applies no limit.' },
    ],
  },
  {
    name: 'a JSON manifest',
    text: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"annotations": {"k8s.aliyun.com/egress-bandwidth": ⟦"100"⟧}}}\n',
    expect: [
      {
        severity: 'error',
        message: '"100" has no unit: Terway needs one (B, K, M, G or T, in 1024-based bytes per second), cannot parse the value and applies no limit.',
      },
    ],
  },
]);
