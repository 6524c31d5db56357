import { both } from '../../l10n';
import {
  ecsEniTableSource,
  eniQuotaOf,
  exclusiveEniMinEnis,
  exclusiveEniPods,
  sharedEniMinPods,
  sharedEniPods,
} from '../../cluster/ecsInstanceTypes';
import type { Rule } from '../types';
import { cniOf } from './common';

export const podsPerNode: Rule = {
  id: 'pods-per-node',
  title: both('Instance type cannot be a Terway node in this mode', '该实例规格无法在此模式下作为 Terway 节点'),
  scope: 'cluster',
  defaultSeverity: 'error',
  appliesTo: both(
    'Terway: shared ENI mode (and the shared node pools of mixed mode) needs more than 11 pods per node, exclusive ENI mode more than 6 ENIs; instance types outside the shipped ECS table are reported as unknown.',
    'Terway：共享 ENI 模式（以及混合模式的共享节点池）要求每个节点超过 11 个 Pod，独占 ENI 模式要求超过 6 块 ENI；不在内置 ECS 表中的实例规格会提示为未知。',
  ),
  needsProfile: true,
  remediation: both(
    'Choose an instance type with enough ENIs and private IPs per ENI, such as ecs.g7.4xlarge (210 shared-ENI pods, 7 exclusive-ENI pods).',
    '请选择 ENI 数与单 ENI 私网 IP 数足够的实例规格，例如 ecs.g7.4xlarge（共享 ENI 210 个 Pod，独占 ENI 7 个 Pod）。',
  ),
  fixable: false,
  docs: {
    en: {
      what: 'Terway gives a node (ENIs − 1) × private IPs per ENI pods in shared ENI mode and ENIs − 1 pods in exclusive ENI mode: the primary ENI serves the node itself. A node joins a shared-ENI cluster only when that allows more than 11 pods, and an exclusive-ENI node needs more than 6 ENIs. The rule computes both from the ECS table it ships (ECS documentation, July 2021: c7/g7/r7, c6/g6/r6, c5/g5/r5, g7ne); for instance types outside the table it says that their pods per node are unknown instead of guessing. Example: ecs.c7.4xlarge gives 210 shared-ENI pods and 7 exclusive-ENI pods, ecs.c6.4xlarge 140 shared-ENI pods.',
      why: 'A node of a type below the bar cannot join the Terway cluster (in its mode) at all, and a type with few ENIs caps every node at a handful of pods whatever its CPU and memory. The small types (c5/c6 `.large`: 6 pods) are the usual trap.',
      fix: 'Pick a larger size or a newer family: ACK recommends g5/g6 or later with at least 8 vCPUs for Terway. For types the table does not know, check EniQuantity and EniPrivateIpAddressQuantity with the ECS DescribeInstanceTypes API — the fields Terway itself reads — since the 2021 numbers may have changed.',
    },
    zh: {
      what: 'Terway 在共享 ENI 模式下为每个节点提供 (ENI 数 − 1) × 单 ENI 私网 IP 数个 Pod，在独占 ENI 模式下提供 ENI 数 − 1 个 Pod：主 ENI 供节点自身使用。共享 ENI 集群要求节点能运行超过 11 个 Pod，独占 ENI 节点要求超过 6 块 ENI。本规则用内置的 ECS 表（ECS 文档 2021 年 7 月版：c7/g7/r7、c6/g6/r6、c5/g5/r5、g7ne）计算这两个数；表中没有的实例规格会提示 Pod 数未知，而不是猜测。例如 ecs.c7.4xlarge 共享 ENI 210 个 Pod、独占 ENI 7 个 Pod，ecs.c6.4xlarge 共享 ENI 140 个 Pod。',
      why: '低于门槛的实例规格根本无法以该模式加入 Terway 集群；ENI 少的规格无论 CPU 与内存多大，每个节点都只能运行寥寥几个 Pod。小规格（c5/c6 的 `.large`：6 个 Pod）是最常见的陷阱。',
      fix: '请选择更大的规格或更新的实例族：ACK 建议 Terway 使用 g5/g6 及以上、至少 8 vCPU 的机型。表中没有的规格，请用 ECS DescribeInstanceTypes API 查看 EniQuantity 与 EniPrivateIpAddressQuantity（Terway 自身读取的字段），因为 2021 年的数据可能已经变化。',
    },
    example: {
      bad: 'cni: terway\nterway:\n  eniMode: shared\ncluster:\n  instanceTypes: [ecs.c6.large]\n',
      good: 'cni: terway\nterway:\n  eniMode: shared\ncluster:\n  instanceTypes: [ecs.c6.4xlarge]\n',
    },
    facts: ['2.1', '6'],
    sources: ['src-18', 'src-13', 'src-11', 'src-23', 'seed-001', 'seed-003', 'seed-004'],
  },
  checkPlan({ plan, report }) {
    if (cniOf(plan) !== 'terway') return;
    const mode = plan.terway.eniMode?.value ?? 'shared';
    for (const located of plan.cluster.instanceTypes) {
      const type = located.value;
      const at = { start: located.start, end: located.end };
      const quota = eniQuotaOf(type);
      if (!quota) {
        const modeName = mode === 'exclusive' ? both('exclusive ENI mode', '独占 ENI 模式') : both('shared ENI mode', '共享 ENI 模式');
        report({
          ...at,
          severity: 'info',
          message: both(
            `${type} is not in the ECS table this linter ships (ECS documentation, ${ecsEniTableSource.snapshot}): its pods per node in Terway's ${modeName.en} are unknown; check EniQuantity and EniPrivateIpAddressQuantity with DescribeInstanceTypes.`,
            `${type} 不在本工具内置的 ECS 表中（ECS 文档 ${ecsEniTableSource.snapshot}）：无法得知它在 Terway ${modeName.zh}下每个节点的 Pod 数；请用 DescribeInstanceTypes 查看 EniQuantity 与 EniPrivateIpAddressQuantity。`,
          ),
        });
        continue;
      }
      if (mode === 'exclusive') {
        if (quota.enis >= exclusiveEniMinEnis) continue;
        report({
          ...at,
          message: both(
            `${type} has ${quota.enis} ENIs, so Terway's exclusive ENI mode gives it ${exclusiveEniPods(quota)} pods per node; an exclusive-ENI node needs more than ${exclusiveEniMinEnis - 1} ENIs.`,
            `${type} 只有 ${quota.enis} 块 ENI，Terway 独占 ENI 模式下每个节点只能运行 ${exclusiveEniPods(quota)} 个 Pod；独占 ENI 节点需要超过 ${exclusiveEniMinEnis - 1} 块 ENI。`,
          ),
        });
        continue;
      }
      const pods = sharedEniPods(quota);
      if (pods >= sharedEniMinPods) continue;
      report({
        ...at,
        message: both(
          `${type} gives (${quota.enis} − 1) × ${quota.ipsPerEni} = ${pods} pods per node in Terway's shared ENI mode; a node needs more than ${sharedEniMinPods - 1} to join the cluster.`,
          `${type} 在 Terway 共享 ENI 模式下每个节点只能运行 (${quota.enis} − 1) × ${quota.ipsPerEni} = ${pods} 个 Pod；节点需要超过 ${sharedEniMinPods - 1} 个才能加入集群。`,
        ),
      });
    }
  },
};
