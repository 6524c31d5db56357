import { both } from '../../l10n';
import { networkOf, overlaps } from '../../cluster/cidr';
import type { Rule } from '../types';
import { cidrRoleNames, cniNames, cniOf, plannedCidrs } from './common';

export const cidrOverlap: Rule = {
  id: 'cidr-overlap',
  title: both('Cluster CIDR blocks overlap', '集群网段重叠'),
  scope: 'cluster',
  defaultSeverity: 'error',
  appliesTo: both(
    'Every CNI: the VPC, pod and Service CIDRs of a cluster plan (the pod CIDR on Flannel and Terway Edge; Terway pods take VPC addresses).',
    '所有 CNI：集群规划中的 VPC、Pod 与 Service 网段（Pod 网段仅用于 Flannel 与 Terway Edge；Terway 的 Pod 使用 VPC 地址）。',
  ),
  needsProfile: false,
  remediation: both(
    'Choose pod and Service CIDRs that share no address with each other or with the VPC before the cluster is created.',
    '请在创建集群前为 Pod 和 Service 选择互不重叠、且不与 VPC 重叠的网段。',
  ),
  fixable: false,
  docs: {
    en: {
      what: 'Two CIDR blocks of the cluster plan share addresses: the pod CIDR, the Service CIDR (each part of a dual-stack one) and the VPC CIDR must be disjoint. The finding is on the block written later and names the one it overlaps.',
      why: 'ACK requires pod, Service and node (VPC) CIDRs that do not overlap, for Terway and Flannel alike, and none of them can be changed after the cluster is created: an address in two blocks is routed as one of them, so pods or Services behind it become unreachable, and the only way out is a new cluster.',
      fix: 'Pick the blocks from different private ranges or from disjoint parts of one, for example VPC 192.168.0.0/16, pod CIDR 172.20.0.0/16 and Service CIDR 172.21.0.0/20. They must not overlap the CIDRs of other clusters in the same VPC either, which this rule cannot see.',
    },
    zh: {
      what: '集群规划中的两个网段有重叠地址：Pod 网段、Service 网段（双栈时的每一部分）与 VPC 网段必须互不相交。问题标注在后写的那个网段上，并指出与之重叠的网段。',
      why: '无论 Terway 还是 Flannel，ACK 都要求 Pod、Service 与节点（VPC）网段互不重叠，而且集群创建后都无法修改：同一个地址落在两个网段中，只会按其中一个路由，另一侧的 Pod 或 Service 就无法访问，唯一的办法是重建集群。',
      fix: '从不同的私网范围、或同一范围内互不相交的部分中选择网段，例如 VPC 192.168.0.0/16、Pod 网段 172.20.0.0/16、Service 网段 172.21.0.0/20。它们也不能与同一 VPC 内其他集群的网段重叠，这一点本规则无法检查。',
    },
    example: {
      bad: 'cni: flannel\ncluster:\n  vpcCidr: 172.16.0.0/12\n  podCidr: 172.20.0.0/16\n  serviceCidr: 172.21.0.0/20\n',
      good: 'cni: flannel\ncluster:\n  vpcCidr: 192.168.0.0/16\n  podCidr: 172.20.0.0/16\n  serviceCidr: 172.21.0.0/20\n',
    },
    facts: ['7', '4'],
    sources: ['seed-003', 'src-22', 'src-28', 'src-33'],
  },
  checkPlan({ plan, report }) {
    const cidrs = plannedCidrs(plan).filter((c) => c.cidr !== null);
    const cni = cniOf(plan);
    const on = cni ? cniNames[cni] : both('ACK', 'ACK');
    for (let j = 1; j < cidrs.length; j++) {
      for (let i = 0; i < j; i++) {
        const [earlier, later] = [cidrs[i], cidrs[j]];
        if (!overlaps(networkOf(earlier.cidr!), networkOf(later.cidr!))) continue;
        const [a, b] = [cidrRoleNames[later.role], cidrRoleNames[earlier.role]];
        const [x, y] = [later.located.value, earlier.located.value];
        report({
          start: later.located.start,
          end: later.located.end,
          message: both(
            `The ${a.en} ${x} overlaps the ${b.en} ${y}: ${on.en} needs pod, Service and VPC CIDRs that share no address, and none of them can change after the cluster is created.`,
            `${a.zh} ${x} 与 ${b.zh} ${y} 重叠：${cni ? `${on.zh} 集群` : 'ACK '}要求 Pod、Service 与 VPC 网段互不重叠，且集群创建后都无法修改。`,
          ),
        });
      }
    }
  },
};
