import { test } from 'node:test';
import assert from 'node:assert/strict';
import { provablySettled } from '../../server/src/yaml/blockScan';
import { jsYamlMayRead, mentionsWhatRulesRead, settles } from '../../server/src/engine/cheapPath';
import { forgetLastParse, parseYamlDocuments } from '../../server/src/yaml/parse';

const deployment = `---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web   # the name
  labels:
    app.kubernetes.io/name: web
    "tier": 'front'
spec:
  replicas: 2
  template:
    metadata:
      labels: {app: web, track: "stable"}
    spec:
      containers:
        - name: app
          image: registry.example.com/web:v1.2
          args: ["--port", "8080", -v]
          resources:
            requests: {cpu: 100m, memory: 128Mi}
          env:
          - name: A
            value: it's a:b
          -   name: B
              value: 'quoted ''inner'''
`;

/** Chunks the scanner proves settled: each must settle the js-yaml way too, and read in yaml without errors. */
const proven: Array<[string, string]> = [
  ['a Deployment with compact sequences, flow collections and comments', deployment],
  ['a ConfigMap with literal and folded block scalars', 'apiVersion: v1\nkind: ConfigMap\ndata:\n  a.properties: |\n    x=1\n\n    # not a comment\n  b: >-\n    folded\n      deeper\n# a comment at the root\n  # and one deeper\nc: 1\n'],
  ['nested sequences in one entry and empty entries', 'items:\n- - a\n  - b\n-\n- c\n-   # nothing\n'],
  ['a sequence at the root', '- a: 1\n  b: 2\n- plain\n'],
  ['a null value at the end', 'a: 1\nb:\n'],
  ['values on the lines after their keys and entries', 'description:\n  one\n  two\nlist:\n-\n  "x"\n- |\n  y\n'],
  ['plain scalars over lines, blank lines between', 'description: one\n  two\n\n   three\nnext:\n- four\n  five # c\n- ::/0\n'],
  ['labels kubectl reads as strings though they start with a digit or a sign', 'metadata:\n  labels:\n    version: 1.15.1\n    sha: 0e1f\n    range: -.nan\n    q: "1.2.3"\n'],
  ['backslashes outside double quotes, and a key with a dollar sign', '$patch: delete\npattern: ^\\d+$\nq: \'a\\b\'\ntext: |\n  C:\\dir\n'],
  ['metadata that is not a map, and a map under a key named labels elsewhere', 'metadata: none\nspec:\n  labels:\n    a: 1\n'],
  ['a flow map of many keys', `a: {${Array.from({ length: 2000 }, (_, index) => `k${index}: v`).join(', ')}}\n`],
  ['labels as an empty flow map', 'metadata:\n  labels: {}\n  annotations: { }\n'],
  ['keys that are paths, dotted names and words both core schemas read as strings', '/a: 1\n.dockerconfigjson: x\n_b: 2\non: 3\ny: 4\n'],
];

