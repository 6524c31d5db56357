/**
 * Annotation keys and kinds that rules, hover and completion all need, written once. (Keys used by
 * one family of rules live with it: support/bandwidth.ts, support/podNetworking.ts, support/annotations.ts.)
 */

/** `k8s.aliyun.com/pod-ip-reservation`: keep a pod's IP for reuse (legacy IPAM only). */
export const podIpReservationKey = 'k8s.aliyun.com/pod-ip-reservation';

/** Terway v1.0.x read the first, v1.1.0–v1.10.0 the second (legacy VPC mode). */
export const eniKeys = { lower: 'k8s.aliyun.com/eni', upper: 'k8s.aliyun.com/ENI' } as const;

/** The pod EIP annotations old Terway versions read (the shared parameters and the `pod-` switches). */
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

/** ECI's own EIP switches: Elastic Container Instance pods get their EIP from ECI, not the CNI. */
export const eciEipKeys = ['k8s.aliyun.com/eci-with-eip', 'k8s.aliyun.com/eci-eip-instanceid'] as const;

/** Pod annotations Terway's daemon writes (the webhook's are pod-eni and pod-networking). */
export const daemonWrittenKeys = ['k8s.aliyun.com/pod-ips', 'k8s.aliyun.com/allocated', 'k8s.aliyun.com/pod-uid'] as const;
export const webhookWrittenKeys = ['k8s.aliyun.com/pod-eni'] as const;

/** Read by cloud-controller-manager on a Service: `eni` puts pod ENIs behind the load balancer. */
export const backendTypeKey = 'service.beta.kubernetes.io/backend-type';

/** Calico's policy API: the CRDs Felix reads, and the aggregated API of Calico's API server. */
export const calicoApiVersions = { crd: 'crd.projectcalico.org/v1', aggregated: 'projectcalico.org/v3' } as const;
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
