import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { rules } from '../../server/src/rules';

const root = path.resolve(__dirname, '../..');

/** The entry names of a zip file, read from its central directory. */
function zipEntries(file: string): string[] {
  const zip = fs.readFileSync(file);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'a zip file');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, 'a central directory entry');
    const nameLength = zip.readUInt16LE(at + 28);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return names.sort();
}

test('the .vsix holds exactly the bundles, the Terraform parser, manifest, translations, grammar and rule pages, and stays under 1 MB', { timeout: 120000 }, () => {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ack-cni-vsix-')), 'ack-cni-lint.vsix');
  const result = spawnSync(process.execPath, [path.join(root, 'scripts/package.mjs'), '--out', out], { cwd: root, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr + result.stdout);
  const size = fs.statSync(out).size;
  assert.ok(size < 1024 * 1024, `${size} bytes`);
  const pages = rules.flatMap((rule) => [`extension/docs/rules/${rule.id}.md`, `extension/docs/rules/zh-cn/${rule.id}.md`]);
  assert.deepEqual(
    zipEntries(out),
    [
      '[Content_Types].xml',
      'extension.vsixmanifest',
      'extension/changelog.md',
      'extension/LICENSE.txt',
      'extension/dist/client.js',
      'extension/dist/server.js',
      'extension/dist/tree-sitter-terraform.wasm',
      'extension/dist/web-tree-sitter.wasm',
      'extension/l10n/bundle.l10n.zh-cn.json',
      'extension/package.json',
      'extension/package.nls.json',
      'extension/package.nls.zh-cn.json',
      'extension/readme.md',
      'extension/syntaxes/ack-cni.injection.tmLanguage.json',
      ...pages,
    ].sort(),
  );
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
});
