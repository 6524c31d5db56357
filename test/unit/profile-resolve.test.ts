import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveProfile } from '../../server/src/profile/resolve';
import { ruleIds } from '../../server/src/rules';

function files(map: Record<string, string>) {
  return (file: string) => map[file];
}

const tree = files({
  '/repo/.ack-cni.yaml': 'cni: flannel\nrules:\n  network-policy-unsupported: warning\nignore: ["charts/**"]\n',
  '/repo/prod/.ack-cni.yaml': 'cni: terway\nterway:\n  networkPolicy: true\n',
  '/repo/broken/.ack-cni.yaml': 'cni: calico\n',
  '/outside/.ack-cni.yaml': 'cni: terway\n',
});

test('profile: the nearest .ack-cni.yaml wins, with defaults filled in', () => {
  const resolved = resolveProfile({ filePath: '/repo/prod/app/deploy.yaml' }, tree, ruleIds);
  assert.equal(resolved.profileFile, '/repo/prod/.ack-cni.yaml');
  assert.deepEqual(resolved.profile?.terway, {
    eniMode: 'shared',
    datapath: 'veth',
    networkPolicy: true,
    trunking: false,
    ipStack: 'ipv4',
    ipamType: 'crd',
    networkPriority: false,
  });
  assert.deepEqual(resolved.profile?.source, { kind: 'file', path: '/repo/prod/.ack-cni.yaml' });
});

test('profile: rules and ignore globs come from the file in force', () => {
  const resolved = resolveProfile({ filePath: '/repo/app.yaml' }, tree, ruleIds);
  assert.equal(resolved.profile?.cni, 'flannel');
  assert.deepEqual([...resolved.ruleSettings], [['network-policy-unsupported', 'warning']]);
  assert.deepEqual(resolved.ignore, { baseDir: '/repo', patterns: ['charts/**'] });
});

test('profile: the search stops at the workspace folder', () => {
  const resolved = resolveProfile({ filePath: '/outside/ws/app.yaml', stopAt: '/outside/ws' }, tree, ruleIds);
  assert.equal(resolved.profile, undefined);
  assert.equal(resolved.profileFile, undefined);
});

test('profile: settings or --cni apply only where no profile file exists', () => {
  const explicit = { source: 'cli' as const, values: { cni: 'flannel' } };
  assert.equal(resolveProfile({ filePath: '/repo/prod/x.yaml', explicit }, tree, ruleIds).profile?.cni, 'terway');
  const none = resolveProfile({ filePath: '/elsewhere/x.yaml', explicit }, tree, ruleIds);
  assert.deepEqual([none.profile?.cni, none.profile?.source], ['flannel', { kind: 'cli' }]);
});

test('profile: --profile replaces the search', () => {
  const resolved = resolveProfile({ filePath: '/repo/prod/x.yaml', profileFile: '/outside/.ack-cni.yaml' }, tree, ruleIds);
  assert.equal(resolved.profileFile, '/outside/.ack-cni.yaml');
  assert.equal(resolved.profile?.terway.networkPolicy, false);
});

test('profile: an invalid profile file governs its folder but knows no CNI (no fallback guess)', () => {
  const resolved = resolveProfile({ filePath: '/repo/broken/x.yaml', explicit: { source: 'settings', values: { cni: 'terway' } } }, tree, ruleIds);
  assert.equal(resolved.profileFile, '/repo/broken/.ack-cni.yaml');
  assert.equal(resolved.profile, undefined);
});

test('profile: --rule and settings override the profile rules', () => {
  const resolved = resolveProfile({ filePath: '/repo/a.yaml', ruleOverrides: new Map([['network-policy-unsupported', 'off']]) }, tree, ruleIds);
  assert.equal(resolved.ruleSettings.get('network-policy-unsupported'), 'off');
});
