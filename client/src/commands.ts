import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  profileInfoRequest,
  readinessReportRequest,
  ruleListRequest,
  setCniRequest,
  type ProfileInfo,
  type ReadinessReportResult,
  type RuleListItem,
  type SetCniParams,
  type SetCniResult,
} from '../../server/src/lsp/protocol';

interface CniChoice extends vscode.QuickPickItem {
  choice: Pick<SetCniParams, 'cni' | 'eniMode'>;
}

function cniChoices(): CniChoice[] {
  return [
    { label: 'Terway', description: vscode.l10n.t('shared ENI'), detail: vscode.l10n.t('Pods share ENIs; NetworkPolicy when switched on.'), choice: { cni: 'terway', eniMode: 'shared' } },
    { label: 'Terway', description: vscode.l10n.t('exclusive ENI'), detail: vscode.l10n.t('One ENI per pod; no NetworkPolicy, no bandwidth shaping.'), choice: { cni: 'terway', eniMode: 'exclusive' } },
    { label: 'Terway', description: vscode.l10n.t('mixed'), detail: vscode.l10n.t('Exclusive ENI only on node pools labelled eniOnly.'), choice: { cni: 'terway', eniMode: 'mixed' } },
    { label: 'Terway Edge', detail: vscode.l10n.t('ACK Edge clusters.'), choice: { cni: 'terway-edge' } },
    { label: 'Flannel', detail: vscode.l10n.t('VPC routes; no NetworkPolicy, no dual stack.'), choice: { cni: 'flannel' } },
  ];
}

async function activeProfileInfo(client: LanguageClient): Promise<ProfileInfo | undefined> {
  const document = vscode.window.activeTextEditor?.document;
  if (document && document.uri.scheme === 'file') return client.sendRequest<ProfileInfo>(profileInfoRequest, { uri: document.uri.toString() });
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return undefined;
  return client.sendRequest<ProfileInfo>(profileInfoRequest, { uri: vscode.Uri.joinPath(folder.uri, '.ack-cni.yaml').toString() });
}

/** `ackCni.selectCni`: writes the chosen CNI into the governing `.ack-cni.yaml`, creating it when there is none. */
export async function selectCni(client: LanguageClient): Promise<void> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(vscode.l10n.t('ACK CNI Lint does not write files in Restricted Mode. Trust the workspace to create or edit .ack-cni.yaml.'));
    return;
  }
  const info = await activeProfileInfo(client);
  const target = info?.profileFile ?? (info?.suggestedFolder ? path.join(info.suggestedFolder, '.ack-cni.yaml') : undefined);
  if (!target) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder first: the profile .ack-cni.yaml lives next to the manifests.'));
    return;
  }
  const picked = await vscode.window.showQuickPick(cniChoices(), {
    title: vscode.l10n.t('CNI of the cluster these manifests deploy to'),
    placeHolder: vscode.l10n.t('In force: {0} (from {1})', info?.summary ?? '', info?.origin ?? ''),
  });
  if (!picked) return;
  const params: SetCniParams = { profileFile: target, ...picked.choice };
  const result = await client.sendRequest<SetCniResult>(setCniRequest, params);
  const uri = vscode.Uri.file(target);
  const edit = new vscode.WorkspaceEdit();
  if (result.created) {
    edit.createFile(uri, { ignoreIfExists: true });
    edit.insert(uri, new vscode.Position(0, 0), result.text);
  } else {
    const document = await vscode.workspace.openTextDocument(uri);
    edit.replace(uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), result.text);
  }
  if (!(await vscode.workspace.applyEdit(edit))) return;
  const document = await vscode.workspace.openTextDocument(uri);
  await document.save();
  await vscode.window.showTextDocument(document, { preview: false, preserveFocus: true });
}

/** `ackCni.showProfile`: opens the `.ack-cni.yaml` in force, or says where the profile comes from. */
export async function showProfile(client: LanguageClient): Promise<void> {
  const info = await activeProfileInfo(client);
  if (info?.profileFile) {
    await vscode.window.showTextDocument(vscode.Uri.file(info.profileFile));
    return;
  }
  const create = vscode.l10n.t('Create .ack-cni.yaml');
  const answer = await vscode.window.showInformationMessage(
    vscode.l10n.t('No .ack-cni.yaml governs this file. Profile in force: {0} (from {1}).', info?.summary ?? '', info?.origin ?? ''),
    create,
  );
  if (answer === create) await selectCni(client);
}

/** `ackCni.showRuleDocs`: the rule's page, shipped with the extension, in the Markdown preview (offline). */
export async function showRuleDocs(client: LanguageClient, context: vscode.ExtensionContext, ruleId?: string): Promise<void> {
  let id = ruleId;
  if (!id) {
    const rules = await client.sendRequest<RuleListItem[]>(ruleListRequest);
    const picked = await vscode.window.showQuickPick(
      rules.map((rule) => ({ label: rule.id, description: rule.title, detail: rule.defaultSeverity })),
      { title: vscode.l10n.t('ACK CNI Lint rules') },
    );
    id = picked?.label;
  }
  if (!id) return;
  const chinese = vscode.env.language.toLowerCase().startsWith('zh');
  const page = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', ...(chinese ? ['zh-cn'] : []), `${id}.md`);
  await vscode.commands.executeCommand('markdown.showPreview', page);
}

/** `ackCni.readinessReport`: which CNI fits the workspace's manifests, as an unsaved Markdown document in the preview. */
export async function readinessReport(client: LanguageClient): Promise<void> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder first: the report covers the manifests of the workspace folders.'));
    return;
  }
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Writing the CNI readiness report…') },
    () => client.sendRequest<ReadinessReportResult>(readinessReportRequest),
  );
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: result.markdown });
  await vscode.commands.executeCommand('markdown.showPreview', document.uri);
}
