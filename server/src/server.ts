/**
 * The language server's protocol layer: capabilities, handlers and per-resource settings. All
 * linting logic lives in the engine; this file only moves text, settings and results around.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CancellationToken,
  CodeActionKind,
  createConnection,
  DiagnosticRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  FileChangeType,
  LSPErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type InitializeResult,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileChange, Finding } from './engine/finding';
import { actionsForFinding, fixAllUntilStable, type ActionPlan } from './features/codeActions';
import { lintText, type LintOptions } from './engine/lint';
import { hoverAt } from './features/hover';
import { completionsAt } from './features/completion';
import type { FeatureContext } from './features/types';
import { toLocale, type Locale } from './l10n';
import { matchesGlobs, matchesProfileIgnore } from './profile/ignore';
import { buildProfile, resolveProfile, type ResolvedProfile } from './profile/resolve';
import { profileFileName } from './profile/types';
import { initTerraform, isTerraformPath, mayHoldClusterConfig, withTerraform, type ClusterConfigDetection } from './cluster/readers';
import { mentionsClusterConfig, scanClusterConfigs } from './lsp/clusterScan';
import { ruleIds, rules } from './rules';
import { both, pick } from './l10n';
import { DocumentReports } from './lsp/documentReports';
import { DiagnosticMemo } from './lsp/diagnosticMemo';
import { editOf, EditSpans } from './lsp/editSpans';
import { findingFor, toCodeAction, toCompletionItems, toDiagnostics, toHover } from './lsp/convert';
import { afterTheReply, documentPositions } from './lsp/documentPositions';
import { profileInfo, profileOrigin, setCni } from './lsp/profileInfo';
import { workspaceReport } from './lsp/report';
import {
  profileChangedNotification,
  profileInfoRequest,
  readinessReportRequest,
  ruleListRequest,
  setCniRequest,
  type InitializationOptions,
  type ProfileInfo,
  type ProfileInfoParams,
  type RuleListItem,
  type SetCniParams,
  type SetCniResult,
} from './lsp/protocol';
import { LintCancelled, lintCooperatively, settledInLastLint } from './lsp/cooperative';
import { WorkspaceDiagnostics, type ClosedFileLint } from './lsp/workspaceDiagnostics';
import { WorkspaceFiles, type IndexedFile } from './workspace/files';
import { recordingLookup } from './workspace/lookup';
import { decodeFileText } from './files/decode';
import { defaultSettings, readSettings, settingsProfile, settingsRuleOverrides, type ServerSettings } from './lsp/settings';

const connection = createConnection(ProposedFeatures.all);
const fixAllKind = 'source.fixAll.ackCni';
const editSpans = new EditSpans();
// The edits are noted on their way into the document, where their offsets are still those of the text they apply to.
const documents = new TextDocuments<TextDocument>({
  create: TextDocument.create,
  update(document, changes, version) {
    editSpans.edited(document.uri, editOf(document, changes));
    return TextDocument.update(document, changes, version);
  },
});

const client = {
  pull: false,
  configuration: false,
  refresh: false,
  watchFiles: false,
  configurationChange: false,
  folderChanges: false,
  /** Restricted Mode: edits to files other than the one in the editor are not offered. */
  trusted: true,
  progress: false,
};
let locale: Locale = 'en';
let workspaceFolders: string[] = [];
/** Bumped whenever settings or a profile change: every cached result older than it is stale. */
let generation = 0;

interface LintResult {
  version: number;
  generation: number;
  text: string;
  findings: Finding[];
  /** What the findings were linted with (undefined for an excluded file): fixAll lints its own rounds with it. */
  options: LintOptions | undefined;
  /** The index revision the lint asked the workspace at; undefined when it did not ask. */
  workspaceRevision: number | undefined;
}

const results = new Map<string, LintResult>();

/** The last diagnostics pulled per open document. */
const documentReports = new DocumentReports<LintResult>();
const diagnosticMemo = new DiagnosticMemo();
/** Cluster configurations per workspace folder, scanned on demand and dropped when one changes. */
const clusterScans = new Map<string, Promise<ClusterConfigDetection>>();
const settingsCache = new Map<string, Promise<ServerSettings>>();
const pushTimers = new Map<string, NodeJS.Timeout>();