/** Chunks the scanner does not prove: outside its subset, or with something a rule or yaml may care about. */
const unproven: Array<[string, string]> = [
  ['a duplicate key', 'a: 1\nb: 2\na: 3\n'],
  ['a duplicate key, once quoted', 'a: 1\n"a": 2\n'],
  ['a duplicate key in a flow map', 'x: {a: 1, a: 2}\n'],
  ['a duplicate key among many in a flow map', `a: {${Array.from({ length: 2000 }, (_, index) => `k${index}: v`).join(', ')}, k1999: w}\n`],
  ['a line of more sequence entries than the scanner nests', `${'- '.repeat(5000)}x\n`],
  ['null labels', 'metadata:\n  labels:\nspec: 1\n'],
  ['null annotations at the end', 'metadata:\n  annotations:\n'],
  ['a label kubectl reads as a boolean', 'metadata:\n  labels:\n    a: yes\n'],
  ['a quoted label kubectl reads as a number', 'metadata:\n  labels:\n    a: "1.5"\n'],
  ['a label that is a number', 'metadata:\n  labels: {a: 1}\n'],
  ['an annotation in a block scalar', 'metadata:\n  annotations:\n    a: |\n      text\n'],
  ['labels as a sequence', 'metadata:\n  labels:\n  - a\n'],
  ['labels as a scalar', 'metadata:\n  labels: "a"\n'],
  ['labels inside a flow map', 'metadata: {name: a, labels: x}\n'],
  ['an anchor and an alias', 'a: &x 1\nb: *x\n'],
  ['a tag', 'a: !!str 1\n'],
  ['an explicit key', '? a\n: 1\n'],
  ['a block scalar on the line after its key', 'a:\n  |\n  x\n'],
  ['a label value on the line after its key', 'metadata:\n  labels:\n    a:\n      b\n'],
  ['a line deeper than a plain scalar with a comment after it', 'a: one # c\n  two\n'],
  ['a line that goes on with a plain scalar after a comment line', '- one\n  # c\n  two\n'],
  ['a key on a line that would go on with a plain scalar', 'a: one\n  b: two\n'],
  ['a plain label over lines', 'metadata:\n  labels:\n    a: one\n      two\n'],
  ['a quoted scalar over lines', 'a: "one\n  two"\n'],
  ['a flow collection over lines', 'a: [1,\n  2]\n'],
  ['a nested flow collection', 'a: {b: [1]}\n'],
  ['a trailing comma', 'a: [1, 2, ]\n'],
  ['a mapping value in a plain scalar', 'a: b: c\n'],
  ['a plain scalar ending in a colon', 'a: b:\n'],
  ['a key with a space', 'a b: 1\n'],
  ['a key a core schema reads as a boolean', 'true: 1\n'],
  ['a number as a key', '80: http\n'],
  ['a key over 1000 characters', `${'k'.repeat(1001)}: 1\n`],
  ['a tab', 'a:\n\tb: 1\n'],
  ['a carriage return', 'a: 1\r\nb: 2\r\n'],
  ['an escape', 'a: "\\x41"\n'],
  ['a template', 'a: "{{ .x }}"\n'],
  ['a byte order mark', '\uFEFFa: 1\n'],
  ['a control character', 'a: b\u0007\n'],
  ['a Unicode line separator', 'a: b\u2028c\n'],
  ['a comment glued to a quoted scalar', 'a: "q"# c\n'],
  ['a comment glued to a flow collection', 'a: []#c\n'],
  ['a line deeper than its collection, without a key waiting for it', 'a: 1\n  b: 2\n'],
  ['a line between two columns', 'a:\n    b: 1\n  c: 2\n'],
  ['a key at a sequence\'s column', '- a: 1\nb: 2\n'],
  ['a block scalar line less deep than its first', 'a: |\n    one\n  two\n'],
  ['a block scalar with a leading blank line longer than its text\'s indentation', 'a: |\n      \n  text\n'],
  ['a block scalar indentation indicator', 'a: |2\n   x\n'],
  ['a second document', 'a: 1\n---\nb: 2\n'],
  ['a document end marker', 'a: 1\n...\n'],
  ['a directive', '%YAML 1.2\n---\na: 1\n'],
  ['a scalar document', 'just text\n'],
  ['a document of comments only', '# nothing\n---\n# here\n'],
  ['a sequence entry on a key\'s line', 'a: - b\n'],
  ['a value that starts with an indicator', 'a: @x\n'],
  ['nesting past the scanner\'s depth', Array.from({ length: 70 }, (_, depth) => `${' '.repeat(depth * 2)}k${depth}:`).join('\n') + ' 1\n'],
];

for (const [name, text] of proven) {
  test(`settle scan proves ${name}, as the js-yaml load does`, () => {
    assert.equal(provablySettled(text), true);
    assert.equal(jsYamlMayRead(text) && !mentionsWhatRulesRead(text) && settles(text), true, 'settles the js-yaml way');
    forgetLastParse();
    assert.deepEqual(parseYamlDocuments(text).flatMap((document) => document.errors.map((error) => error.message)), []);
  });
}

for (const [name, text] of unproven) {
  test(`settle scan leaves ${name} to js-yaml`, () => assert.equal(provablySettled(text), false));
}
