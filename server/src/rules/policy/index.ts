import type { Rule } from '../types';
import { albClusteripBackend } from './alb-clusterip-backend';
import { calicoPolicyUnsupported } from './calico-policy-unsupported';
import { dualStackUnsupported } from './dual-stack-unsupported';
import { eniBackendUnsupported } from './eni-backend-unsupported';
import { networkPolicyEndport } from './network-policy-endport';
import { networkPolicyUnsupported } from './network-policy-unsupported';

/** NetworkPolicy, Calico policy and Service networking rules. */
export const policyRules: readonly Rule[] = [
  networkPolicyUnsupported,
  networkPolicyEndport,
  calicoPolicyUnsupported,
  dualStackUnsupported,
  eniBackendUnsupported,
  albClusteripBackend,
];
