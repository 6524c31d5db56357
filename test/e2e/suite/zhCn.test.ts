/// <reference types="mocha" />
// Run with the editor's display language zh-cn: the language client sends it as initialize.locale,
// and the server answers in Simplified Chinese.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, codeActions, expectDiagnostics, hoverText, openInEditor, plain, positionOf, ruleOf } from './helpers';

const chinese = /[\u4e00-\u9fff]/;

describe('zh-cn in a real editor', () => {
  before(activateExtension);

  it('the editor runs with display language zh-cn', () => {
    assert.equal(vscode.env.language, 'zh-cn');
  });

  it('diagnostics in Simplified Chinese', async () => {
    const { document } = await openInEditor('flannel/web.yaml');
    const diagnostics = await expectDiagnostics(document.uri, [
      'bandwidth-unsupported warning 13:8-13:38',
      'aliyun-bandwidth-deprecated error 14:8-14:40',
      'network-policy-unsupported error 21:6-21:19',
    ]);
    assert.equal(diagnostics.find((d) => ruleOf(d) === 'network-policy-unsupported')!.message, 'Flannel 不支持 NetworkPolicy：此策略不会隔离任何流量。');
    assert.equal(
      diagnostics.find((d) => ruleOf(d) === 'aliyun-bandwidth-deprecated')!.message,
      'Flannel 会忽略 k8s.aliyun.com/ingress-bandwidth（只有 Terway 读取该注解）：该 Pod 没有入方向限速。',
    );
  });

  it('quick fix titles in Simplified Chinese', async () => {
    const { document } = await openInEditor('terway/api.yaml');
    const [deprecated] = await expectDiagnostics(document.uri, ['aliyun-bandwidth-deprecated warning 13:8-13:40']);
    const titles = (await codeActions(document.uri, deprecated.range, vscode.CodeActionKind.QuickFix.value)).map((action) => action.title);
    assert.ok(titles.includes('改为 kubernetes.io/ingress-bandwidth: 80Mi（10M 字节/秒 = 80Mi bit/s）'), JSON.stringify(titles));
    assert.ok(titles.includes('在此行禁用 aliyun-bandwidth-deprecated'), JSON.stringify(titles));
  });

  it('hover in Simplified Chinese, with the verdict for the Flannel profile', async () => {
    const { document } = await openInEditor('flannel/web.yaml');
    const text = await hoverText(document.uri, positionOf(document, 'kind: NetworkPolicy', 'kind: '.length + 3));
    assert.match(text, chinese, `hover text:\n${text}`);
    assert.match(text, /Flannel/, `hover text:\n${text}`);
    assert.match(plain(text), /您的集群（Flannel，来自 flannel\/\.ack-cni\.yaml）\W*不生效/, `hover text:\n${text}`);
    // The English verdict must not leak into the Chinese hover.
    assert.doesNotMatch(text, /Your cluster/, `hover text:\n${text}`);
  });
});
