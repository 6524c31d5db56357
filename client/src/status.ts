import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { commands, profileInfoRequest, type ProfileInfo, type ProfileInfoParams } from '../../server/src/lsp/protocol';

const linted = new Set(['yaml', 'json']);

/** The status bar item: the profile in force for the active editor and where it comes from. */
export class ProfileStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('ackCni.profile', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];
  private request = 0;

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.item.name = vscode.l10n.t('ACK CNI profile');
    this.item.command = commands.selectCni;
    this.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(() => this.refresh()));
  }

  /** Asks the server again; answers that arrive after a newer question are dropped. */
  refresh(): void {
    const document = vscode.window.activeTextEditor?.document;
    const client = this.client();
    if (!document || !(linted.has(document.languageId) || document.uri.path.endsWith('.tf')) || !client?.isRunning()) {
      this.item.hide();
      return;
    }
    const ticket = ++this.request;
    const params: ProfileInfoParams = { uri: document.uri.toString() };
    client.sendRequest<ProfileInfo>(profileInfoRequest, params).then(
      (info) => {
        if (ticket === this.request) this.show(info);
      },
      () => this.item.hide(),
    );
  }

  private show(info: ProfileInfo): void {
    this.item.text = `$(server-environment) ${vscode.l10n.t('CNI: {0}', info.summary)}`;
    this.item.tooltip = new vscode.MarkdownString(
      [vscode.l10n.t('**Profile in force**: {0}', info.summary), vscode.l10n.t('From: {0}', info.origin), '', vscode.l10n.t('Click to choose the CNI of this folder.')].join('\n\n'),
    );
    this.item.backgroundColor = info.state === 'invalid' || info.state === 'ambiguous' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
