// The js-yaml floor as a language server: the same JSON-RPC stack and document sync as ours, and
// diagnostics that cost one js-yaml loadAll of the text (always empty).
import { createConnection, TextDocuments, DocumentDiagnosticReportKind, TextDocumentSyncKind } from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import jsYaml from 'js-yaml';

const connection = createConnection();
const documents = new TextDocuments(TextDocument);
connection.onInitialize(() => ({ capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental, diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } }));
connection.languages.diagnostics.on((params) => {
  const text = documents.get(params.textDocument.uri)?.getText() ?? '';
  try {
    jsYaml.loadAll(text);
  } catch {
    // a syntax error is a finding too; the floor only pays for reading
  }
  return { kind: DocumentDiagnosticReportKind.Full, items: [] };
});
documents.listen(connection);
connection.listen();
