/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, ackDiagnostics, codeActions, describeAll, openInEditor, waitFor, workspaceUri } from './helpers';

describe('the whole workspace in a real editor', () => {
  before(activateExtension);

  it('a file nobody opened is in the Problems panel: the ALB Ingress routes to a ClusterIP Service in another file', async () => {
    const ingress = workspaceUri('cross-file/ingress.yaml');
    const [finding] = await waitFor('workspace diagnostics for the closed ingress.yaml', () => {
      const found = ackDiagnostics(ingress);
      return found.length > 0 && found;
    });
    assert.deepEqual(describeAll(ingress), ['alb-clusterip-backend error 8:12-8:22']);
    assert.equal(finding.message, 'On Flannel, ALB cannot route to the ClusterIP Service storefront: its backends must be NodePort or LoadBalancer Services.');
    const [related] = finding.relatedInformation ?? [];
    assert.equal(related?.location.uri.toString(), workspaceUri('cross-file/service.yaml').toString());
    assert.equal(related.message, 'Service storefront: ClusterIP');
  });

  it('the quick fix edits the Service in its own file, and the Ingress is linted again', async () => {
    const { document } = await openInEditor('cross-file/ingress.yaml');
    const [finding] = await waitFor('the finding on the open Ingress', () => {
      const found = ackDiagnostics(document.uri);
      return found.length > 0 && found;
    });
    const actions = await codeActions(document.uri, finding.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((action) => action.title === 'Change Service storefront to NodePort');
    assert.ok(fix?.edit, `the fix is offered; offered: ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const service = await vscode.workspace.openTextDocument(workspaceUri('cross-file/service.yaml'));
    assert.equal(service.getText(), 'apiVersion: v1\nkind: Service\nmetadata:\n  name: storefront\nspec:\n  type: NodePort\n  selector:\n    app: storefront\n  ports:\n    - port: 80\n');
    await waitFor('the Ingress finding gone once the Service is a NodePort', () => ackDiagnostics(document.uri).length === 0);
  });
});
