import type { Rule } from '../types';

/** Multi-NIC pod annotations and the PodNetworking CRD. */
export const podNetworksRules: readonly Rule[] = [];
