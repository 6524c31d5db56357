/**
 * The extension client: starts the bundled language server over IPC, shows the profile in force in
 * the status bar and offers the commands. Linting, hovers and fixes all come from the server.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { commands, profileChangedNotification, type InitializationOptions } from '../../server/src/lsp/protocol';
import { serverExecArgv } from '../../server/src/lsp/launch';
import { ProfileStatus } from './status';
import { readinessReport, selectCni, showProfile, showRuleDocs } from './commands';
import { ServerCrashHandler } from './crashHandler';

let client: LanguageClient | undefined;

function createClient(context: vscode.ExtensionContext, crashHandler: ServerCrashHandler): LanguageClient {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...serverExecArgv] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...serverExecArgv, '--nolazy', '--inspect=6019'] } },
  };
  const initializationOptions: InitializationOptions = { clientWatchesProfiles: true, trusted: vscode.workspace.isTrusted };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'file', language: 'json' },
      { scheme: 'untitled', language: 'yaml' },
      { scheme: 'file', pattern: '**/*.tf' },
    ],
    // Profiles, and the cluster configurations that may stand in for one (PRODUCT §3 step 3).
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/{.ack-cni.yaml,*.tf,*.yaml,*.yml,*.json}') },
    diagnosticCollectionName: 'ack-cni',
    initializationOptions,
    errorHandler: crashHandler,
  };
  return new LanguageClient('ackCni', 'ACK CNI Lint', serverOptions, clientOptions);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const crashHandler = new ServerCrashHandler(() => client?.outputChannel.show(true));
  client = createClient(context, crashHandler);
  const status = new ProfileStatus(() => client);
  context.subscriptions.push(
    status,
    vscode.commands.registerCommand(commands.selectCni, () => selectCni(client!)),
    vscode.commands.registerCommand(commands.showProfile, () => showProfile(client!)),
    vscode.commands.registerCommand(commands.showRuleDocs, (ruleId?: string) => showRuleDocs(client!, context, ruleId)),
    vscode.commands.registerCommand(commands.readinessReport, () => readinessReport(client!)),
    vscode.commands.registerCommand(commands.restartServer, async () => {
      crashHandler.reset();
      await client?.restart();
      status.refresh();
    }),
    // Leaving Restricted Mode allows edits to other files again: the server learns it at start.
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      await client?.stop();
      client = createClient(context, crashHandler);
      await startClient(client, status);
    }),
  );
  await startClient(client, status);
}

async function startClient(started: LanguageClient, status: ProfileStatus): Promise<void> {
  await started.start();
  started.onNotification(profileChangedNotification, () => status.refresh());
  status.refresh();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
