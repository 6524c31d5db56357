/** The shared corpus, found as test/corpus/corpus.test.ts finds it (never copied into the repository). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SweepFile } from './sweep';

const root = path.resolve(__dirname, '../..');
export const corpusDir = process.env.ACK_CNI_CORPUS ?? path.resolve(root, '../shared/corpus');
export const corpusAvailable = fs.existsSync(corpusDir);

function corpusFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return corpusFiles(full);
      return /\.(ya?ml|json)$/i.test(entry.name) ? [full] : [];
    })
    .sort();
}

/** Every corpus file, named by its path inside the corpus, byte-order mark removed. */
export function readCorpus(): SweepFile[] {
  if (!corpusAvailable) return [];
  return corpusFiles(corpusDir).map((file) => ({
    name: path.relative(corpusDir, file).split(path.sep).join('/'),
    text: fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''),
  }));
}
