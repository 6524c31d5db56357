import { ruleTable } from '../../helpers/ruleTable';
import { eniBackendUnsupported } from '../../../server/src/rules/policy/eni-backend-unsupported';

/** A LoadBalancer Service with the given annotation lines under `metadata.annotations` (4-space indent). */
function service(annotations: string): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: web
  annotations:
${annotations}spec:
  type: LoadBalancer
  selector:
    app: web
  ports:
  - port: 80
`;
}

const flannel = 'cni: flannel\n';
const message = 'Flannel pods have no ENIs of their own: the load balancer cannot attach them as backends (backend-type eni is for Terway).';

ruleTable(eniBackendUnsupported, [
  {
    // Round-trip regression: rewriting a block scalar joined the next annotation onto its line.
    name: 'Flannel: a literal block scalar eni becomes ecs, the next annotation keeps its line',
    profile: flannel,
    text: service('    service.beta.kubernetes.io/backend-type: ⟦|-\n      eni⟧\n    service.beta.kubernetes.io/alibaba-cloud-loadbalancer-spec: slb.s1.small\n'),
    expect: [
      {
        severity: 'error',
        message,
        fixed: service('    service.beta.kubernetes.io/backend-type: ecs\n    service.beta.kubernetes.io/alibaba-cloud-loadbalancer-spec: slb.s1.small\n'),
      },
    ],
  },
  {
    name: 'Flannel: eni becomes ecs, the comment stays',
    profile: flannel,
    text: service('    service.beta.kubernetes.io/backend-type: ⟦eni⟧ # direct to pods\n'),
    expect: [{ severity: 'error', message, fixed: service('    service.beta.kubernetes.io/backend-type: ecs # direct to pods\n') }],
  },
  {
    name: 'double quotes are kept, other annotations untouched',
    profile: flannel,
    text: service('    service.beta.kubernetes.io/alibaba-cloud-loadbalancer-spec: slb.s1.small\n    service.beta.kubernetes.io/backend-type: ⟦"eni"⟧\n'),
    expect: [
      {
        severity: 'error',
        message,
        fixed: service('    service.beta.kubernetes.io/alibaba-cloud-loadbalancer-spec: slb.s1.small\n    service.beta.kubernetes.io/backend-type: "ecs"\n'),
      },
    ],
  },
  {
    name: 'single quotes are kept, in Simplified Chinese',
    profile: flannel,
    locale: 'zh',
    text: service("    service.beta.kubernetes.io/backend-type: ⟦'eni'⟧\n"),
    expect: [
      {
        severity: 'error',
        message: 'Flannel 的 Pod 没有自己的 ENI：负载均衡无法把它们挂为后端（backend-type 取 eni 仅适用于 Terway）。',
        fixed: service("    service.beta.kubernetes.io/backend-type: 'ecs'\n"),
      },
    ],
  },
  {
    name: 'flow-style annotations in a List item',
    profile: flannel,
    text: 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata: {name: web, annotations: {service.beta.kubernetes.io/backend-type: ⟦eni⟧}}\n',
    expect: [
      {
        severity: 'error',
        message,
        fixed: 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata: {name: web, annotations: {service.beta.kubernetes.io/backend-type: ecs}}\n',
      },
    ],
  },
  { name: 'Terway: ENI backends are what it is for', profile: 'cni: terway\n', text: service('    service.beta.kubernetes.io/backend-type: eni\n'), expect: [] },
  { name: 'Terway Edge: no sourced verdict, silent', profile: 'cni: terway-edge\n', text: service('    service.beta.kubernetes.io/backend-type: eni\n'), expect: [] },
  { name: 'no profile: silent', text: service('    service.beta.kubernetes.io/backend-type: eni\n'), expect: [] },
  { name: 'ecs is right on Flannel', profile: flannel, text: service('    service.beta.kubernetes.io/backend-type: ecs\n'), expect: [] },
  { name: 'the value is matched exactly: ENI is left alone', profile: flannel, text: service('    service.beta.kubernetes.io/backend-type: ENI\n'), expect: [] },
  {
    name: 'only the Service\'s own metadata: a pod template annotation is not read by the CCM',
    profile: flannel,
    text: 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    metadata:\n      annotations:\n        service.beta.kubernetes.io/backend-type: eni\n    spec:\n      containers: [{name: web, image: nginx}]\n',
    expect: [],
  },
  {
    name: 'only Services: a ConfigMap with that annotation is ignored',
    profile: flannel,
    text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  annotations:\n    service.beta.kubernetes.io/backend-type: eni\n',
    expect: [],
  },
  {
    name: 'severity from the profile\'s rules map',
    profile: 'cni: flannel\nrules:\n  eni-backend-unsupported: warning\n',
    text: service('    service.beta.kubernetes.io/backend-type: ⟦eni⟧\n'),
    expect: [{ severity: 'warning', message, fixed: service('    service.beta.kubernetes.io/backend-type: ecs\n') }],
  },
]);
