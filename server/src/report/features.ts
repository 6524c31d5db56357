/**
 * The CNI-sensitive features the readiness report counts, and where each shows in an object. The
 * comparison row and the rules that judge a feature come from the knowledge catalogues that hover
 * uses, so the report and the hover speak of a feature the same way.
 */
import type { Node } from 'yaml';
import { both, type Localized } from '../l10n';
import type { K8sObject } from '../k8s/objects';
import type { PodTemplate } from '../k8s/podTemplates';
import { annotationEntries, podAnnotations } from '../k8s/metadata';
import { annotationsByKey } from '../knowledge/annotations';
import { kindKnowledge, type KindKnowledge } from '../knowledge/kinds';
import { backendTypeRow, type ComparisonRow } from '../knowledge/comparison';
import { ipFamilyPolicyField } from '../knowledge/fields';
import {
  aliyunBandwidthKeys,
  backendTypeKey,
  eipKeys,
  kubernetesBandwidthKeys,
  networkGroup,
  networkPriorityKey,
  podIpReservationKey,
  podNetworkingKind,
  podNetworksKey,
  podNetworksRequestKey,
} from '../knowledge/keys';
import { annotationText, isGoTrue } from '../rules/support/annotations';
import { asSeq, entry, mapAt, stringValue } from '../yaml/nodes';
import { ingressClassOf, isIngress } from '../k8s/ingress';
import { albClass } from '../rules/policy/alb-clusterip-backend';
import type { FeatureId } from './model';

/** Offsets [start, end) in the object's file. */
export type Span = readonly [number, number];

export interface FeatureDefinition {
  id: FeatureId;
  title: Localized;
  /** The comparison row that says what each CNI does with it (none: no row in the knowledge base). */
  row?: ComparisonRow;
  /** The rules that judge it; empty for features the report counts only as context. */
  rules: readonly string[];
  find(object: K8sObject, templates: readonly PodTemplate[]): Span[];
}

function spanOf(node: Node | null | undefined): Span[] {
  return node?.range ? [[node.range[0], node.range[1]]] : [];
}

/** The keys of pod-template annotations among `keys`. */
function podKeys(keys: readonly string[], accept: (value: string | undefined) => boolean = () => true) {
  return (_object: K8sObject, templates: readonly PodTemplate[]): Span[] =>
    templates.flatMap((template) =>
      podAnnotations(template)
        .filter((e) => keys.includes(e.key) && accept(annotationText(e.valueNode, template.owner.doc)))
        .flatMap((e) => spanOf(e.keyNode)),
    );
}

/** The `kind` value of objects the test accepts. */
function kindOf(test: (object: K8sObject) => boolean) {
  return (object: K8sObject): Span[] => (test(object) ? spanOf(object.kindNode) : []);
}

const isService = (object: K8sObject) => object.group === '' && object.kind === 'Service';

/** `ipFamilyPolicy` asking for dual stack, and each `IPv6` item of `ipFamilies`. */
function dualStackSpans(object: K8sObject): Span[] {
  if (!isService(object)) return [];
  const spec = mapAt(object.node, object.doc, 'spec');
  const policy = entry(spec, 'ipFamilyPolicy')?.valueNode;
  const policyValue = stringValue(policy, object.doc);
  const spans = policyValue === 'RequireDualStack' || policyValue === 'PreferDualStack' ? spanOf(policy) : [];
  for (const item of asSeq(entry(spec, 'ipFamilies')?.valueNode, object.doc)?.items ?? []) {
    if (stringValue(item, object.doc) === 'IPv6') spans.push(...spanOf(item as Node));
  }
  return spans;
}

function serviceAnnotation(key: string, value: string) {
  return (object: K8sObject): Span[] =>
    isService(object)
      ? annotationEntries(object.node, object.doc)
          .filter((e) => e.key === key && stringValue(e.valueNode, object.doc) === value)
          .flatMap((e) => spanOf(e.keyNode))
      : [];
}

function knowledgeOf(key: string): { row?: ComparisonRow; rules: readonly string[] } {
  const known = annotationsByKey.get(key)!;
  return { row: known.row, rules: known.rules };
}

const networkPolicyKnowledge = kindKnowledge({ apiVersion: 'networking.k8s.io/v1', group: 'networking.k8s.io', kind: 'NetworkPolicy' })!;
const calicoKnowledge = kindKnowledge({ apiVersion: 'crd.projectcalico.org/v1', group: 'crd.projectcalico.org', kind: 'GlobalNetworkPolicy' })!;
const podNetworkingKnowledge = kindKnowledge({ apiVersion: `${networkGroup}/v1beta1`, group: networkGroup, kind: podNetworkingKind })!;

