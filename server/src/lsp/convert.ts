import { CompletionItemKind, DiagnosticSeverity, InsertTextFormat, MarkupKind, type CodeAction, type CompletionItem, type Hover, type Diagnostic, type Position, type Range, type TextEdit as LspTextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { pathToFileURL } from 'node:url';
import type { Finding, FileChange, Severity } from '../engine/finding';
import type { ActionPlan } from '../features/codeActions';
import type { CompletionEntry, HoverResult } from '../features/types';
import { ruleDocsUrl } from '../docs/links';
import type { Locale } from '../l10n';
import { LineIndex } from '../yaml/lineIndex';

const severityMap: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const diagnosticSource = 'ack-cni';

function range(lines: LineIndex, start: number, end: number) {
  return { start: lines.position(start), end: lines.position(end) };
}

/** Turns offsets of one text into positions. */
export type PositionAt = (offset: number) => Position;

function lineIndexPositions(text: string): PositionAt {
  const lines = LineIndex.of(text);
  return (offset) => lines.position(offset);
}

/**
 * Findings of the document at `uri` as LSP diagnostics: offsets become ranges here, at the edge.
 * `positionAt` may come from the open document's line table, which its library keeps up to date
 * through edits: indexing the lines of a 5 MB text again took 7 ms of each edit.
 */
export function toDiagnostics(uri: string, text: string, findings: readonly Finding[], locale: Locale, positionAt: PositionAt = lineIndexPositions(text)): Diagnostic[] {
  return findings.map((finding) => ({
    range: { start: positionAt(finding.start), end: positionAt(finding.end) },
    severity: severityMap[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: ruleDocsUrl(finding.ruleId, locale) },
    source: diagnosticSource,
    message: finding.message,
    ...(finding.related
      ? {
          relatedInformation: finding.related.map((place) => ({
            location: { uri: place.file === null ? uri : pathToFileURL(place.file).toString(), range: place.range },
            message: place.message,
          })),
        }
      : {}),
  }));
}

/** Finds the finding a diagnostic was made from, by rule id and exact range. */
export function findingFor(text: string, findings: readonly Finding[], diagnostic: Diagnostic): Finding | undefined {
  if (diagnostic.source !== diagnosticSource) return undefined;
  const lines = new LineIndex(text);
  const start = lines.offset(diagnostic.range.start.line, diagnostic.range.start.character);
  const end = lines.offset(diagnostic.range.end.line, diagnostic.range.end.character);
  return findings.find((f) => f.ruleId === diagnostic.code && f.start === start && f.end === end);
}

/**
 * A planned action as an LSP code action. `readText` gives the current text of other files the
 * action edits (the profile), so their offsets can become ranges too; undefined when one cannot be read.
 */
export function toCodeAction(
  uri: string,
  text: string,
  plan: ActionPlan,
  diagnostics: Diagnostic[],
  readText: (file: string) => string | undefined,
): CodeAction | undefined {
  const action: CodeAction = { title: plan.title, kind: plan.kind, ...(diagnostics.length > 0 ? { diagnostics } : {}) };
  if (plan.isPreferred) action.isPreferred = true;
  if (plan.command) action.command = plan.command;
  if (plan.changes) {
    const changes: Record<string, LspTextEdit[]> = {};
    for (const change of plan.changes) {
      const targetText = change.file === null ? text : readText(change.file);
      if (targetText === undefined) return undefined;
      const target = change.file === null ? uri : pathToFileURL(change.file).toString();
      changes[target] = toLspEdits(targetText, change);
    }
    action.edit = { changes } satisfies WorkspaceEdit;
  }
  return action;
}

function toLspEdits(text: string, change: FileChange): LspTextEdit[] {
  const lines = new LineIndex(text);
  return change.edits.map((edit) => ({ range: range(lines, edit.start, edit.end), newText: edit.newText }));
}

export function toHover(text: string, hover: HoverResult): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: range(new LineIndex(text), hover.start, hover.end) };
}

const completionKinds: Record<CompletionEntry['kind'], CompletionItemKind> = {
  annotation: CompletionItemKind.Property,
  key: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
};

export function toCompletionItems(text: string, entries: readonly CompletionEntry[]): CompletionItem[] {
  const lines = new LineIndex(text);
  return entries.map((entry, index) => ({
    label: entry.label,
    kind: completionKinds[entry.kind],
    ...(entry.detail ? { detail: entry.detail } : {}),
    ...(entry.documentation ? { documentation: { kind: MarkupKind.Markdown, value: entry.documentation } } : {}),
    textEdit: { range: range(lines, entry.start, entry.end), newText: entry.insertText },
    insertTextFormat: InsertTextFormat.PlainText,
    sortText: `${entry.preselect ? 0 : 1}${String(index).padStart(4, '0')}`,
    ...(entry.preselect ? { preselect: true } : {}),
  }));
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/**
 * Whether two lists of diagnostics say the same, in the same order: most edits (typing inside a
 * value) leave them so, and the server then answers a pull with `unchanged` instead of sending
 * them again (2,000 diagnostics of a 5 MB file are 0.9 MB of JSON for the client to read).
 */
export function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) {
    const x = a[index];
    const y = b[index];
    if (x === y) continue;
    if (x.code !== y.code || x.severity !== y.severity || x.message !== y.message || !sameRange(x.range, y.range)) return false;
    if (x.codeDescription?.href !== y.codeDescription?.href) return false;
    const related = x.relatedInformation ?? [];
    const other = y.relatedInformation ?? [];
    if (related.length !== other.length) return false;
    if (related.some((place, at) => place.message !== other[at].message || place.location.uri !== other[at].location.uri || !sameRange(place.location.range, other[at].location.range))) return false;
  }
  return true;
}
