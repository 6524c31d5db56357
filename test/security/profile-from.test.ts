/**
 * `from:` in a .ack-cni.yaml cannot make the linter read a file outside the workspace (the CLI: the working
 * directory; a profile outside every workspace folder: its own folder): not through `..`, not through an
 * absolute path, not through a symbolic link to a file or a folder elsewhere. Checked on resolveFrom with a
 * spy on every read, then end to end through the CLI and the language server.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DocumentDiagnosticRequest, type Diagnostic, type FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol/node';
import { resolveFrom } from '../../server/src/profile/from';
import { pullCapabilities, TestClient } from '../helpers/lspClient';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli.js');

const flannelCluster = JSON.stringify({
  name: 'elsewhere',
  cluster_type: 'ManagedKubernetes',
  cluster_spec: 'ack.pro.small',
  container_cidr: '172.20.0.0/16',
  service_cidr: '172.21.0.0/20',
  addons: [{ name: 'flannel', config: '' }],
});
const policy = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny}\nspec: {podSelector: {}}\n';

/**
 * A scratch folder: `ws/` is the workspace, `outside/cluster.json` a Flannel cluster next to it, `ws/inside/`
 * a copy of it inside, and links: ws/link.json → outside/cluster.json, ws/linkdir → outside/,
 * ws/inlink.json → ws/inside/cluster.json.
 */
function scratch(): { base: string; ws: string; outside: string } {
  const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ack-cni-from-')));
  const ws = path.join(base, 'ws');
  const outside = path.join(base, 'outside');
  fs.mkdirSync(path.join(ws, 'inside'), { recursive: true });
  fs.mkdirSync(path.join(ws, 'sub'));
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(outside, 'cluster.json'), flannelCluster);
  fs.writeFileSync(path.join(ws, 'inside/cluster.json'), flannelCluster);
  fs.symlinkSync(path.join(outside, 'cluster.json'), path.join(ws, 'link.json'));
  fs.symlinkSync(outside, path.join(ws, 'linkdir'), 'dir');
  fs.symlinkSync(path.join(ws, 'inside/cluster.json'), path.join(ws, 'inlink.json'));
  return { base, ws, outside };
}

/** `from:` values that point out of the workspace, and the ones that stay in it. */
function escapes(outside: string): Array<[string, string]> {
  return [
    ['../outside/cluster.json', 'a ../ escape'],
    ['./sub/../../outside/cluster.json', 'a ../ escape through a subfolder'],
    [path.join(outside, 'cluster.json'), 'an absolute path'],
    ['link.json', 'a symbolic link to a file outside'],
    ['linkdir/cluster.json', 'a file under a symbolic link to a folder outside'],
    ['linkdir/does-not-exist.json', 'a missing file under a link to a folder outside (reported as outside, not as missing)'],
  ];
}
const staysInside: Array<[string, string]> = [
  ['inside/cluster.json', 'a file inside'],
  ['./sub/../inside/cluster.json', 'a ../ that stays inside'],
  ['inlink.json', 'a symbolic link to a file inside'],
];