/** The files the linter covers under the workspace folders, with their Services (cross-file rules). */
const workspaceFiles = new WorkspaceFiles({
  async excluded(file, folder) {
    if (isProfilePath(file)) return false;
    const settings = await getSettings(pathToFileURL(folder).toString());
    return matchesGlobs(file, folder, settings.exclude) || matchesProfileIgnore(file, resolveFor(file, settings).ignore);
  },
  async maxBytes(file) {
    return (await getSettings(pathToFileURL(folderOf(file) ?? file).toString())).maxFileSizeKb * 1024;
  },
  openText: openTextOf,
});

const workspaceDiagnostics = new WorkspaceDiagnostics({
  files: workspaceFiles,
  isOpen: (file) => openTextOf(file) !== undefined,
  enabled: async (file) => (await getSettings(pathToFileURL(file.folder).toString())).workspaceDiagnostics,
  generation: () => generation,
  lint: lintClosedFile,
});

function filePathOf(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
}

function isProfilePath(file: string | undefined): boolean {
  return file !== undefined && path.basename(file) === profileFileName;
}

function folderOf(file: string): string | undefined {
  return workspaceFolders.filter((folder) => file === folder || file.startsWith(folder + path.sep)).sort((a, b) => b.length - a.length)[0];
}

function openTextOf(file: string): string | undefined {
  for (const document of documents.all()) if (filePathOf(document.uri) === file) return document.getText();
  return undefined;
}

