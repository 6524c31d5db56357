import { ruleTable } from '../../helpers/ruleTable';
import { networkPolicyUnsupported } from '../../../server/src/rules/policy/network-policy-unsupported';

const policy = `apiVersion: networking.k8s.io/v1
kind: ⟦NetworkPolicy⟧
metadata:
  name: deny-all
spec:
  podSelector: {}
`;
const plain = policy.replace('⟦NetworkPolicy⟧', 'NetworkPolicy');

ruleTable(networkPolicyUnsupported, [
  {
    name: 'Flannel: the policy isolates nothing',
    profile: 'cni: flannel\n',
    text: policy,
    expect: [{ severity: 'error', message: 'Flannel does not enforce NetworkPolicy: this policy isolates nothing.' }],
  },
  {
    name: 'Flannel, in Simplified Chinese',
    profile: 'cni: flannel\n',
    locale: 'zh',
    text: policy,
    expect: [{ severity: 'error', message: 'Flannel 不支持 NetworkPolicy：此策略不会隔离任何流量。' }],
  },
  {
    name: 'Terway with policy off (the default): fix records it as on in the profile',
    profile: 'cni: terway\nterway:\n  eniMode: shared # comment kept\n',
    text: policy,
    expect: [
      {
        severity: 'error',
        message: 'NetworkPolicy is switched off in this Terway cluster (terway.networkPolicy: false): this policy isolates nothing.',
        profileFixed: 'cni: terway\nterway:\n  eniMode: shared # comment kept\n  networkPolicy: true\n',
      },
    ],
  },
  {
    name: 'Terway with policy explicitly false: the fix flips the value in place',
    profile: 'cni: terway\nterway:\n  networkPolicy: false\n',
    text: policy,
    expect: [
      {
        severity: 'error',
        message: 'NetworkPolicy is switched off in this Terway cluster (terway.networkPolicy: false): this policy isolates nothing.',
        profileFixed: 'cni: terway\nterway:\n  networkPolicy: true\n',
      },
    ],
  },
  {
    name: 'Terway without a terway section: the fix appends one',
    profile: 'cni: terway',
    text: policy,
    expect: [
      {
        severity: 'error',
        message: 'NetworkPolicy is switched off in this Terway cluster (terway.networkPolicy: false): this policy isolates nothing.',
        profileFixed: 'cni: terway\nterway:\n  networkPolicy: true\n',
      },
    ],
  },
  {
    // Round-trip regression: with CRLF line ends the new line went between "\r" and "\n", which
    // turned the previous value into "veth\r" (and the profile invalid).
    name: 'a CRLF profile: the new line goes after the line end, not inside it',
    profile: 'cni: terway\r\nterway:\r\n  datapath: veth\r\n',
    text: policy,
    expect: [
      {
        severity: 'error',
        message: 'NetworkPolicy is switched off in this Terway cluster (terway.networkPolicy: false): this policy isolates nothing.',
        profileFixed: 'cni: terway\r\nterway:\r\n  datapath: veth\r\n  networkPolicy: true\r\n',
      },
    ],
  },
  {
    // Round-trip regression: a block scalar as the section's last value ends after its line
    // break, so the new key landed on the line after it, in the next section.
    name: 'a section that ends with a block scalar: the new key goes right after it',
    profile: 'cni: terway\nterway:\n  version: |-\n    1.14.0\nrules: {}\n',
    text: policy,
    expect: [
      {
        severity: 'error',
        message: 'NetworkPolicy is switched off in this Terway cluster (terway.networkPolicy: false): this policy isolates nothing.',
        profileFixed: 'cni: terway\nterway:\n  version: |-\n    1.14.0\n  networkPolicy: true\nrules: {}\n',
      },
    ],
  },
  {
    name: 'Terway exclusive ENI: no policy agent, no fix',
    profile: 'cni: terway\nterway:\n  eniMode: exclusive\n  networkPolicy: true\n',
    text: policy,
    expect: [{ severity: 'error', message: 'Terway in exclusive ENI mode runs no policy agent: this policy isolates nothing.' }],
  },
  {
    name: 'Terway mixed with policy on: a warning for the exclusive-ENI node pools',
    profile: 'cni: terway\nterway:\n  eniMode: mixed\n  networkPolicy: true\n',
    text: policy,
    expect: [
      {
        severity: 'warning',
        message: 'Pods on exclusive-ENI node pools (eniOnly) are not isolated by this policy: Terway runs no policy agent there.',
      },
    ],
  },
  { name: 'Terway shared with policy on: enforced', profile: 'cni: terway\nterway:\n  networkPolicy: true\n', text: plain, expect: [] },
  { name: 'no profile: silent', text: plain, expect: [] },
  { name: 'Terway Edge: no sourced verdict, silent', profile: 'cni: terway-edge\n', text: plain, expect: [] },
  {
    name: 'a Calico NetworkPolicy is another rule\'s business',
    profile: 'cni: flannel\n',
    text: 'apiVersion: crd.projectcalico.org/v1\nkind: NetworkPolicy\n',
    expect: [],
  },
  {
    name: 'items of a List are checked one by one',
    profile: 'cni: flannel\n',
    text: 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: networking.k8s.io/v1\n  kind: ⟦NetworkPolicy⟧\n- apiVersion: v1\n  kind: Service\n',
    expect: [{ severity: 'error', message: 'Flannel does not enforce NetworkPolicy: this policy isolates nothing.' }],
  },
  {
    name: 'a JSON manifest',
    profile: 'cni: flannel\n',
    text: '{"apiVersion": "networking.k8s.io/v1", "kind": ⟦"NetworkPolicy"⟧, "metadata": {"name": "x"}}\n',
    expect: [{ severity: 'error', message: 'Flannel does not enforce NetworkPolicy: this policy isolates nothing.' }],
  },
  {
    name: 'CRLF line ends and a byte-order mark keep exact offsets',
    profile: 'cni: flannel\n',
    text: '\uFEFFapiVersion: networking.k8s.io/v1\r\nkind: ⟦NetworkPolicy⟧\r\n',
    expect: [{ severity: 'error', message: 'Flannel does not enforce NetworkPolicy: this policy isolates nothing.' }],
  },
  {
    name: 'severity from the profile\'s rules map',
    profile: 'cni: flannel\nrules:\n  network-policy-unsupported: warning\n',
    text: policy,
    expect: [{ severity: 'warning', message: 'Flannel does not enforce NetworkPolicy: this policy isolates nothing.' }],
  },
  { name: 'turned off in the profile', profile: 'cni: flannel\nrules:\n  network-policy-unsupported: off\n', text: plain, expect: [] },
  { name: 'turned off by settings or --rule', profile: 'cni: flannel\n', rules: { 'network-policy-unsupported': 'off' }, text: plain, expect: [] },
]);