describe('resolveFrom: paths out of the workspace are refused before anything is read', () => {
  let dirs: ReturnType<typeof scratch>;
  before(() => {
    dirs = scratch();
  });
  after(() => fs.rmSync(dirs.base, { recursive: true, force: true }));

  const spyReader = () => {
    const reads: string[] = [];
    const readFile = (file: string) => {
      reads.push(file);
      try {
        return fs.readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
    };
    return { reads, readFile };
  };

  test('every escape is "outside" and reads nothing', () => {
    for (const [from, what] of escapes(dirs.outside)) {
      const { reads, readFile } = spyReader();
      const resolution = resolveFrom(path.join(dirs.ws, '.ack-cni.yaml'), from, readFile, dirs.ws);
      assert.equal(resolution.ok, false, what);
      assert.equal(!resolution.ok && resolution.problem, 'outside', what);
      assert.deepEqual(reads, [], `${what}: nothing read`);
    }
  });

  test('paths that stay inside are read, symbolic links included', () => {
    for (const [from, what] of staysInside) {
      const { reads, readFile } = spyReader();
      const resolution = resolveFrom(path.join(dirs.ws, '.ack-cni.yaml'), from, readFile, dirs.ws);
      assert.equal(resolution.ok, true, what);
      assert.equal(resolution.ok && resolution.plan.cni?.value, 'flannel', what);
      assert.equal(reads.length, 1, what);
    }
  });

  test('a workspace reached through a symbolic link still reads its own files', () => {
    const alias = path.join(dirs.base, 'ws-alias');
    fs.symlinkSync(dirs.ws, alias, 'dir');
    const resolution = resolveFrom(path.join(alias, '.ack-cni.yaml'), 'inside/cluster.json', (file) => fs.readFileSync(file, 'utf8'), alias);
    assert.equal(resolution.ok, true);
    const escaped = resolveFrom(path.join(alias, '.ack-cni.yaml'), 'link.json', () => flannelCluster, alias);
    assert.equal(!escaped.ok && escaped.problem, 'outside');
  });

  test('without a workspace folder, the profile\'s own folder is the limit', () => {
    const profile = path.join(dirs.ws, 'sub', '.ack-cni.yaml');
    const up = resolveFrom(profile, '../inside/cluster.json', () => flannelCluster, undefined);
    assert.equal(!up.ok && up.problem, 'outside');
    fs.writeFileSync(path.join(dirs.ws, 'sub', 'cluster.json'), flannelCluster);
    const here = resolveFrom(profile, './cluster.json', (file) => fs.readFileSync(file, 'utf8'), undefined);
    assert.equal(here.ok, true);
  });
});

describe('the CLI never takes a profile from outside its working directory', () => {
  let dirs: ReturnType<typeof scratch>;
  before(() => {
    dirs = scratch();
    fs.writeFileSync(path.join(dirs.ws, 'netpol.yaml'), policy);
  });
  after(() => fs.rmSync(dirs.base, { recursive: true, force: true }));

  function lint(from: string) {
    fs.writeFileSync(path.join(dirs.ws, '.ack-cni.yaml'), `from: ${JSON.stringify(from)}\n`);
    const result = spawnSync(process.execPath, [cli, '--format', 'json', 'netpol.yaml'], { cwd: dirs.ws, encoding: 'utf8', env: { PATH: process.env.PATH, LANG: 'C' } });
    assert.equal(result.stderr, '');
    const report = JSON.parse(result.stdout) as { files: Array<{ path: string; profile: { cni: string } | null; diagnostics: Array<{ rule: string; message: string }> }> };
    return Object.fromEntries(report.files.map((f) => [f.path, f]));
  }

  test('an escape: the Flannel cluster out there is not applied, and the profile says why', () => {
    for (const [from, what] of escapes(dirs.outside)) {
      const files = lint(from);
      assert.equal(files['netpol.yaml'].profile, null, `${what}: no CNI taken from outside`);
      assert.deepEqual(files['netpol.yaml'].diagnostics, [], what);
      const [problem] = files['.ack-cni.yaml'].diagnostics;
      assert.equal(problem?.rule, 'profile-invalid', what);
      assert.match(problem.message, /points outside the workspace: the linter does not read files there\.$/, what);
    }
  });

  test('inside the working directory (also through a link that stays inside) the cluster applies', () => {
    for (const [from, what] of staysInside) {
      const files = lint(from);
      assert.equal(files['netpol.yaml'].profile?.cni, 'flannel', what);
      assert.deepEqual(files['netpol.yaml'].diagnostics.map((d) => d.rule), ['network-policy-unsupported'], what);
    }
  });
});

describe('the language server never takes a profile from outside the workspace folder', () => {
  let dirs: ReturnType<typeof scratch>;
  let client: TestClient;
  let version = 1;
  before(async () => {
    dirs = scratch();
    fs.writeFileSync(path.join(dirs.ws, 'netpol.yaml'), policy);
    // A folder the editor has open files from, but that is no workspace folder.
    fs.mkdirSync(path.join(dirs.base, 'loose'));
    fs.writeFileSync(path.join(dirs.base, 'loose', '.ack-cni.yaml'), 'from: ../outside/cluster.json\n');
    fs.writeFileSync(path.join(dirs.base, 'loose', 'netpol.yaml'), policy);
    client = new TestClient();
    await client.initialize(dirs.ws, pullCapabilities);
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
    fs.rmSync(dirs.base, { recursive: true, force: true });
  });

  async function pull(uri: string): Promise<Diagnostic[]> {
    const report = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    return (report as FullDocumentDiagnosticReport).items;
  }

  /** Lints the policy under a profile text given as an open (unsaved) .ack-cni.yaml. */
  async function lintWith(profileText: string) {
    const profileUri = `file://${dirs.ws}/.ack-cni.yaml`;
    if (version === 1) await client.open(profileUri, profileText);
    else {
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: profileUri, version }, contentChanges: [{ text: profileText }] });
    }
    version++;
    const manifest = await pull(`file://${dirs.ws}/netpol.yaml`);
    const profile = await pull(profileUri);
    return { manifest: manifest.map((d) => d.code), profile: profile.map((d) => `${d.code} ${d.message}`) };
  }

  test('escapes are refused with a profile-invalid finding; paths inside apply the cluster', async () => {
    await client.open(`file://${dirs.ws}/netpol.yaml`, policy);
    for (const [from, what] of escapes(dirs.outside)) {
      const { manifest, profile } = await lintWith(`from: ${JSON.stringify(from)}\n`);
      assert.deepEqual(manifest, [], `${what}: no CNI taken from outside`);
      assert.equal(profile.length, 1, what);
      assert.match(profile[0], /^profile-invalid .*points outside the workspace/, what);
    }
    for (const [from, what] of staysInside) {
      const { manifest, profile } = await lintWith(`from: ${JSON.stringify(from)}\n`);
      assert.deepEqual(manifest, ['network-policy-unsupported'], what);
      assert.deepEqual(profile, [], what);
    }
  });

  test('a file outside every workspace folder: its profile may not reach above its own folder', async () => {
    const uri = `file://${dirs.base}/loose/netpol.yaml`;
    await client.open(uri, policy);
    assert.deepEqual((await pull(uri)).map((d) => d.code), []);
  });
});
