import { both } from '../../l10n';
import { formatCidr, hasHostBits, networkOf, privateRangeOf } from '../../cluster/cidr';
import type { Rule } from '../types';
import { acceptedRanges, servicePrefix } from '../../cluster/ackLimits';
import { cidrRoleNames, cniNames, cniOf, isCreationPlan, plannedCidrs, replaceValueFix } from './common';

const ranges = acceptedRanges;

export const cidrInvalid: Rule = {
  id: 'cidr-invalid',
  title: both('CIDR block ACK does not accept', 'ACK 不接受的网段'),
  scope: 'cluster',
  defaultSeverity: 'error',
  appliesTo: both(
    'Every CNI: the VPC, pod and Service CIDRs of a cluster plan (the pod CIDR on Flannel and Terway Edge; Terway ignores it).',
    '所有 CNI：集群规划中的 VPC、Pod 与 Service 网段（Pod 网段仅用于 Flannel 与 Terway Edge；Terway 会忽略它）。',
  ),
  needsProfile: false,
  remediation: both(
    'Write each block as a private IPv4 network address and prefix length that ACK accepts, such as 172.20.0.0/16 for pods and 172.21.0.0/20 for Services.',
    '请把每个网段写成 ACK 接受的私网 IPv4 网络地址与掩码长度，例如 Pod 使用 172.20.0.0/16、Service 使用 172.21.0.0/20。',
  ),
  fixable: true,
  docs: {
    en: {
      what: 'A VPC, pod or Service CIDR that is not a CIDR block at all, lies outside the private ranges ACK accepts (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 and their subnets), is a Service CIDR outside /16 to /24, or has host bits set (`10.0.0.1/8`). The IPv6 part of a dual-stack Service CIDR is checked for its form and host bits only. In `eni-config` and `kube-flannel-cfg`, which mirror a running cluster and also configure self-managed Terway and upstream Flannel, only the form and host bits are checked, and placeholders such as `SERVICE_CIDR` are left alone.',
      why: 'These blocks are fixed when the cluster is created: ACK rejects a malformed or public block at creation, and a block with host bits set leaves readers unsure which range was meant. Getting one wrong means creating the cluster again.',
      fix: 'Use a private network address with its prefix length: the quick fix rewrites a block with host bits set to its network address (`10.0.0.1/8` → `10.0.0.0/8`). Service CIDRs take a prefix length from /16 to /24 (ACK\'s default is 172.19.0.0/20). A pod vSwitch of a Terway cluster must be /25 or larger (/19 or larger is recommended); this rule cannot check vSwitch blocks, which the plan names only by id.',
    },
    zh: {
      what: 'VPC、Pod 或 Service 网段根本不是合法的 CIDR、不在 ACK 接受的私网范围内（10.0.0.0/8、172.16.0.0/12、192.168.0.0/16 及其子网）、Service 网段掩码不在 /16 到 /24 之间，或者主机位不为 0（如 `10.0.0.1/8`）。双栈 Service 网段中的 IPv6 部分只检查格式与主机位。`eni-config` 与 `kube-flannel-cfg` 反映的是运行中的集群，也用于自建的 Terway 与上游 Flannel，因此只检查格式与主机位，`SERVICE_CIDR` 之类的占位符不检查。',
      why: '这些网段在创建集群时确定：格式错误或使用公网地址的网段会在创建时被 ACK 拒绝，主机位不为 0 的网段则让人无法确定真正想要的范围。一旦写错，只能重新创建集群。',
      fix: '使用私网网络地址加掩码长度：快速修复会把主机位不为 0 的网段改写为其网络地址（`10.0.0.1/8` → `10.0.0.0/8`）。Service 网段的掩码长度为 /16 到 /24（ACK 默认 172.19.0.0/20）。Terway 集群的 Pod 虚拟交换机网段不能小于 /25（建议 /19 或更大）；集群规划中只写了交换机 ID，本规则无法检查其网段。',
    },
    example: {
      bad: 'cni: flannel\ncluster:\n  podCidr: 172.20.0.1/16\n  serviceCidr: 172.21.0.0/26\n',
      good: 'cni: flannel\ncluster:\n  podCidr: 172.20.0.0/16\n  serviceCidr: 172.21.0.0/20\n',
    },
    facts: ['7'],
    sources: ['src-22', 'src-28'],
  },
  checkPlan({ text, plan, report }) {
    const creation = isCreationPlan(plan);
    for (const { role, located, cidr } of plannedCidrs(plan)) {
      const name = cidrRoleNames[role];
      const at = { start: located.start, end: located.end };
      const value = located.value;
      if (!cidr) {
        // A ConfigMap template's placeholder (`SERVICE_CIDR`, substituted at install) is not an attempt at a CIDR.
        if (!creation && !/\d/.test(value)) continue;
        const cni = cniOf(plan);
        const consequence = creation
          ? both('ACK cannot create the cluster with it', 'ACK 无法用它创建集群')
          : both(`${cni ? cniNames[cni].en : 'the CNI'} cannot read it`, `${cni ? cniNames[cni].zh : 'CNI '}无法读取它`);
        report({
          ...at,
          message: both(
            `The ${name.en} "${value}" is not a CIDR block (an address and a prefix length, such as 172.20.0.0/16): ${consequence.en}.`,
            `${name.zh} "${value}" 不是合法的 CIDR（地址加掩码长度，如 172.20.0.0/16）：${consequence.zh}。`,
          ),
        });
        continue;
      }
      const dualStackPart = role === 'service' && cidr.family === 6;
      if (creation && !dualStackPart && (cidr.family !== 4 || !privateRangeOf(networkOf(cidr)))) {
        report({
          ...at,
          message: both(
            `The ${name.en} ${value} is outside the private ranges ACK accepts for it (${ranges[role].en}).`,
            `${name.zh} ${value} 不在 ACK 允许的私网范围内（${ranges[role].zh}）。`,
          ),
        });
        continue;
      }
      if (creation && role === 'service' && !dualStackPart && (cidr.prefix < servicePrefix.min || cidr.prefix > servicePrefix.max)) {
        report({
          ...at,
          message: both(
            `The Service CIDR ${value} is a /${cidr.prefix}; ACK accepts Service CIDRs from /${servicePrefix.min} to /${servicePrefix.max}.`,
            `Service 网段 ${value} 的掩码为 /${cidr.prefix}；ACK 只接受 /${servicePrefix.min} 到 /${servicePrefix.max} 的 Service 网段。`,
          ),
        });
        continue;
      }
      if (hasHostBits(cidr)) {
        const network = formatCidr(networkOf(cidr));
        report({
          ...at,
          severity: 'warning',
          message: both(
            `The ${name.en} ${value} has host bits set: the block it describes is ${network}; write the network address so that ACK and every reader agree on the range.`,
            `${name.zh} ${value} 的主机位不为 0：它表示的网段是 ${network}；请写成网络地址，让 ACK 与阅读者对范围的理解一致。`,
          ),
          fix: replaceValueFix(text, located, network, both(`Change to ${network}`, `改为 ${network}`)),
        });
      }
    }
  },
};
