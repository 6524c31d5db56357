import { ruleTable } from '../../helpers/ruleTable';
import { terwayModeConflict } from '../../../server/src/rules/cluster/terway-mode-conflict';

const kind = 'profile' as const;
const policyMessage = 'Terway in exclusive ENI mode runs no NetworkPolicy agent: with NetworkPolicy switched on, policies are accepted but isolate no pod.';

ruleTable(terwayModeConflict, [
  {
    name: 'exclusive ENI with NetworkPolicy on: on the policy value',
    kind,
    text: 'cni: terway\nterway:\n  eniMode: exclusive\n  networkPolicy: ⟦true⟧\n',
    expect: [{ severity: 'error', message: policyMessage }],
  },
  {
    name: 'exclusive ENI with NetworkPolicy on, in Simplified Chinese',
    kind,
    locale: 'zh',
    text: 'cni: terway\nterway:\n  eniMode: exclusive\n  networkPolicy: ⟦true⟧\n',
    expect: [{ severity: 'error', message: '独占 ENI 模式的 Terway 没有 NetworkPolicy 组件：即使开启 NetworkPolicy，策略也会被接受但不隔离任何 Pod。' }],
  },
  {
    name: 'exclusive ENI with DataPath V2 and NetworkPolicy: one finding on each value, in file order',
    kind,
    text: 'cni: terway\nterway:\n  datapath: ⟦datapathv2⟧\n  eniMode: exclusive\n  networkPolicy: ⟦true⟧\n',
    expect: [
      { severity: 'error', message: 'Terway has no eBPF acceleration in exclusive ENI mode: DataPath V2 runs only in shared ENI mode.' },
      { severity: 'error', message: policyMessage },
    ],
  },
  {
    name: 'exclusive ENI with IPvlan, in Simplified Chinese',
    kind,
    locale: 'zh',
    text: 'cni: terway\nterway:\n  eniMode: exclusive\n  datapath: ⟦ipvlan⟧ # legacy\n',
    expect: [{ severity: 'error', message: '独占 ENI 模式的 Terway 没有 eBPF 加速：IPvlan 只能在共享 ENI 模式下使用。' }],
  },
  {
    name: 'exclusive ENI with IPvlan',
    kind,
    text: 'cni: terway\nterway:\n  eniMode: exclusive\n  datapath: ⟦ipvlan⟧\n',
    expect: [{ severity: 'error', message: 'Terway has no eBPF acceleration in exclusive ENI mode: IPvlan runs only in shared ENI mode.' }],
  },
  {
    name: 'exclusive ENI with the defaults (veth, policy off)',
    kind,
    text: 'cni: terway\nterway:\n  eniMode: exclusive\n  datapath: veth\n  networkPolicy: false\n',
    expect: [],
  },
  { name: 'shared ENI with both', kind, text: 'cni: terway\nterway:\n  eniMode: shared\n  networkPolicy: true\n  datapath: datapathv2\n', expect: [] },
  { name: 'mixed mode: the shared node pools have both', kind, text: 'cni: terway\nterway:\n  eniMode: mixed\n  networkPolicy: true\n  datapath: datapathv2\n', expect: [] },
  { name: 'no ENI mode written: shared by default', kind, text: 'cni: terway\nterway:\n  networkPolicy: true\n', expect: [] },
  { name: 'Flannel: cni-field-ignored\'s business', kind, text: 'cni: flannel\nterway:\n  eniMode: exclusive\n  networkPolicy: true\n', expect: [] },
  {
    name: 'turned off by settings or --rule',
    kind,
    rules: { 'terway-mode-conflict': 'off' },
    text: 'cni: terway\nterway:\n  eniMode: exclusive\n  networkPolicy: true\n',
    expect: [],
  },
]);
