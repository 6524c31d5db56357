import type { Rule } from '../types';

/** Pod bandwidth annotations (kubernetes.io/* and the deprecated k8s.aliyun.com/*). */
export const bandwidthRules: readonly Rule[] = [];
