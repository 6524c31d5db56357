/**
 * Inputs through the built language server (dist/server.js over stdio, driven by the tests' real
 * LSP client): each is opened, its diagnostics pulled, hover and completion asked at several
 * positions, quick fixes and fix-all requested, then closed. The server must answer every request
 * without an error, stay up, log no error, keep every range inside the document as the client
 * counts lines (LSP: "\n", "\r\n" and "\r" end a line), and explain unreadable documents.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CodeActionRequest,
  CompletionRequest,
  DidCloseTextDocumentNotification,
  DocumentDiagnosticRequest,
  HoverRequest,
  LSPErrorCodes,
  ResponseError,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type FullDocumentDiagnosticReport,
  type Position,
  type Range,
} from 'vscode-languageserver-protocol/node';
import { pullCapabilities, TestClient } from '../../helpers/lspClient';
import type { Failure, Timing } from './engineCheck';
import { budgetMs, overBudget, overBudgetRetries, unexplainedDocuments, type Located, type Overrun } from './invariants';
import { timedRequest } from './clock';
import { Prng } from './prng';
import type { InputKind } from './seeds';

export interface LspInput {
  name: string;
  fileName: string;
  kind: InputKind;
  /** The text as the editor holds it. */
  text: string;
  seed: number;
}

const rssHook = path.join(__dirname, 'report-rss.cjs');
const rootProfile = 'cni: flannel\nflannel:\n  bandwidth: false\n';
const settings = {
  cni: 'auto',
  // A hostile profile may switch the explaining rules off; the settings win over profiles.
  rules: { 'yaml-syntax': 'error', 'template-skipped': 'hint', 'file-too-large': 'hint' },
  maxFileSizeKb: 5120,
};
const capabilities = {
  ...pullCapabilities,
  textDocument: { ...pullCapabilities.textDocument, hover: {}, completion: {}, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll.ackCni'] } } } },
};

/** Line starts the way an LSP client counts them: "\r\n", "\r" and "\n" each end a line. */
class ClientLines {
  readonly starts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      if (c === 13 || c === 10) this.starts.push(i + 1);
    }
  }
  /** Offset of a position, or why it is not inside the text. */
  offset(position: Position): number | string {
    const { line, character } = position;
    if (!Number.isInteger(line) || !Number.isInteger(character) || line < 0 || character < 0) return `bad position ${JSON.stringify(position)}`;
    if (line >= this.starts.length) return `line ${line} past the last line ${this.starts.length - 1}`;
    let end = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    if (line + 1 < this.starts.length) end -= this.text.slice(end - 2, end) === '\r\n' ? 2 : 1;
    if (this.starts[line] + character > end) return `character ${character} past the end of line ${line} (${end - this.starts[line]} characters)`;
    return this.starts[line] + character;
  }
  range(range: Range): [number, number] | string {
    const start = this.offset(range.start);
    const end = this.offset(range.end);
    if (typeof start === 'string') return start;
    if (typeof end === 'string') return end;
    return end < start ? `range ends before it starts: ${JSON.stringify(range)}` : [start, end];
  }
  position(offset: number): Position {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: offset - this.starts[low] };
  }
}

