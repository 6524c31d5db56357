import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpusSkip, readCorpusText, yamlFilesUnder, corpusDir } from '../helpers/corpus';
import { checkPositioned } from '../helpers/yamlTree';

test('positioned read: every corpus document js-yaml reads is the tree yaml gives, or left to yaml', { skip: corpusSkip }, () => {
  let candidates = 0;
  let read = 0;
  const differences: string[] = [];
  for (const file of yamlFilesUnder(corpusDir)) {
    const check = checkPositioned(readCorpusText(file));
    candidates += check.candidates;
    read += check.read;
    differences.push(...check.differences.map((difference) => `${file.slice(corpusDir.length + 1)} ${difference}`));
  }
  assert.deepEqual(differences.slice(0, 20), []);
  // Most documents are plain enough to be read this way; falling back on all of them would pass the check above.
  assert.ok(read > candidates * 0.85, `read ${read} of ${candidates} documents`);
});
