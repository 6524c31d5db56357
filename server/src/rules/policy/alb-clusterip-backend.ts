import { both } from '../../l10n';
import type { FileChange, Fix, RelatedPlace } from '../../engine/finding';
import { ingressBackendServices, ingressClassOf, isIngress } from '../../k8s/ingress';
import { defaultNamespace } from '../../workspace/summary';
import type { ServiceEntry } from '../../workspace/types';
import type { Rule } from '../types';

/** The class name the ALB Ingress controller answers to (and the IngressClass it creates). */
export const albClass = 'alb';

function nodePortFix(name: string, services: readonly ServiceEntry[]): Fix | undefined {
  const changes: FileChange[] = [];
  for (const service of services) {
    if (!service.toNodePort) return undefined;
    const change = changes.find((c) => c.file === service.file);
    if (change) change.edits.push(service.toNodePort);
    else changes.push({ file: service.file, edits: [service.toNodePort] });
  }
  return { title: both(`Change Service ${name} to NodePort`, `将 Service ${name} 改为 NodePort`), changes };
}

function relatedPlaces(services: readonly ServiceEntry[]): RelatedPlace[] {
  return services.map((service) => ({
    file: service.file,
    range: service.nameRange,
    message: service.headless
      ? both(`Service ${service.name}: headless ClusterIP (clusterIP: None)`, `Service ${service.name}：Headless 的 ClusterIP（clusterIP: None）`)
      : both(`Service ${service.name}: ClusterIP`, `Service ${service.name}：ClusterIP`),
  }));
}

export const albClusteripBackend: Rule = {
  id: 'alb-clusterip-backend',
  title: both('ALB Ingress routes to a ClusterIP Service on Flannel', 'Flannel 集群中 ALB Ingress 的后端是 ClusterIP Service'),
  scope: 'manifest',
  defaultSeverity: 'error',
  appliesTo: both('Flannel clusters, Ingresses of class alb.', 'Flannel 集群中 class 为 alb 的 Ingress。'),
  needsProfile: true,
  remediation: both(
    'Make the backend Service a NodePort (or LoadBalancer) Service: on Flannel, ALB reaches pods through the nodes.',
    '请把后端 Service 改为 NodePort（或 LoadBalancer）类型：在 Flannel 集群中，ALB 要经过节点才能访问 Pod。',
  ),
  fixable: true,
  docs: {
    en: {
      what: 'An Ingress handled by the ALB Ingress controller (`spec.ingressClassName: alb` or the annotation `kubernetes.io/ingress.class: alb`) whose backend Service is of type ClusterIP — written so, or by having no `type` at all — in a Flannel cluster. The Service is looked up by name in the Ingress\'s namespace across every file of the workspace (an object without `metadata.namespace` counts as being in `default`). When several files define that Service, the finding appears only if every one of them is ClusterIP.',
      why: 'A ClusterIP Service has only a virtual IP inside the cluster. ALB can send traffic straight to pods only when pod IPs are VPC addresses it can attach (Terway, ENI backend mode); Flannel pods live on the cluster\'s own pod CIDR, so on Flannel the ALB controller needs NodePort or LoadBalancer Services and reaches pods through the nodes. With a ClusterIP backend the Ingress does not get working backends and the route fails.',
      fix: 'Set `spec.type: NodePort` on the Service (the quick fix does it in the Service\'s own file, which may not be the open one). A LoadBalancer Service works too. Headless Services (`clusterIP: None`) cannot become NodePort: add a separate NodePort Service for the Ingress. If the cluster runs Terway, record that in `.ack-cni.yaml` and this finding goes away.',
    },
    zh: {
      what: 'Flannel 集群中由 ALB Ingress 控制器处理的 Ingress（`spec.ingressClassName: alb` 或注解 `kubernetes.io/ingress.class: alb`），其后端 Service 为 ClusterIP 类型（显式写明，或未写 `type`）。Service 按名称在 Ingress 所在命名空间中查找，范围是工作区内的所有文件（未写 `metadata.namespace` 的对象视为位于 `default`）。若多个文件定义了同名 Service，只有它们全部是 ClusterIP 时才会报告。',
      why: 'ClusterIP Service 只有集群内部的虚拟 IP。只有当 Pod IP 是 ALB 可以挂载的 VPC 地址时（Terway，ENI 后端模式），ALB 才能把流量直接发给 Pod；Flannel 的 Pod 使用集群自己的 Pod 网段，因此在 Flannel 集群中 ALB 控制器要求后端为 NodePort 或 LoadBalancer Service，并经由节点访问 Pod。后端为 ClusterIP 时，Ingress 得不到可用的后端，路由会失败。',
      fix: '在该 Service 上设置 `spec.type: NodePort`（快速修复会在 Service 自己的文件中完成，该文件不一定是当前打开的文件）。LoadBalancer Service 同样可行。Headless Service（`clusterIP: None`）不能改为 NodePort：请为 Ingress 另建一个 NodePort Service。如果集群实际使用 Terway，请在 `.ack-cni.yaml` 中写明，此问题随之消失。',
    },
    example: {
      profile: 'cni: flannel\n',
      bad: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  ingressClassName: alb\n  rules:\n  - http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend:\n          service:\n            name: web\n            port:\n              number: 80\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n',
      good: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  ingressClassName: alb\n  rules:\n  - http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend:\n          service:\n            name: web\n            port:\n              number: 80\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  selector:\n    app: web\n  ports:\n  - port: 80\n',
    },
    facts: ['7'],
    sources: ['src-19', 'src-31', 'seed-003'],
  },
  checkObject(object, { profile, workspace, report }) {
    if (profile?.cni !== 'flannel' || !isIngress(object) || ingressClassOf(object) !== albClass) return;
    const namespace = object.namespace ?? defaultNamespace;
    for (const nameNode of ingressBackendServices(object)) {
      const name = nameNode.value as string;
      const services = workspace.servicesNamed(namespace, name);
      if (services.length === 0 || services.some((service) => service.type !== 'ClusterIP')) continue;
      const headless = services.some((service) => service.headless);
      report({
        start: nameNode.range![0],
        end: nameNode.range![1],
        message: headless
          ? both(
              `On Flannel, ALB cannot route to the headless ClusterIP Service ${name}: give the Ingress a NodePort Service.`,
              `在 Flannel 集群中，ALB 无法路由到 Headless 的 ClusterIP Service ${name}：请为 Ingress 提供 NodePort Service。`,
            )
          : both(
              `On Flannel, ALB cannot route to the ClusterIP Service ${name}: its backends must be NodePort or LoadBalancer Services.`,
              `在 Flannel 集群中，ALB 无法路由到 ClusterIP Service ${name}：后端必须是 NodePort 或 LoadBalancer Service。`,
            ),
        related: relatedPlaces(services),
        ...(headless ? {} : { fix: nodePortFix(name, services) }),
      });
    }
  },
};