function languageOf(fileName: string): string {
  if (fileName.endsWith('.json')) return 'json';
  if (fileName.endsWith('.tf')) return 'terraform';
  return 'yaml';
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer to ${what} within ${Math.round(ms)} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

class Session {
  readonly client: TestClient;
  readonly logErrors: string[] = [];
  stderrSeen = 0;
  private exited = false;

  private constructor(readonly root: string, rssFile: string) {
    const saved = { options: process.env.NODE_OPTIONS, rss: process.env.ACK_CNI_FUZZ_RSS_FILE };
    process.env.NODE_OPTIONS = `${saved.options ?? ''} --require ${rssHook}`.trim();
    process.env.ACK_CNI_FUZZ_RSS_FILE = rssFile;
    try {
      this.client = new TestClient();
    } finally {
      if (saved.options === undefined) delete process.env.NODE_OPTIONS;
      else process.env.NODE_OPTIONS = saved.options;
      if (saved.rss === undefined) delete process.env.ACK_CNI_FUZZ_RSS_FILE;
      else process.env.ACK_CNI_FUZZ_RSS_FILE = saved.rss;
    }
    this.client.child.on('exit', () => (this.exited = true));
    // Errors the server logs (window/logMessage type 1) are failures: it caught something it should not have met.
    this.client.connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
      if (params.type === 1) this.logErrors.push(params.message);
    });
  }

  static async start(root: string, rssFile: string): Promise<Session> {
    const session = new Session(root, rssFile);
    session.client.settings = settings;
    await withTimeout(session.client.initialize(root, capabilities), 30_000, 'initialize');
    return session;
  }

  get alive(): boolean {
    return !this.exited && this.client.child.exitCode === null && this.client.child.signalCode === null;
  }

  newStderr(): string {
    const fresh = this.client.stderr.slice(this.stderrSeen);
    this.stderrSeen = this.client.stderr.length;
    return fresh;
  }

  async stop(): Promise<void> {
    if (!this.alive) return;
    try {
      await withTimeout(this.client.shutdown(), 10_000, 'shutdown');
    } catch {
      this.client.child.kill('SIGKILL');
    }
  }
}

function readRss(file: string): number {
  if (!fs.existsSync(file)) return 0;
  return Math.max(0, ...fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => Number(line.split(' ')[1])));
}

/** The server's resident memory now (Linux /proc), KB; undefined elsewhere. */
function currentRssKb(pid: number | undefined): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One language server kept across batches of inputs (a new one after a crash or a hang), so that
 * memory that grows with the number of documents opened would show: `rssAfterBatches` samples the
 * server's resident memory after each batch.
 */
export class LspRunner {
  private session: Session | undefined;
  private readonly root: string;
  private readonly rssFile: string;
  private opened = 0;
  servers = 0;
  requests = 0;
  readonly rssAfterBatches: number[] = [];

  constructor() {
    this.root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ack-cni-fuzz-lsp-')));
    this.rssFile = `${this.root}.rss`;
    fs.writeFileSync(path.join(this.root, '.ack-cni.yaml'), rootProfile);
  }

  private async ensure(): Promise<Session> {
    if (!this.session) {
      this.session = await Session.start(this.root, this.rssFile);
      this.servers++;
    }
    return this.session;
  }

