/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, expectDiagnostics, openInEditor } from './helpers';

describe('settings in a real editor', () => {
  before(activateExtension);

  it('ackCni.cni in a folder without .ack-cni.yaml changes the diagnostics', async () => {
    const { document } = await openInEditor('no-profile/netpol.yaml');
    const config = () => vscode.workspace.getConfiguration('ackCni', document.uri);
    assert.equal(config().get('cni'), 'auto');
    // No profile and no setting: the CNI-dependent rules stay silent.
    await expectDiagnostics(document.uri, []);
    try {
      await config().update('cni', 'flannel', vscode.ConfigurationTarget.WorkspaceFolder);
      const [policy] = await expectDiagnostics(document.uri, ['network-policy-unsupported error 1:6-1:19']);
      assert.equal(policy.message, 'Flannel does not enforce NetworkPolicy: this policy isolates nothing.');

      await config().update('cni', 'terway', vscode.ConfigurationTarget.WorkspaceFolder);
      await config().update('terway.networkPolicy', true, vscode.ConfigurationTarget.WorkspaceFolder);
      await expectDiagnostics(document.uri, []);
    } finally {
      await config().update('terway.networkPolicy', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
      await config().update('cni', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    }
    await expectDiagnostics(document.uri, []);
  });

  it('a folder with .ack-cni.yaml keeps its profile whatever the setting says', async () => {
    const { document } = await openInEditor('switch/netpol.yaml');
    const config = vscode.workspace.getConfiguration('ackCni', document.uri);
    try {
      await config.update('cni', 'terway', vscode.ConfigurationTarget.WorkspaceFolder);
      await config.update('terway.networkPolicy', true, vscode.ConfigurationTarget.WorkspaceFolder);
      const [policy] = await expectDiagnostics(document.uri, ['network-policy-unsupported error 1:6-1:19']);
      assert.match(policy.message, /^Flannel/);
    } finally {
      await config.update('terway.networkPolicy', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
      await config.update('cni', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    }
  });
});
