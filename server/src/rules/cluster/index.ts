import type { Rule } from '../types';
import { cidrInvalid } from './cidr-invalid';
import { cidrOverlap } from './cidr-overlap';
import { cniFieldIgnored } from './cni-field-ignored';
import { datapathOsUnsupported } from './datapath-os-unsupported';
import { dualStackConfig } from './dual-stack-config';
import { flannelNodeCapacityRule } from './flannel-node-capacity';
import { nodeQuota } from './node-quota';
import { podsPerNode } from './pods-per-node';
import { terwayModeConflict } from './terway-mode-conflict';

/** Cluster rules (PRODUCT §4): run on every cluster plan, from `.ack-cni.yaml` and cluster configuration files. */
export const clusterRules: readonly Rule[] = [
  cidrOverlap,
  cidrInvalid,
  flannelNodeCapacityRule,
  nodeQuota,
  podsPerNode,
  datapathOsUnsupported,
  terwayModeConflict,
  dualStackConfig,
  cniFieldIgnored,
];
