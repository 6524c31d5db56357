import type { Rule } from '../types';
import { aliyunBandwidthDeprecated } from './aliyun-bandwidth-deprecated';
import { aliyunBandwidthInvalid } from './aliyun-bandwidth-invalid';
import { bandwidthInvalid } from './bandwidth-invalid';
import { bandwidthUnsupported } from './bandwidth-unsupported';

/** Pod bandwidth annotations (kubernetes.io/* and the deprecated k8s.aliyun.com/*). */
export const bandwidthRules: readonly Rule[] = [bandwidthUnsupported, bandwidthInvalid, aliyunBandwidthDeprecated, aliyunBandwidthInvalid];
