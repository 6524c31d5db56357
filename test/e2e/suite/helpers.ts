/**
 * Helpers for the tests that run inside the editor's extension host (route B and launcher 1):
 * the workspace is a fresh copy of test/e2e/fixtures/workspace.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const extensionId = 'ack-cni-lint.ack-cni-lint';

/** Activates the extension (starts the language client) once; later calls return at once. */
export async function activateExtension(): Promise<void> {
  const extension = vscode.extensions.getExtension(extensionId);
  assert.ok(extension, `extension ${extensionId} is loaded from the development path`);
  await extension.activate();
}

export function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace is open');
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

/** Opens a file of the workspace in an editor, as a user would (pull diagnostics follow open editors). */
export async function openInEditor(relative: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relative));
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Polls a condition until it holds; a wait on a condition, never a fixed sleep. */
export async function waitFor<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

export function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  if (code === undefined) return '';
  return typeof code === 'object' ? String(code.value) : String(code);
}

const severityNames = ['error', 'warning', 'info', 'hint'];

/** `rule severity L:C-L:C` (0-based, as in the API), sorted: what a test compares. */
export function describeDiagnostic(diagnostic: vscode.Diagnostic): string {
  const { start, end } = diagnostic.range;
  return `${ruleOf(diagnostic)} ${severityNames[diagnostic.severity]} ${start.line}:${start.character}-${end.line}:${end.character}`;
}

export function ackDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'ack-cni');
}

export function describeAll(uri: vscode.Uri): string[] {
  return ackDiagnostics(uri).map(describeDiagnostic).sort();
}

/**
 * Waits until the ack-cni diagnostics of `uri` are exactly `expected` (see describeDiagnostic); on
 * timeout fails with the difference.
 */
export async function expectDiagnostics(uri: vscode.Uri, expected: string[], timeoutMs = 20_000): Promise<vscode.Diagnostic[]> {
  const want = [...expected].sort();
  try {
    await waitFor(`diagnostics ${JSON.stringify(want)}`, () => JSON.stringify(describeAll(uri)) === JSON.stringify(want), timeoutMs);
  } catch {
    assert.deepEqual(describeAll(uri), want, `diagnostics of ${vscode.workspace.asRelativePath(uri)}`);
  }
  return ackDiagnostics(uri);
}

/** The text of every hover at a position, joined. */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n\n');
}

/** Markdown emphasis and code marks removed ("**Your cluster** (Flannel, from `a/.ack-cni.yaml`)" → plain text). */
export function plain(markdown: string): string {
  return markdown.replace(/\*\*|__|`/g, '');
}

/** The position of the `occurrence`-th match of `needle` in the document, plus `offset` characters. */
export function positionOf(document: vscode.TextDocument, needle: string, offset = 0, occurrence = 1): vscode.Position {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = document.getText().indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" (#${i + 1}) is in ${vscode.workspace.asRelativePath(document.uri)}`);
  }
  return document.positionAt(at + offset);
}

export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const actions = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, kind)) ?? [];
  // A bare Command has a string `command`; a CodeAction's `command`, if any, is an object.
  return actions.filter((action): action is vscode.CodeAction => typeof (action as vscode.Command).command !== 'string');
}

/** Replaces the whole text of an open document (not saved): puts a fixture back between tests. */
export async function setText(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
  assert.ok(await vscode.workspace.applyEdit(edit), 'restoring the document text');
}
