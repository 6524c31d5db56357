/**
 * Regression tests for what the fuzzer (test/fuzz) found in shared code: inputs that crashed the
 * process, threw out of the engine, or took seconds to minutes where a linear pass takes
 * milliseconds. Each test names the module it guards. Time limits are generous (a tenth of what
 * the old code took, or less): they fail on a quadratic algorithm, not on a slow machine; the
 * 30 s timeout makes a regression fail rather than hang the run.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { parseYamlDocuments, maxNestingDepth } from '../../server/src/yaml/parse';
import { LineIndex } from '../../server/src/yaml/lineIndex';
import { lintText } from '../../server/src/engine/lint';
import { jsYamlMayRead } from '../../server/src/engine/cheapPath';
import { findTemplateAction } from '../../server/src/engine/template';
import { buildProfile, resolveProfile } from '../../server/src/profile/resolve';
import { maxProfileLength } from '../../server/src/profile/types';
import { ruleIds } from '../../server/src/rules';
import { hoverAt } from '../../server/src/features/hover';
import { parseTerwayBandwidth } from '../../server/src/rules/support/terwayBandwidth';
import { bitRateSpelling } from '../../server/src/rules/support/rateSpelling';
import { readKey } from '../../server/src/features/outline';
import { completionsAt } from '../../server/src/features/completion';
import { closest } from '../../server/src/util/closest';
import { decodeFileText } from '../../server/src/files/decode';
import { jsonTooDeepAt, maxJsonDepth } from '../../server/src/util/jsonDepth';
import { initTerraform, maxTerraformLength } from '../../server/src/cluster/readers';

const terway = buildProfile({ cni: 'terway' }, { kind: 'cli' });

function timed<T>(run: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = run();
  return { result, ms: performance.now() - started };
}

function errorsOf(text: string): string[] {
  return parseYamlDocuments(text).flatMap((d) => d.errors.map((e) => `${e.code}@${e.pos[0]}`));
}

// --- yaml/parse.ts ----------------------------------------------------------------------------

test('yaml/parse: 10,000-deep flow nesting is one RESOURCE_EXHAUSTION error, never a stack overflow (it could abort the process)', { timeout: 30_000 }, () => {
  const depth = 10_000;
  for (const text of [`a: ${'['.repeat(depth)}${']'.repeat(depth)}\n`, `a: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n`, `${'- '.repeat(depth)}x\n`]) {
    const documents = parseYamlDocuments(text);
    assert.equal(documents.length, 1);
    assert.deepEqual(documents[0].errors.map((e) => e.code), ['RESOURCE_EXHAUSTION']);
    assert.match(documents[0].errors[0].message, /nested deeper than 256 levels/);
    assert.equal(documents[0].end, text.length, 'the unread document still spans its text');
    assert.deepEqual(lintText(text, { profile: undefined }).map((f) => f.ruleId), ['yaml-syntax']);
  }
});

test('yaml/parse: nesting up to the limit is read as before', { timeout: 30_000 }, () => {
  // The document's map and `spec` are two levels: 254 more reach the limit.
  const atLimit = `${'['.repeat(maxNestingDepth - 2)}${']'.repeat(maxNestingDepth - 2)}`;
  const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  x: ${atLimit}\n`;
  const [document] = parseYamlDocuments(text);
  assert.deepEqual(document.errors, []);
  assert.equal((document.doc.toJS() as { kind: string }).kind, 'Pod');
  const tooDeep = text.replace(atLimit, `[${atLimit}]`);
  const innermost = tooDeep.lastIndexOf('[');
  assert.deepEqual(errorsOf(tooDeep), [`RESOURCE_EXHAUSTION@${innermost}`], 'at the collection past the limit');
});

test('yaml/parse: a line of 20,000 `a: ` (each a map in the one before) is read 257 levels deep: that document is too deep, the ones around it are read', { timeout: 30_000 }, () => {
  const first = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: first\n';
  const text = `${first}---\nreplicas: ${'a: '.repeat(20_000)}x\n---\n${first}`;
  const { result: documents, ms } = timed(() => parseYamlDocuments(text));
  assert.deepEqual(documents.map((d) => d.errors.map((e) => e.code)), [[], ['RESOURCE_EXHAUSTION'], []]);
  assert.ok(ms < 1_000, `${ms.toFixed(0)} ms`);
});

test('yaml/parse: a line of 20,000 `- ` is read 257 levels deep too: the error is at the first sequence past the limit, and the documents after it are read (the yaml parser ran out of stack on the line, and the rest of the file went unread)', { timeout: 30_000 }, () => {
  const first = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: first\n';
  const text = `${first}---\nreplicas:\n${'- '.repeat(20_000)}x\n---\n${first}`;
  const { result: documents, ms } = timed(() => parseYamlDocuments(text));
  // The document's map is one level and each `- ` one more: the 256th starts level 257.
  const pastLimit = text.indexOf('- ') + 2 * 255;
  assert.deepEqual(documents.map((d) => d.errors.map((e) => `${e.code}@${e.pos[0]}`)), [[], [`RESOURCE_EXHAUSTION@${pastLimit}`], []]);
  assert.ok(ms < 1_000, `${ms.toFixed(0)} ms`);
});

test('yaml/parse: a line of 20,000 `? ` overflows the yaml parser itself; the rest of the file is reported unread, nothing thrown', { timeout: 30_000 }, () => {
  const first = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: first\n';
  const text = `${first}---\nreplicas: ${'? '.repeat(20_000)}x\n---\n${first}`;
  const documents = parseYamlDocuments(text);
  const last = documents[documents.length - 1];
  assert.ok(documents.length >= 1);
  assert.deepEqual(documents[0].errors, [], 'documents before the overflow are read');
  assert.equal(last.end, text.length);
  assert.match(last.errors.map((e) => e.message).join(' '), /nested too deeply to read/);
  assert.ok(lintText(text, { profile: undefined }).some((f) => f.ruleId === 'yaml-syntax'));
});

test('yaml/parse: characters YAML forbids (NUL, C0/C1 controls, lone surrogates) make the document unreadable, as kubectl finds it', { timeout: 30_000 }, () => {
  assert.deepEqual(errorsOf('apiVersion: v1\nkind: Pod\u0000\n'), ['UNEXPECTED_TOKEN@24']);
  assert.match(parseYamlDocuments('a: b\u0007\n')[0].errors[0].message, /control character U\+0007 is not allowed/);
  assert.deepEqual(errorsOf('a: "\uD800"\n'), ['UNEXPECTED_TOKEN@4']);
  assert.deepEqual(errorsOf('a: 1\n---\nb: \u0001\n').length, 1, 'only the document that holds it');
  // Allowed: tab, CR, LF, NEL, a BOM, astral characters as pairs.
  assert.deepEqual(errorsOf('\uFEFFa:\t"x\u0085y 😀 \uFEFF"\r\n'), []);
  // UTF-16 bytes read as UTF-8 (NUL between letters) were silently a scalar before.
  const utf16AsUtf8 = Buffer.from('\uFEFFapiVersion: v1\nkind: Pod\n', 'utf16le').toString('utf8');
  assert.deepEqual(lintText(utf16AsUtf8, { profile: undefined }).map((f) => f.ruleId), ['yaml-syntax']);
});

const jsYamlReadable: Array<[string, string, boolean]> = [
  ['printable ASCII', 'a: b\n', true],
  ['text beyond ASCII', 'a: "é 中 — ü"\n', true],
  ['an astral character as a pair', 'a: "😀"\n', true],
  ['a lone high surrogate', 'a: "\uD800x"\n', false],
  ['a lone low surrogate after text beyond ASCII', 'a: "é\uDC00"\n', false],
  ['a C0 control', 'a: b\u0007\n', false],
  ['a C1 control', 'a: "é\u0090"\n', false],
  ['a noncharacter', 'a: "\uFFFE"\n', false],
  ['NEL, a line break to YAML 1.1', 'a: "x\u0085y"\n', false],
];

for (const [name, chunk, readable] of jsYamlReadable) {
  test(`cheap path: js-yaml ${readable ? 'may read' : 'is not trusted with'} ${name}`, () => {
    assert.equal(jsYamlMayRead(chunk), readable);
  });
}

test('yaml/parse: a lone CR ends a line (old Mac files), as in YAML and go-yaml; offsets stay those of the text', { timeout: 30_000 }, () => {
  const text = 'a: 1\rb: 2\r\nc: 3\n';
  const [document] = parseYamlDocuments(text);
  assert.deepEqual(document.errors, []);
  assert.deepEqual(document.doc.toJS(), { a: 1, b: 2, c: 3 });
  const b = document.doc.get('b', true) as { range: number[] };
  assert.equal(text.slice(b.range[0], b.range[1]), '2');
});

test('yaml/parse: duplicate keys are found in linear time, at the repeated key', { timeout: 30_000 }, () => {
  assert.deepEqual(errorsOf('a: 1\nb: 2\na: 3\n'), ['DUPLICATE_KEY@10']);
  assert.deepEqual(errorsOf('{a: 1, a: 2}\n'), ['DUPLICATE_KEY@7']);
  assert.deepEqual(errorsOf('metadata:\nmetadata:\n'), ['DUPLICATE_KEY@10'], 'at the key, not at the line break before it');
  assert.deepEqual(errorsOf('<<: {a: 1}\n<<: {b: 2}\n.nan: 1\n.nan: 2\n1: a\n"1": b\n'), [], 'merge keys, NaN and keys of different types never clash');
  const wide = `m:\n${Array.from({ length: 100_000 }, (_, i) => `  k${i}: v\n`).join('')}`;
  const { result, ms } = timed(() => parseYamlDocuments(wide));
  assert.deepEqual(result[0].errors, []);
  assert.ok(ms < 5_000, `100,000 keys parsed in ${ms.toFixed(0)} ms (minutes before)`);
});

test('yaml/parse: garbage between documents keeps a hundred errors, not one per character', { timeout: 30_000 }, () => {
  const text = '}{'.repeat(50_000);
  const { result, ms } = timed(() => parseYamlDocuments(text));
  assert.ok(result.flatMap((d) => d.errors).length <= 110);
  assert.ok(ms < 2_000, `${ms.toFixed(0)} ms`);
  assert.deepEqual([...new Set(lintText(text, { profile: undefined }).map((f) => f.ruleId))], ['yaml-syntax']);
});

// --- yaml/lineIndex.ts ------------------------------------------------------------------------

test('yaml/lineIndex: "\\r\\n", "\\n" and a lone "\\r" each end a line, as LSP clients count them', { timeout: 30_000 }, () => {
  const lines = new LineIndex('a\rb\r\nc\nd\r');
  assert.equal(lines.lineCount, 5);
  assert.deepEqual([0, 1, 2, 3, 4].map((line) => lines.lineText(line)), ['a', 'b', 'c', 'd', '']);
  assert.deepEqual(lines.position(2), { line: 1, character: 0 });
  assert.deepEqual(lines.position(4), { line: 1, character: 1 }, 'inside the "\\r\\n": the end of the line\'s content, where an editor can point');
  assert.equal(lines.offset(3, 1), 8);
  assert.deepEqual(new LineIndex('\r\r').lineEnd(0), 0);
});

// --- JSON in annotations and ConfigMaps (util/jsonDepth.ts, rules/support/scalarJson.ts, cluster/readers/values.ts)

test('jsonDepth: JSON nested deeper than 1,000 levels is refused before jsonc-parser recurses into it', { timeout: 30_000 }, () => {
  assert.equal(jsonTooDeepAt('['.repeat(maxJsonDepth) + ']'.repeat(maxJsonDepth)), undefined);
  assert.equal(jsonTooDeepAt('['.repeat(maxJsonDepth + 1)), maxJsonDepth);
  assert.equal(jsonTooDeepAt(`"${'['.repeat(5000)}\\"["`), undefined, 'brackets in strings do not count');
  const depth = 10_000;
  const pod = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  annotations:\n    k8s.aliyun.com/pod-networks-request: '${'['.repeat(depth)}${']'.repeat(depth)}'\nspec: {}\n`;
  const findings = lintText(pod, { profile: terway });
  assert.deepEqual(findings.filter((f) => f.ruleId === 'internal-error'), [], 'a stack overflow in the rule became internal-error before');
  assert.ok(findings.some((f) => f.ruleId === 'pod-networks-invalid' && f.message.includes('nested deeper than 1000 levels')));
  const eniConfig = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: eni-config, namespace: kube-system}\ndata:\n  eni_conf: '${'{"a": '.repeat(depth)}1${'}'.repeat(depth)}'\n`;
  assert.deepEqual(lintText(eniConfig, { profile: terway }).filter((f) => f.ruleId === 'internal-error'), []);
});

// --- regular expressions that backtracked ------------------------------------------------------

test('terwayBandwidth: 50,000 digits and a space before the unit parse in linear time', { timeout: 30_000 }, () => {
  const { result, ms } = timed(() => parseTerwayBandwidth(`${'1'.repeat(50_000)} M`));
  assert.equal(result.ok, false);
  assert.ok(ms < 200, `${ms.toFixed(0)} ms (a second before)`);
  assert.equal(parseTerwayBandwidth('1.5M').ok, true);
  assert.equal(parseTerwayBandwidth('.5M').ok, true);
  assert.deepEqual(parseTerwayBandwidth('1.2.3M'), { ok: false, problem: 'not-a-number', number: '1.2.3', unit: 'M' });
});

test('rateSpelling: digits followed by more lines are rejected in linear time; spellings still read', { timeout: 30_000 }, () => {
  const { result, ms } = timed(() => bitRateSpelling(`${'1'.repeat(50_000)}\nx\ny`));
  assert.equal(result, undefined);
  assert.ok(ms < 200, `${ms.toFixed(0)} ms (a second before)`);
  assert.equal(bitRateSpelling('10Mbps'), '10M');
  assert.equal(bitRateSpelling('10\nMbps'), '10M', 'as the old expression read it');
});

test('completion outline: a line of 100,000 blanks without a colon is not a key, found in linear time', { timeout: 30_000 }, () => {
  const line = `k${' '.repeat(100_000)}x`;
  const { result, ms } = timed(() => readKey(line));
  assert.equal(result, undefined);
  assert.ok(ms < 200, `${ms.toFixed(0)} ms (seconds before)`);
  assert.deepEqual(readKey('a b  : c'), { key: 'a b', length: 3, rest: ' c' });
  assert.deepEqual(readKey('"q" : v'), { key: 'q', length: 3, rest: ' v' });
  assert.deepEqual(readKey('url: http://x: y'), { key: 'url', length: 3, rest: ' http://x: y' });
  assert.equal(readKey('a#b: c'), undefined);
  const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n    ${line}\n`;
  const context = { text, kind: 'manifest' as const, profile: terway, profileOrigin: undefined, locale: 'en' as const, ruleSettings: new Map() };
  assert.ok(timed(() => completionsAt(context, text.length - 2)).ms < 2_000);
});

// --- engine/template.ts, engine/suppress.ts, yaml/nodes.ts, profile/validate.ts, util/closest.ts

test('template: 20,000 `{{ }}` inside quoted strings are data, found in linear time', { timeout: 30_000 }, () => {
  const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  annotations:\n${Array.from({ length: 20_000 }, (_, i) => `    a${i}: "{{ x${i} }}"\n`).join('')}`;
  const documents = parseYamlDocuments(text);
  const { result, ms } = timed(() => findTemplateAction(text, documents));
  assert.equal(result, null);
  assert.ok(ms < 1_000, `${ms.toFixed(0)} ms`);
  const comments = `# ${'{{ x }} '.repeat(20_000)}\na: b\n`;
  assert.equal(findTemplateAction(comments, parseYamlDocuments(comments)), null);
  const template = 'a: "{{ x }}"\nb: {{ y }}\n';
  assert.deepEqual(findTemplateAction(template, parseYamlDocuments(template)), [16, 23]);
});

test('suppress: 50,000 disable-next-line comments are read in linear time and still silence the next line', { timeout: 30_000 }, () => {
  const policy = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\nspec:\n  podSelector: {}\n';
  const directives = '# ack-cni-disable-next-line network-policy-unsupported\n'.repeat(50_000);
  const text = policy.replace('kind:', `${directives}kind:`);
  const flannel = buildProfile({ cni: 'flannel' }, { kind: 'cli' });
  const { result, ms } = timed(() => lintText(text, { profile: flannel }));
  assert.deepEqual(result, [], 'the directive reaches the first line with content');
  assert.ok(ms < 5_000, `${ms.toFixed(0)} ms (minutes before)`);
  assert.equal(lintText(policy, { profile: flannel }).length, 1);
});

test('yaml/nodes: 50,000 aliases resolve in one walk, to the last anchor of the name before each', { timeout: 30_000 }, () => {
  const annotations = Array.from({ length: 50_000 }, (_, i) => `    a${i}: &x${i} "v${i}"\n    b${i}: *x${i}\n`).join('');
  const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  annotations:\n${annotations}    c: &x0 10M\n    kubernetes.io/egress-bandwidth: *x0\nspec: {}\n`;
  const { result, ms } = timed(() => lintText(text, { profile: terway }));
  assert.ok(ms < 10_000, `${ms.toFixed(0)} ms (minutes before)`);
  assert.deepEqual(result.filter((f) => f.ruleId === 'internal-error'), []);
});

test('profile/validate and util/closest: 20,000 unknown rule ids are each reported, in linear time', { timeout: 30_000 }, () => {
  const text = `cni: flannel\nrules:\n${Array.from({ length: 20_000 }, (_, i) => `  rule-${i}: off\n`).join('')}  bandwidth-invalidd: error\n`;
  const { result, ms } = timed(() => lintText(text, { profile: undefined, kind: 'profile' }));
  assert.equal(result.filter((f) => f.ruleId === 'profile-invalid').length, 20_001);
  assert.ok(ms < 5_000, `${ms.toFixed(0)} ms`);
  assert.ok(result.some((f) => f.message === 'Unknown rule "bandwidth-invalidd"; did you mean "bandwidth-invalid"?' && f.fix));
  assert.equal(closest('eniMod', ['eniMode', 'datapath']), 'eniMode');
  assert.equal(closest('x', ['a-very-long-key']), undefined);
});

test('completion: a line of 40,000 "- " is walked once, not once per level (it took 3 s)', { timeout: 30_000 }, () => {
  const text = `apiVersion: v1\nkind: List\nitems:\n${'- '.repeat(40_000)}\n`;
  const { ms } = timed(() => completionsAt({ text, kind: 'manifest', profile: undefined, profileOrigin: 'x', locale: 'en', ruleSettings: new Map() }, text.length - 1));
  assert.ok(ms < 1_000, `${ms.toFixed(0)} ms`);
});

test('yaml-syntax: a parser message that quotes a line of 50,000 spaces is cut, and found in linear time (it took 800 ms)', { timeout: 30_000 }, () => {
  const text = `    kind: Fake\n    metadata:\n  name: x${' '.repeat(50_000)}y\nspec: {}\n`;
  const { result, ms } = timed(() => lintText(text, { profile: undefined }));
  assert.ok(ms < 1_000, `${ms.toFixed(0)} ms`);
  assert.ok(result.length > 0 && result.every((f) => f.ruleId === 'yaml-syntax' && f.message.length < 400), result.map((f) => f.message.length).join(', '));
});

// --- cluster/readers/terraform.ts -----------------------------------------------------------

test('terraform: a .tf text over 4 MB gets one file-too-large hint; tree-sitter never sees it (near 20 MB it aborted, for good)', { timeout: 30_000 }, async () => {
  await initTerraform();
  const resource = 'resource "alicloud_cs_managed_kubernetes" "k" {\n  pod_cidr = "10.0.0.0/33"\n}\n';
  const huge = resource.repeat(Math.ceil((maxTerraformLength + 1) / resource.length));
  const { result, ms } = timed(() => lintText(huge, { profile: undefined, kind: 'terraform' }));
  assert.deepEqual(
    result.map((f) => [f.ruleId, f.start, f.end, f.message]),
    [['file-too-large', 0, resource.indexOf('\n'), `This Terraform file (${Math.round(huge.length / 1024)} KB) is larger than the 4096 KB the Terraform reader accepts: its cluster settings are not checked.`]],
  );
  assert.ok(ms < 1_000, `${ms.toFixed(0)} ms`);
  assert.deepEqual(lintText(resource, { profile: undefined, kind: 'terraform' }).map((f) => f.ruleId), ['cidr-invalid'], 'small files are read as before');
});

// --- profile/types.ts --------------------------------------------------------------------------

test('profile: a profile over 1 MB gets one file-too-large hint and is not read: the files it governs have no profile, hover and completion say nothing', () => {
  const header = 'cni: terway\n';
  const huge = header + 'ignore:\n' + '  - "charts/**"\n'.repeat(Math.ceil(maxProfileLength / 15));
  assert.deepEqual(
    lintText(huge, { profile: undefined, kind: 'profile' }).map((f) => [f.ruleId, f.severity, f.start, f.end, f.message]),
    [['file-too-large', 'hint', 0, header.length - 1, `This cluster profile (${Math.round(huge.length / 1024)} KB) is larger than the 1024 KB a profile may hold: it is not read, and the files it governs are linted without a profile.`]],
  );
  const read = (text: string) => resolveProfile({ filePath: '/repo/app/pod.yaml' }, (file) => (file === '/repo/.ack-cni.yaml' ? text : undefined), ruleIds);
  assert.deepEqual([read(huge).profileFile, read(huge).profile], ['/repo/.ack-cni.yaml', undefined]);
  const context = { text: huge, kind: 'profile' as const, profile: undefined, profileOrigin: undefined, locale: 'en' as const, ruleSettings: new Map() };
  assert.equal(hoverAt(context, 1), null);
  assert.deepEqual(completionsAt(context, header.length), []);
  const lineEnd = huge.lastIndexOf('\n', maxProfileLength - 1) + 1;
  const atLimit = huge.slice(0, lineEnd) + '#'.repeat(maxProfileLength - lineEnd);
  assert.equal(read(atLimit).profile?.cni, 'terway', 'at the limit it is read');
  assert.ok(hoverAt({ ...context, text: atLimit }, 1));
});

test('terraform: long runs of white space after a syntax error are read in linear time, with the same findings', { timeout: 30_000 }, async () => {
  await initTerraform();
  // tree-sitter's error recovery walked such a run once per character: 24,000 spaces took 5 s.
  const broken = 'kind: Pod\nmetadata: {}\n' + ' '.repeat(24_000) + '\n' + '\n'.repeat(24_000);
  const { ms } = timed(() => lintText(broken, { profile: undefined, kind: 'terraform' }));
  assert.ok(ms < 1_000, `${ms.toFixed(0)} ms`);
  const resource = 'resource "alicloud_cs_managed_kubernetes" "k" {\n  pod_cidr = "10.0.0.0/33"\n}\n';
  const padded = resource.replace('{\n', `{\n${'\n'.repeat(500)}${' '.repeat(500)}`).replace('= "', `= ${' '.repeat(500)}"`);
  const findings = (text: string) => lintText(text, { profile: undefined, kind: 'terraform' }).map((f) => [f.ruleId, text.slice(f.start, f.end)]);
  assert.deepEqual(findings(padded), findings(resource));
  assert.deepEqual(findings(resource), [['cidr-invalid', '"10.0.0.0/33"']]);
});

test('terraform: a text tree-sitter cannot read within 1 s per MB is left unread, and a real file is read whole', { timeout: 30_000 }, async () => {
  await initTerraform();
  // Its error recovery spent 4 s per MB on a line of quotes.
  const quotes = 'a = 1\n' + '"'.repeat(80_000) + '\n';
  const { result, ms } = timed(() => lintText(quotes, { profile: undefined, kind: 'terraform' }));
  assert.deepEqual(result, []);
  assert.ok(ms < 2 * 80 + 100, `${ms.toFixed(0)} ms`);
  const resources = Array.from({ length: 5_000 }, (_, i) => `resource "alicloud_cs_managed_kubernetes" "k${i}" {\n  pod_cidr = "10.0.0.0/33"\n}\n`).join('');
  assert.equal(lintText(resources, { profile: undefined, kind: 'terraform' }).filter((f) => f.ruleId === 'cidr-invalid').length, 5_000);
});

// --- files/decode.ts --------------------------------------------------------------------------

test('files/decode: UTF-16 with a byte-order mark is decoded (PowerShell writes it; kubectl reads it); a UTF-8 BOM is dropped', { timeout: 30_000 }, () => {
  const text = 'apiVersion: v1\nkind: Pod # ü 😀\n';
  const le = Buffer.from('\uFEFF' + text, 'utf16le');
  const be = Buffer.from(le).swap16();
  assert.equal(decodeFileText(le), text);
  assert.equal(decodeFileText(be), text);
  assert.equal(decodeFileText(Buffer.from('\uFEFF' + text, 'utf8')), text);
  assert.equal(decodeFileText(Buffer.from(text, 'utf8')), text);
  assert.equal(decodeFileText(Buffer.from([0xfe, 0xff, 0x00])), '', 'an odd trailing byte is dropped');
});
