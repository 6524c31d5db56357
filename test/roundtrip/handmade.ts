/**
 * Hand-written documents at the edges of the edit helpers: anchors and merge keys, explicit keys,
 * comments between key and value, block scalars with every chomping, document markers and
 * directives, a byte-order mark, tabs, CRLF, no final line break, JSON in one line and with CRLF.
 */
import type { SweepFile } from './sweep';

const deployment = (annotations: string, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
      annotations:
${annotations}
    spec:
      containers:
      - name: web
        image: nginx
${extra}`;

const service = (spec: string, annotations = '    service.beta.kubernetes.io/backend-type: eni') => `apiVersion: v1
kind: Service
metadata:
  name: web
  annotations:
${annotations}
spec:
  type: LoadBalancer
${spec}
  ports:
  - port: 80
`;

export const handmade: SweepFile[] = [
  {
    // An ALB Ingress whose Services sit in the same file: block spec without type, a written
    // ClusterIP with a comment, a flow spec, and a CRLF-free second Ingress referring to one again.
    name: 'handmade/alb-same-file.yaml',
    text: [
      'apiVersion: networking.k8s.io/v1',
      'kind: Ingress',
      'metadata: {name: shop}',
      'spec:',
      '  ingressClassName: alb',
      '  defaultBackend: {service: {name: web, port: {number: 80}}}',
      '  rules:',
      '  - http:',
      '      paths:',
      '      - {path: /api, pathType: Prefix, backend: {service: {name: api, port: {number: 80}}}}',
      '      - {path: /docs, pathType: Prefix, backend: {service: {name: docs, port: {number: 80}}}}',
      '---',
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: web # storefront',
      'spec:',
      '  # pods labelled web',
      '  selector: {app: web}',
      '  ports: [{port: 80}]',
      '---',
      'apiVersion: v1',
      'kind: Service',
      'metadata: {name: api}',
      'spec:',
      '  type: ClusterIP # internal only',
      '  ports: [{port: 80}]',
      '---',
      'apiVersion: v1',
      'kind: Service',
      'metadata: {name: docs}',
      'spec: {selector: {app: docs}, ports: [{port: 80}]}',
      '',
    ].join('\n'),
  },
  {
    // Anchors are per document: the aliases sit in the same Deployment (container env).
    name: 'handmade/anchored-value.yaml',
    text: deployment(
      '        k8s.aliyun.com/network-priority: &prio Guaranteed # shared below\n        kubernetes.io/egress-bandwidth: &bw 10m',
      '        env:\n        - {name: PRIORITY, value: *prio}\n        - {name: BANDWIDTH, value: *bw}\n',
    ),
  },
  {
    name: 'handmade/merge-key.yaml',
    text: `x-common: &common
  k8s.aliyun.com/network-priority: Guaranteed
  k8s.aliyun.com/eni: "true"
apiVersion: v1
kind: Pod
metadata:
  name: merged
  annotations:
    <<: *common
    kubernetes.io/ingress-bandwidth: 10Mbps
spec:
  containers: []
`,
  },
  {
    name: 'handmade/alias-annotations.yaml',
    text: `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Pod
  metadata:
    name: a
    annotations: &ann
      k8s.aliyun.com/eni: "true"
      kubernetes.io/egress-bandwidth: 10m
  spec:
    containers: []
- apiVersion: v1
  kind: Pod
  metadata:
    name: b
    annotations: *ann
  spec:
    containers: []
`,
  },
  {
    name: 'handmade/explicit-keys.yaml',
    text: deployment('        ? k8s.aliyun.com/eni\n        : "true"\n        ? kubernetes.io/egress-bandwidth\n        : 10Mbps # bits\n        k8s.aliyun.com/pod-ips: 10.0.0.1'),
  },
  {
    name: 'handmade/comment-between-key-and-value.yaml',
    text: deployment(
      '        k8s.aliyun.com/network-priority: # was set by the old chart\n          Guaranteed\n        k8s.aliyun.com/allocated: # written by Terway\n          "true"\n        k8s.aliyun.com/ingress-bandwidth:\n          # bytes per second\n          10M',
    ),
  },
  {
    name: 'handmade/block-scalars.yaml',
    text: deployment(
      [
        '        kubernetes.io/egress-bandwidth: |+',
        '          10m',
        '',
        '        kubernetes.io/ingress-bandwidth: >2-',
        '            10Mbps',
        '        k8s.aliyun.com/egress-bandwidth: |-',
        '          1.5G',
        '        # after the block scalars',
        '        k8s.aliyun.com/network-priority: >',
        '          Guaranteed',
        '        k8s.aliyun.com/pod-uid: |',
        '          abc',
        '          # content, not a comment',
      ].join('\n'),
    ),
  },
  {
    name: 'handmade/markers-and-directives.yaml',
    text: `%YAML 1.2
---
# first document
apiVersion: v1
kind: Pod
metadata:
  name: a
  annotations:
    k8s.aliyun.com/eni: "true"
    kubernetes.io/egress-bandwidth: 10m
spec:
  containers: []
...
---
apiVersion: v1
kind: Pod
metadata:
  labels: {canary: yes, tier: on}
  name: b
  annotations: {k8s.aliyun.com/network-priority: BestEffort}
spec:
  containers: []
...
`,
  },
  {
    name: 'handmade/byte-order-mark.yaml',
    text: `\uFEFFapiVersion: v1\nkind: Pod\nmetadata:\n  name: bom\n  annotations:\n    kubernetes.io/egress-bandwidth: 10m\n    k8s.aliyun.com/eni: "true"\nspec:\n  containers: []\n`,
  },
  {
    name: 'handmade/tabs-and-spacing.yaml',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: tabs\n  annotations:\n    kubernetes.io/egress-bandwidth:\t10m\t# tab before the comment\n    k8s.aliyun.com/network-priority:     Guaranteed     \n    k8s.aliyun.com/pod-ips:\t"10.0.0.1"\nspec:\n  containers: []\n',
  },
  {
    name: 'handmade/crlf-no-final-newline.yaml',
    text: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: crlf\r\n  labels:\r\n    canary: yes\r\n  annotations:\r\n    k8s.aliyun.com/ingress-bandwidth: 10M # bytes\r\n    k8s.aliyun.com/eni: "true"',
  },
  {
    name: 'handmade/only-entries.yaml',
    text: deployment('        k8s.aliyun.com/eni: "true" # the only one'),
  },
  {
    name: 'handmade/flow-edge-cases.yaml',
    text: `apiVersion: v1
kind: Pod
metadata:
  name: flow
  labels: {a: yes, b: on, c: 1_000, "d": ~, e: }
  annotations: {k8s.aliyun.com/eni, kubernetes.io/egress-bandwidth: 10m,
    # a comment inside the flow map
    k8s.aliyun.com/pod-ips: 10.0.0.1, }
spec:
  containers: []
`,
  },
  {
    name: 'handmade/ip-families.yaml',
    text: [
      service('  ipFamilyPolicy: RequireDualStack\n  ipFamilies:\n  - IPv6\n  - IPv6'),
      service('  ipFamilyPolicy: PreferDualStack # fall back\n  ipFamilies: [IPv4, IPv6, ]'),
      service('  ipFamilies: [IPv6, "IPv4"]', '    service.beta.kubernetes.io/backend-type: >-\n      eni'),
    ].join('---\n'),
  },
  {
    name: 'handmade/quoted-keys.yaml',
    text: deployment(
      '        "k8s.aliyun.com/ingress-bandwidth": "10M"\n        \'k8s.aliyun.com/egress-bandwidth\': \'1.5G\'\n        "k8s.aliyun.com/network-priority": "Guaranteed"\n        "k8s.aliyun.com/ENI": "true"',
    ),
  },
  {
    name: 'handmade/list.yaml',
    text: `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Pod
  metadata:
    name: in-a-list
    annotations:
      kubernetes.io/egress-bandwidth: 10Mbps
      k8s.aliyun.com/eni: "true"
  spec:
    containers: []
- apiVersion: v1
  kind: Service
  metadata:
    name: svc
    annotations: {service.beta.kubernetes.io/backend-type: eni}
  spec:
    ipFamilyPolicy: RequireDualStack
    ipFamilies: [IPv4, IPv6]
`,
  },
  {
    name: 'handmade/one-line.json',
    text: '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"j","labels":{"canary":true},"annotations":{"k8s.aliyun.com/eni":"true","kubernetes.io/egress-bandwidth":"10m","k8s.aliyun.com/ingress-bandwidth":"10M"}},"spec":{"containers":[]}}',
  },
  {
    name: 'handmade/crlf.json',
    text: '{\r\n\t"apiVersion": "v1",\r\n\t"kind": "Service",\r\n\t"metadata": {\r\n\t\t"name": "s",\r\n\t\t"annotations": {\r\n\t\t\t"service.beta.kubernetes.io/backend-type": "eni"\r\n\t\t}\r\n\t},\r\n\t"spec": {\r\n\t\t"ipFamilyPolicy": "RequireDualStack",\r\n\t\t"ipFamilies": [\r\n\t\t\t"IPv6",\r\n\t\t\t"IPv4"\r\n\t\t]\r\n\t}\r\n}\r\n',
  },
  {
    name: 'handmade/only-annotation.json',
    text: '{\n  "apiVersion": "v1",\n  "kind": "Pod",\n  "metadata": {\n    "name": "j",\n    "annotations": {\n      "k8s.aliyun.com/pod-eni": "true"\n    }\n  },\n  "spec": {"containers": []}\n}\n',
  },
];

/** Hand-written `.ack-cni.yaml` texts and plans at the edges of the profile edits. */
export const handmadeProfiles: SweepFile[] = [
  { name: 'handmade/flow/.ack-cni.yaml', text: 'cni: flannel\nterway: {eniMode: share, datapath: Veth} # all of it ignored\ncluster: {podCidr: 172.20.0.1/16, nodeCidrMask: 30, nodes: 300}\n' },
  { name: 'handmade/anchors/.ack-cni.yaml', text: 'cni: terway\nx-mode: &mode share\nterway:\n  eniMode: *mode\n  datapath: &dp Veth\nflannel:\n  bandwidth: true\n' },
  { name: 'handmade/crlf/.ack-cni.yaml', text: '# profile\r\ncni: Terway\r\nterway:\r\n  eniMode: Share # slip\r\n\r\ncluster:\r\n  podCidr: 10.0.0.1/8\r\n  nodeCidrMask: 24' },
  { name: 'handmade/block/.ack-cni.yaml', text: 'cni: |-\n  flanel\nflannel:\n  bandwidth: true\nterway:\n  eniMode: >-\n    shared\n' },
  { name: 'handmade/rules/.ack-cni.yaml', text: 'cni: flannel\nrules:\n  # turned down\n  aliyun-bandwith-deprecated: off\n  bandwidth-invalid: error\n  bandwith-invalid: warning\n' },
];