/** Profile files and other inputs are read from the editor when open (unsaved edits count), else from disk. */
function readText(file: string): string | undefined {
  const open = openTextOf(file);
  if (open !== undefined) return open;
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function getSettings(uri: string): Promise<ServerSettings> {
  if (!client.configuration) return Promise.resolve(defaultSettings);
  let settings = settingsCache.get(uri);
  if (!settings) {
    settings = connection.workspace.getConfiguration({ scopeUri: uri, section: 'ackCni' }).then(readSettings, () => defaultSettings);
    settingsCache.set(uri, settings);
  }
  return settings;
}

function clusterConfigsOf(folder: string): Promise<ClusterConfigDetection> {
  let scan = clusterScans.get(folder);
  if (!scan) {
    scan = scanClusterConfigs(folder, openTextOf).catch((error) => {
      connection.console.error(`ack-cni: scanning ${folder} for cluster configurations failed: ${String(error)}`);
      return { kind: 'none', found: [] } as ClusterConfigDetection;
    });
    clusterScans.set(folder, scan);
  }
  return scan;
}

let clusterChangeTimer: NodeJS.Timeout | undefined;

/** A file that is, or may now be, a cluster configuration changed: the scans and every result are stale (debounced while typing). */
function clusterConfigChanged(): void {
  clearTimeout(clusterChangeTimer);
  clusterChangeTimer = setTimeout(() => {
    clusterScans.clear();
    relintOpenDocuments();
  }, 200);
}

function isClusterConfigCandidate(file: string | undefined, text?: string): boolean {
  if (file === undefined || !mayHoldClusterConfig(file)) return false;
  return text === undefined || mentionsClusterConfig(text) || isTerraformPath(file);
}

function resolveFor(file: string | undefined, settings: ServerSettings, clusterConfigs?: ClusterConfigDetection): ResolvedProfile {
  const explicit = settingsProfile(settings);
  const ruleOverrides = settingsRuleOverrides(settings);
  if (file === undefined) {
    const profile = explicit ? buildProfile(explicit.values, { kind: 'settings' }) : undefined;
    return { profile, ruleSettings: new Map(ruleOverrides) };
  }
  const folder = folderOf(file);
  return resolveProfile(
    { filePath: file, stopAt: folder, profileFile: isProfilePath(file) ? file : undefined, explicit, ruleOverrides, clusterConfigs, boundary: folder },
    readText,
    ruleIds,
  );
}

/**
 * Everything a request needs to know about a document's place: its file, folder, settings and
 * profile. Settings are asked for `settingsUri` (files that are not open use their folder's, one
 * request per folder instead of one per file).
 */
async function placeOf(uri: string, settingsUri = uri) {
  const settings = await getSettings(settingsUri);
  const file = filePathOf(uri);
  // Linting and hovering a .tf file read it synchronously: the parser is loaded first (lazily: see initTerraform).
  if (file && isTerraformPath(file)) await initTerraform();
  const folder = file ? folderOf(file) : undefined;
  const clusterConfigs = folder ? await clusterConfigsOf(folder) : undefined;
  return { settings, file, folder, resolved: await withTerraform(() => resolveFor(file, settings, clusterConfigs)) };
}

/**
 * How the file at `uri` is linted: its profile, rules, kind and the workspace's Services (the
 * lookup notes whether a rule asked); undefined when settings or the profile exclude the file.
 */
async function lintOptionsFor(uri: string, settingsUri = uri) {
  const { settings, file, folder, resolved } = await placeOf(uri, settingsUri);
  const excluded =
    file !== undefined &&
    !isProfilePath(file) &&
    ((folder !== undefined && matchesGlobs(file, folder, settings.exclude)) || matchesProfileIgnore(file, resolved.ignore));
  if (excluded) return undefined;
  const workspace = recordingLookup(workspaceFiles.index);
  const options: LintOptions = {
    profile: resolved.profile,
    ruleSettings: resolved.ruleSettings,
    locale,
    kind: isProfilePath(file) ? 'profile' : file && isTerraformPath(file) ? 'terraform' : 'manifest',
    profileFrom: isProfilePath(file) ? resolved.from : undefined,
    maxLength: settings.maxFileSizeKb * 1024,
    workspace,
    filePath: file,
  };
  return { options, revisionAsked: () => (workspace.asked ? workspaceFiles.index.revision : undefined) };
}

function isCurrent(result: LintResult, version: number): boolean {
  return (
    result.version === version &&
    result.generation === generation &&
    (result.workspaceRevision === undefined || result.workspaceRevision === workspaceFiles.index.revision)
  );
}

async function lintDocument(document: TextDocument, token: CancellationToken): Promise<LintResult> {
  const cached = results.get(document.uri);
  if (cached && isCurrent(cached, document.version)) return cached;
  const started = { version: document.version, generation, text: document.getText() };
  const how = await lintOptionsFor(document.uri);
  const stale = () => documents.get(document.uri)?.version !== started.version;
  const findings = how ? await lintCooperatively(started.text, how.options, token, stale, document, editSpans.lintStarts(document.uri, started.text)) : [];
  const result = { ...started, findings, options: how?.options, workspaceRevision: how?.revisionAsked() };
  if (!stale()) {
    results.set(document.uri, result);
    logInternalErrors(document, findings);
  }
  return result;
}

/** internal-error findings already written to the log, by document and message: each is logged once. */
const loggedInternalErrors = new Set<string>();

/** A rule that threw is one internal-error finding for the user; the log line is what a bug report needs. */
function logInternalErrors(document: TextDocument, findings: readonly Finding[]): void {
  for (const finding of findings) {
    if (finding.ruleId !== 'internal-error') continue;
    const key = `${document.uri}\n${finding.message}`;
    if (loggedInternalErrors.has(key)) continue;
    loggedInternalErrors.add(key);
    connection.console.error(`ack-cni: ${finding.message} (${document.uri}:${document.positionAt(finding.start).line + 1})`);
  }
}

/** The diagnostics of a lint result of an open document (lsp/documentPositions.ts says where its offsets lie). */
function diagnosticsOf(document: TextDocument, result: LintResult): Diagnostic[] {
  const current = document.version === result.version;
  return diagnosticMemo.diagnostics(document.uri, result.text, result.findings, (findings) =>
    toDiagnostics(document.uri, result.text, findings, locale, current ? documentPositions(document, afterTheReply) : undefined),
  );
}

/** After settings or a profile changed: pull clients are asked to re-pull, push clients get new diagnostics. */
function relintOpenDocuments(): void {
  generation++;
  workspaceDiagnostics.changed();
  void connection.sendNotification(profileChangedNotification);
  if (client.pull) {
    if (client.refresh) connection.sendRequest(DiagnosticRefreshRequest.type).catch(() => undefined);
  } else {
    for (const document of documents.all()) schedulePush(document, 0);
  }
}

function schedulePush(document: TextDocument, delayMs = 150): void {
  clearTimeout(pushTimers.get(document.uri));
  pushTimers.set(
    document.uri,
    setTimeout(() => {
      pushTimers.delete(document.uri);
      const current = documents.get(document.uri);
      if (!current) return;
      lintDocument(current, CancellationToken.None).then(
        (result) => {
          if (documents.get(current.uri)?.version === result.version) {
            connection.sendDiagnostics({ uri: current.uri, version: result.version, diagnostics: diagnosticsOf(current, result) });
          }
        },
        (error) => {
          if (!(error instanceof LintCancelled)) connection.console.error(`ack-cni: linting ${current.uri} failed: ${String(error)}`);
        },
      );
    }, delayMs),
  );
}

/** Lints a file that is not open, from disk, for workspace diagnostics. */
async function lintClosedFile(file: IndexedFile, token: CancellationToken): Promise<ClosedFileLint | undefined> {
  const text = await fs.promises.readFile(file.path).then(decodeFileText, () => undefined);
  if (text === undefined) return undefined;
  const uri = pathToFileURL(file.path).toString();
  const how = await lintOptionsFor(uri, pathToFileURL(file.folder).toString());
  if (!how) return { diagnostics: [], usedWorkspace: false };
  const findings = await lintCooperatively(text, how.options, token, () => false);
  return { diagnostics: toDiagnostics(uri, text, findings, locale), usedWorkspace: how.revisionAsked() !== undefined };
}

let indexRun: { cancelled: boolean } | undefined;

/** (Re)builds the index in the background, with progress in the status bar; a newer run cancels an older one. */
async function indexWorkspace(): Promise<void> {
  if (indexRun) indexRun.cancelled = true;
  const run = (indexRun = { cancelled: false });
  const progress = client.progress ? await connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
  progress?.begin(pick(both('ACK CNI: indexing the workspace', 'ACK CNI：正在索引工作区'), locale));
  try {
    let lastReport = 0;
    await workspaceFiles.scan(
      workspaceFolders,
      (seen) => {
        if (seen - lastReport < 100) return;
        lastReport = seen;
        progress?.report(pick(both(`${seen} files`, `${seen} 个文件`), locale));
      },
      () => run.cancelled,
    );
  } catch (error) {
    connection.console.error(`ack-cni: indexing the workspace failed: ${String(error)}`);
  } finally {
    progress?.done();
  }
  if (!run.cancelled) crossFileChanged();
}

const indexRefreshTimers = new Map<string, NodeJS.Timeout>();

/** Re-reads one file into the index; edits are batched while the user types. */
function scheduleIndexRefresh(file: string, delayMs = 300): void {
  clearTimeout(indexRefreshTimers.get(file));
  indexRefreshTimers.set(
    file,
    setTimeout(() => {
      indexRefreshTimers.delete(file);
      workspaceFiles.refresh(file, workspaceFolders).then(
        (changed) => {
          workspaceDiagnostics.changed();
          if (changed) crossFileChanged();
        },
        (error) => connection.console.error(`ack-cni: indexing ${file} failed: ${String(error)}`),
      );
    }, delayMs),
  );
}

let crossFileTimer: NodeJS.Timeout | undefined;

/** The index answers differently now: open documents whose results asked it are linted again. */
function crossFileChanged(): void {
  clearTimeout(crossFileTimer);
  crossFileTimer = setTimeout(() => {
    workspaceDiagnostics.changed();
    const stale = documents.all().filter((document) => {
      const result = results.get(document.uri);
      return result !== undefined && !isCurrent(result, result.version);
    });
    if (stale.length === 0) return;
    if (!client.pull) for (const document of stale) schedulePush(document, 0);
    else if (client.refresh) connection.sendRequest(DiagnosticRefreshRequest.type).catch(() => undefined);
  }, 100);
}

/** Result ids of what was pushed for files that are not open (clients without pull diagnostics). */
const pushedWorkspaceResults = new Map<string, string>();

/** For clients without pull diagnostics: pushes each closed file's findings whenever they change. */
async function pushWorkspaceDiagnostics(): Promise<void> {
  for (;;) {
    await workspaceDiagnostics
      .report(pushedWorkspaceResults, CancellationToken.None, (batch) => {
        for (const item of batch) {
          if (!documents.get(item.uri)) connection.sendDiagnostics({ uri: item.uri, diagnostics: item.items });
          pushedWorkspaceResults.set(item.uri, item.resultId!);
        }
      })
      .catch((error) => {
        connection.console.error(`ack-cni: workspace diagnostics failed: ${String(error)}`);
        return new Promise((resolve) => setTimeout(resolve, 5_000));
      });
  }
}

connection.onInitialize(async (params): Promise<InitializeResult> => {
  const capabilities = params.capabilities;
  client.pull = !!capabilities.textDocument?.diagnostic;
  client.configuration = !!capabilities.workspace?.configuration;
  client.refresh = !!capabilities.workspace?.diagnostics?.refreshSupport;
  client.watchFiles = !!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  client.configurationChange = !!capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
  client.folderChanges = !!capabilities.workspace?.workspaceFolders;
  client.progress = !!capabilities.window?.workDoneProgress;
  locale = toLocale(params.locale);
  const options = (params.initializationOptions ?? {}) as InitializationOptions;
  client.trusted = options.trusted !== false;
  if (options.clientWatchesProfiles) client.watchFiles = false;
  const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []);
  workspaceFolders = folders.map((f) => filePathOf(f.uri)).filter((f): f is string => f !== undefined);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, fixAllKind] },
      hoverProvider: true,
      completionProvider: { triggerCharacters: [':', '"', "'", ',', '/'] },
      ...(client.pull ? { diagnosticProvider: { identifier: 'ack-cni', interFileDependencies: true, workspaceDiagnostics: true } } : {}),
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'ack-cni-lint' },
  };
});

