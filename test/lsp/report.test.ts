import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { pullCapabilities, TestClient } from '../helpers/lspClient';

const policy = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny-all\nspec:\n  podSelector: {}\n';
const pod = (annotation: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n    ${annotation}\nspec:\n  containers:\n  - name: web\n    image: nginx\n`;

test('ackCni/readinessReport: the workspace folder’s manifests, unsaved text first, ackCni.exclude honoured, links as file URIs', async () => {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ack-cni-lsp-report-')));
  fs.mkdirSync(path.join(root, 'vendor'));
  fs.writeFileSync(path.join(root, 'policy.yaml'), policy);
  fs.writeFileSync(path.join(root, 'vendor', 'policy.yaml'), policy);
  fs.writeFileSync(path.join(root, 'web.yaml'), pod('app: web'));
  const client = new TestClient();
  try {
    client.settings = { cni: 'auto', exclude: ['vendor/**'] };
    await client.initialize(root, pullCapabilities);
    await client.open(pathToFileURL(path.join(root, 'web.yaml')).href, pod('k8s.aliyun.com/network-priority: guaranteed'));
    const result = (await client.connection.sendRequest('ackCni/readinessReport')) as { markdown: string; files: number };
    assert.equal(result.files, 2, 'vendor/ is excluded');
    assert.match(result.markdown, /^# CNI readiness report\n/);
    assert.ok(result.markdown.includes(`[policy.yaml:2:7](${pathToFileURL(path.join(root, 'policy.yaml')).href}#L2)`), 'shown relative to the folder, linked by file URI');
    assert.match(result.markdown, /\| Network priority \| 1 \| 1 \|/, 'the unsaved annotation counts');
    assert.doesNotMatch(result.markdown, /vendor/);
  } finally {
    assert.equal(await client.shutdown(), 0);
    fs.rmSync(root, { recursive: true, force: true });
  }
});
