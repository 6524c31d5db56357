import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readPositioned } from '../../server/src/yaml/positioned';
import { jsonFrame } from '../../server/src/yaml/jsonFrame';
import { blockFrame } from '../../server/src/yaml/blockScan';
import { chunkDocuments } from '../../server/src/engine/cheapPath';
import { maxNestingDepth } from '../../server/src/yaml/parse';
import { forgetLastParse, parseYamlDocuments } from '../../server/src/yaml/parse';
import { treeDifference } from '../helpers/yamlTree';

/** What yaml itself gives for a one-document text: the reference readPositioned must equal. */
function yamlTree(text: string) {
  forgetLastParse();
  const [document, ...rest] = parseYamlDocuments(text);
  assert.equal(rest.length, 0, 'one document');
  assert.deepEqual(document.errors.map((e) => e.message), [], 'yaml reads the fixture without errors');
  return document;
}

const readAsYamlDoes: Array<[string, string]> = [
  ['a Deployment', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels: {app: web, tier: "front"}\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: app\n          image: nginx:1.27\n          ports: [{containerPort: 80}]\n'],
  ['a document marker, leading comments and an indented root', '# lead\n---\n  # inside\n  a: 1\n  b: x\n'],
  ['no marker: the document starts at its first line of content', '\n# lead\n\napiVersion: v1\n'],
  ['plain scalars resolved by the core schema', 'n: ~\nt: true\nf: False\ni: 012\nh: 0x1F\no: 0o17\nx: 1.5e3\ninf: -.inf\nnan: .NaN\ns: 10m\nv: 1.0.0\nd: 2024-01-01\ny: yes\n'],
  ['quoted scalars with trailing blanks and comments', 'a: "x\\ty"  # c\nb: \'it\'\'s\'   \nc: "over\n  lines"\n'],
  ['block scalars, clipped and stripped', 'a: |\n  one\n  two\n\nb: >-\n  folded\n  text\nc: |\n\n  after a blank line\n'],
  ['block scalars followed by lines of blanks, deep and shallow', 'a: |\n    one\n      \n  \nb: |-\n  x\n \n\nc: >\n  y\n  '],
  ['empty values, with and without a comment after them', 'a:\nb:   # why\nc:\n  d:\ne: 1\n'],
  ['an empty value with a comment on the last line, with and without a line break', 'a: # c\nb: # d'],
  ['comments after the last node of nested collections', 'p:\n  a:\n    b: 1\n      # deeper\n    # same\n\n  # lower\n  c: 2\n  d:\n  - e: 1\n    # item\n  f: [1, 2]  # flow\n# at the root\n'],
  ['a comment line no deeper than the collection ends the comments its last value takes', '- name: x\n# low\n    # deep\n- name: y\n    # deep\n# low\n    # deep\n- name: z\n  # same\n# low\n  # same\n'],
  ['the same at the end of the text, without a line break', '        - name: a\n        # low\n            # deep'],
  ['a multi-line plain scalar', 'description: one\n  two\n  three\nnext: 1\n'],
  ['a flow collection at the root and in a sequence', '[{a: 1}, [2]]\n'],
  ['a JSON document', '{"kind": "Service", "spec": {"ports": [{"port": 80}], "type": "NodePort"}}\n'],
  ['an empty sequence entry (read by the block scan: js-yaml composes no node for it)', 'e:\n- \n- x\n'],
  ['CRLF line ends', 'a: 1\r\nb:\r\n  c: "x"\r\n  # c\r\nd: |\r\n  t\r\n'],
];

/** The positioned reader reads the text, into the tree yaml gives, starting where yaml's does. */
function assertReadAsYamlDoes(text: string): void {
  const read = readPositioned(text);
  assert.ok(read, 'read without yaml');
  const expected = yamlTree(text);
  assert.equal(treeDifference(read.doc.contents, expected.doc.contents), undefined);
  assert.equal(read.start, expected.start);
}

for (const [name, text] of readAsYamlDoes) {
  test(`positioned read: ${name} gives yaml's tree`, () => assertReadAsYamlDoes(text));
}

const leftToYaml: Array<[string, string]> = [
  ['an anchor and an alias', 'a: &x 1\nb: *x\n'],
  ['a merge key', 'base: {a: 1}\nm:\n  <<: {a: 2}\n'],
  ['a tag', 'a: !!str 1\n'],
  ['an explicit key', '? a\n: 1\n'],
  ['a flow map entry without a value', '{a, b: 1}\n'],
  ['a pair inside a flow sequence', '[a: 1]\n'],
  ['keep chomping', 'a: |+\n  x\n\nb: 1\n'],
  ['an indentation indicator', 'a: |2\n    indented\n'],
  ['an empty block scalar', 'a: |\nb: 1\n'],
  ['an empty value with comment lines after it', 'a:\n  b:\n  # c\n\n  d: 1\n'],
  ['an empty value with a comment on its line and a blank line after it', 'x:\n  a: # c\n  \nb: 1\n'],
  ['the same at the end of the text', 'a: # c\n\n'],
  ['an anchor on an empty value', 'kind: &fz\n'],
  ['a tag on an empty value', 'a: !!str\nb: 1\n'],
  ['a directive', '%YAML 1.2\n---\na: 1\n'],
  ['a byte order mark', '\uFEFFa: 1\n'],
  ['two documents', 'a: 1\n...\nb: 2\n'],
  ['an empty document', '# only a comment\n'],
  ['a document that is one scalar (here a marker line with no line break, which the two parsers read differently)', '--- # c  '],
  ['a duplicate key', 'a: 1\na: 2\n'],
  ['a syntax error', 'a: [1\n'],
];

for (const [name, text] of leftToYaml) {
  test(`positioned read: ${name} is left to yaml`, () => {
    assert.equal(readPositioned(text), null);
  });
}

// --- Block YAML, read by the block scan without js-yaml (yaml/blockScan.ts) ------------------

const blockScanReads: Array<[string, string]> = [
  ['a Deployment with compact sequences, flow collections, quotes and comments', 'apiVersion: apps/v1   # c\nkind: Deployment\nmetadata:\n  name: "web"\n  annotations:\n    k8s.aliyun.com/ingress-bandwidth: 10M\n    note: \'it\'\'s\'\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        args: ["a", b, \'c\']\n        resources: {cpu: 100m, memory: "1Gi"}\n        # a comment\n      -   name: side\n'],
  ['null values and entries, with comments after them and at the end', 'a:\nb:   # why\nc:\n  d:\ne:\n- \n-   # none\n- x\nf:'],
  ['nested sequences in one entry and a sequence at the root', '- - a\n  - b\n- - - c\n'],
  ['literal block scalars, clipped and stripped, blank lines inside and after, one at the end without a line break', 'a: |\n  one\n\n    two\n\nb: |-\n  x\n  y\n\nc:\n- |\n  z\nd: |\n  last'],
  ['a value on the line after its key', 'a:\n  text\nb:\n  "quoted"\nc:\n  [1, 2]\n'],
  ['a marker, leading comments and keys the core schema types', '# lead\n---\n.dockerconfigjson: 1\n$patch: delete\non: yes\nn: ~\nx: 0x1F\n'],
];

/** Each text of `table` is one `reader` takes, and the positioned reader gives yaml's tree for it. */
function readWithoutJsYaml(what: string, reader: (text: string) => unknown, table: Array<[string, string]>): void {
  for (const [name, text] of table) {
    test(`${what} read: ${name} gives yaml's tree, without js-yaml`, () => {
      assert.ok(reader(text), `${what} reads it`);
      assertReadAsYamlDoes(text);
    });
  }
}

readWithoutJsYaml('block scan', blockFrame, blockScanReads);

const notForBlockScan: Array<[string, string]> = [
  ['a folded block scalar', 'a: >\n  one\n  two\n'],
  ['keep chomping', 'a: |+\n  x\n\n'],
  ['a plain scalar over lines', 'a: one\n  two\n'],
  ['an escape', 'a: "x\\ty"\n'],
  ['a quoted scalar over lines', 'a: "one\n  two"\n'],
  ['an anchor', 'a: &x 1\n'],
  ['a nested flow collection in a sequence', 'a: [[1]]\n'],
  ['blank lines with spaces past a block scalar\'s indentation', 'a: |\n  x\n      \nb: 1\n'],
  ['a JSON document', '{"a": 1}\n'],
];

for (const [name, text] of notForBlockScan) {
  test(`block scan read: ${name} is left to js-yaml`, () => assert.equal(blockFrame(text), null));
}

// --- JSON, read without js-yaml (yaml/jsonFrame.ts) ---------------------------------------------

const manyKeys = (count: number) => `{${Array.from({ length: count }, (_, index) => `"k${index}": ${index}`).join(', ')}}`;
const nodePools = (count: number) => JSON.stringify({ cluster_type: 'ManagedKubernetes', nodepools: Array.from({ length: count }, (_, index) => ({ count: index, instance_types: ['ecs.g7.large'] })) });

const jsonAsYamlReads: Array<[string, string]> = [
  ['escapes, numbers JSON allows and the three literals', '{"a":"x\\"y\\u00e9\\/\\b\\f\\ud800","n":[1,-0,2.50,1e5,1E+400,12345678901234567890],"t":true,"f":false,"z":null,"e":{},"s":[]}'],
  ['pretty-printed, with blank lines after it', `${JSON.stringify({ kind: 'Service', spec: { ports: [{ port: 80 }, { port: 443 }] } }, null, 2)}\n\n`],
  ['blanks, tabs and line ends between tokens, a value on the next line', '\n{ "a" :\t1 ,"b" :[ 1 ,\n 2 ] ,"c":\n"d" }\n'],
  ['keys beyond those compared one by one', manyKeys(40)],
  ['a document longer than js-yaml is given (1 MB)', nodePools(25_000)],
];

readWithoutJsYaml('JSON', jsonFrame, jsonAsYamlReads);

const notJson: Array<[string, string]> = [
  ['a comment after the value', '{"a": 1} # c\n'],
  ['YAML flow syntax', '{a: 1}\n'],
  ["single quotes", "{'a': 1}"],
  ['a trailing comma', '{"a": [1, 2,]}'],
  ['a raw control character in a string', '{"a": "x\u0001"}'],
  ['an escape JSON does not have', '{"a": "\\x41"}'],
  ['an unterminated string', '{"a": "x'],
  ['a duplicate key', '{"a": 1, "a": 2}'],
  ['a duplicate key among many', manyKeys(30).replace('"k29"', '"k3"')],
  ['numbers JSON does not allow', '[01]'],
  ['a number with a bare point', '[1.]'],
  ['a leading plus', '[+1]'],
  ['a hexadecimal number', '[0x1F]'],
  ['a literal run on', '[truex]'],
  ['a second value', '{"a": 1}\n{"b": 2}\n'],
  ['a scalar at the root', '"x"\n'],
  ['nesting deeper than yaml/parse.ts reads', `${'['.repeat(maxNestingDepth + 1)}${']'.repeat(maxNestingDepth + 1)}`],
];

for (const [name, text] of notJson) {
  test(`JSON read: ${name} is not read as JSON`, () => {
    assert.equal(jsonFrame(text), null);
  });
}

test('JSON read: a document longer than js-yaml is given is read once and kept, as a parse by yaml is, until another text is read', () => {
  const text = nodePools(25_000);
  const [first] = chunkDocuments(text);
  assert.equal(chunkDocuments(text)[0], first, 'the same tree');
  parseYamlDocuments('a: 1\n');
  assert.notEqual(chunkDocuments(text)[0], first, 'read again');
});

test('a document longer than 1 MB that the positioned reader leaves to yaml keeps yaml\'s parse: read again, it is the same tree', () => {
  const text = `base: &shared {a: 1}\nnote: |\n${`  ${'x'.repeat(100)}\n`.repeat(10_500)}`;
  const [first] = chunkDocuments(text);
  assert.equal(chunkDocuments(text)[0], first);
});
