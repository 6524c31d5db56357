import type { Rule } from '../types';
import { networkPolicyUnsupported } from './network-policy-unsupported';

/** NetworkPolicy, Calico policy and Service networking rules. */
export const policyRules: readonly Rule[] = [networkPolicyUnsupported];
