import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rules } from '../../server/src/rules';
import { corpusAvailable, readCorpus } from './corpus';
import { generateClusterConfigs, generateManifests, generatePodNetworkings, generateProfiles } from './generate';
import { handmade, handmadeProfiles } from './handmade';
import { formatProblems, formatTally, newTally, sweep } from './sweep';

/**
 * The corpus has few CNI-specific annotations, so these documents carry them: corpus objects
 * with annotations and fields injected (under all five profiles), `.ack-cni.yaml` texts, cluster
 * configurations and PodNetworkings (each once: the profile in force plays no part in them), and
 * the hand-made edge cases of handmade.ts.
 * ACK_CNI_ROUNDTRIP=full sweeps about five times as many manifests.
 */
const full = process.env.ACK_CNI_ROUNDTRIP === 'full';
const seed = Number(process.env.ACK_CNI_ROUNDTRIP_SEED ?? 1);

test('round trip on generated documents: every fixable rule\'s fix is applied and checked, and all pass', (t) => {
  const manifests = corpusAvailable
    ? generateManifests(readCorpus(), { perObject: full ? 2 : 1, maxObjects: full ? 60 : 20, maxSize: 30_000, seed })
    : [];
  const others = [
    ...generateProfiles(seed + 1, full ? 400 : 150),
    ...generateClusterConfigs(seed + 2, full ? 300 : 100),
    ...generatePodNetworkings(seed + 3, full ? 120 : 40),
    ...handmadeProfiles,
  ];
  const tally = newTally();
  sweep([...manifests, ...handmade], tally);
  sweep(others, tally, ['no-profile']);
  t.diagnostic(`${manifests.length} generated and ${handmade.length} hand-made manifests, ${others.length} profiles, cluster configurations and PodNetworkings (seed ${seed})\n${formatTally(tally)}`);
  assert.deepEqual(tally.problems, [], formatProblems(tally.problems));
  const fixable = rules.filter((rule) => rule.fixable).map((rule) => rule.id);
  // Without the corpus there are no manifests: only the rules of profiles, plans and PodNetworkings.
  const planRules = ['profile-invalid', 'cidr-invalid', 'flannel-node-capacity', 'cni-field-ignored', 'podnetworking-invalid'];
  for (const rule of corpusAvailable ? fixable : planRules) {
    assert.ok((tally.fixes.get(rule) ?? 0) + (tally.profileFixes.get(rule) ?? 0) > 0, `${rule}: no fix of it was applied`);
  }
  assert.ok(tally.fixAllPasses > tally.fixAllRuns, 'some fixAll runs needed more than one pass');
});