connection.onInitialized(() => {
  if (client.configurationChange) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'ackCni' });
  if (client.watchFiles) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: `**/${profileFileName}` }, { globPattern: '**/*.{tf,yaml,yml,json}' }],
    });
  }
  if (client.folderChanges) {
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      const removed = new Set(event.removed.map((f) => filePathOf(f.uri)));
      workspaceFolders = workspaceFolders.filter((f) => !removed.has(f));
      for (const added of event.added) {
        const folder = filePathOf(added.uri);
        if (folder) workspaceFolders.push(folder);
      }
      relintOpenDocuments();
      void indexWorkspace();
    });
  }
  void indexWorkspace();
  if (!client.pull) void pushWorkspaceDiagnostics();
});

connection.onDidChangeConfiguration(() => {
  settingsCache.clear();
  relintOpenDocuments();
  void indexWorkspace();
});

connection.onDidChangeWatchedFiles(async (params) => {
  const files = params.changes.map((change) => filePathOf(change.uri));
  if (files.some((file) => isClusterConfigCandidate(file, file ? openTextOf(file) : undefined))) clusterConfigChanged();
  else if (files.some(isProfilePath)) relintOpenDocuments();
  let indexChanged = false;
  for (const change of params.changes) {
    const file = filePathOf(change.uri);
    if (!file) continue;
    if (change.type === FileChangeType.Deleted) indexChanged = workspaceFiles.removeTree(file) || indexChanged;
    else indexChanged = (await workspaceFiles.refresh(file, workspaceFolders)) || indexChanged;
  }
  workspaceDiagnostics.changed();
  if (indexChanged) crossFileChanged();
});

