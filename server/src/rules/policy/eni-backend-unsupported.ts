import { isScalar } from 'yaml';
import { both } from '../../l10n';
import { annotationEntries } from '../../k8s/metadata';
import { stringValue } from '../../yaml/nodes';
import { replaceScalarFix } from '../../yaml/edits';
import { backendTypeKey } from '../support/keys';
import type { Rule } from '../types';

/** Read by the Alibaba Cloud cloud-controller-manager on the Service itself, not on pods. */

export const eniBackendUnsupported: Rule = {
  id: 'eni-backend-unsupported',
  title: both('ENI load balancer backends on Flannel', 'Flannel 集群中使用 ENI 类型的负载均衡后端'),
  scope: 'manifest',
  defaultSeverity: 'error',
  appliesTo: both('Flannel clusters.', 'Flannel 集群。'),
  needsProfile: true,
  remediation: both(
    'Set `service.beta.kubernetes.io/backend-type` to `ecs` so the load balancer forwards to the nodes.',
    '请将 `service.beta.kubernetes.io/backend-type` 设为 `ecs`，由负载均衡转发到节点。',
  ),
  fixable: true,
  docs: {
    en: {
      what: 'A Service annotated `service.beta.kubernetes.io/backend-type: eni` in a Flannel cluster. With `eni`, the cloud-controller-manager puts pod ENIs directly behind the CLB; that mode is documented for Terway clusters only.',
      why: 'Flannel pods take addresses from the cluster\'s own pod CIDR (reached through one VPC route per node) and have no ENIs of their own, so the load balancer has no pod ENI to attach. On Flannel, traffic reaches pods through the nodes (NodePort), which is what `ecs` means.',
      fix: 'Change the value to `ecs` (the quick fix does it) or remove the annotation. If you want the load balancer to reach pods directly, and sessions to survive pod changes, the cluster must run Terway.',
    },
    zh: {
      what: 'Flannel 集群中带有 `service.beta.kubernetes.io/backend-type: eni` 注解的 Service。取值为 `eni` 时，cloud-controller-manager 会把 Pod 的 ENI 直接挂到 CLB 后端，官方文档只在 Terway 集群中支持这种用法。',
      why: 'Flannel 的 Pod 使用集群自己的 Pod 网段地址（通过每个节点一条 VPC 路由访问），没有自己的 ENI，负载均衡也就无从挂载。在 Flannel 集群中，流量要经过节点（NodePort）才能到达 Pod，对应的取值是 `ecs`。',
      fix: '将取值改为 `ecs`（快速修复会完成），或删除该注解。如果希望负载均衡直连 Pod、在 Pod 变化时保持会话，集群需要使用 Terway。',
    },
    example: {
      profile: 'cni: flannel\n',
      bad: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    service.beta.kubernetes.io/backend-type: eni\nspec:\n  type: LoadBalancer\n  selector:\n    app: web\n  ports:\n  - port: 80\n',
      good: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    service.beta.kubernetes.io/backend-type: ecs\nspec:\n  type: LoadBalancer\n  selector:\n    app: web\n  ports:\n  - port: 80\n',
    },
    facts: ['1.2', '3.1', '7'],
    sources: ['src-19', 'src-27', 'seed-003'],
  },
  checkObject(object, { profile, text, report }) {
    if (profile?.cni !== 'flannel' || object.group !== '' || object.kind !== 'Service') return;
    for (const annotation of annotationEntries(object.node, object.doc)) {
      const value = annotation.valueNode;
      if (annotation.key !== backendTypeKey || !isScalar(value) || stringValue(value, object.doc) !== 'eni') continue;
      const [start, end] = value.range!;
      report({
        start,
        end,
        message: both(
          'Flannel pods have no ENIs of their own: the load balancer cannot attach them as backends (backend-type eni is for Terway).',
          'Flannel 的 Pod 没有自己的 ENI：负载均衡无法把它们挂为后端（backend-type 取 eni 仅适用于 Terway）。',
        ),
        fix: replaceScalarFix(text, value, 'ecs', both('Change to ecs (the nodes become the backends)', '改为 ecs（以节点作为后端）')),
      });
    }
  },
};
