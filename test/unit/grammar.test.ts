import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';

const root = path.resolve(__dirname, '../..');
const grammar = JSON.parse(fs.readFileSync(path.join(root, 'syntaxes/ack-cni.injection.tmLanguage.json'), 'utf8'));
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

/** Runs a grammar pattern with Oniguruma, the engine VS Code uses: the captured texts of the first match. */
async function matcher(name: string): Promise<(line: string) => Record<number, string> | null> {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const scanner = new oniguruma.OnigScanner([grammar.repository[name].match]);
  return (line) => {
    const onigLine = new oniguruma.OnigString(line);
    const match = scanner.findNextMatchSync(onigLine, 0);
    onigLine.dispose();
    if (!match) return null;
    const out: Record<number, string> = {};
    match.captureIndices.forEach((c, i) => {
      if (c.length > 0) out[i] = line.slice(c.start, c.end);
    });
    return out;
  };
}

test('grammar: registered as an injection into YAML', () => {
  assert.deepEqual(manifest.contributes.grammars, [
    { scopeName: grammar.scopeName, path: './syntaxes/ack-cni.injection.tmLanguage.json', injectTo: ['source.yaml'] },
  ]);
  assert.equal(grammar.injectionSelector, 'L:source.yaml');
});

test('grammar: suppression comments, with their directive and rule ids', async () => {
  const match = await matcher('suppression-comment');
  assert.deepEqual(match('    # ack-cni-disable-next-line bandwidth-unsupported, dual-stack-unsupported'), {
    0: '# ack-cni-disable-next-line bandwidth-unsupported, dual-stack-unsupported',
    1: '#',
    2: 'ack-cni-disable-next-line',
    3: ' bandwidth-unsupported, dual-stack-unsupported',
  });
  assert.deepEqual(match('kind: NetworkPolicy # ack-cni-disable-line network-policy-unsupported')?.[2], 'ack-cni-disable-line');
  assert.deepEqual(match('# ack-cni-disable')?.[2], 'ack-cni-disable');
  assert.equal(match('# ack-cni-disabled foo'), null);
  assert.equal(match('url: http://x#ack-cni-disable'), null, 'a # inside a word is not a comment');
});

// The same patterns against VS Code's own YAML grammar: test/e2e/grammar/injection.mjs (npm run test:e2e).
test('grammar: k8s.aliyun.com/ keys in block and flow mappings, quoted or not, never values', async () => {
  const block = await matcher('aliyun-key-block');
  const flow = await matcher('aliyun-key-flow');
  assert.deepEqual(block('    k8s.aliyun.com/ingress-bandwidth: 10M'), { 0: 'k8s.aliyun.com/ingress-bandwidth', 2: 'k8s.aliyun.com/', 3: 'ingress-bandwidth' });
  assert.deepEqual(block('  - "k8s.aliyun.com/eni": "true"'), { 0: '"k8s.aliyun.com/eni"', 1: '"', 2: 'k8s.aliyun.com/', 3: 'eni', 4: '"' });
  assert.deepEqual(block("    'k8s.aliyun.com/pod-networks-request': |")?.[3], 'pod-networks-request');
  assert.equal(block('    note: k8s.aliyun.com/eni'), null, 'a value');
  assert.equal(block('    k8s.aliyun.com/eni'), null, 'not a key without a colon');
  assert.deepEqual(flow('annotations: {k8s.aliyun.com/eni: "true", "k8s.aliyun.com/pod-eni": x}')?.[4], 'eni');
  assert.equal(flow('image: k8s.aliyun.com/foo:1.0'), null, 'an image reference is a value');
});
