import { both } from '../../l10n';
import { readProfileDocument } from '../../profile/validate';
import type { Rule } from '../types';

export const profileInvalid: Rule = {
  id: 'profile-invalid',
  title: both('Invalid cluster profile', '集群配置文件无效'),
  scope: 'profile',
  defaultSeverity: 'error',
  appliesTo: both('`.ack-cni.yaml` files.', '`.ack-cni.yaml` 文件。'),
  needsProfile: false,
  remediation: both('Use only the documented keys of `.ack-cni.yaml`, each with a value of its type.', '`.ack-cni.yaml` 中只使用文档列出的键，并为每个键填写正确类型的值。'),
  fixable: true,
  docs: {
    en: {
      what: 'A key of `.ack-cni.yaml` is unknown, has a value of the wrong type (`networkPolicy: yes` instead of `true`), a value outside its list (`eniMode: share`), a rule id that does not exist under `rules:`, or `cni` is missing.',
      why: 'The profile tells every other rule which CNI and mode the cluster runs. A misspelt key is silently a default: a cluster with NetworkPolicy switched on would be linted as if it were off. Values that are wrong fall back to their defaults, and without a valid `cni` the CNI-dependent rules stay silent.',
      fix: 'Correct the key or value. Where the slip is clear (a misspelt key, a value in the wrong case), the quick fix puts the intended one.',
    },
    zh: {
      what: '`.ack-cni.yaml` 中出现了未知的键、类型错误的值（如 `networkPolicy: yes` 而非 `true`）、不在可选范围内的值（如 `eniMode: share`）、`rules:` 下不存在的规则 ID，或缺少 `cni`。',
      why: '该配置告诉其他所有规则集群使用的 CNI 及其模式。拼错的键会被当作默认值：一个开启了 NetworkPolicy 的集群会被当作未开启来检查。错误的值会回退为默认值；没有有效的 `cni` 时，依赖 CNI 的规则不会执行。',
      fix: '修正键或值。当意图明确（键拼写错误、大小写错误）时，快速修复会替换为正确的写法。',
    },
    example: {
      bad: 'cni: terway\nterway:\n  eniMode: share\n  networkpolicy: true\n',
      good: 'cni: terway\nterway:\n  eniMode: shared\n  networkPolicy: true\n',
    },
    facts: [],
    sources: [],
  },
  checkDocument({ text, document, ruleIds, report }) {
    if (document.index > 0) {
      report({
        start: document.start,
        end: Math.min(document.end, text.indexOf('\n', document.start) === -1 ? document.end : text.indexOf('\n', document.start)),
        message: both('A .ack-cni.yaml file holds one document; this one is ignored.', '.ack-cni.yaml 只能包含一个文档，此文档将被忽略。'),
      });
      return;
    }
    for (const problem of readProfileDocument(text, document.doc, ruleIds).problems) report(problem);
  },
};