/** Objects the kind catalogue files under this entry (the same test hover uses). */
const isKnownAs = (knowledge: KindKnowledge) => (object: K8sObject) => kindKnowledge(object) === knowledge;
const isPodNetworking = isKnownAs(podNetworkingKnowledge);

/** In the order the report lists them. */
export const featureDefinitions: readonly FeatureDefinition[] = [
  {
    id: 'network-policy',
    title: both('Kubernetes NetworkPolicy', 'Kubernetes NetworkPolicy'),
    row: networkPolicyKnowledge.row,
    rules: networkPolicyKnowledge.rules,
    find: kindOf(isKnownAs(networkPolicyKnowledge)),
  },
  {
    id: 'calico-policy',
    title: both('Calico policy resources', 'Calico 策略资源'),
    row: calicoKnowledge.row,
    rules: calicoKnowledge.rules,
    find: kindOf(isKnownAs(calicoKnowledge)),
  },
  {
    id: 'kubernetes-bandwidth',
    title: both('Bandwidth limits (kubernetes.io/*-bandwidth)', '带宽限制（kubernetes.io/*-bandwidth）'),
    ...knowledgeOf(kubernetesBandwidthKeys.ingress),
    find: podKeys(Object.values(kubernetesBandwidthKeys)),
  },
  {
    id: 'aliyun-bandwidth',
    title: both('Bandwidth limits (deprecated k8s.aliyun.com/*-bandwidth)', '带宽限制（已废弃的 k8s.aliyun.com/*-bandwidth）'),
    ...knowledgeOf(aliyunBandwidthKeys.ingress),
    find: podKeys(Object.values(aliyunBandwidthKeys)),
  },
  {
    id: 'multi-nic',
    title: both('Extra pod networks (multi-NIC annotations)', '额外的 Pod 网络（多网卡注解）'),
    ...knowledgeOf(podNetworksRequestKey),
    find: podKeys([podNetworksRequestKey, podNetworksKey]),
  },
  {
    id: 'pod-networking',
    title: both('PodNetworking resources', 'PodNetworking 资源'),
    row: podNetworkingKnowledge.row,
    rules: podNetworkingKnowledge.rules,
    find: kindOf(isPodNetworking),
  },
  {
    id: 'fixed-ip',
    title: both('Fixed pod IPs (PodNetworking allocationType Fixed)', '固定 Pod IP（PodNetworking 的 allocationType 为 Fixed）'),
    row: podNetworkingKnowledge.row,
    rules: podNetworkingKnowledge.rules,
    find: (object) => {
      if (!isPodNetworking(object)) return [];
      const type = entry(mapAt(object.node, object.doc, 'spec', 'allocationType'), 'type')?.valueNode;
      return stringValue(type, object.doc) === 'Fixed' ? spanOf(type) : [];
    },
  },
  {
    id: 'pod-ip-reservation',
    title: both('Pod IP reservation', 'Pod IP 保留'),
    ...knowledgeOf(podIpReservationKey),
    find: podKeys([podIpReservationKey], isGoTrue),
  },
  {
    id: 'dual-stack',
    title: both('IPv4/IPv6 dual-stack Services', 'IPv4/IPv6 双栈 Service'),
    row: ipFamilyPolicyField.row,
    rules: ipFamilyPolicyField.rules,
    find: dualStackSpans,
  },
  {
    id: 'alb-ingress',
    title: both('ALB Ingresses', 'ALB Ingress'),
    rules: ['alb-clusterip-backend'],
    find: kindOf((object) => isIngress(object) && ingressClassOf(object) === albClass),
  },
  {
    id: 'eni-backend',
    title: both('Pods as load balancer backends (backend-type: eni)', 'Pod 直接作为负载均衡后端（backend-type: eni）'),
    ...knowledgeOf(backendTypeKey),
    find: serviceAnnotation(backendTypeKey, 'eni'),
  },
  {
    id: 'load-balancer',
    title: both('LoadBalancer Services', 'LoadBalancer 类型的 Service'),
    row: backendTypeRow,
    rules: [],
    find: (object) => {
      if (!isService(object)) return [];
      const type = entry(mapAt(object.node, object.doc, 'spec'), 'type')?.valueNode;
      return stringValue(type, object.doc) === 'LoadBalancer' ? spanOf(type) : [];
    },
  },
  {
    id: 'eip',
    title: both('Pod EIP annotations', 'Pod EIP 注解'),
    ...knowledgeOf(eipKeys[0]),
    find: podKeys(eipKeys),
  },
  {
    id: 'network-priority',
    title: both('Network priority', '网络优先级'),
    ...knowledgeOf(networkPriorityKey),
    find: podKeys([networkPriorityKey]),
  },
];
