import { both } from '../../l10n';
import type { Report } from '../../engine/finding';
import type { Rule } from '../types';

interface FileTooLargeRule extends Rule {
  reportFor(text: string, limitBytes: number): Report;
  /** A `.tf` file longer than the Terraform parser is given (cluster/readers/terraform.ts), in the editor and the CLI alike. */
  reportForTerraform(text: string, limitBytes: number): Report;
}

function firstLine(text: string): { start: number; end: number } {
  const firstLineEnd = text.indexOf('\n');
  return { start: 0, end: firstLineEnd === -1 ? Math.min(text.length, 200) : firstLineEnd };
}

export const fileTooLarge: FileTooLargeRule = {
  id: 'file-too-large',
  title: both('File skipped: larger than the size limit', '文件过大，已跳过'),
  scope: 'file',
  defaultSeverity: 'hint',
  appliesTo: both('Files in the editor larger than `ackCni.maxFileSizeKb`; Terraform files over 4 MB everywhere.', '编辑器中大于 `ackCni.maxFileSizeKb` 的文件；任何情况下大于 4 MB 的 Terraform 文件。'),
  needsProfile: false,
  remediation: both('Raise `ackCni.maxFileSizeKb` to lint this file in the editor, or lint it with the CLI, which has no limit.', '调大 `ackCni.maxFileSizeKb` 以在编辑器中检查该文件，或使用没有大小限制的命令行工具检查。'),
  fixable: false,
  docs: {
    en: {
      what: 'The file is larger than the `ackCni.maxFileSizeKb` setting, so the editor does not lint it; this one hint says so. A Terraform file over 4 MB gets the same hint in the editor and the CLI: the Terraform parser is not given it.',
      why: 'Generated bundles of many megabytes (CRD collections, rendered charts) rarely hold what the rules look for, and a limit keeps typing in them responsive. Saying that a file was skipped is better than showing no findings as if it were clean.',
      fix: 'Raise `ackCni.maxFileSizeKb` (workspace or folder setting) if the file matters, or run `ack-cni-lint` on it in CI, which lints YAML and JSON files of any size. Split a Terraform file over 4 MB.',
    },
    zh: {
      what: '文件大于 `ackCni.maxFileSizeKb` 设置的大小，编辑器不会检查它，并给出这一条提示。大于 4 MB 的 Terraform 文件在编辑器和命令行中都会得到同样的提示：不会交给 Terraform 解析器。',
      why: '几 MB 的生成文件（CRD 合集、渲染后的 Chart）很少包含规则关心的内容，设置上限能让编辑保持流畅。明确提示文件已被跳过，比不显示任何问题、看起来像没有问题更好。',
      fix: '如果该文件需要检查，请调大 `ackCni.maxFileSizeKb`（工作区或文件夹设置），或在 CI 中用 `ack-cni-lint` 检查它，命令行工具不限制 YAML 和 JSON 文件的大小。请拆分大于 4 MB 的 Terraform 文件。',
    },
    example: { bad: '', good: '' },
    facts: [],
    sources: [],
  },
  reportFor(text, limitBytes) {
    const kb = Math.round(text.length / 1024);
    const limitKb = Math.round(limitBytes / 1024);
    return {
      ...firstLine(text),
      message: both(
        `This file (${kb} KB) is larger than ackCni.maxFileSizeKb (${limitKb} KB): it is not linted in the editor.`,
        `该文件（${kb} KB）大于 ackCni.maxFileSizeKb（${limitKb} KB），编辑器中不对其进行检查。`,
      ),
    };
  },
  reportForTerraform(text, limitBytes) {
    const kb = Math.round(text.length / 1024);
    const limitKb = Math.round(limitBytes / 1024);
    return {
      ...firstLine(text),
      message: both(
        `This Terraform file (${kb} KB) is larger than the ${limitKb} KB the Terraform reader accepts: its cluster settings are not checked.`,
        `该 Terraform 文件（${kb} KB）超过 Terraform 读取器可接受的 ${limitKb} KB，不检查其中的集群设置。`,
      ),
    };
  },
};
