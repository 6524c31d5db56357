/**
 * The shared corpus of real manifests (../shared/corpus next to this checkout, or ACK_CNI_CORPUS):
 * referenced from tests and benches, never copied into the repository.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const corpusDir = process.env.ACK_CNI_CORPUS ?? path.resolve(__dirname, '../../../shared/corpus');
export const corpusAvailable = fs.existsSync(corpusDir);
/** The `skip` option of a test that needs the corpus. */
export const corpusSkip: string | false = corpusAvailable ? false : `corpus not found at ${corpusDir} (set ACK_CNI_CORPUS)`;

/** The YAML and JSON files under a folder, sorted; none when the folder does not exist. */
export function yamlFilesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return yamlFilesUnder(full);
      return /\.(ya?ml|json)$/i.test(entry.name) ? [full] : [];
    })
    .sort();
}

/** A corpus file's text as an editor holds it (a byte-order mark removed). */
export function readCorpusText(file: string): string {
  return fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
}