  /** Runs the inputs through the server; returns the failures and timings. */
  async check(inputs: readonly LspInput[]): Promise<{ failures: Failure[]; timings: Timing[] }> {
    const failures: Failure[] = [];
    const timings: Timing[] = [];
    for (const input of inputs) {
      const session = await this.ensure();
      const index = this.opened++;
      const fail = (what: string, overrun?: Overrun) => failures.push({ input: input.name, channel: 'lsp', what, ...(overrun ? { overrun } : {}) });
      const uri = `file://${this.root}/i${String(index).padStart(5, '0')}/${input.fileName}`;
      const lines = new ClientLines(input.text);
      const bytes = Buffer.byteLength(input.text, 'utf8');
      const limit = budgetMs(bytes) + 10_000;
      const rng = new Prng(input.seed ^ 0x15b);
      const request = async <R>(what: string, send: () => Promise<R>): Promise<R | undefined> => {
        this.requests++;
        try {
          return await withTimeout(send(), limit, what);
        } catch (error) {
          const cancelled = error instanceof ResponseError && (error.code === LSPErrorCodes.RequestCancelled || error.code === LSPErrorCodes.ServerCancelled);
          if (!cancelled) fail(`${what} failed: ${error instanceof Error ? error.message : String(error)}`);
          return undefined;
        }
      };
      const checkRange = (what: string, range: Range) => {
        const problem = lines.range(range);
        if (typeof problem === 'string') fail(`${what}: ${problem}`);
      };

      const pullDiagnostics = async (at: string, text: string) => {
        await session.client.open(at, text, languageOf(input.fileName));
        const { result: answer, ms } = await timedRequest(session.client.child.pid, () =>
          request('textDocument/diagnostic', () => session.client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: at } })),
        );
        return { answer, ms };
      };
      const { answer: report, ms: firstMs } = await pullDiagnostics(uri, input.text);
      let ms = firstMs;
      for (let retry = 1; retry <= overBudgetRetries && report && ms > budgetMs(bytes); retry++) {
        // As in engineCheck: over budget, the text is timed up to twice more and the fastest run
        // counts; each time as a document of its own (the server keeps results per document) and
        // with spaces appended (and its last parse per text), so that it is linted afresh.
        const again = uri.replace(/\/i(\d+)\//, `/i$1-again${retry}/`);
        ms = Math.min(ms, (await pullDiagnostics(again, `${input.text}${' '.repeat(retry)}`)).ms);
        await session.client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: again } });
      }
      timings.push({ input: input.name, channel: 'lsp:diagnostics', bytes, ms });
      const slow = report && overBudget('diagnostics', ms, bytes);
      if (slow) fail(slow.what, slow.overrun);
      const diagnostics: Diagnostic[] = report && report.kind === 'full' ? (report as FullDocumentDiagnosticReport).items : [];
      const located: Located[] = [];
      for (const diagnostic of diagnostics) {
        const range = lines.range(diagnostic.range);
        if (typeof range === 'string') fail(`diagnostic ${diagnostic.code}: ${range}`);
        else located.push({ ruleId: String(diagnostic.code), start: range[0], end: range[1] });
        if (diagnostic.code === 'internal-error') fail(`internal-error: ${diagnostic.message}`);
      }
      if (report) for (const problem of unexplainedDocuments(input.text, input.kind, located)) fail(problem);

      const offsets = [0, input.text.length, rng.int(0, input.text.length), rng.int(0, input.text.length)];
      for (const offset of offsets) {
        const position = lines.position(offset);
        const hover = await request(`hover at ${JSON.stringify(position)}`, () => session.client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }));
        if (hover?.range) checkRange('hover', hover.range);
        const completion = await request(`completion at ${JSON.stringify(position)}`, () =>
          session.client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }),
        );
        const items: CompletionItem[] = Array.isArray(completion) ? completion : ((completion as CompletionList | null | undefined)?.items ?? []);
        for (const item of items) if (item.textEdit && 'range' in item.textEdit) checkRange(`completion ${item.label}`, item.textEdit.range);
      }
      // Quick fixes for everything at once (a selection of the whole file), then fix-all.
      const whole: Range = { start: { line: 0, character: 0 }, end: lines.position(input.text.length) };
      for (const only of [undefined, ['source.fixAll.ackCni']]) {
        const actions = await request(`codeAction ${only ? only[0] : 'quickfix'}`, () =>
          session.client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: whole, context: { diagnostics: diagnostics.slice(0, 50), ...(only ? { only } : {}) } }),
        );
        for (const action of (actions ?? []) as CodeAction[]) {
          for (const edit of action.edit?.changes?.[uri] ?? []) checkRange(`code action "${action.title}"`, edit.range);
        }
      }
      await session.client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });

      for (const message of session.logErrors.splice(0)) fail(`the server logged an error: ${message.slice(0, 1000)}`);
      const stderr = session.newStderr();
      if (stderr.trim()) fail(`the server wrote to stderr: ${stderr.slice(0, 2000)}`);
      const hung = failures.some((f) => f.input === input.name && /no answer/.test(f.what));
      if (!session.alive || hung) {
        if (!session.alive) fail(`the server died (exit code ${session.client.child.exitCode}, signal ${session.client.child.signalCode})`);
        await session.stop();
        this.session = undefined;
      }
    }
    const rss = currentRssKb(this.session?.client.child.pid);
    if (rss !== undefined) this.rssAfterBatches.push(rss);
    return { failures, timings };
  }

  /** Shuts the server down; returns its peak RSS (KB) over all its processes, or a failure when none reported one. */
  async stop(label: string): Promise<{ peakRssKb: number; failures: Failure[] }> {
    await this.session?.stop();
    this.session = undefined;
    fs.rmSync(this.root, { recursive: true, force: true });
    const peakRssKb = readRss(this.rssFile);
    fs.rmSync(this.rssFile, { force: true });
    const failures: Failure[] = this.servers > 0 && peakRssKb === 0 ? [{ input: label, channel: 'lsp', what: 'the server reported no peak RSS: it did not exit normally' }] : [];
    return { peakRssKb, failures };
  }
}
