import { both, type Localized } from '../l10n';
import type { Severity } from '../engine/finding';

/**
 * The word a hover puts before a finding's message ("not enforced — Flannel does not …").
 * Several rules report the same problem at different severities on purpose: below their default
 * when it hits only part of the cluster (the exclusive-ENI pools of mixed mode) or degrades
 * quietly, above it when the object is rejected outright. The word follows that, as long as the
 * user has not overridden the rule's severity (then only the default word is safe).
 */
export interface RuleVerdict {
  word: Localized;
  /** Findings below the rule's default severity. `partial`: the feature still works on some nodes. */
  lower?: { word: Localized; partial: boolean };
  /** Findings above the rule's default severity. */
  higher?: Localized;
}

const notApplied = both('not applied', '不生效');
const onExclusivePools = both('not applied on exclusive-ENI node pools', '在独占 ENI 节点池上不生效');
const rejected = both('rejected', '会被拒绝');
const notSupported = both('not supported', '不支持');

export const ruleVerdicts: Readonly<Record<string, RuleVerdict>> = {
  'network-policy-unsupported': {
    word: both('not enforced', '不生效'),
    lower: { word: both('not enforced on exclusive-ENI node pools', '在独占 ENI 节点池上不生效'), partial: true },
  },
  'network-policy-endport': {
    word: both('port range not enforced', '端口范围不生效'),
    lower: { word: both('port range may be ignored', '端口范围可能被忽略'), partial: true },
    higher: rejected,
  },
  'calico-policy-unsupported': {
    word: notApplied,
    lower: { word: both('applies at most where Felix runs', '最多只在运行 Felix 的节点上生效'), partial: true },
  },
  'dual-stack-unsupported': {
    word: rejected,
    lower: { word: both('falls back to IPv4', '退回为 IPv4 单栈'), partial: false },
  },
  'eni-backend-unsupported': { word: notSupported },
  'bandwidth-unsupported': { word: notApplied, lower: { word: onExclusivePools, partial: true } },
  'bandwidth-invalid': { word: rejected },
  'aliyun-bandwidth-deprecated': { word: both('deprecated', '已废弃'), higher: both('ignored', '被忽略') },
  'aliyun-bandwidth-invalid': { word: both('not parsed, no limit', '无法解析，不限速') },
  'annotation-value-type': { word: both('not a string', '不是字符串') },
  'network-priority-invalid': { word: both('not a valid priority', '取值无效') },
  'network-priority-unsupported': { word: notApplied, lower: { word: onExclusivePools, partial: true } },
  'pod-ip-reservation-unsupported': { word: notApplied, lower: { word: onExclusivePools, partial: true } },
  'eni-annotation-obsolete': { word: both('obsolete', '已过时') },
  'eip-annotation-deprecated': { word: both('deprecated', '已废弃'), higher: notSupported },
  'system-annotation': { word: both('managed by the system', '由系统维护') },
  'pod-networks-invalid': { word: rejected },
  'pod-networks-unsupported': { word: notSupported },
  'podnetworking-unsupported': { word: notSupported, lower: { word: both('owned by Terway', '由 Terway 维护'), partial: false } },
  'podnetworking-invalid': { word: both('invalid', '无效'), lower: { word: both('unsupported', '不受支持'), partial: false } },
  'profile-invalid': { word: both('invalid', '无效') },
  // Cluster rules: their findings sit on values of cluster configurations and of the profile.
  'cidr-overlap': { word: both('overlaps', '网段重叠') },
  'cidr-invalid': { word: both('invalid', '无效'), lower: { word: both('host bits set', '主机位不为 0'), partial: false } },
  'flannel-node-capacity': { word: both('too small', '容量不足'), lower: { word: both('may be too small', '可能容量不足'), partial: false } },
  'node-quota': { word: both('over the quota', '超出配额'), lower: { word: both('over the default quota', '超出默认配额'), partial: false } },
  'pods-per-node': { word: both('cannot join', '无法加入'), lower: { word: both('unknown', '未知'), partial: false } },
  'datapath-os-unsupported': { word: notSupported, lower: { word: both('not supported from Terway v1.14.0', 'Terway v1.14.0 起不支持'), partial: false } },
  'terway-mode-conflict': { word: both('not available', '不可用') },
  'dual-stack-config': { word: notSupported },
  'cni-field-ignored': { word: both('ignored', '被忽略') },
};

const severityRank: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };

/**
 * The verdict word for a finding of a rule at `severity`, read against the rule's default severity
 * (so only meaningful for severities the rule chose itself); undefined for rules without a word.
 */
export function verdictAt(ruleId: string, severity: Severity, defaultSeverity: Severity): { word: Localized; partial: boolean } | undefined {
  const verdict = ruleVerdicts[ruleId];
  if (!verdict) return undefined;
  const difference = severityRank[severity] - severityRank[defaultSeverity];
  if (difference < 0 && verdict.lower) return verdict.lower;
  if (difference > 0 && verdict.higher) return { word: verdict.higher, partial: false };
  return { word: verdict.word, partial: false };
}
