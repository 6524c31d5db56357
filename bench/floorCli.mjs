// The js-yaml floor of the CLI: read every YAML/JSON file under the paths and loadAll it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsYaml from 'js-yaml';

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    return entry.isDirectory() ? files(full) : /\.(ya?ml|json)$/i.test(entry.name) ? [full] : [];
  });
}

for (const file of process.argv.slice(2).flatMap(files)) {
  try {
    jsYaml.loadAll(readFileSync(file, 'utf8'));
  } catch {
    // templates and broken files: read all the same
  }
}
