import { ruleTable } from '../../helpers/ruleTable';
import { albClusteripBackend } from '../../../server/src/rules/policy/alb-clusterip-backend';

const flannel = 'cni: flannel\n';
const servicesFile = '/workspace/svc.yaml';
const otherFile = '/workspace/overlays/svc.yaml';

/** An ALB Ingress (networking.k8s.io/v1) routing `/` to `backend` (its name may carry ⟦⟧ markers). */
function ingress(backend: string, extra = { metadata: '', spec: '  ingressClassName: alb\n' }): string {
  return `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
${extra.metadata}spec:
${extra.spec}  rules:
  - http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: ${backend}
            port:
              number: 80
`;
}

function service(name: string, spec = '', metadata = ''): string {
  return `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n${metadata}spec:\n${spec}  selector:\n    app: ${name}\n  ports:\n  - port: 80\n`;
}

const message = (name: string) => `On Flannel, ALB cannot route to the ClusterIP Service ${name}: its backends must be NodePort or LoadBalancer Services.`;

ruleTable(albClusteripBackend, [
  {
    name: 'a Service with no type in another file: NodePort is written there, as the first entry of its spec',
    profile: flannel,
    workspace: { [servicesFile]: service('web') },
    text: ingress('⟦web⟧'),
    expect: [
      {
        severity: 'error',
        message: message('web'),
        filesFixed: { [servicesFile]: service('web', '  type: NodePort\n') },
        related: [`${servicesFile}:3:8-3:11 Service web: ClusterIP`],
      },
    ],
  },
  {
    name: 'type: ClusterIP written out, in the same file: replaced there, keeping its comment',
    profile: flannel,
    text: `${ingress('⟦web⟧')}---\n${service('web', '  type: ClusterIP # internal\n')}`,
    expect: [
      {
        severity: 'error',
        message: message('web'),
        fixed: `${ingress('web')}---\n${service('web', '  type: NodePort # internal\n')}`,
        related: ['-:20:8-20:11 Service web: ClusterIP'],
      },
    ],
  },
  {
    name: 'the class annotation and a v1beta1 serviceName, with a flow-map spec',
    profile: flannel,
    workspace: { [servicesFile]: 'apiVersion: v1\nkind: Service\nmetadata: {name: api}\nspec: {selector: {app: api}, ports: [{port: 80}]}\n' },
    text: 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: api\n  annotations:\n    kubernetes.io/ingress.class: alb\nspec:\n  backend:\n    serviceName: ⟦api⟧\n    servicePort: 80\n',
    expect: [
      {
        severity: 'error',
        message: message('api'),
        filesFixed: { [servicesFile]: 'apiVersion: v1\nkind: Service\nmetadata: {name: api}\nspec: {type: NodePort, selector: {app: api}, ports: [{port: 80}]}\n' },
        related: [`${servicesFile}:2:17-2:20 Service api: ClusterIP`],
      },
    ],
  },
  {
    name: 'the default backend and each path, in file order; a NodePort backend is fine',
    profile: flannel,
    workspace: { [servicesFile]: `${service('web')}---\n${service('api', '  type: NodePort\n')}---\n${service('docs', '  type: LoadBalancer\n')}` },
    text: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: shop\nspec:\n  ingressClassName: alb\n  defaultBackend:\n    service: {name: ⟦web⟧, port: {number: 80}}\n  rules:\n  - http:\n      paths:\n      - {path: /api, pathType: Prefix, backend: {service: {name: api, port: {number: 80}}}}\n      - {path: /docs, pathType: Prefix, backend: {service: {name: docs, port: {number: 80}}}}\n      - {path: /, pathType: Prefix, backend: {service: {name: ⟦web⟧, port: {number: 80}}}}\n',
    expect: [1, 2].map(() => ({
      severity: 'error' as const,
      message: message('web'),
      filesFixed: { [servicesFile]: `${service('web', '  type: NodePort\n')}---\n${service('api', '  type: NodePort\n')}---\n${service('docs', '  type: LoadBalancer\n')}` },
      related: [`${servicesFile}:3:8-3:11 Service web: ClusterIP`],
    })),
  },
  {
    name: 'namespaces: the Service must be in the Ingress\'s; none written means default',
    profile: flannel,
    workspace: {
      [servicesFile]: `${service('web', '', '  namespace: shop\n')}---\n${service('api', '', '  namespace: default\n')}`,
    },
    text: `${ingress('web')}---\n${ingress('⟦api⟧')}---\n${ingress('⟦web⟧', { metadata: '  namespace: shop\n', spec: '  ingressClassName: alb\n' })}`,
    expect: [
      {
        severity: 'error',
        message: message('api'),
        filesFixed: { [servicesFile]: `${service('web', '', '  namespace: shop\n')}---\n${service('api', '  type: NodePort\n', '  namespace: default\n')}` },
        related: [`${servicesFile}:14:8-14:11 Service api: ClusterIP`],
      },
      {
        severity: 'error',
        message: message('web'),
        filesFixed: { [servicesFile]: `${service('web', '  type: NodePort\n', '  namespace: shop\n')}---\n${service('api', '', '  namespace: default\n')}` },
        related: [`${servicesFile}:3:8-3:11 Service web: ClusterIP`],
      },
    ],
  },
  {
    name: 'defined as ClusterIP in two files: one finding, both places related, the fix changes both',
    profile: flannel,
    workspace: { [servicesFile]: service('web'), [otherFile]: service('web', '  type: "ClusterIP"\n') },
    text: ingress('⟦web⟧'),
    expect: [
      {
        severity: 'error',
        message: message('web'),
        filesFixed: { [servicesFile]: service('web', '  type: NodePort\n'), [otherFile]: service('web', '  type: "NodePort"\n') },
        related: [`${servicesFile}:3:8-3:11 Service web: ClusterIP`, `${otherFile}:3:8-3:11 Service web: ClusterIP`],
      },
    ],
  },
  {
    name: 'defined twice, once as NodePort (another environment, say): not reported',
    profile: flannel,
    workspace: { [servicesFile]: service('web'), [otherFile]: service('web', '  type: NodePort\n') },
    text: ingress('web'),
    expect: [],
  },
  {
    name: 'a headless Service: reported without a fix (it cannot become a NodePort)',
    profile: flannel,
    workspace: { [servicesFile]: service('web', '  clusterIP: None\n') },
    text: ingress('⟦web⟧'),
    expect: [
      {
        severity: 'error',
        message: 'On Flannel, ALB cannot route to the headless ClusterIP Service web: give the Ingress a NodePort Service.',
        related: [`${servicesFile}:3:8-3:11 Service web: headless ClusterIP (clusterIP: None)`],
      },
    ],
  },
  {
    name: 'CRLF line ends in the Service\'s file are kept by the inserted line',
    profile: flannel,
    workspace: { [servicesFile]: service('web').replace(/\n/g, '\r\n') },
    text: ingress('⟦web⟧'),
    expect: [
      {
        severity: 'error',
        message: message('web'),
        filesFixed: { [servicesFile]: service('web', '  type: NodePort\n').replace(/\n/g, '\r\n') },
        related: [`${servicesFile}:3:8-3:11 Service web: ClusterIP`],
      },
    ],
  },
  {
    name: 'in Simplified Chinese',
    profile: flannel,
    locale: 'zh',
    workspace: { [servicesFile]: service('web') },
    text: ingress('⟦web⟧'),
    expect: [
      {
        severity: 'error',
        message: '在 Flannel 集群中，ALB 无法路由到 ClusterIP Service web：后端必须是 NodePort 或 LoadBalancer Service。',
        filesFixed: { [servicesFile]: service('web', '  type: NodePort\n') },
        related: [`${servicesFile}:3:8-3:11 Service web：ClusterIP`],
      },
    ],
  },
  {
    name: 'not reported: another class, a Service nowhere in the workspace, Terway, no profile',
    profile: flannel,
    workspace: { [servicesFile]: service('web') },
    text: `${ingress('web', { metadata: '', spec: '  ingressClassName: nginx\n' })}---\n${ingress('missing')}`,
    expect: [],
  },
  {
    name: 'not reported on Terway (pods are VPC addresses ALB can reach)',
    profile: 'cni: terway\n',
    workspace: { [servicesFile]: service('web') },
    text: ingress('web'),
    expect: [],
  },
  {
    name: 'not reported without a profile',
    workspace: { [servicesFile]: service('web') },
    text: ingress('web'),
    expect: [],
  },
]);
