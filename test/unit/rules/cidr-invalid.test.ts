import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleTable } from '../../helpers/ruleTable';
import { cidrInvalid } from '../../../server/src/rules/cluster/cidr-invalid';
import { emptyPlan, type ConfigFormat } from '../../../server/src/cluster/plan';
import type { Report } from '../../../server/src/engine/finding';

/** Runs the rule on a plan whose only value is one Service CIDR at `value` in `text`. */
function serviceCidrFindings(format: ConfigFormat, text: string, value: string) {
  const plan = emptyPlan(format);
  plan.cni = { value: 'terway', start: 0, end: 0, raw: '' };
  const start = text.indexOf(value);
  plan.cluster.serviceCidrs = [{ value, start, end: start + value.length, raw: value }];
  const reports: Report[] = [];
  cidrInvalid.checkPlan!({ text, plan, report: (r) => reports.push(r) });
  return reports.map((r) => ({ range: [r.start, r.end], severity: r.severity, message: r.message.en, edits: r.fix?.changes[0].edits }));
}

test('cidr-invalid: eni-config mirrors a running (possibly self-managed) cluster: no ACK creation ranges, no placeholders', () => {
  const eni = (value: string) => `  eni_conf: |\n    {"service_cidr": "${value}"}\n`;
  assert.deepEqual(serviceCidrFindings('eni-config', eni('10.96.0.0/12'), '10.96.0.0/12'), [], "kubeadm's default Service CIDR");
  assert.deepEqual(serviceCidrFindings('eni-config', eni('SERVICE_CIDR'), 'SERVICE_CIDR'), [], 'a template placeholder');
  assert.deepEqual(serviceCidrFindings('terraform', eni('10.96.0.0/12'), '10.96.0.0/12').length, 1, 'a creation plan is held to ACK\'s limits');
  const text = eni('172.21.0.0');
  assert.deepEqual(serviceCidrFindings('eni-config', text, '172.21.0.0'), [
    {
      range: [text.indexOf('172'), text.indexOf('172') + 10],
      severity: undefined,
      message: 'The Service CIDR "172.21.0.0" is not a CIDR block (an address and a prefix length, such as 172.20.0.0/16): Terway cannot read it.',
      edits: undefined,
    },
  ]);
  const hostBits = eni('172.21.0.5/20');
  const at = hostBits.indexOf('172');
  assert.deepEqual(serviceCidrFindings('eni-config', hostBits, '172.21.0.5/20'), [
    {
      range: [at, at + 13],
      severity: 'warning',
      message: 'The Service CIDR 172.21.0.5/20 has host bits set: the block it describes is 172.21.0.0/20; write the network address so that ACK and every reader agree on the range.',
      edits: [{ start: at, end: at + 13, newText: '172.21.0.0/20' }],
    },
  ]);
});

const kind = 'profile' as const;
const serviceRange = 'a /16 to /24 block inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16';
const privateRange = '10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or a subnet of one';

