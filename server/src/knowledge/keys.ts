/**
 * Annotation keys and kinds that hover and completion need but that the rule files keep private.
 * The keys the rules already share live in rules/support/* and are re-exported here, so the
 * knowledge modules import every key from one place.
 *
 * The private copies below must match the rule files they name; test/unit/knowledge.test.ts
 * lints a pod with each key and checks that the named rule fires on it.
 */
export { aliyunBandwidthKeys, kubernetesBandwidthKeys } from '../rules/support/bandwidth';
export { networkPriorities, networkPriorityKey } from '../rules/support/annotations';
export {
  networkGroup,
  podNetworkingKey,
  podNetworkingKind,
  podNetworksKey,
  podNetworksRequestKey,
  systemOwnedKinds,
} from '../rules/support/podNetworking';
export { ignoreAnnotation } from '../engine/suppress';

/** As in rules/annotations/pod-ip-reservation-unsupported.ts. */
export const podIpReservationKey = 'k8s.aliyun.com/pod-ip-reservation';

/** As in rules/annotations/eni-annotation-obsolete.ts: Terway v1.0.x read the first, v1.1.0–v1.10.0 the second. */
export const eniKeys = ['k8s.aliyun.com/eni', 'k8s.aliyun.com/ENI'] as const;

/** As in rules/annotations/eip-annotation-deprecated.ts. */
export const eipKeys = [
  'k8s.aliyun.com/pod-with-eip',
  'k8s.aliyun.com/pod-eip-instanceid',
  'k8s.aliyun.com/eip-bandwidth',
  'k8s.aliyun.com/eip-charge-type',
  'k8s.aliyun.com/eip-internet-charge-type',
  'k8s.aliyun.com/eip-isp',
  'k8s.aliyun.com/eip-common-bandwidth-package-id',
  'k8s.aliyun.com/eip-public-ip-address-pool-id',
] as const;

/** As in rules/annotations/eip-annotation-deprecated.ts: ECI's own switches, which that rule leaves alone. */
export const eciEipKeys = ['k8s.aliyun.com/eci-with-eip', 'k8s.aliyun.com/eci-eip-instanceid'] as const;

/** As in rules/annotations/system-annotation.ts (pod-networking, also written by the webhook, comes from support). */
export const systemKeys = ['k8s.aliyun.com/pod-eni', 'k8s.aliyun.com/pod-ips', 'k8s.aliyun.com/allocated', 'k8s.aliyun.com/pod-uid'] as const;

/** As in rules/policy/eni-backend-unsupported.ts: read by cloud-controller-manager on the Service. */
export const backendTypeKey = 'service.beta.kubernetes.io/backend-type';

/** As in rules/policy/calico-policy-unsupported.ts. */
export const calicoApiVersions = ['crd.projectcalico.org/v1', 'projectcalico.org/v3'] as const;
export const calicoPolicyKinds = [
  'NetworkPolicy',
  'GlobalNetworkPolicy',
  'NetworkSet',
  'GlobalNetworkSet',
  'StagedNetworkPolicy',
  'StagedGlobalNetworkPolicy',
  'StagedKubernetesNetworkPolicy',
  'Tier',
] as const;

