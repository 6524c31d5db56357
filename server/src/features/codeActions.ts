import { both, pick, type Locale } from '../l10n';
import type { FileChange, Finding, TextEdit } from '../engine/finding';
import { parseYamlDocuments } from '../yaml/parse';
import { LineIndex } from '../yaml/lineIndex';
import { commands } from '../lsp/protocol';

/** A code action before it becomes LSP: offsets, not ranges. */
export interface ActionPlan {
  title: string;
  kind: 'quickfix' | 'source.fixAll.ackCni';
  changes?: FileChange[];
  command?: { title: string; command: string; arguments: unknown[] };
  isPreferred?: boolean;
}



function newlineOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

const nextLineDirective = /^([ \t]*)#\s*ack-cni-disable-next-line\b(.*)$/;

/**
 * `# ack-cni-disable-next-line <rule>` above the finding's line, indented like it. When the line
 * above already is such a comment, the rule is added to its list instead of stacking another.
 */
export function disableLineEdit(text: string, finding: Finding): TextEdit {
  const lines = new LineIndex(text);
  const line = lines.position(finding.start).line;
  const content = lines.lineText(line);
  const indent = /^[ \t]*/.exec(content)![0];
  if (line > 0) {
    const above = nextLineDirective.exec(lines.lineText(line - 1));
    if (above) {
      const end = lines.lineEnd(line - 1);
      const listed = above[2].split(/[\s,]+/).filter(Boolean);
      if (listed.includes(finding.ruleId)) return { start: end, end, newText: '' };
      return { start: end, end, newText: listed.length > 0 ? `, ${finding.ruleId}` : ` ${finding.ruleId}` };
    }
  }
  const at = lines.lineStart(line);
  return { start: at, end: at, newText: `${indent}# ack-cni-disable-next-line ${finding.ruleId}${newlineOf(text)}` };
}

/** `# ack-cni-disable <rule>` as the first line of the YAML document that holds the finding (after its `---`). */
export function disableDocumentEdit(text: string, finding: Finding): TextEdit {
  const documents = parseYamlDocuments(text);
  const document = documents.find((d) => finding.start >= d.start && finding.start <= d.end) ?? documents[0];
  const lines = new LineIndex(text);
  let line = document ? lines.position(document.start).line : 0;
  if (/^---(\s|$)/.test(lines.lineText(line)) && line + 1 < lines.lineCount) line++;
  const at = lines.lineStart(line);
  return { start: at, end: at, newText: `# ack-cni-disable ${finding.ruleId}${newlineOf(text)}` };
}

/**
 * The actions offered for one finding: its fix (preferred), silencing it for the line or the
 * document, and its documentation. JSON has no comments, so it gets no silencing actions.
 */
export function actionsForFinding(text: string, finding: Finding, locale: Locale, isJson: boolean): ActionPlan[] {
  const plans: ActionPlan[] = [];
  if (finding.fix) plans.push({ title: finding.fix.title, kind: 'quickfix', changes: finding.fix.changes, isPreferred: true });
  if (!isJson) {
    plans.push({
      title: pick(both(`Disable ${finding.ruleId} for this line`, `在此行禁用 ${finding.ruleId}`), locale),
      kind: 'quickfix',
      changes: [{ file: null, edits: [disableLineEdit(text, finding)] }],
    });
    plans.push({
      title: pick(both(`Disable ${finding.ruleId} for this document`, `在此文档中禁用 ${finding.ruleId}`), locale),
      kind: 'quickfix',
      changes: [{ file: null, edits: [disableDocumentEdit(text, finding)] }],
    });
  }
  const docsTitle = pick(both(`Show documentation for ${finding.ruleId}`, `查看 ${finding.ruleId} 的文档`), locale);
  plans.push({ title: docsTitle, kind: 'quickfix', command: { title: docsTitle, command: commands.showRuleDocs, arguments: [finding.ruleId] } });
  return plans;
}

/**
 * `source.fixAll.ackCni`: every fix that edits only this file, in order, skipping any that would
 * overlap an earlier one (a second run picks those up). Fixes to other files (the profile) are
 * left to the user, since they change what the cluster is said to be.
 */
export function fixAllPlan(findings: readonly Finding[], locale: Locale): ActionPlan | undefined {
  const edits: TextEdit[] = [];
  let lastEnd = -1;
  for (const finding of [...findings].sort((a, b) => a.start - b.start)) {
    const changes = finding.fix?.changes;
    if (!changes || changes.some((change) => change.file !== null)) continue;
    const fileEdits = changes.flatMap((change) => change.edits).sort((a, b) => a.start - b.start);
    if (fileEdits.length === 0 || fileEdits[0].start < lastEnd) continue;
    edits.push(...fileEdits);
    lastEnd = Math.max(...fileEdits.map((edit) => edit.end));
  }
  if (edits.length === 0) return undefined;
  return {
    title: pick(both('Fix all auto-fixable ack-cni problems', '修复所有可自动修复的 ack-cni 问题'), locale),
    kind: 'source.fixAll.ackCni',
    changes: [{ file: null, edits }],
  };
}
