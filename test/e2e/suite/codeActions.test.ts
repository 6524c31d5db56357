/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, codeActions, expectDiagnostics, openInEditor, setText } from './helpers';

describe('quick fixes in a real editor', () => {
  before(activateExtension);

  it('converts k8s.aliyun.com/ingress-bandwidth: 10M under Terway to kubernetes.io/ingress-bandwidth: 80Mi, exact text', async () => {
    const { document } = await openInEditor('terway/api.yaml');
    const original = document.getText();
    const [deprecated] = await expectDiagnostics(document.uri, ['aliyun-bandwidth-deprecated warning 13:8-13:40']);
    const actions = await codeActions(document.uri, deprecated.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((action) => action.title);
    const convert = actions.find((action) => action.title.startsWith('Convert to kubernetes.io/ingress-bandwidth: 80Mi'));
    assert.ok(convert, `the conversion is offered; offered: ${JSON.stringify(titles)}`);
    assert.equal(convert.title, 'Convert to kubernetes.io/ingress-bandwidth: 80Mi (10M bytes/s = 80Mi bit/s)');
    assert.equal(convert.isPreferred, true);
    assert.equal(convert.kind?.value, 'quickfix');
    for (const expected of [
      'Disable aliyun-bandwidth-deprecated for this line',
      'Disable aliyun-bandwidth-deprecated for this document',
      'Show documentation for aliyun-bandwidth-deprecated',
    ]) {
      assert.ok(titles.includes(expected), `"${expected}" is offered; offered: ${JSON.stringify(titles)}`);
    }

    assert.ok(convert.edit, 'the fix carries its edit');
    assert.ok(await vscode.workspace.applyEdit(convert.edit));
    assert.equal(
      document.getText(),
      original.replace('k8s.aliyun.com/ingress-bandwidth: 10M   # 10 MiB/s', 'kubernetes.io/ingress-bandwidth: 80Mi   # 10 MiB/s'),
    );
    assert.match(document.getText(), /^ {8}kubernetes\.io\/ingress-bandwidth: 80Mi {3}# 10 MiB\/s$/m);
    // Terway (shared ENI, veth) applies kubernetes.io/ingress-bandwidth: nothing left to report.
    await expectDiagnostics(document.uri, []);
    await setText(document, original);
    await expectDiagnostics(document.uri, ['aliyun-bandwidth-deprecated warning 13:8-13:40']);
  });

  it('source.fixAll.ackCni applies every safe fix in the file, exact text', async () => {
    const { document } = await openInEditor('terway/fixall.yaml');
    const original = document.getText();
    await expectDiagnostics(document.uri, [
      'annotation-value-type error 5:12-5:15',
      'aliyun-bandwidth-deprecated warning 15:8-15:39',
      'bandwidth-invalid error 16:41-16:44',
      'network-priority-unsupported warning 17:8-17:39',
      'network-priority-invalid error 17:41-17:51',
    ]);
    const whole = new vscode.Range(document.positionAt(0), document.positionAt(original.length));
    const actions = await codeActions(document.uri, whole, 'source.fixAll.ackCni');
    const fixAll = actions.find((action) => action.kind?.value === 'source.fixAll.ackCni');
    assert.ok(fixAll?.edit, `a source.fixAll.ackCni action with an edit; got ${JSON.stringify(actions.map((a) => [a.title, a.kind?.value]))}`);
    assert.equal(fixAll.title, 'Fix all auto-fixable ack-cni problems');
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    assert.equal(
      document.getText(),
      original
        .replace('canary: yes     # a boolean to YAML', 'canary: "yes"     # a boolean to YAML')
        .replace('k8s.aliyun.com/egress-bandwidth: 1.5G', 'kubernetes.io/egress-bandwidth: 12Gi')
        .replace('kubernetes.io/ingress-bandwidth: 10m', 'kubernetes.io/ingress-bandwidth: 10M')
        .replace('k8s.aliyun.com/network-priority: Guaranteed', 'k8s.aliyun.com/network-priority: guaranteed'),
    );
    // Left: only the profile-level finding (network priority is off in this cluster), whose fix edits
    // .ack-cni.yaml and so is not part of fix-all.
    await expectDiagnostics(document.uri, ['network-priority-unsupported warning 17:8-17:39']);
    await setText(document, original);
  });
});
