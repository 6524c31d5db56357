import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as jsYaml from 'js-yaml';
import { lintText } from '../../server/src/engine/lint';
import { objectsOf } from '../../server/src/k8s/objects';
import { buildProfile } from '../../server/src/profile/resolve';
import type { ProfileValues } from '../../server/src/profile/validate';
import { parseYamlDocuments } from '../../server/src/yaml/parse';
import { corpusAvailable, corpusDir, readCorpusText, yamlFilesUnder } from '../helpers/corpus';

const corpus = corpusDir;
const summaryFile = path.join(__dirname, 'summary.json');

const profiles: Record<string, ProfileValues> = {
  flannel: { cni: 'flannel' },
  'terway-policy-off': { cni: 'terway' },
  'terway-policy-on': { cni: 'terway', terway: { networkPolicy: true } },
};

const available = corpusAvailable;
const files = yamlFilesUnder(corpus);
const texts = new Map(files.map((file) => [file, readCorpusText(file)]));

test('corpus: every file under every profile lints without an exception; counts per rule match test/corpus/summary.json', { skip: available ? false : `corpus not found at ${corpus} (set ACK_CNI_CORPUS)` }, () => {
  const summary: Record<string, unknown> = { files: files.length };
  for (const [name, values] of Object.entries(profiles)) {
    const profile = buildProfile(values, { kind: 'cli' });
    const counts: Record<string, number> = {};
    let linted = 0;
    for (const [file, text] of texts) {
      const findings = lintText(text, { profile });
      linted++;
      for (const finding of findings) {
        assert.notEqual(finding.ruleId, 'internal-error', `${path.relative(corpus, file)}: ${finding.message}`);
        assert.ok(finding.start >= 0 && finding.end >= finding.start && finding.end <= text.length, `${file}: range inside the text`);
        counts[finding.ruleId] = (counts[finding.ruleId] ?? 0) + 1;
      }
    }
    assert.equal(linted, files.length, 'every file is reported');
    summary[name] = Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
  }
  const actual = JSON.stringify(summary, null, 2) + '\n';
  if (process.env.UPDATE_CORPUS_SUMMARY === '1') fs.writeFileSync(summaryFile, actual);
  assert.equal(actual, fs.existsSync(summaryFile) ? fs.readFileSync(summaryFile, 'utf8') : '', 'behaviour on the corpus changed: review, then UPDATE_CORPUS_SUMMARY=1 npm test');
});

test('corpus: the Kubernetes objects the engine finds are the ones js-yaml loads (kinds, List items)', { skip: available ? false : 'corpus not found' }, () => {
  let compared = 0;
  for (const [file, text] of texts) {
    let loaded: unknown[];
    try {
      loaded = jsYaml.loadAll(text);
    } catch {
      continue; // not YAML to js-yaml either (templates, broken files): nothing to compare
    }
    const documents = parseYamlDocuments(text);
    if (documents.some((d) => d.errors.length > 0)) continue;
    const expected: string[] = [];
    for (const value of loaded) {
      if (!value || typeof value !== 'object' || Array.isArray(value)) continue;
      const object = value as Record<string, unknown>;
      if (typeof object.apiVersion !== 'string' || typeof object.kind !== 'string') continue;
      if (object.kind.endsWith('List') && Array.isArray(object.items)) {
        for (const item of object.items as Array<Record<string, unknown>>) {
          if (item && typeof item.apiVersion === 'string' && typeof item.kind === 'string') expected.push(`${item.apiVersion} ${item.kind}`);
        }
      } else expected.push(`${object.apiVersion} ${object.kind}`);
    }
    const found = documents.flatMap((d) => objectsOf(d).map((o) => `${o.apiVersion} ${o.kind}`));
    assert.deepEqual(found, expected, path.relative(corpus, file));
    compared++;
  }
  assert.ok(compared > 1500, `compared ${compared} files`);
});
