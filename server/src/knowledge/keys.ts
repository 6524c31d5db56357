/**
 * Every annotation key and kind hover and completion need, from the rule modules that define
 * them, so the knowledge modules import each key from one place and never keep a copy.
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

export {
  backendTypeKey,
  calicoPolicyKinds,
  daemonWrittenKeys,
  eciEipKeys,
  eipKeys,
  podIpReservationKey,
  webhookWrittenKeys,
} from '../rules/support/keys';
import { calicoApiVersions as calico, daemonWrittenKeys, eniKeys as eni, webhookWrittenKeys } from '../rules/support/keys';

export const eniKeys = [eni.lower, eni.upper] as const;
export const calicoApiVersions = [calico.crd, calico.aggregated] as const;
/** The system-written pod keys (pod-networking, also written by the webhook, comes from support/podNetworking). */
export const systemKeys = [...webhookWrittenKeys, ...daemonWrittenKeys] as const;
