import { DocumentDiagnosticReportKind, type Diagnostic, type DocumentDiagnosticReport } from 'vscode-languageserver';
import { sameDiagnostics } from './convert';

/**
 * The last diagnostics report per open document, so a pull can be answered `unchanged`: a report
 * keeps its id while its diagnostics say the same, whatever lint result they came from (most
 * keystrokes inside a value change no diagnostic).
 */
export class DocumentReports<Result> {
  private readonly last = new Map<string, { result: Result; items: Diagnostic[]; resultId: string }>();
  private count = 0;

  /** The report for `result`; `items` makes its diagnostics, only when the result is new. */
  report(uri: string, result: Result, items: () => Diagnostic[], previousResultId: string | undefined): DocumentDiagnosticReport {
    const { resultId, items: diagnostics } = this.entryFor(uri, result, items);
    if (previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items: diagnostics };
  }

  private entryFor(uri: string, result: Result, items: () => Diagnostic[]): { result: Result; items: Diagnostic[]; resultId: string } {
    const entry = this.last.get(uri);
    if (entry?.result === result) return entry;
    const made = items();
    if (entry && sameDiagnostics(entry.items, made)) {
      entry.result = result;
      return entry;
    }
    const fresh = { result, items: made, resultId: String(++this.count) };
    this.last.set(uri, fresh);
    return fresh;
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }
}
