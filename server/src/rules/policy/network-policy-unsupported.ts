import { both } from '../../l10n';
import { profileValueFix } from '../../profile/edit';
import type { Rule } from '../types';

export const networkPolicyUnsupported: Rule = {
  id: 'network-policy-unsupported',
  title: both('NetworkPolicy is not enforced by this CNI', '当前 CNI 不执行 NetworkPolicy'),
  scope: 'manifest',
  defaultSeverity: 'error',
  appliesTo: both(
    'Flannel; Terway with NetworkPolicy switched off; Terway exclusive ENI (and the exclusive-ENI node pools of mixed mode).',
    'Flannel；未开启 NetworkPolicy 的 Terway；独占 ENI 模式的 Terway（以及混合模式下的独占 ENI 节点池）。',
  ),
  needsProfile: true,
  remediation: both(
    'Run the workload on Terway in shared-ENI mode with NetworkPolicy switched on, or isolate it by other means (security groups, namespaces on separate node pools).',
    '请在开启了 NetworkPolicy 的共享 ENI 模式 Terway 集群中运行该负载，或改用其他隔离手段（安全组、独立节点池）。',
  ),
  fixable: true,
  docs: {
    en: {
      what: 'A `networking.k8s.io` NetworkPolicy in a cluster whose CNI will not enforce it: ACK\'s Flannel has no policy engine; Terway enforces policies only in shared-ENI mode and only when NetworkPolicy was switched on (it is off by default); exclusive-ENI pods have no policy agent at all.',
      why: 'The API server accepts the object and `kubectl get networkpolicy` lists it, so the cluster looks protected while every pod still accepts traffic from everywhere. That is a security hole that no test catches until it is exploited.',
      fix: 'On a Terway shared-ENI cluster, switch NetworkPolicy on (ACK console, or `disable_network_policy: "false"` in `kube-system/eni-config`) and record it in `.ack-cni.yaml` (`terway.networkPolicy: true`) — the quick fix writes that line. On Flannel the CNI cannot change after creation: move the workload to a Terway cluster or isolate it with security groups and separate node pools.',
    },
    zh: {
      what: '集群的 CNI 不会执行的 `networking.k8s.io` NetworkPolicy：ACK 的 Flannel 没有策略引擎；Terway 只在共享 ENI 模式且开启了 NetworkPolicy（默认关闭）时才执行策略；独占 ENI 的 Pod 上根本没有策略组件。',
      why: 'API Server 会接受该对象，`kubectl get networkpolicy` 也能看到它，集群看起来受到了保护，但所有 Pod 仍然接受任意来源的流量。这种安全漏洞在被利用之前很难被发现。',
      fix: '在共享 ENI 模式的 Terway 集群中开启 NetworkPolicy（控制台，或在 `kube-system/eni-config` 中设置 `disable_network_policy: "false"`），并在 `.ack-cni.yaml` 中记录 `terway.networkPolicy: true`（快速修复会写入这一行）。Flannel 集群创建后无法更换 CNI：请把负载迁移到 Terway 集群，或使用安全组与独立节点池进行隔离。',
    },
    example: {
      profile: 'cni: flannel\n',
      bad: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny-all\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n',
      good: '# .ack-cni.yaml of a cluster that can enforce it:\ncni: terway\nterway:\n  eniMode: shared\n  networkPolicy: true\n',
    },
    facts: ['2.1', '2.2', '2.3', '3.1'],
    sources: ['src-6', 'src-23', 'src-28', 'seed-001', 'seed-003', 'seed-004'],
  },
  checkObject(object, { profile, report }) {
    if (!profile || object.group !== 'networking.k8s.io' || object.kind !== 'NetworkPolicy') return;
    const [start, end] = object.kindNode.range!;
    if (profile.cni === 'flannel') {
      report({
        start,
        end,
        message: both('Flannel does not enforce NetworkPolicy: this policy isolates nothing.', 'Flannel 不支持 NetworkPolicy：此策略不会隔离任何流量。'),
      });
    } else if (profile.cni === 'terway' && profile.terway.eniMode === 'exclusive') {
      report({
        start,
        end,
        message: both(
          'Terway in exclusive ENI mode runs no policy agent: this policy isolates nothing.',
          '独占 ENI 模式的 Terway 没有策略组件：此策略不会隔离任何流量。',
        ),
      });
    } else if (profile.cni === 'terway' && !profile.terway.networkPolicy) {
      report({
        start,
        end,
        message: both(
          'NetworkPolicy is switched off in this Terway cluster (terway.networkPolicy: false): this policy isolates nothing.',
          '该 Terway 集群未开启 NetworkPolicy（terway.networkPolicy: false）：此策略不会隔离任何流量。',
        ),
        fix: profileValueFix(
          profile,
          'terway',
          'networkPolicy',
          'true',
          both('Record NetworkPolicy as on in .ack-cni.yaml (switch it on in eni-config too)', '在 .ack-cni.yaml 中记录已开启 NetworkPolicy（同时需在 eni-config 中开启）'),
        ),
      });
    } else if (profile.cni === 'terway' && profile.terway.eniMode === 'mixed') {
      report({
        start,
        end,
        severity: 'warning',
        message: both(
          'Pods on exclusive-ENI node pools (eniOnly) are not isolated by this policy: Terway runs no policy agent there.',
          '位于独占 ENI 节点池（eniOnly）上的 Pod 不受此策略隔离：Terway 在这些节点上没有策略组件。',
        ),
      });
    }
  },
};
