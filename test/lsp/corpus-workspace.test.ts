import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CancellationTokenSource, DocumentDiagnosticRequest, WorkspaceDiagnosticRequest, type FullDocumentDiagnosticReport, type WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver-protocol/node';
import { pullCapabilities, TestClient } from '../helpers/lspClient';
import { corpusDir } from '../helpers/corpus';

const corpus = path.resolve(corpusDir);
const cli = path.resolve(__dirname, '../../dist/cli.js');

test(
  'the corpus opened as a workspace: the workspace pull reports every file the CLI finds something in, and an open file is answered while it runs',
  { skip: fs.existsSync(corpus) ? false : `corpus not found at ${corpus} (set ACK_CNI_CORPUS)` },
  async () => {
    const client = new TestClient();
    client.settings = { cni: 'flannel' };
    try {
      await client.initialize(corpus, pullCapabilities);
      const partials: WorkspaceDocumentDiagnosticReport[] = [];
      const token = 'corpus-pull';
      client.connection.onProgress(WorkspaceDiagnosticRequest.partialResult, token, (partial) => partials.push(...partial.items));
      let workspaceDone = false;
      const workspacePull = client.connection
        .sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [], partialResultToken: token })
        .then((report) => {
          workspaceDone = true;
          return report;
        });

      // A file opened meanwhile is answered without waiting for the whole workspace.
      const opened = path.join(corpus, 'calico/_from-markdown/calico/security/calico-network-policy.md/block-02.yaml');
      const uri = pathToFileURL(opened).toString();
      await client.open(uri, fs.readFileSync(opened, 'utf8'));
      const own = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as FullDocumentDiagnosticReport;
      assert.equal(workspaceDone, false, 'the open file was answered before the workspace pull finished');
      assert.ok(own.items.length > 0);

      const reported = new Map<string, { resultId: string; count: number }>();
      const take = (items: WorkspaceDocumentDiagnosticReport[]) => {
        for (const item of items) reported.set(fileURLToPath(item.uri), { resultId: item.resultId!, count: (item as FullDocumentDiagnosticReport).items.length });
      };
      take([...partials, ...(await workspacePull).items]);
      const lint = spawnSync(process.execPath, [cli, corpus, '--cni', 'flannel', '--format', 'json'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      const files = (JSON.parse(lint.stdout) as { files: Array<{ path: string; diagnostics: unknown[] }> }).files;
      const expected = new Map(files.filter((f) => f.diagnostics.length > 0 && path.resolve(corpus, f.path) !== opened).map((f) => [path.resolve(corpus, f.path), f.diagnostics.length]));
      assert.ok(expected.size > 300, `${expected.size} corpus files with findings`);
      const found = () => new Map([...reported].filter(([, r]) => r.count > 0).map(([file, r]) => [file, r.count]));
      // Answers come while the index is still being built: pull again, as the client does, until nothing new comes.
      for (;;) {
        const source = new CancellationTokenSource();
        const timer = setTimeout(() => source.cancel(), 3_000);
        const previousResultIds = [...reported].map(([file, r]) => ({ uri: pathToFileURL(file).toString(), value: r.resultId }));
        const next = await client.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds }, source.token);
        clearTimeout(timer);
        if (next.items.length === 0) break;
        take(next.items);
      }
      assert.deepEqual(found(), expected);
    } finally {
      assert.equal(await client.shutdown(), 0);
    }
  },
);
