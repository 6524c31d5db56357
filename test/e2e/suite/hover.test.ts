/// <reference types="mocha" />
// Hover (issue 3 §1): what the key or kind does, the Terway-vs-Flannel row, and the verdict for the
// profile in force, e.g. "Your cluster (Flannel, from deploy/.ack-cni.yaml): not enforced".
import * as assert from 'node:assert/strict';
import { activateExtension, expectDiagnostics, hoverText, openInEditor, plain, positionOf } from './helpers';

// Matched against the hover with Markdown emphasis and code marks removed (helpers.plain).
const verdict = /Your cluster \(Flannel, from flannel\/\.ack-cni\.yaml\)/;
const markdownLink = /\]\([^)\s]+\)/;

describe('hover in a real editor', () => {
  before(activateExtension);

  it('on kind: NetworkPolicy under Flannel: the verdict "not enforced", with the profile file and a docs link', async () => {
    const { document } = await openInEditor('flannel/web.yaml');
    await expectDiagnostics(document.uri, ['bandwidth-unsupported warning 13:8-13:38', 'aliyun-bandwidth-deprecated error 14:8-14:40', 'network-policy-unsupported error 21:6-21:19']);
    const text = await hoverText(document.uri, positionOf(document, 'kind: NetworkPolicy', 'kind: '.length + 3));
    assert.match(plain(text), verdict, `hover text:\n${text}`);
    assert.match(plain(text), /Your cluster \(Flannel, from flannel\/\.ack-cni\.yaml\)\W*not enforced/, `hover text:\n${text}`);
    assert.match(text, markdownLink, `hover text:\n${text}`);
  });

  it('on k8s.aliyun.com/ingress-bandwidth under Flannel: Terway vs Flannel, and the verdict', async () => {
    const { document } = await openInEditor('flannel/web.yaml');
    const text = await hoverText(document.uri, positionOf(document, 'k8s.aliyun.com/ingress-bandwidth', 5));
    assert.match(text, /Terway/, `hover text:\n${text}`);
    assert.match(text, /Flannel/, `hover text:\n${text}`);
    assert.match(plain(text), verdict, `hover text:\n${text}`);
    assert.match(text, markdownLink, `hover text:\n${text}`);
  });

  it('on a .ack-cni.yaml key: what it does', async () => {
    const { document } = await openInEditor('flannel/.ack-cni.yaml');
    const text = await hoverText(document.uri, positionOf(document, '\ncni:', 2));
    assert.match(text, /terway/i, `hover text:\n${text}`);
    assert.match(text, /flannel/i, `hover text:\n${text}`);
  });
});
