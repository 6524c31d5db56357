import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleTable } from '../../helpers/ruleTable';
import { dualStackConfig } from '../../../server/src/rules/cluster/dual-stack-config';
import { emptyPlan, type ConfigFormat } from '../../../server/src/cluster/plan';
import type { Report } from '../../../server/src/engine/finding';

test('dual-stack-config: the IPv6 Service CIDR is required where documented (API, Terraform, profile), not in eni-config', () => {
  const text = 'ip_stack = "dual"\nservice_cidr = "172.21.0.0/20"\n';
  const run = (format: ConfigFormat) => {
    const plan = emptyPlan(format);
    plan.cni = { value: 'terway', start: 0, end: 0, raw: '' };
    plan.terway.ipStack = { value: 'dual', start: 11, end: 17, raw: '"dual"' };
    plan.cluster.serviceCidrs = [{ value: '172.21.0.0/20', start: 34, end: 47, raw: '172.21.0.0/20' }];
    const reports: Report[] = [];
    dualStackConfig.checkPlan!({ text, plan, report: (r) => reports.push(r) });
    return reports.map((r) => [r.start, r.end]);
  };
  assert.deepEqual(run('terraform'), [[34, 47]]);
  assert.deepEqual(run('create-cluster'), [[34, 47]]);
  assert.deepEqual(run('eni-config'), []);
});

const kind = 'profile' as const;

ruleTable(dualStackConfig, [
  {
    name: 'Flannel with dual stack: on the ip stack value',
    kind,
    text: 'cni: flannel\nterway:\n  ipStack: ⟦dual⟧\n',
    expect: [{ severity: 'error', message: 'ACK offers IPv4/IPv6 dual stack only with Terway: a Flannel cluster is IPv4 only.' }],
  },
  {
    name: 'Flannel with dual stack, in Simplified Chinese',
    kind,
    locale: 'zh',
    text: 'cni: flannel\nterway:\n  ipStack: ⟦dual⟧\n',
    expect: [{ severity: 'error', message: 'ACK 只在 Terway 下提供 IPv4/IPv6 双栈：Flannel 集群只支持 IPv4。' }],
  },
  {
    name: 'Kubernetes 1.20 with dual stack',
    kind,
    text: 'cni: terway\nterway:\n  ipStack: ⟦dual⟧\ncluster:\n  kubernetesVersion: "1.20"\n',
    expect: [{ severity: 'error', message: 'Dual stack needs Kubernetes 1.22 or later on ACK; this cluster plans Kubernetes 1.20.' }],
  },
  {
    name: 'an old Kubernetes version, in Simplified Chinese',
    kind,
    locale: 'zh',
    text: 'cni: terway\nterway:\n  ipStack: ⟦dual⟧\ncluster:\n  kubernetesVersion: 1.21\n',
    expect: [{ severity: 'error', message: 'ACK 的双栈需要 Kubernetes 1.22 及以上版本；该集群规划的是 Kubernetes 1.21。' }],
  },
  {
    name: 'a Service CIDR without an IPv6 part: on the Service CIDR',
    kind,
    text: 'cni: terway\nterway:\n  ipStack: dual\ncluster:\n  kubernetesVersion: "1.30"\n  serviceCidr: ⟦172.21.0.0/20⟧\n',
    expect: [
      {
        severity: 'error',
        message:
          'A dual-stack cluster needs an IPv6 Service CIDR too: write the Service CIDR as an IPv4 and an IPv6 block, comma-separated; 172.21.0.0/20 gives Services IPv4 addresses only.',
      },
    ],
  },
  {
    name: 'no IPv6 part, in Simplified Chinese',
    kind,
    locale: 'zh',
    text: 'cni: terway\nterway:\n  ipStack: dual\ncluster:\n  serviceCidr: ⟦172.21.0.0/20⟧\n',
    expect: [{ severity: 'error', message: '双栈集群还需要 IPv6 Service 网段：请以逗号分隔写出一个 IPv4 与一个 IPv6 网段；172.21.0.0/20 只会为 Service 分配 IPv4 地址。' }],
  },
  {
    name: 'both problems of one plan',
    kind,
    text: 'cni: terway\nterway:\n  ipStack: ⟦dual⟧\ncluster:\n  kubernetesVersion: "1.18"\n  serviceCidr: ⟦172.21.0.0/20⟧\n',
    expect: [
      { severity: 'error', message: 'Dual stack needs Kubernetes 1.22 or later on ACK; this cluster plans Kubernetes 1.18.' },
      {
        severity: 'error',
        message:
          'A dual-stack cluster needs an IPv6 Service CIDR too: write the Service CIDR as an IPv4 and an IPv6 block, comma-separated; 172.21.0.0/20 gives Services IPv4 addresses only.',
      },
    ],
  },
  {
    name: 'no CNI: the version still counts',
    kind,
    text: 'terway:\n  ipStack: ⟦dual⟧\ncluster:\n  kubernetesVersion: "1.20"\n',
    expect: [{ severity: 'error', message: 'Dual stack needs Kubernetes 1.22 or later on ACK; this cluster plans Kubernetes 1.20.' }],
  },
  {
    name: 'Terway, Kubernetes 1.22, IPv4 and IPv6 Service CIDRs',
    kind,
    text: 'cni: terway\nterway:\n  ipStack: dual\ncluster:\n  kubernetesVersion: "1.22"\n  serviceCidr: 172.21.0.0/20,fd00::/112\n',
    expect: [],
  },
  { name: 'no Service CIDR written: not judged', kind, text: 'cni: terway\nterway:\n  ipStack: dual\ncluster:\n  kubernetesVersion: "1.30"\n', expect: [] },
  { name: 'IPv4 only: nothing to check', kind, text: 'cni: flannel\ncluster:\n  kubernetesVersion: "1.20"\n  serviceCidr: 172.21.0.0/20\n', expect: [] },
  { name: 'turned off by settings or --rule', kind, rules: { 'dual-stack-config': 'off' }, text: 'cni: flannel\nterway:\n  ipStack: dual\n', expect: [] },
]);