documents.onDidChangeContent(({ document }) => {
  const file = filePathOf(document.uri);
  if (isClusterConfigCandidate(file, document.getText())) clusterConfigChanged();
  else if (isProfilePath(file)) relintOpenDocuments();
  if (!client.pull) schedulePush(document);
  if (file) scheduleIndexRefresh(file);
});

documents.onDidClose(({ document }) => {
  results.delete(document.uri);
  documentReports.forget(document.uri);
  diagnosticMemo.forget(document.uri);
  editSpans.forget(document.uri);
  settingsCache.delete(document.uri);
  clearTimeout(pushTimers.get(document.uri));
  if (isProfilePath(filePathOf(document.uri))) relintOpenDocuments();
  if (!client.pull) {
    connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    pushedWorkspaceResults.delete(document.uri);
  }
  // Unsaved edits are gone with the document: the index reads the file from disk again.
  const file = filePathOf(document.uri);
  if (file) scheduleIndexRefresh(file, 0);
});

connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  try {
    const result = await lintDocument(document, token);
    return documentReports.report(document.uri, result, () => diagnosticsOf(document, result), params.previousResultId);
  } catch (error) {
    if (!(error instanceof LintCancelled)) throw error;
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    throw new ResponseError(LSPErrorCodes.ServerCancelled, 'the document changed', { retriggerRequest: true });
  }
});

