import { ruleTable } from '../../helpers/ruleTable';
import { dualStackUnsupported } from '../../../server/src/rules/policy/dual-stack-unsupported';

/** A Service with the given lines under `spec:` (2-space indent). */
function service(specLines: string): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
${specLines}  selector:
    app: web
  ports:
  - port: 80
`;
}

const flannel = 'cni: flannel\n';
const terwayIpv4 = 'cni: terway\n';

const flannelRequire = 'ACK\'s Flannel has no dual stack: the API server rejects RequireDualStack.';
const flannelPrefer = 'ACK\'s Flannel has no dual stack: PreferDualStack silently falls back to a single IPv4 address.';
const flannelIpv6 = 'ACK\'s Flannel has no dual stack: the API server rejects the IPv6 family.';
const terwayRequire = 'This Terway cluster is IPv4-only (terway.ipStack: ipv4): the API server rejects RequireDualStack.';
const terwayIpv6 = 'This Terway cluster is IPv4-only (terway.ipStack: ipv4): the API server rejects the IPv6 family.';

ruleTable(dualStackUnsupported, [
  {
    // Round-trip regression: each IPv6 item had its own removal, so fix-all emptied the list (ipFamilies: null).
    name: 'every family is IPv6: reported, no removal (it would leave no family)',
    profile: flannel,
    text: service('  ipFamilies:\n  - ⟦IPv6⟧\n  - ⟦IPv6⟧\n'),
    expect: [
      { severity: 'error', message: flannelIpv6 },
      { severity: 'error', message: flannelIpv6 },
    ],
  },
  {
    name: 'Flannel + RequireDualStack + block ipFamilies: both fixes',
    profile: flannel,
    text: service('  ipFamilyPolicy: ⟦RequireDualStack⟧\n  ipFamilies:\n  - IPv4\n  - ⟦IPv6⟧ # second family\n'),
    expect: [
      {
        severity: 'error',
        message: flannelRequire,
        fixed: service('  ipFamilyPolicy: SingleStack\n  ipFamilies:\n  - IPv4\n  - IPv6 # second family\n'),
      },
      {
        severity: 'error',
        message: flannelIpv6,
        fixed: service('  ipFamilyPolicy: RequireDualStack\n  ipFamilies:\n  - IPv4\n'),
      },
    ],
  },
  {
    name: 'Flannel + PreferDualStack: a warning, quoting kept',
    profile: flannel,
    text: service('  ipFamilyPolicy: ⟦"PreferDualStack"⟧\n'),
    expect: [{ severity: 'warning', message: flannelPrefer, fixed: service('  ipFamilyPolicy: "SingleStack"\n') }],
  },
  {
    name: 'single quotes are kept too',
    profile: terwayIpv4,
    text: service("  ipFamilyPolicy: ⟦'RequireDualStack'⟧\n"),
    expect: [{ severity: 'error', message: terwayRequire, fixed: service("  ipFamilyPolicy: 'SingleStack'\n") }],
  },
  {
    name: 'Terway with ipStack ipv4 written out, flow ipFamilies with IPv6 last',
    profile: 'cni: terway\nterway:\n  ipStack: ipv4\n',
    text: service('  ipFamilies: [IPv4, ⟦IPv6⟧]\n'),
    expect: [{ severity: 'error', message: terwayIpv6, fixed: service('  ipFamilies: [IPv4]\n') }],
  },
  {
    name: 'flow ipFamilies with IPv6 first and quoted',
    profile: terwayIpv4,
    text: service('  ipFamilies: [⟦"IPv6"⟧, "IPv4"]\n'),
    expect: [{ severity: 'error', message: terwayIpv6, fixed: service('  ipFamilies: ["IPv4"]\n') }],
  },
  {
    name: 'a multi-line flow sequence keeps its layout',
    profile: flannel,
    text: service('  ipFamilies: [\n    IPv4,\n    ⟦IPv6⟧\n  ]\n'),
    expect: [{ severity: 'error', message: flannelIpv6, fixed: service('  ipFamilies: [\n    IPv4\n  ]\n') }],
  },
  {
    name: 'block ipFamilies with IPv6 first, comments around it kept',
    profile: flannel,
    text: service('  ipFamilies:\n  # preferred first\n  - ⟦IPv6⟧\n  - IPv4\n'),
    expect: [{ severity: 'error', message: flannelIpv6, fixed: service('  ipFamilies:\n  # preferred first\n  - IPv4\n') }],
  },
  {
    name: 'IPv6 as the only family: no fix (an IPv6 single-stack Service needs a decision)',
    profile: flannel,
    text: service('  ipFamilyPolicy: SingleStack\n  ipFamilies: [⟦IPv6⟧]\n'),
    expect: [{ severity: 'error', message: flannelIpv6 }],
  },
  {
    name: 'in Simplified Chinese (Flannel and Terway)',
    profile: flannel,
    locale: 'zh',
    text: service('  ipFamilyPolicy: ⟦PreferDualStack⟧\n'),
    expect: [
      {
        severity: 'warning',
        message: 'ACK 的 Flannel 不支持双栈：PreferDualStack 会静默退回为仅分配一个 IPv4 地址。',
        fixed: service('  ipFamilyPolicy: SingleStack\n'),
      },
    ],
  },
  {
    name: 'Terway, in Simplified Chinese',
    profile: terwayIpv4,
    locale: 'zh',
    text: service('  ipFamilyPolicy: ⟦RequireDualStack⟧\n  ipFamilies: [IPv4, ⟦IPv6⟧]\n'),
    expect: [
      {
        severity: 'error',
        message: '该 Terway 集群仅支持 IPv4（terway.ipStack: ipv4）：API Server 会拒绝 RequireDualStack。',
        fixed: service('  ipFamilyPolicy: SingleStack\n  ipFamilies: [IPv4, IPv6]\n'),
      },
      {
        severity: 'error',
        message: '该 Terway 集群仅支持 IPv4（terway.ipStack: ipv4）：API Server 会拒绝 IPv6 地址族。',
        fixed: service('  ipFamilyPolicy: RequireDualStack\n  ipFamilies: [IPv4]\n'),
      },
    ],
  },
  {
    name: 'a flow-style spec',
    profile: flannel,
    text: 'apiVersion: v1\nkind: Service\nspec: {ipFamilyPolicy: ⟦RequireDualStack⟧, ports: [{port: 80}]}\n',
    expect: [
      { severity: 'error', message: flannelRequire, fixed: 'apiVersion: v1\nkind: Service\nspec: {ipFamilyPolicy: SingleStack, ports: [{port: 80}]}\n' },
    ],
  },
  {
    name: 'a Service among the items of a List, CRLF line ends',
    profile: flannel,
    text: 'apiVersion: v1\r\nkind: List\r\nitems:\r\n- apiVersion: v1\r\n  kind: Service\r\n  spec:\r\n    ipFamilies:\r\n    - IPv4\r\n    - ⟦IPv6⟧\r\n',
    expect: [
      { severity: 'error', message: flannelIpv6, fixed: 'apiVersion: v1\r\nkind: List\r\nitems:\r\n- apiVersion: v1\r\n  kind: Service\r\n  spec:\r\n    ipFamilies:\r\n    - IPv4\r\n' },
    ],
  },
  {
    name: 'an aliased policy value is flagged where it stands but not rewritten',
    profile: flannel,
    text: 'apiVersion: v1\nkind: Service\nmetadata:\n  labels: {policy: &p RequireDualStack}\nspec:\n  ipFamilyPolicy: ⟦*p⟧\n',
    expect: [{ severity: 'error', message: flannelRequire }],
  },
  { name: 'Terway with ipStack dual: supported', profile: 'cni: terway\nterway:\n  ipStack: dual\n', text: service('  ipFamilyPolicy: RequireDualStack\n  ipFamilies: [IPv4, IPv6]\n'), expect: [] },
  { name: 'Terway Edge: no sourced verdict, silent', profile: 'cni: terway-edge\n', text: service('  ipFamilyPolicy: RequireDualStack\n'), expect: [] },
  { name: 'no profile: silent', text: service('  ipFamilyPolicy: RequireDualStack\n'), expect: [] },
  { name: 'SingleStack and IPv4 are fine', profile: flannel, text: service('  ipFamilyPolicy: SingleStack\n  ipFamilies: [IPv4]\n'), expect: [] },
  { name: 'values are case-sensitive: ipv6 is not the IPv6 family', profile: flannel, text: service('  ipFamilies: [IPv4, ipv6]\n'), expect: [] },
  {
    name: 'only Services: a Deployment with the same field is ignored',
    profile: flannel,
    text: 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  ipFamilyPolicy: RequireDualStack\n',
    expect: [],
  },
  {
    name: 'turned off in the profile',
    profile: 'cni: flannel\nrules:\n  dual-stack-unsupported: off\n',
    text: service('  ipFamilyPolicy: RequireDualStack\n'),
    expect: [],
  },
]);
