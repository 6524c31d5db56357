import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitDocuments } from '../../server/src/yaml/split';
import { jsYamlMayRead } from '../../server/src/engine/cheapPath';
import { readPositioned } from '../../server/src/yaml/positioned';
import { forgetLastParse, parseYamlDocuments } from '../../server/src/yaml/parse';
import { corpusSkip, readCorpusText, yamlFilesUnder, corpusDir } from '../helpers/corpus';
import { treeDifference } from '../helpers/yamlTree';

test('positioned read: every corpus document js-yaml reads is the tree yaml gives, or left to yaml', { skip: corpusSkip }, () => {
  let candidates = 0;
  let read = 0;
  const differences: string[] = [];
  for (const file of yamlFilesUnder(corpusDir)) {
    for (const chunk of splitDocuments(readCorpusText(file))) {
      if (!jsYamlMayRead(chunk.text)) continue;
      candidates++;
      const positioned = readPositioned(chunk.text);
      if (!positioned) continue;
      read++;
      forgetLastParse();
      const documents = parseYamlDocuments(chunk.text);
      const where = `${file.slice(corpusDir.length + 1)} at ${chunk.start}`;
      if (documents.length !== 1 || documents[0].errors.length > 0) {
        differences.push(`${where}: yaml reads ${documents.length} documents, errors: ${documents[0]?.errors.map((e) => e.message).join('; ')}`);
        continue;
      }
      const difference = treeDifference(positioned.doc.contents, documents[0].doc.contents) ?? (positioned.start !== documents[0].start ? `start ${positioned.start} instead of ${documents[0].start}` : undefined);
      if (difference) differences.push(`${where}: ${difference}`);
    }
  }
  assert.deepEqual(differences.slice(0, 20), []);
  // Most documents are plain enough to be read this way; falling back on all of them would pass the check above.
  assert.ok(read > candidates * 0.85, `read ${read} of ${candidates} documents`);
});
