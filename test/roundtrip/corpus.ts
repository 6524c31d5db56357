/** The shared corpus as the round trip reads it (test/helpers/corpus.ts finds it). */
import * as path from 'node:path';
import { corpusAvailable, corpusDir, readCorpusText, yamlFilesUnder } from '../helpers/corpus';
import type { SweepFile } from './sweep';

export { corpusAvailable, corpusDir };

/** Every corpus file, named by its path inside the corpus, byte-order mark removed. */
export function readCorpus(): SweepFile[] {
  return yamlFilesUnder(corpusDir).map((file) => ({
    name: path.relative(corpusDir, file).split(path.sep).join('/'),
    text: readCorpusText(file),
  }));
}
