import { both } from '../../l10n';
import type { Report } from '../../engine/finding';
import type { YamlDocument } from '../../yaml/parse';
import type { Rule } from '../types';

interface InternalErrorRule extends Rule {
  reportFor(failed: Rule, error: unknown, where: Pick<YamlDocument, 'start'>): Report;
}

export const internalError: InternalErrorRule = {
  id: 'internal-error',
  title: both('A rule failed', '规则执行失败'),
  scope: 'file',
  defaultSeverity: 'warning',
  appliesTo: both('Every file, whatever the CNI.', '所有文件，与 CNI 无关。'),
  needsProfile: false,
  remediation: both('Report the file and the message as a bug; the other rules still checked this document.', '请将该文件与消息作为缺陷报告；其他规则仍已检查此文档。'),
  fixable: false,
  docs: {
    en: {
      what: 'One rule threw an exception on this YAML document. The finding names the rule and the error.',
      why: 'A failing rule must not hide the findings of the others, nor crash the editor. This finding says that one check did not run.',
      fix: 'Please report it with the document that triggers it. Meanwhile you can turn the failing rule off in `.ack-cni.yaml` (`rules: {<id>: off}`).',
    },
    zh: {
      what: '某条规则在检查该 YAML 文档时抛出了异常，诊断信息中包含规则名和错误。',
      why: '一条规则出错不应掩盖其他规则的结果，也不应让编辑器崩溃。这条诊断说明有一项检查没有完成。',
      fix: '请附上触发问题的文档报告缺陷。在修复之前，可以在 `.ack-cni.yaml` 中关闭该规则（`rules: {<id>: off}`）。',
    },
    example: { bad: '', good: '' },
    facts: [],
    sources: [],
  },
  reportFor(failed, error, where) {
    const detail = error instanceof Error ? error.message : String(error);
    const start = where.start;
    return {
      start,
      end: start,
      message: both(`Rule ${failed.id} failed on this document: ${detail}`, `规则 ${failed.id} 检查此文档时出错：${detail}`),
    };
  },
};
