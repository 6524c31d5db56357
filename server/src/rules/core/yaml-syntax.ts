import { both } from '../../l10n';
import type { Rule } from '../types';

/** A document with more errors than this reports the first ones only: the rest usually follow from them. */
const maxErrorsPerDocument = 20;

/** Longer parser messages are cut: they quote the token they met, which can be a whole line. */
const maxDetailLength = 200;

/**
 * The parser's message without its position (the diagnostic has one): its first line, up to
 * ` at line N, column M:`. The search is for that literal suffix; `\s+at line…$` backtracked over
 * a quoted run of 50,000 spaces for 800 ms.
 */
function detailOf(message: string): string {
  const first = message.split('\n')[0];
  const position = / at line \d+, column \d+:?$/.exec(first);
  const detail = position ? first.slice(0, position.index).trimEnd() : first;
  return detail.length > maxDetailLength ? `${detail.slice(0, maxDetailLength)}…` : detail;
}

/** The parser often marks one character; the whole token there (a duplicate key, say) reads better. */
function tokenEnd(text: string, start: number): number {
  const token = /^[^\s:,[\]{}#]+/.exec(text.slice(start, start + 200));
  return start + Math.max(1, token ? token[0].length : 1);
}

export const yamlSyntax: Rule = {
  id: 'yaml-syntax',
  title: both('YAML syntax error', 'YAML 语法错误'),
  scope: 'file',
  defaultSeverity: 'error',
  appliesTo: both('Every file, whatever the CNI.', '所有文件，与 CNI 无关。'),
  needsProfile: false,
  remediation: both('Fix the YAML so the document parses; the other rules check it once it does.', '修正 YAML 语法，使文档能被解析；解析成功后才会执行其他检查。'),
  fixable: false,
  docs: {
    en: {
      what: 'A YAML document of the file could not be parsed: bad indentation, an unclosed quote or bracket, a tab used for indentation, a duplicate key.',
      why: 'A document that does not parse cannot be checked against the cluster\'s CNI, and `kubectl apply` rejects it too. The other documents of the same file are still checked.',
      fix: 'Correct the syntax at the reported position. Duplicate keys are errors in YAML 1.2: keep one of them.',
    },
    zh: {
      what: '文件中的某个 YAML 文档无法解析：缩进错误、引号或括号未闭合、用 Tab 缩进、键重复等。',
      why: '无法解析的文档不能针对集群的 CNI 进行检查，`kubectl apply` 同样会拒绝它。同一文件中的其他文档仍会被检查。',
      fix: '在报告的位置修正语法。YAML 1.2 不允许重复的键，只保留其中一个。',
    },
    example: {
      bad: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n   namespace: prod\n',
      good: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: prod\n',
    },
    facts: [],
    sources: [],
  },
  checkDocument({ text, document, report }) {
    for (const error of document.errors.slice(0, maxErrorsPerDocument)) {
      // The parser may place an error one past the end of the text (an unclosed bracket at EOF).
      const start = Math.min(error.pos[0], text.length);
      const end = Math.min(Math.max(error.pos[1], tokenEnd(text, start)), text.length);
      const detail = detailOf(error.message);
      report({
        start,
        end,
        message: both(`YAML syntax error: ${detail} (this document is not checked until it parses).`, `YAML 语法错误：${detail}（在修正前不会检查此文档）。`),
      });
    }
  },
};
