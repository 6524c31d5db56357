/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { activateExtension, expectDiagnostics, openInEditor, ruleOf, waitFor, workspaceUri } from './helpers';

describe('diagnostics in a real editor', () => {
  before(activateExtension);

  it('a Flannel profile: exact rule ids, severities, ranges, messages and doc links', async () => {
    const { document } = await openInEditor('flannel/web.yaml');
    const diagnostics = await expectDiagnostics(document.uri, [
      'bandwidth-unsupported warning 13:8-13:38', // kubernetes.io/egress-bandwidth (key)
      'aliyun-bandwidth-deprecated error 14:8-14:40', // k8s.aliyun.com/ingress-bandwidth (key)
      'network-policy-unsupported error 21:6-21:19', // kind: NetworkPolicy (value)
    ]);
    const policy = diagnostics.find((d) => ruleOf(d) === 'network-policy-unsupported')!;
    assert.equal(policy.message, 'Flannel does not enforce NetworkPolicy: this policy isolates nothing.');
    assert.equal(document.getText(policy.range), 'NetworkPolicy');
    const aliyun = diagnostics.find((d) => ruleOf(d) === 'aliyun-bandwidth-deprecated')!;
    assert.equal(aliyun.message, 'Flannel ignores k8s.aliyun.com/ingress-bandwidth (only Terway reads it): this pod has no ingress limit.');
    assert.equal(document.getText(aliyun.range), 'k8s.aliyun.com/ingress-bandwidth');
    for (const diagnostic of diagnostics) {
      const code = diagnostic.code as { value: string; target: vscode.Uri };
      assert.equal(typeof code, 'object', 'the code carries a link to the rule page');
      assert.match(code.target.toString(true), new RegExp(`docs/rules/${code.value}\\.md$`));
    }
  });

  it('a Terway profile: the deprecated annotation is a warning with the Terway message', async () => {
    const { document } = await openInEditor('terway/api.yaml');
    const [deprecated] = await expectDiagnostics(document.uri, ['aliyun-bandwidth-deprecated warning 13:8-13:40']);
    assert.equal(deprecated.message, 'k8s.aliyun.com/ingress-bandwidth is deprecated in Terway and will be removed: use kubernetes.io/ingress-bandwidth (in bits per second) instead.');
  });

  it('change when the .ack-cni.yaml changes on disk', async () => {
    const profile = workspaceUri('switch/.ack-cni.yaml').fsPath;
    const original = fs.readFileSync(profile, 'utf8');
    const { document } = await openInEditor('switch/netpol.yaml');
    try {
      const [flannel] = await expectDiagnostics(document.uri, ['network-policy-unsupported error 1:6-1:19']);
      assert.match(flannel.message, /^Flannel does not enforce NetworkPolicy/);

      // Terway with NetworkPolicy switched on enforces it: the diagnostic goes away.
      fs.writeFileSync(profile, 'cni: terway\nterway:\n  networkPolicy: true\n');
      await expectDiagnostics(document.uri, []);

      // Terway with NetworkPolicy off (the ACK default): back, with the Terway reason.
      fs.writeFileSync(profile, 'cni: terway\n');
      const [terway] = await expectDiagnostics(document.uri, ['network-policy-unsupported error 1:6-1:19']);
      assert.match(terway.message, /networkPolicy: false/);
    } finally {
      fs.writeFileSync(profile, original);
      await waitFor('the Flannel message again', () =>
        vscode.languages.getDiagnostics(document.uri).some((d) => d.source === 'ack-cni' && d.message.startsWith('Flannel')),
      );
    }
  });
});
