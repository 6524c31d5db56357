// Writes docs/rules/*.md (English) and docs/rules/zh-cn/*.md from the rule catalogue, and the
// rule table of README.md. `test/unit/docs.test.ts` fails when these files are stale.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generatedDocs, withRuleTable } from '../server/src/docs/renderRuleDoc';
import { rules } from '../server/src/rules';

const root = path.resolve(__dirname, '..');
for (const dir of ['docs/rules', 'docs/rules/zh-cn']) {
  for (const name of fs.existsSync(path.join(root, dir)) ? fs.readdirSync(path.join(root, dir)) : []) {
    if (name.endsWith('.md')) fs.rmSync(path.join(root, dir, name));
  }
}
for (const [file, text] of generatedDocs(rules)) {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
}
const readme = path.join(root, 'README.md');
fs.writeFileSync(readme, withRuleTable(fs.readFileSync(readme, 'utf8'), rules));
console.log(`wrote ${generatedDocs(rules).size} rule pages and the README rule table`);
