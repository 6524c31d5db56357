import { both } from '../../l10n';
import type { Report } from '../../engine/finding';
import type { Rule } from '../types';

interface FileTooLargeRule extends Rule {
  reportFor(text: string, limitBytes: number): Report;
}

export const fileTooLarge: FileTooLargeRule = {
  id: 'file-too-large',
  title: both('File skipped: larger than the size limit', '文件过大，已跳过'),
  scope: 'file',
  defaultSeverity: 'hint',
  appliesTo: both('Files in the editor larger than `ackCni.maxFileSizeKb`.', '编辑器中大于 `ackCni.maxFileSizeKb` 的文件。'),
  needsProfile: false,
  remediation: both('Raise `ackCni.maxFileSizeKb` to lint this file in the editor, or lint it with the CLI, which has no limit.', '调大 `ackCni.maxFileSizeKb` 以在编辑器中检查该文件，或使用没有大小限制的命令行工具检查。'),
  fixable: false,
  docs: {
    en: {
      what: 'The file is larger than the `ackCni.maxFileSizeKb` setting, so the editor does not lint it; this one hint says so.',
      why: 'Generated bundles of many megabytes (CRD collections, rendered charts) rarely hold what the rules look for, and a limit keeps typing in them responsive. Saying that a file was skipped is better than showing no findings as if it were clean.',
      fix: 'Raise `ackCni.maxFileSizeKb` (workspace or folder setting) if the file matters, or run `ack-cni-lint` on it in CI, which lints files of any size.',
    },
    zh: {
      what: '文件大于 `ackCni.maxFileSizeKb` 设置的大小，编辑器不会检查它，并给出这一条提示。',
      why: '几 MB 的生成文件（CRD 合集、渲染后的 Chart）很少包含规则关心的内容，设置上限能让编辑保持流畅。明确提示文件已被跳过，比不显示任何问题、看起来像没有问题更好。',
      fix: '如果该文件需要检查，请调大 `ackCni.maxFileSizeKb`（工作区或文件夹设置），或在 CI 中用 `ack-cni-lint` 检查它，命令行工具不限制文件大小。',
    },
    example: { bad: '', good: '' },
    facts: [],
    sources: [],
  },
  reportFor(text, limitBytes) {
    const firstLineEnd = text.indexOf('\n');
    const kb = Math.round(text.length / 1024);
    const limitKb = Math.round(limitBytes / 1024);
    return {
      start: 0,
      end: firstLineEnd === -1 ? Math.min(text.length, 200) : firstLineEnd,
      message: both(
        `This file (${kb} KB) is larger than ackCni.maxFileSizeKb (${limitKb} KB): it is not linted in the editor.`,
        `该文件（${kb} KB）大于 ackCni.maxFileSizeKb（${limitKb} KB），编辑器中不对其进行检查。`,
      ),
    };
  },
};
