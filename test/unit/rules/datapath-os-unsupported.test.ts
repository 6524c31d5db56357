import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleTable } from '../../helpers/ruleTable';
import { datapathOsUnsupported, knownOs } from '../../../server/src/rules/cluster/datapath-os-unsupported';

const kind = 'profile' as const;
const plan = (datapath: string, os: string, version?: string) =>
  `cni: terway\nterway:\n  datapath: ${datapath}\n${version ? `  version: "${version}"\n` : ''}cluster:\n  os: ${os}\n`;

test('OS names map to a known image only where the release is named', () => {
  const cases: Array<[string, string | undefined]> = [
    ['alinux2', 'alinux2'],
    ['alinux3', 'alinux3'],
    ['AliyunLinux3', 'alinux3'],
    ['Alibaba Cloud Linux 3', 'alinux3'],
    ['Alibaba Cloud Linux 2.1903', 'alinux2'],
    ['aliyun_3_x64_20G_alibase_20240819.vhd', 'alinux3'],
    ['aliyun_2_1903_x64_20G_alibase_20210726.vhd', 'alinux2'],
    ['centos7', 'centos7'],
    ['CentOS 7.9', 'centos7'],
    ['centos_7_9_x64_20G_alibase_20230718.vhd', 'centos7'],
    ['AliyunLinux', undefined],
    ['alinux', undefined],
    ['alinux23', undefined],
    ['centos8', undefined],
    ['centos 70', undefined],
    ['ubuntu', undefined],
    ['ContainerOS', undefined],
  ];
  for (const [os, expected] of cases) assert.equal(knownOs(os), expected, os);
});

ruleTable(datapathOsUnsupported, [
  {
    name: 'DataPath V2 on CentOS 7 (kernel 3.10): below even the old 4.19 floor',
    kind,
    text: plan('datapathv2', '⟦centos7⟧'),
    expect: [
      {
        severity: 'error',
        message:
          "Terway's DataPath V2 (eBPF) needs Linux kernel 4.19 or later (5.10 from Terway v1.14.0); CentOS 7 ships kernel 3.10, so these nodes cannot run it.",
      },
    ],
  },
  {
    name: 'IPvlan on CentOS 7: also says IPvlan was Alibaba Cloud Linux 2 only',
    kind,
    text: plan('ipvlan', '⟦"CentOS 7.9"⟧', '1.5.0'),
    expect: [
      {
        severity: 'error',
        message:
          "Terway's IPvlan (legacy IPvlan + eBPF) needs Linux kernel 4.19 or later (5.10 from Terway v1.14.0); CentOS 7 ships kernel 3.10, so these nodes cannot run it (IPvlan was offered only on Alibaba Cloud Linux 2).",
      },
    ],
  },
  {
    name: 'IPvlan on CentOS 7, in Simplified Chinese',
    kind,
    locale: 'zh',
    text: plan('ipvlan', '⟦centos7⟧'),
    expect: [
      {
        severity: 'error',
        message:
          'Terway 的 IPvlan（旧版 IPvlan + eBPF）需要 4.19 及以上的 Linux 内核（Terway v1.14.0 起需要 5.10）；CentOS 7 的内核为 3.10，这些节点无法运行它（IPvlan 仅支持 Alibaba Cloud Linux 2）。',
      },
    ],
  },
  {
    name: 'DataPath V2 on Alibaba Cloud Linux 2 with Terway v1.14.0: kernel 4.19 is below 5.10',
    kind,
    text: plan('datapathv2', '⟦alinux2⟧', '1.14.0'),
    expect: [
      {
        severity: 'error',
        message: 'Terway v1.14.0 runs DataPath V2 (eBPF) only on Linux kernel 5.10 or later; Alibaba Cloud Linux 2 ships kernel 4.19, so these nodes cannot run it.',
      },
    ],
  },
  {
    name: 'Terway v1.14 on Alibaba Cloud Linux 2, in Simplified Chinese',
    kind,
    locale: 'zh',
    text: plan('datapathv2', '⟦alinux2⟧', '1.16.2'),
    expect: [
      {
        severity: 'error',
        message: 'Terway v1.16.2 只在 5.10 及以上的 Linux 内核上运行 DataPath V2（eBPF）；Alibaba Cloud Linux 2 的内核为 4.19，这些节点无法运行它。',
      },
    ],
  },
  {
    name: 'Alibaba Cloud Linux 2 without a Terway version: a warning',
    kind,
    text: plan('datapathv2', '⟦alinux2⟧'),
    expect: [
      {
        severity: 'warning',
        message:
          'Terway v1.14.0 and later run DataPath V2 (eBPF) only on Linux kernel 5.10 or later; Alibaba Cloud Linux 2 ships kernel 4.19, enough for Terway v1.13 and earlier only.',
      },
    ],
  },
  { name: 'Alibaba Cloud Linux 2 with Terway v1.13: kernel 4.19 is enough', kind, text: plan('datapathv2', 'alinux2', '1.13.7'), expect: [] },
  { name: 'IPvlan on Alibaba Cloud Linux 2 with an old Terway: the seed\'s setup', kind, text: plan('ipvlan', 'alinux2', '1.2.0'), expect: [] },
  { name: 'DataPath V2 on Alibaba Cloud Linux 3 (kernel 5.10)', kind, text: plan('datapathv2', 'alinux3', '1.14.0'), expect: [] },
  { name: 'the default veth datapath runs on CentOS 7', kind, text: plan('veth', 'centos7', '1.14.0'), expect: [] },
  { name: 'an OS whose kernel the rule does not know: silent', kind, text: plan('datapathv2', 'ubuntu', '1.14.0'), expect: [] },
  { name: 'no OS: silent', kind, text: 'cni: terway\nterway:\n  datapath: datapathv2\n', expect: [] },
  { name: 'Flannel: no Terway datapath', kind, text: 'cni: flannel\nterway:\n  datapath: datapathv2\ncluster:\n  os: centos7\n', expect: [] },
  { name: 'turned off by settings or --rule', kind, rules: { 'datapath-os-unsupported': 'off' }, text: plan('datapathv2', 'centos7'), expect: [] },
]);
