import { both } from '../../l10n';
import type { Rule } from '../types';
import { cniOf } from './common';

export const terwayModeConflict: Rule = {
  id: 'terway-mode-conflict',
  title: both('Terway option that exclusive ENI mode does not have', '独占 ENI 模式不具备的 Terway 选项'),
  scope: 'cluster',
  defaultSeverity: 'error',
  appliesTo: both(
    'Terway in exclusive ENI mode with NetworkPolicy switched on or the ipvlan or DataPath V2 datapath. Mixed mode is not flagged: its shared node pools have them.',
    '独占 ENI 模式的 Terway 同时开启了 NetworkPolicy，或使用 ipvlan、DataPath V2 数据路径。混合模式不报告：其共享节点池具备这些功能。',
  ),
  needsProfile: true,
  remediation: both(
    'Use shared ENI mode for NetworkPolicy and eBPF acceleration, or drop those options from an exclusive-ENI plan.',
    '需要 NetworkPolicy 与 eBPF 加速时请使用共享 ENI 模式，否则请从独占 ENI 的规划中去掉这些选项。',
  ),
  fixable: false,
  docs: {
    en: {
      what: 'A Terway plan in exclusive ENI mode (one ENI per pod) that also switches NetworkPolicy on or picks the ipvlan or DataPath V2 datapath. Exclusive-ENI nodes run no policy agent, and eBPF acceleration (IPvlan, DataPath V2) exists only in shared ENI mode; the console offered IPvlan and NetworkPolicy only with shared ENIs.',
      why: 'The plan promises something the cluster will not do: NetworkPolicies are accepted but isolate nothing on exclusive-ENI pods, and the acceleration is simply absent. The ENI mode cannot be switched after creation (exclusive ENI is chosen per node pool when it is created).',
      fix: 'If you need NetworkPolicy or eBPF acceleration, plan shared ENI mode (or mixed mode, with exclusive ENIs only on `eniOnly` node pools for the pods that need them). If exclusive ENIs are the point, switch NetworkPolicy off and keep the default veth datapath, and isolate pods with security groups instead (PodNetworking).',
    },
    zh: {
      what: '独占 ENI 模式（每个 Pod 一块 ENI）的 Terway 规划同时开启了 NetworkPolicy，或选择了 ipvlan、DataPath V2 数据路径。独占 ENI 节点上没有策略组件，eBPF 加速（IPvlan、DataPath V2）只存在于共享 ENI 模式；控制台也只在共享 ENI 模式下提供 IPvlan 与 NetworkPolicy 选项。',
      why: '规划承诺了集群做不到的事：NetworkPolicy 会被接受，但对独占 ENI 的 Pod 不起任何隔离作用，加速也根本不存在。ENI 模式在创建后无法切换（独占 ENI 在创建节点池时按节点池确定）。',
      fix: '需要 NetworkPolicy 或 eBPF 加速时，请规划共享 ENI 模式（或混合模式，仅让需要的 Pod 运行在 `eniOnly` 节点池的独占 ENI 上）。如果就是要独占 ENI，请关闭 NetworkPolicy、保留默认的 veth 数据路径，并改用安全组（PodNetworking）隔离 Pod。',
    },
    example: {
      bad: 'cni: terway\nterway:\n  eniMode: exclusive\n  networkPolicy: true\n  datapath: datapathv2\n',
      good: 'cni: terway\nterway:\n  eniMode: shared\n  networkPolicy: true\n  datapath: datapathv2\n',
    },
    facts: ['2.1', '2.3'],
    sources: ['src-3', 'src-6', 'src-11', 'src-23', 'src-29', 'seed-001', 'seed-004'],
  },
  checkPlan({ plan, report }) {
    if (cniOf(plan) !== 'terway' || plan.terway.eniMode?.value !== 'exclusive') return;
    const policy = plan.terway.networkPolicy;
    if (policy?.value === true) {
      report({
        start: policy.start,
        end: policy.end,
        message: both(
          'Terway in exclusive ENI mode runs no NetworkPolicy agent: with NetworkPolicy switched on, policies are accepted but isolate no pod.',
          '独占 ENI 模式的 Terway 没有 NetworkPolicy 组件：即使开启 NetworkPolicy，策略也会被接受但不隔离任何 Pod。',
        ),
      });
    }
    const datapath = plan.terway.datapath;
    if (datapath && (datapath.value === 'ipvlan' || datapath.value === 'datapathv2')) {
      const name = datapath.value === 'ipvlan' ? 'IPvlan' : 'DataPath V2';
      report({
        start: datapath.start,
        end: datapath.end,
        message: both(
          `Terway has no eBPF acceleration in exclusive ENI mode: ${name} runs only in shared ENI mode.`,
          `独占 ENI 模式的 Terway 没有 eBPF 加速：${name} 只能在共享 ENI 模式下使用。`,
        ),
      });
    }
  },
};
