import { isScalar, type Node } from 'yaml';
import { both } from '../../l10n';
import type { Fix } from '../../engine/finding';
import { replaceScalarFix } from '../../yaml/edits';
import { closest } from '../../util/closest';
import { podAnnotationsWithKeys } from '../support/pods';
import { annotationText, networkPriorities, networkPriorityKey } from '../support/annotations';
import type { Rule } from '../types';

/** The valid priority a slip meant (`Guaranteed`, `best_effort`, `BestEffort`), written in the value's own quoting style. */
function nearestPriorityFix(text: string, written: Node, value: string): Fix | undefined {
  const guess = closest(value, networkPriorities);
  // An alias would send the edit to its anchor, which other keys may share.
  if (!guess || guess === value || !isScalar(written)) return undefined;
  return replaceScalarFix(text, written, guess, both(`Change to ${guess}`, `改为 ${guess}`));
}

export const networkPriorityInvalid: Rule = {
  id: 'network-priority-invalid',
  title: both('Unknown network priority', '无效的网络优先级'),
  scope: 'manifest',
  defaultSeverity: 'error',
  appliesTo: both(
    'Every CNI: the value of the pod annotation k8s.aliyun.com/network-priority.',
    '所有 CNI：Pod 注解 k8s.aliyun.com/network-priority 的取值。',
  ),
  needsProfile: false,
  remediation: both(
    'Set k8s.aliyun.com/network-priority to exactly guaranteed, burstable or best-effort.',
    '请将 k8s.aliyun.com/network-priority 设为 guaranteed、burstable 或 best-effort 之一（须完全一致）。',
  ),
  fixable: true,
  docs: {
    en: {
      what: 'A pod annotation `k8s.aliyun.com/network-priority` whose value is not exactly `guaranteed`, `burstable` or `best-effort` — the three egress priority classes of Terway (tc priority bands 0, 1 and 2). The comparison is case-sensitive: `Guaranteed`, `BestEffort` and `best_effort` are all invalid.',
      why: 'Terway does not fall back to a default: for any other value it records a `ParseFailed` warning event on the pod and gives it no priority at all, so a latency-critical pod ends up competing with bulk traffic while the manifest looks right.',
      fix: 'Use one of the three values exactly as written above. When the value is a case or punctuation slip of one of them, the quick fix writes the valid spelling and keeps the quoting style.',
    },
    zh: {
      what: 'Pod 注解 `k8s.aliyun.com/network-priority` 的值不是 `guaranteed`、`burstable`、`best-effort` 三者之一。这三个值是 Terway 的出方向优先级（对应 tc 优先级队列 0、1、2），区分大小写：`Guaranteed`、`BestEffort`、`best_effort` 都无效。',
      why: 'Terway 不会回退到默认值：遇到其他取值时，它只会在 Pod 上记录一条 `ParseFailed` 告警事件，并且不设置任何优先级。清单看起来没有问题，但对延迟敏感的 Pod 实际上仍在与大流量业务争抢带宽。',
      fix: '请严格使用上述三个值之一。如果只是大小写或标点写错，快速修复会改成正确的写法，并保留原有的引号风格。',
    },
    example: {
      bad: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\n  annotations:\n    k8s.aliyun.com/network-priority: Guaranteed\nspec:\n  containers:\n  - name: api\n    image: nginx\n',
      good: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\n  annotations:\n    k8s.aliyun.com/network-priority: guaranteed\nspec:\n  containers:\n  - name: api\n    image: nginx\n',
    },
    facts: ['1.1'],
    sources: ['src-1', 'src-2', 'src-3'],
  },
  checkObject(_object, { text, doc, podTemplates, report }) {
    for (const { entry } of podAnnotationsWithKeys(podTemplates, [networkPriorityKey])) {
      const written = entry.valueNode;
      // A null or collection value is annotation-value-type's finding; there is no word to check.
      const value = annotationText(written, doc);
      if (written === null || value === undefined || (networkPriorities as readonly string[]).includes(value)) continue;
      const shown = value === '' ? '""' : value;
      report({
        start: written.range![0],
        end: written.range![1],
        message: both(
          `\`${shown}\` is not a network priority Terway knows (guaranteed, burstable, best-effort): Terway records a ParseFailed event and applies no priority.`,
          `\`${shown}\` 不是 Terway 认识的网络优先级（guaranteed、burstable、best-effort）：Terway 会记录 ParseFailed 事件，不设置任何优先级。`,
        ),
        fix: nearestPriorityFix(text, written, value),
      });
    }
  },
};
