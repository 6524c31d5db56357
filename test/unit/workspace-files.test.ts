import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isWalkedFile, walkFolder } from '../../server/src/files/walk';
import { WorkspaceFiles } from '../../server/src/workspace/files';

const service = (name: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  ports: [{port: 80}]\n`;

function tree(files: Record<string, string>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ack-cni-files-')));
  fs.mkdirSync(path.join(root, '.git'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

test('a single file is judged as the walk judges it: lintable, not git-ignored (at any level), not in .git or node_modules', () => {
  const root = tree({
    '.gitignore': 'dist/\n*.generated.yaml\n',
    'app/.gitignore': 'local.yaml\n',
    'app/deploy.yaml': '',
    'app/local.yaml': '',
    'app/x.generated.yaml': '',
    'dist/out.yaml': '',
    'node_modules/pkg/chart.yaml': '',
    'README.md': '',
    'app/.ack-cni.yaml': '',
    'main.tf': '',
  });
  try {
    const walked = [...walkFolder(root)].map((file) => path.relative(root, file)).sort();
    assert.deepEqual(walked, ['app/.ack-cni.yaml', 'app/deploy.yaml', 'main.tf']);
    const all = ['app/deploy.yaml', 'app/local.yaml', 'app/x.generated.yaml', 'dist/out.yaml', 'node_modules/pkg/chart.yaml', 'README.md', 'app/.ack-cni.yaml', 'main.tf'];
    assert.deepEqual(all.filter((name) => isWalkedFile(path.join(root, name), root)).sort(), walked);
    assert.equal(isWalkedFile(path.join(os.tmpdir(), 'elsewhere.yaml'), root), false, 'outside the folder');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('a folder its parent repository ignores is walked when chosen: that .gitignore does not describe it', () => {
  const root = tree({ '.gitignore': 'scratch/\n*.tmp.yaml\n', 'scratch/ws/deploy.yaml': '', 'scratch/ws/notes.tmp.yaml': '' });
  try {
    const chosen = path.join(root, 'scratch/ws');
    assert.deepEqual([...walkFolder(chosen)].map((file) => path.relative(chosen, file)), ['deploy.yaml', 'notes.tmp.yaml']);
    assert.equal(isWalkedFile(path.join(chosen, 'deploy.yaml'), chosen), true);
    assert.deepEqual([...walkFolder(root)].map((file) => path.relative(root, file)), [], 'from the repository root, the folder is ignored');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('the workspace files: scope, size limit, unsaved text first, Services looked up, removal of a folder', async () => {
  const root = tree({ 'svc/web.yaml': service('web'), 'svc/api.yaml': service('api'), 'skip/web.yaml': service('web'), 'big.yaml': service('big') + '#\n'.repeat(200) });
  const open = new Map<string, string>();
  const files = new WorkspaceFiles({
    excluded: async (file) => file.includes(`${path.sep}skip${path.sep}`),
    maxBytes: async () => 300,
    openText: (file) => open.get(file),
  });
  try {
    const seen: number[] = [];
    await files.scan([root], (count) => seen.push(count), () => false);
    assert.deepEqual(files.list().map((f) => path.relative(root, f.path)).sort(), ['svc/api.yaml', 'svc/web.yaml']);
    assert.equal(seen.at(-1), 4, 'every walked file is counted, also those left out');
    assert.deepEqual(files.index.servicesNamed('default', 'web').map((s) => path.relative(root, s.file!)), ['svc/web.yaml']);

    // An unsaved edit counts: the Service is renamed in the editor, not on disk.
    const revision = files.index.revision;
    open.set(path.join(root, 'svc/web.yaml'), service('storefront'));
    assert.equal(await files.refresh(path.join(root, 'svc/web.yaml'), [root]), true);
    assert.ok(files.index.revision > revision);
    assert.deepEqual(files.index.servicesNamed('default', 'web'), []);
    assert.equal(files.index.servicesNamed('default', 'storefront').length, 1);

    // A file that leaves the scope, and a folder deleted whole.
    assert.equal(await files.refresh(path.join(root, 'skip/web.yaml'), [root]), false);
    assert.equal(files.get(path.join(root, 'skip/web.yaml')), undefined);
    fs.rmSync(path.join(root, 'svc'), { recursive: true });
    open.clear();
    assert.equal(files.removeTree(path.join(root, 'svc')), true);
    assert.deepEqual(files.list(), []);
    assert.deepEqual(files.index.servicesNamed('default', 'api'), []);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
