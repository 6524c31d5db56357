import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CancellationToken, Diagnostic, WorkspaceFullDocumentDiagnosticReport } from 'vscode-languageserver';
import { DocumentDiagnosticReportKind } from 'vscode-languageserver';
import type { IndexedFile, WorkspaceFiles } from '../workspace/files';

/** What linting a file that is not open gave, and whether it read the cross-file index. */
export interface ClosedFileLint {
  diagnostics: Diagnostic[];
  usedWorkspace: boolean;
}

export interface WorkspaceDiagnosticsDeps {
  files: WorkspaceFiles;
  /** Open documents are the document pull's business. */
  isOpen(file: string): boolean;
  /** `ackCni.workspaceDiagnostics` for the file's folder. */
  enabled(file: IndexedFile): Promise<boolean>;
  /** Lints the file from disk; undefined when it cannot be read. */
  lint(file: IndexedFile, token: CancellationToken): Promise<ClosedFileLint | undefined>;
  /** Settings and profiles' generation: results of an older one are stale. */
  generation(): number;
}

interface CachedResult {
  /** What the result depends on, without the index revision. */
  base: string;
  usedWorkspace: boolean;
  revision: number;
  diagnostics: Diagnostic[];
}

/** Files reported in one partial result: the Problems panel fills while the rest is linted. */
const batchSize = 100;
/** Result id of an empty report for a file that left the index or whose folder turned them off. */
const clearedId = 'cleared';

/**
 * `workspace/diagnostic` for the files of the index that are not open. Results are cached by what
 * they depend on (file size and time, settings generation, and the index revision when the file
 * asked the index); a file whose result id the client already has is left out of the answer.
 * When nothing changed, the request is held open until something does (a long poll), so the
 * client's re-requests cost nothing.
 */
export class WorkspaceDiagnostics {
  private readonly results = new Map<string, CachedResult>();
  private waiters: Array<() => void> = [];

  constructor(private readonly deps: WorkspaceDiagnosticsDeps) {}

  /** Something a report depends on changed: a held request answers again. */
  changed(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  private resultId(result: CachedResult): string {
    return result.usedWorkspace ? `${result.base}:${result.revision}` : result.base;
  }

  private async resultFor(file: IndexedFile, token: CancellationToken): Promise<CachedResult | undefined> {
    const base = `${file.size}:${file.mtimeMs}:${this.deps.generation()}`;
    const revision = this.deps.files.index.revision;
    const cached = this.results.get(file.path);
    if (cached && cached.base === base && (!cached.usedWorkspace || cached.revision === revision)) return cached;
    const lint = await this.deps.lint(file, token);
    if (!lint) return undefined;
    const result = { base, revision, usedWorkspace: lint.usedWorkspace, diagnostics: lint.diagnostics };
    this.results.set(file.path, result);
    return result;
  }

  /**
   * The reports the client does not have yet, in batches through `send`; held until there is at
   * least one, or the request is cancelled.
   */
  async report(previous: ReadonlyMap<string, string>, token: CancellationToken, send: (items: WorkspaceFullDocumentDiagnosticReport[]) => void): Promise<void> {
    for (;;) {
      const waitForChange = this.nextChange(token);
      let sent = 0;
      let batch: WorkspaceFullDocumentDiagnosticReport[] = [];
      const push = (uri: string, resultId: string, items: Diagnostic[]) => {
        batch.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, resultId, items });
        if (batch.length >= batchSize) flush();
      };
      const flush = () => {
        if (batch.length === 0) return;
        send(batch);
        sent += batch.length;
        batch = [];
      };
      const listed = new Set<string>();
      for (const file of this.deps.files.list()) {
        if (token.isCancellationRequested) return;
        if (this.deps.isOpen(file.path)) continue;
        const uri = pathToFileURL(file.path).toString();
        listed.add(uri);
        if (!(await this.deps.enabled(file))) {
          if (previous.has(uri) && previous.get(uri) !== clearedId) push(uri, clearedId, []);
          continue;
        }
        const result = await this.resultFor(file, token);
        if (!result) continue;
        const resultId = this.resultId(result);
        // A clean file the client never heard of needs no report.
        if (!previous.has(uri) && result.diagnostics.length === 0) continue;
        if (previous.get(uri) !== resultId) push(uri, resultId, result.diagnostics);
      }
      for (const [uri, resultId] of previous) {
        if (!listed.has(uri) && resultId !== clearedId && !this.isOpenUri(uri)) push(uri, clearedId, []);
      }
      flush();
      if (sent > 0 || token.isCancellationRequested) return;
      await waitForChange;
      if (token.isCancellationRequested) return;
    }
  }

  /** Forgets the cached result of a file that left the index. */
  forget(file: string): void {
    this.results.delete(file);
  }

  private isOpenUri(uri: string): boolean {
    return uri.startsWith('file:') && this.deps.isOpen(fileURLToPath(uri));
  }

  private nextChange(token: CancellationToken): Promise<void> {
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      token.onCancellationRequested(() => resolve());
    });
  }
}
