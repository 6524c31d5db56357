import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isMap, isSeq, type YAMLMap, type YAMLSeq } from 'yaml';
import { removePairEdit, removeSeqItemEdit, replaceScalarEdit, scalarText } from '../../server/src/yaml/edits';
import { setProfileValueEdit } from '../../server/src/profile/edit';
import { parseYamlDocuments } from '../../server/src/yaml/parse';
import { mapAt, entry } from '../../server/src/yaml/nodes';
import { applyEdits } from '../helpers/markers';

function removeAnnotation(text: string, key: string): string | null {
  const { doc } = parseYamlDocuments(text)[0];
  const map = mapAt(doc.contents, doc, 'metadata', 'annotations') as YAMLMap;
  const edit = removePairEdit(text, map, entry(map, key)!.pair);
  return edit ? applyEdits(text, [edit]) : null;
}

test('edits: removing a block entry drops its lines and keeps the comments around it', () => {
  const text = 'metadata:\n  annotations:\n    # keep me\n    a: "1" # goes with a\n    b: |\n      two\n      lines\n    c: "3"\n';
  assert.equal(removeAnnotation(text, 'a'), 'metadata:\n  annotations:\n    # keep me\n    b: |\n      two\n      lines\n    c: "3"\n');
  assert.equal(removeAnnotation(text, 'b'), 'metadata:\n  annotations:\n    # keep me\n    a: "1" # goes with a\n    c: "3"\n');
  assert.equal(removeAnnotation(text, 'c'), 'metadata:\n  annotations:\n    # keep me\n    a: "1" # goes with a\n    b: |\n      two\n      lines\n');
});

test('edits: removing the only entry leaves an empty map on the parent line, CRLF kept', () => {
  assert.equal(removeAnnotation('metadata:\r\n  annotations:\r\n    a: b # gone too\r\nspec: {}\r\n', 'a'), 'metadata:\r\n  annotations: {}\r\nspec: {}\r\n');
  assert.equal(removeAnnotation('metadata:\n  annotations:\n    a: |\n      x\nspec: {}\n', 'a'), 'metadata:\n  annotations: {}\nspec: {}\n');
  assert.equal(removeAnnotation('metadata:\n  annotations:\n    # why\n    a: b\n', 'a'), 'metadata:\n  annotations:\n    # why\n    {}\n');
});

test('edits: removing a flow entry takes one comma', () => {
  assert.equal(removeAnnotation('metadata:\n  annotations: {a: "1", b: "2", c: "3"}\n', 'b'), 'metadata:\n  annotations: {a: "1", c: "3"}\n');
  assert.equal(removeAnnotation('metadata:\n  annotations: {a: "1", b: "2"}\n', 'b'), 'metadata:\n  annotations: {a: "1"}\n');
});

test('edits: removing a sequence item', () => {
  const remove = (text: string, index: number) => {
    const { doc } = parseYamlDocuments(text)[0];
    const seq = entry(doc.contents as YAMLMap, 'ipFamilies')!.valueNode as YAMLSeq;
    assert.ok(isSeq(seq));
    const edit = removeSeqItemEdit(text, seq, seq.items[index] as never);
    return edit ? applyEdits(text, [edit]) : null;
  };
  assert.equal(remove('ipFamilies:\n  - IPv4\n  - IPv6 # v6\nx: 1\n', 1), 'ipFamilies:\n  - IPv4\nx: 1\n');
  assert.equal(remove('ipFamilies: [IPv6, IPv4]\n', 0), 'ipFamilies: [IPv4]\n');
  assert.equal(remove('ipFamilies: [IPv6]\n', 0), null, 'the only item is left to the user');
});

test('edits: a replacement value keeps the quoting style, and quotes what kubectl would not read as a string', () => {
  const scalar = (source: string) => {
    const { doc } = parseYamlDocuments(`k: ${source}\n`)[0];
    assert.ok(isMap(doc.contents));
    return entry(doc.contents, 'k')!.valueNode as never;
  };
  assert.equal(scalarText(scalar("'a'"), "it's"), "'it''s'");
  assert.equal(scalarText(scalar('"a"'), 'x"y'), '"x\\"y"');
  assert.equal(scalarText(scalar('a'), '80Mi'), '80Mi');
  assert.equal(scalarText(scalar('a'), '8000'), '"8000"');
  assert.equal(scalarText(scalar('a'), 'yes'), '"yes"');
});

