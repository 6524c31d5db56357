import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpusAvailable, corpusDir, readCorpus } from './corpus';
import { formatProblems, formatTally, sweep } from './sweep';

test(
  'round trip on the corpus: every quick fix under five profiles leaves text that parses, data changed only at its target, every comment line, and fixAll settles',
  { skip: corpusAvailable ? false : `corpus not found at ${corpusDir} (set ACK_CNI_CORPUS)` },
  (t) => {
    const files = readCorpus();
    const tally = sweep(files);
    t.diagnostic(`${files.length} corpus files\n${formatTally(tally)}`);
    assert.deepEqual(tally.problems, [], formatProblems(tally.problems));
    // The corpus has these fixes (see the tally): a sweep that stopped finding them proves nothing.
    const applied = (rule: string) => (tally.fixes.get(rule) ?? 0) + (tally.profileFixes.get(rule) ?? 0);
    for (const rule of ['annotation-value-type', 'aliyun-bandwidth-deprecated', 'dual-stack-unsupported', 'eni-annotation-obsolete', 'eni-backend-unsupported', 'network-policy-unsupported']) {
      assert.ok(applied(rule) > 0, `${rule}: fixes applied on the corpus`);
    }
    assert.ok(tally.fixAllRuns > 50, `fixAll ran on ${tally.fixAllRuns} files`);
  },
);