connection.languages.diagnostics.onWorkspace(async (params, token, _progress, resultProgress) => {
  const previous = new Map(params.previousResultIds.map((item) => [item.uri, item.value]));
  const items: WorkspaceDocumentDiagnosticReport[] = [];
  await workspaceDiagnostics.report(previous, token, (batch) => (resultProgress ? resultProgress.report({ items: batch }) : items.push(...batch)));
  return { items };
});

/** In Restricted Mode only edits to the document itself are offered. */
function allowed(changes: FileChange[] | undefined): boolean {
  return client.trusted || !changes || changes.every((change) => change.file === null);
}

function wantsKind(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

connection.onCodeAction(async (params, token): Promise<CodeAction[]> => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return [];
  const result = await lintDocument(document, token).catch(() => undefined);
  if (!result || result.version !== document.version) return [];
  const only = params.context.only;
  const isJson = /\.json$/i.test(document.uri) || document.languageId === 'json';
  const actions: CodeAction[] = [];
  const toAction = (plan: ActionPlan, finding: Finding | undefined, diagnostic: Diagnostic | undefined) =>
    toCodeAction(document.uri, result.text, plan, finding && diagnostic ? [diagnostic] : [], readText);
  if (wantsKind(only, CodeActionKind.QuickFix)) {
    for (const diagnostic of params.context.diagnostics) {
      const finding = findingFor(result.text, result.findings, diagnostic);
      if (!finding) continue;
      for (const plan of actionsForFinding(result.text, finding, locale, isJson)) {
        const action = allowed(plan.changes) ? toAction(plan, finding, diagnostic) : undefined;
        if (action) actions.push(action);
      }
    }
  }
  if (only && wantsKind(only, fixAllKind)) {
    const options = result.options;
    const plan = options && fixAllUntilStable(result.text, result.findings, (text) => lintText(text, options), locale);
    const action = plan && toAction(plan, undefined, undefined);
    if (action) actions.push(action);
  }
  return actions;
});

/** What hover and completion need about a document: its text, kind and the profile in force. */
async function featureContext(document: TextDocument): Promise<FeatureContext> {
  const { file, folder, resolved } = await placeOf(document.uri);
  return {
    text: document.getText(),
    kind: isProfilePath(file) ? 'profile' : file && isTerraformPath(file) ? 'terraform' : 'manifest',
    profile: resolved.profile,
    profileOrigin: profileOrigin(resolved, folder, locale),
    locale,
    ruleSettings: resolved.ruleSettings,
    settled: (documentText) => settledInLastLint(document, documentText),
  };
}

connection.onHover(async (params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  const hover = hoverAt(await featureContext(document), document.offsetAt(params.position));
  return hover ? toHover(document.getText(), hover) : null;
});

connection.onCompletion(async (params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document || isTerraformPath(document.uri)) return [];
  return toCompletionItems(document.getText(), completionsAt(await featureContext(document), document.offsetAt(params.position)));
});

connection.onRequest(profileInfoRequest, async (params: ProfileInfoParams): Promise<ProfileInfo> => {
  const { file, folder, resolved } = await placeOf(params.uri);
  return profileInfo(resolved, file, folder, locale);
});

connection.onRequest(ruleListRequest, (): RuleListItem[] =>
  rules.map((rule) => ({ id: rule.id, title: pick(rule.title, locale), defaultSeverity: rule.defaultSeverity })),
);

connection.onRequest(setCniRequest, (params: SetCniParams): SetCniResult => setCni(readText(params.profileFile), params, locale));

connection.onRequest(readinessReportRequest, () =>
  workspaceReport({ folders: workspaceFolders, readFile: readText, exclude: async (folder) => (await getSettings(pathToFileURL(folder).href)).exclude, locale }),
);

documents.listen(connection);
connection.listen();