test('profile edits: set a value in place, add a key under a section, append a section', () => {
  const set = (text: string) => {
    const edit = setProfileValueEdit(text, 'terway', 'networkPolicy', 'true');
    return edit ? applyEdits(text, [edit]) : null;
  };
  assert.equal(set('cni: terway\nterway:\n  networkPolicy: false # was off\n'), 'cni: terway\nterway:\n  networkPolicy: true # was off\n');
  assert.equal(set('cni: terway\nterway:\n    eniMode: shared\nrules: {}\n'), 'cni: terway\nterway:\n    eniMode: shared\n    networkPolicy: true\nrules: {}\n');
  assert.equal(set('cni: terway\nterway:\nrules: {}\n'), 'cni: terway\nterway:\n  networkPolicy: true\nrules: {}\n');
  assert.equal(set('cni: terway\r\n'), 'cni: terway\r\nterway:\r\n  networkPolicy: true\r\n');
  assert.equal(set('cni: terway\nterway: {eniMode: shared}\n'), null, 'flow sections are left to the user');
});

test('edits: removing an entry keeps the comment lines inside its value; an only entry with some is left alone (round-trip regression)', () => {
  const text = 'cni: terway\nflannel:\n  # why it was on\n  bandwidth: true # old\ncluster: {}\n';
  const { doc } = parseYamlDocuments(text)[0];
  const root = doc.contents as YAMLMap;
  assert.equal(applyEdits(text, [removePairEdit(text, root, entry(root, 'flannel')!.pair)!]), 'cni: terway\n  # why it was on\ncluster: {}\n');
  // `#` lines of a block scalar are its content, not comments: they go with it.
  const script = 'metadata:\n  annotations:\n    a: |\n      # a shell comment\n      run\n    b: "2"\n';
  assert.equal(removeAnnotation(script, 'a'), 'metadata:\n  annotations:\n    b: "2"\n');
  assert.equal(removeAnnotation('metadata:\n  annotations:\n    a: {\n      # inside\n      x: 1}\n', 'a'), null);
});

test('edits: a block scalar replaced by a flow value keeps the line break after it and its header comment (round-trip regression)', () => {
  const replace = (text: string, value: string) => {
    const { doc } = parseYamlDocuments(text)[0];
    const scalar = entry(doc.contents as YAMLMap, 'k')!.valueNode as never;
    return applyEdits(text, [replaceScalarEdit(text, scalar, value)]);
  };
  assert.equal(replace('k: |-\n  10m\nnext: 1\n', '10M'), 'k: 10M\nnext: 1\n');
  assert.equal(replace('k: >- # note\r\n  Guaranteed\r\n\r\n# after\r\nnext: 1\r\n', 'guaranteed'), 'k: guaranteed # note\r\n\r\n# after\r\nnext: 1\r\n');
  assert.equal(replace('k: |-\n  eni', 'ecs'), 'k: ecs');
  assert.equal(replace('k: |\n  v\n', 'yes'), 'k: "yes"\n', 'a value kubectl would not read as a string is quoted');
});

test('profile edits: CRLF line ends, and a section that ends with a block scalar (round-trip regressions)', () => {
  const set = (text: string) => applyEdits(text, [setProfileValueEdit(text, 'terway', 'networkPolicy', 'true')!]);
  assert.equal(set('cni: terway\r\nterway:\r\n  datapath: veth\r\n'), 'cni: terway\r\nterway:\r\n  datapath: veth\r\n  networkPolicy: true\r\n');
  assert.equal(set('cni: terway\r\nterway: # on\r\nrules: {}\r\n'), 'cni: terway\r\nterway: # on\r\n  networkPolicy: true\r\nrules: {}\r\n');
  assert.equal(set('cni: terway\nterway:\n  version: |-\n    1.14.0\nrules: {}\n'), 'cni: terway\nterway:\n  version: |-\n    1.14.0\n  networkPolicy: true\nrules: {}\n');
  assert.equal(set('cni: terway\nterway:\n  networkPolicy: >-\n    false\n  datapath: veth\n'), 'cni: terway\nterway:\n  networkPolicy: true\n  datapath: veth\n');
});
