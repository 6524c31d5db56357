import { ruleTable } from '../../helpers/ruleTable';
import { podsPerNode } from '../../../server/src/rules/cluster/pods-per-node';

const kind = 'profile' as const;
const plan = (mode: string | null, types: string) =>
  `cni: terway\n${mode ? `terway:\n  eniMode: ${mode}\n` : ''}cluster:\n  instanceTypes: ${types}\n`;

ruleTable(podsPerNode, [
  {
    name: 'shared ENI (the default): ecs.c6.large gives 6 pods, a node needs more than 11',
    kind,
    text: plan(null, '[⟦ecs.c6.large⟧, ecs.c7.4xlarge]'),
    expect: [
      {
        severity: 'error',
        message: "ecs.c6.large gives (2 − 1) × 6 = 6 pods per node in Terway's shared ENI mode; a node needs more than 11 to join the cluster.",
      },
    ],
  },
  {
    name: 'shared ENI, in Simplified Chinese',
    kind,
    locale: 'zh',
    text: plan('shared', '[⟦ecs.g5.large⟧]'),
    expect: [{ severity: 'error', message: 'ecs.g5.large 在 Terway 共享 ENI 模式下每个节点只能运行 (2 − 1) × 6 = 6 个 Pod；节点需要超过 11 个才能加入集群。' }],
  },
  {
    name: 'the smallest type that joins: ecs.c7.large gives exactly 12 pods',
    kind,
    text: plan('shared', '[ecs.c7.large, ecs.g7ne.large, ecs.c6.xlarge]'),
    expect: [],
  },
  {
    name: 'exclusive ENI: types with 6 ENIs or fewer, block list',
    kind,
    text: 'cni: terway\nterway:\n  eniMode: exclusive\ncluster:\n  instanceTypes:\n    - ⟦ecs.c6.3xlarge⟧\n    - ecs.c7.3xlarge\n    - ⟦ecs.g7ne.2xlarge⟧\n',
    expect: [
      {
        severity: 'error',
        message: "ecs.c6.3xlarge has 6 ENIs, so Terway's exclusive ENI mode gives it 5 pods per node; an exclusive-ENI node needs more than 6 ENIs.",
      },
      {
        severity: 'error',
        message: "ecs.g7ne.2xlarge has 6 ENIs, so Terway's exclusive ENI mode gives it 5 pods per node; an exclusive-ENI node needs more than 6 ENIs.",
      },
    ],
  },
  {
    name: 'exclusive ENI, in Simplified Chinese',
    kind,
    locale: 'zh',
    text: plan('exclusive', '[⟦ecs.r7.xlarge⟧]'),
    expect: [{ severity: 'error', message: 'ecs.r7.xlarge 只有 4 块 ENI，Terway 独占 ENI 模式下每个节点只能运行 3 个 Pod；独占 ENI 节点需要超过 6 块 ENI。' }],
  },
  {
    name: 'seed 003: ecs.c7.4xlarge (7 exclusive pods, 210 shared) and ecs.c6.13xlarge (7 ENIs) are exclusive-ENI nodes',
    kind,
    text: plan('exclusive', '[ecs.c7.4xlarge, ecs.c6.13xlarge, ecs.g7ne.24xlarge]'),
    expect: [],
  },
  {
    name: 'mixed mode: the shared-ENI bar applies',
    kind,
    text: plan('mixed', '[⟦ecs.r6.large⟧, ecs.c6.3xlarge]'),
    expect: [
      {
        severity: 'error',
        message: "ecs.r6.large gives (2 − 1) × 6 = 6 pods per node in Terway's shared ENI mode; a node needs more than 11 to join the cluster.",
      },
    ],
  },
  {
    name: 'an unknown type is said to be unknown, never guessed',
    kind,
    text: plan(null, '[⟦ecs.g8i.4xlarge⟧]'),
    expect: [
      {
        severity: 'info',
        message:
          "ecs.g8i.4xlarge is not in the ECS table this linter ships (ECS documentation, 2021-07): its pods per node in Terway's shared ENI mode are unknown; check EniQuantity and EniPrivateIpAddressQuantity with DescribeInstanceTypes.",
      },
    ],
  },
  {
    name: 'unknown in exclusive mode, in Simplified Chinese',
    kind,
    locale: 'zh',
    text: plan('exclusive', '[⟦ecs.ebmg5s.24xlarge⟧]'),
    expect: [
      {
        severity: 'info',
        message: 'ecs.ebmg5s.24xlarge 不在本工具内置的 ECS 表中（ECS 文档 2021-07）：无法得知它在 Terway 独占 ENI 模式下每个节点的 Pod 数；请用 DescribeInstanceTypes 查看 EniQuantity 与 EniPrivateIpAddressQuantity。',
      },
    ],
  },
  { name: 'Flannel: pods per node come from the node CIDR mask, not ENIs', kind, text: 'cni: flannel\ncluster:\n  instanceTypes: [ecs.c6.large, ecs.g8i.4xlarge]\n', expect: [] },
  { name: 'Terway Edge: ENS nodes follow another formula, silent', kind, text: 'cni: terway-edge\ncluster:\n  instanceTypes: [ecs.c6.large]\n', expect: [] },
  { name: 'no CNI: silent', kind, text: 'cluster:\n  instanceTypes: [ecs.c6.large]\n', expect: [] },
  { name: 'turned off by settings or --rule', kind, rules: { 'pods-per-node': 'off' }, text: plan(null, '[ecs.c6.large]'), expect: [] },
]);