ruleTable(cidrInvalid, [
  {
    name: 'a pod CIDR without a prefix length',
    kind,
    text: 'cni: flannel\ncluster:\n  podCidr: ⟦172.20.0.0⟧\n',
    expect: [
      {
        severity: 'error',
        message: 'The pod CIDR "172.20.0.0" is not a CIDR block (an address and a prefix length, such as 172.20.0.0/16): ACK cannot create the cluster with it.',
      },
    ],
  },
  {
    name: 'malformed, in Simplified Chinese',
    kind,
    locale: 'zh',
    text: 'cni: flannel\ncluster:\n  podCidr: ⟦172.20.0.0⟧\n',
    expect: [{ severity: 'error', message: 'Pod 网段 "172.20.0.0" 不是合法的 CIDR（地址加掩码长度，如 172.20.0.0/16）：ACK 无法用它创建集群。' }],
  },
  {
    name: 'octets out of range and a prefix past /32',
    kind,
    text: 'cni: terway\ncluster:\n  vpcCidr: ⟦192.168.300.0/24⟧\n  serviceCidr: ⟦172.21.0.0/33⟧\n',
    expect: [
      {
        severity: 'error',
        message: 'The VPC CIDR "192.168.300.0/24" is not a CIDR block (an address and a prefix length, such as 172.20.0.0/16): ACK cannot create the cluster with it.',
      },
      {
        severity: 'error',
        message: 'The Service CIDR "172.21.0.0/33" is not a CIDR block (an address and a prefix length, such as 172.20.0.0/16): ACK cannot create the cluster with it.',
      },
    ],
  },
  {
    name: 'a public VPC CIDR',
    kind,
    text: 'cni: terway\ncluster:\n  vpcCidr: ⟦100.64.0.0/16⟧\n',
    expect: [{ severity: 'error', message: `The VPC CIDR 100.64.0.0/16 is outside the private ranges ACK accepts for it (${privateRange}).` }],
  },
  {
    name: 'a pod CIDR wider than its private range (172.0.0.0/8 is not inside 172.16.0.0/12)',
    kind,
    text: 'cni: flannel\ncluster:\n  podCidr: ⟦172.16.0.0/8⟧\n',
    expect: [{ severity: 'error', message: `The pod CIDR 172.16.0.0/8 is outside the private ranges ACK accepts for it (${privateRange}).` }],
  },
  {
    name: 'an IPv6 pod CIDR on Flannel',
    kind,
    text: 'cni: flannel\ncluster:\n  podCidr: ⟦fd00::/64⟧\n',
    expect: [{ severity: 'error', message: `The pod CIDR fd00::/64 is outside the private ranges ACK accepts for it (${privateRange}).` }],
  },
  {
    name: 'a Service CIDR outside the private ranges',
    kind,
    text: 'cni: flannel\ncluster:\n  serviceCidr: ⟦11.0.0.0/20⟧\n',
    expect: [{ severity: 'error', message: `The Service CIDR 11.0.0.0/20 is outside the private ranges ACK accepts for it (${serviceRange}).` }],
  },
  {
    name: 'a /25 Service CIDR',
    kind,
    text: 'cni: flannel\ncluster:\n  serviceCidr: ⟦172.21.0.0/25⟧\n',
    expect: [{ severity: 'error', message: 'The Service CIDR 172.21.0.0/25 is a /25; ACK accepts Service CIDRs from /16 to /24.' }],
  },
  {
    name: 'a /12 Service CIDR, in Simplified Chinese',
    kind,
    locale: 'zh',
    text: 'cni: terway\ncluster:\n  serviceCidr: ⟦172.16.0.0/12⟧\n',
    expect: [{ severity: 'error', message: 'Service 网段 172.16.0.0/12 的掩码为 /12；ACK 只接受 /16 到 /24 的 Service 网段。' }],
  },
  {
    name: 'host bits set: a warning whose fix writes the network address',
    kind,
    text: 'cni: flannel\ncluster:\n  podCidr: ⟦10.0.0.1/8⟧ # planned\n',
    expect: [
      {
        severity: 'warning',
        message: 'The pod CIDR 10.0.0.1/8 has host bits set: the block it describes is 10.0.0.0/8; write the network address so that ACK and every reader agree on the range.',
        fixed: 'cni: flannel\ncluster:\n  podCidr: 10.0.0.0/8 # planned\n',
      },
    ],
  },
  {
    name: 'host bits set in a quoted value: the fix keeps the quotes',
    kind,
    text: 'cni: terway\ncluster:\n  vpcCidr: ⟦"192.168.1.0/16"⟧\n',
    expect: [
      {
        severity: 'warning',
        message: 'The VPC CIDR 192.168.1.0/16 has host bits set: the block it describes is 192.168.0.0/16; write the network address so that ACK and every reader agree on the range.',
        fixed: 'cni: terway\ncluster:\n  vpcCidr: "192.168.0.0/16"\n',
      },
    ],
  },
  {
    name: 'host bits in each part of a dual-stack Service CIDR: each part is located and fixed on its own',
    kind,
    text: 'cni: terway\nterway:\n  ipStack: dual\ncluster:\n  serviceCidr: "⟦172.21.0.1/20⟧,⟦fd00::1/112⟧"\n',
    expect: [
      {
        severity: 'warning',
        message: 'The Service CIDR 172.21.0.1/20 has host bits set: the block it describes is 172.21.0.0/20; write the network address so that ACK and every reader agree on the range.',
        fixed: 'cni: terway\nterway:\n  ipStack: dual\ncluster:\n  serviceCidr: "172.21.0.0/20,fd00::1/112"\n',
      },
      {
        severity: 'warning',
        message: 'The Service CIDR fd00::1/112 has host bits set: the block it describes is fd00::/112; write the network address so that ACK and every reader agree on the range.',
        fixed: 'cni: terway\nterway:\n  ipStack: dual\ncluster:\n  serviceCidr: "172.21.0.1/20,fd00::/112"\n',
      },
    ],
  },
  {
    name: 'host bits, in Simplified Chinese',
    kind,
    locale: 'zh',
    text: 'cni: flannel\ncluster:\n  podCidr: ⟦172.20.3.7/20⟧\n',
    expect: [
      {
        severity: 'warning',
        message: 'Pod 网段 172.20.3.7/20 的主机位不为 0：它表示的网段是 172.20.0.0/20；请写成网络地址，让 ACK 与阅读者对范围的理解一致。',
        fixed: 'cni: flannel\ncluster:\n  podCidr: 172.20.0.0/20\n',
      },
    ],
  },
  {
    name: 'one finding per block, the first problem: a public block with host bits is reported as public',
    kind,
    text: 'cni: flannel\ncluster:\n  podCidr: ⟦8.8.8.8/8⟧\n',
    expect: [{ severity: 'error', message: `The pod CIDR 8.8.8.8/8 is outside the private ranges ACK accepts for it (${privateRange}).` }],
  },
  {
    name: 'a malformed part of a dual-stack Service CIDR',
    kind,
    text: 'cni: terway\ncluster:\n  serviceCidr: "172.21.0.0/20,⟦fd00:::/112⟧"\n',
    expect: [
      {
        severity: 'error',
        message: 'The Service CIDR "fd00:::/112" is not a CIDR block (an address and a prefix length, such as 172.20.0.0/16): ACK cannot create the cluster with it.',
      },
    ],
  },
  {
    name: 'Terway ignores a pod CIDR (cni-field-ignored says so): not checked here',
    kind,
    text: 'cni: terway\ncluster:\n  podCidr: 8.8.8.8\n',
    expect: [],
  },
  {
    name: 'valid blocks at the edges of the ranges: a /24 Service CIDR at the top of 172.16.0.0/12, a 10/8 pod CIDR',
    kind,
    text: 'cni: flannel\ncluster:\n  vpcCidr: 192.168.0.0/16\n  podCidr: 10.0.0.0/8\n  serviceCidr: 172.31.255.0/24\n',
    expect: [],
  },
  {
    name: 'valid: a /16 Service CIDR (the widest ACK accepts)',
    kind,
    text: 'cni: flannel\ncluster:\n  serviceCidr: 192.168.0.0/16\n',
    expect: [],
  },
  {
    name: 'valid dual-stack Service CIDR with a space after the comma',
    kind,
    text: 'cni: terway\nterway:\n  ipStack: dual\ncluster:\n  serviceCidr: 172.21.0.0/20, fd00::/112\n',
    expect: [],
  },
  {
    name: 'no CIDRs, no findings',
    kind,
    text: 'cni: flannel\n',
    expect: [],
  },
  {
    name: 'turned off by settings or --rule',
    kind,
    rules: { 'cidr-invalid': 'off' },
    text: 'cni: flannel\ncluster:\n  podCidr: 172.20.0.0\n',
    expect: [],
  },
]);
