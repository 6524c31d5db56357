import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type Range,
} from 'vscode-languageserver-protocol/node';

/** A language server over stdio, asked for diagnostics the way it offers them: pulled, or waited for when pushed. */
export class Session {
  private readonly child: ChildProcess;
  private readonly connection: ProtocolConnection;
  private pushed: (() => void) | undefined;
  private version = 1;
  /** The result id of the last diagnostics report per document. */
  private readonly resultIds = new Map<string, string>();

  constructor(
    command: string[],
    private readonly pull: boolean,
    settings: Record<string, unknown>,
  ) {
    this.child = spawn(process.execPath, command, { stdio: ['pipe', 'pipe', 'ignore'] });
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) =>
      params.items.map((item) => (item.section && item.section in settings ? settings[item.section] : settings)),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onNotification(PublishDiagnosticsNotification.type, () => this.pushed?.());
    this.connection.listen();
  }

  async initialize(root: string): Promise<void> {
    const rootUri = `file://${root}`;
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'bench' }],
      capabilities: {
        workspace: { configuration: true },
        textDocument: { publishDiagnostics: {}, hover: {}, ...(this.pull ? { diagnostic: {} } : {}) },
      },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  private async diagnostics(uri: string, send: () => Promise<void>): Promise<number> {
    const started = performance.now();
    if (this.pull) {
      await send();
      // As VS Code does, the pull names the report the client holds, so the server may answer `unchanged`.
      const report = await this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId: this.resultIds.get(uri) });
      if (report.resultId) this.resultIds.set(uri, report.resultId);
    } else {
      const published = new Promise<void>((resolve) => (this.pushed = resolve));
      await send();
      await published;
    }
    return performance.now() - started;
  }

  /** Milliseconds from didOpen to the document's diagnostics. */
  open(uri: string, text: string): Promise<number> {
    return this.diagnostics(uri, () => this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: this.version, text } }));
  }

  /** Milliseconds from an incremental didChange to the document's diagnostics. */
  change(uri: string, range: Range, newText: string): Promise<number> {
    const version = ++this.version;
    return this.diagnostics(uri, () => this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text: newText }] }));
  }

  async hover(uri: string, line: number, character: number): Promise<number> {
    const started = performance.now();
    await this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });
    return performance.now() - started;
  }

  /** The process's peak resident set (VmHWM), in MB. */
  peakRssMb(): number {
    const status = fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+)/.exec(status)![1]) / 1024;
  }

  /** Stops the server; settles once its process has exited, so that no two servers of a benchmark overlap. */
  close(): Promise<void> {
    const exited = new Promise<void>((resolve) => (this.child.exitCode !== null || this.child.signalCode !== null ? resolve() : this.child.once('exit', () => resolve())));
    this.connection.dispose();
    this.child.kill();
    return exited;
  }
}
