import type { Rule } from '../types';
import { podNetworksInvalid } from './pod-networks-invalid';
import { podNetworksUnsupported } from './pod-networks-unsupported';
import { podNetworkingInvalid } from './podnetworking-invalid';
import { podNetworkingUnsupported } from './podnetworking-unsupported';

/** Multi-NIC pod annotations and the PodNetworking CRD. */
export const podNetworksRules: readonly Rule[] = [podNetworksInvalid, podNetworksUnsupported, podNetworkingUnsupported, podNetworkingInvalid];
