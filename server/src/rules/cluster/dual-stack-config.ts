import { both } from '../../l10n';
import { parseCidr } from '../../cluster/cidr';
import type { Rule } from '../types';
import { cniOf, kubernetesMinor } from './common';

/** Dual stack needs Kubernetes 1.22 or later (cni-facts §2.4). */
const minKubernetes: [number, number] = [1, 22];

export const dualStackConfig: Rule = {
  id: 'dual-stack-config',
  title: both('Dual stack the cluster plan cannot have', '集群规划无法实现的双栈'),
  scope: 'cluster',
  defaultSeverity: 'error',
  appliesTo: both(
    'Plans with IPv4/IPv6 dual stack: on Flannel, with Kubernetes before 1.22, or with a Service CIDR that has no IPv6 part.',
    '开启 IPv4/IPv6 双栈的规划：使用 Flannel、Kubernetes 低于 1.22，或 Service 网段没有 IPv6 部分。',
  ),
  needsProfile: false,
  remediation: both(
    'Plan dual stack only on Terway with Kubernetes 1.22 or later and a Service CIDR that holds an IPv4 and an IPv6 block, comma-separated.',
    '请只在 Kubernetes 1.22 及以上的 Terway 集群中规划双栈，并让 Service 网段以逗号分隔同时包含一个 IPv4 与一个 IPv6 网段。',
  ),
  fixable: false,
  docs: {
    en: {
      what: 'A plan with `ip_stack` dual (`terway.ipStack: dual` in `.ack-cni.yaml`) that ACK cannot create: dual stack requires Terway and Kubernetes 1.22 or later, and the Service CIDR must then hold an IPv4 and an IPv6 CIDR, comma-separated. The finding is on the dual-stack setting, or on the Service CIDR when its IPv6 part is missing.',
      why: 'ACK\'s Flannel is IPv4 only, and the IP stack is fixed when the cluster is created (`ip_stack` is ForceNew in Terraform): a plan that asks for dual stack where it is not available fails at creation or yields a cluster without IPv6, and Services get no IPv6 addresses without an IPv6 Service CIDR.',
      fix: 'Create dual-stack clusters with Terway on Kubernetes 1.22 or later, in a dual-stack VPC, and write the Service CIDR as `IPv4 CIDR,IPv6 CIDR`. In shared ENI mode the instance types must have as many IPv6 as IPv4 addresses per ENI. On Flannel, drop the dual-stack setting.',
    },
    zh: {
      what: '`ip_stack` 为 dual（`.ack-cni.yaml` 中为 `terway.ipStack: dual`）但 ACK 无法创建的规划：双栈要求 Terway 与 Kubernetes 1.22 及以上版本，此时 Service 网段必须以逗号分隔同时包含一个 IPv4 与一个 IPv6 网段。问题标注在双栈设置上；缺少 IPv6 部分时标注在 Service 网段上。',
      why: 'ACK 的 Flannel 只支持 IPv4，IP 协议栈在创建集群时确定（Terraform 中 `ip_stack` 为 ForceNew）：在不支持的条件下要求双栈，要么创建失败，要么得到没有 IPv6 的集群；没有 IPv6 Service 网段，Service 也拿不到 IPv6 地址。',
      fix: '请在双栈 VPC 中创建使用 Terway、Kubernetes 1.22 及以上的双栈集群，并把 Service 网段写成 `IPv4 网段,IPv6 网段`。共享 ENI 模式下，实例规格每块 ENI 的 IPv6 地址数必须等于 IPv4 地址数。Flannel 集群请去掉双栈设置。',
    },
    example: {
      bad: 'cni: terway\nterway:\n  ipStack: dual\ncluster:\n  kubernetesVersion: "1.20"\n  serviceCidr: 172.21.0.0/20\n',
      good: 'cni: terway\nterway:\n  ipStack: dual\ncluster:\n  kubernetesVersion: "1.30"\n  serviceCidr: 172.21.0.0/20,fd00::/112\n',
    },
    facts: ['2.1', '2.4', '3.1'],
    sources: ['src-21', 'src-14', 'src-28', 'seed-003'],
  },
  checkPlan({ plan, report }) {
    const stack = plan.terway.ipStack;
    if (stack?.value !== 'dual') return;
    const cni = cniOf(plan);
    const at = { start: stack.start, end: stack.end };
    if (cni === 'flannel') {
      report({
        ...at,
        message: both(
          'ACK offers IPv4/IPv6 dual stack only with Terway: a Flannel cluster is IPv4 only.',
          'ACK 只在 Terway 下提供 IPv4/IPv6 双栈：Flannel 集群只支持 IPv4。',
        ),
      });
      return;
    }
    const version = plan.cluster.kubernetesVersion;
    const minor = version ? kubernetesMinor(version.value) : undefined;
    if (version && minor && (minor[0] < minKubernetes[0] || (minor[0] === minKubernetes[0] && minor[1] < minKubernetes[1]))) {
      report({
        ...at,
        message: both(
          `Dual stack needs Kubernetes ${minKubernetes.join('.')} or later on ACK; this cluster plans Kubernetes ${version.value}.`,
          `ACK 的双栈需要 Kubernetes ${minKubernetes.join('.')} 及以上版本；该集群规划的是 Kubernetes ${version.value}。`,
        ),
      });
    }
    // The IPv4 + IPv6 form is documented for the API and Terraform (and mirrored by the profile);
    // whether Terway's eni_conf service_cidr lists both is not, so eni-config is not judged here.
    const services = plan.cluster.serviceCidrs;
    if (services.length === 0 || plan.format === 'eni-config' || plan.format === 'flannel-config') return;
    const hasIpv6 = services.some((s) => parseCidr(s.value)?.family === 6 || s.value.includes(':'));
    if (hasIpv6) return;
    const last = services[services.length - 1];
    report({
      start: last.start,
      end: last.end,
      message: both(
        `A dual-stack cluster needs an IPv6 Service CIDR too: write the Service CIDR as an IPv4 and an IPv6 block, comma-separated; ${services.map((s) => s.value).join(',')} gives Services IPv4 addresses only.`,
        `双栈集群还需要 IPv6 Service 网段：请以逗号分隔写出一个 IPv4 与一个 IPv6 网段；${services.map((s) => s.value).join(',')} 只会为 Service 分配 IPv4 地址。`,
      ),
    });
  },
};
