import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TextEdit } from '../../server/src/engine/finding';
import { applyEdits } from '../helpers/markers';
import { checkRoundTrip, diffData, lostComments } from './oracle';

/** The round-trip problems of applying `edits` to `text`. */
function problemsOf(text: string, edits: TextEdit[], options: { json?: boolean; noDataChange?: boolean; finding?: { start: number; end: number }; causes?: Array<{ start: number; end: number }> } = {}): string[] {
  return checkRoundTrip({ original: text, fixed: applyEdits(text, edits), edits, ...options }).problems;
}

/** An edit that replaces the first occurrence of `from` (after `after`, if given) with `to`. */
function replace(text: string, from: string, to: string, after = ''): TextEdit {
  const start = text.indexOf(from, after ? text.indexOf(after) : 0);
  assert.ok(start >= 0, `${from} in the text`);
  return { start, end: start + from.length, newText: to };
}

const pod = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  # the annotations',
  '  annotations:',
  '    kubernetes.io/egress-bandwidth: 10m # slip',
  '    k8s.aliyun.com/eni: "true" # obsolete',
  '    example.com/team: web',
  'spec:',
  '  containers: []',
  '',
].join('\n');

test('oracle: data differences are the smallest structural changes', () => {
  assert.deepEqual(diffData([{ a: 1, b: [1, 2, 3] }], [{ a: 2, b: [1, 3], c: true }]), [
    { op: 'changed', path: [0, 'a'], before: 1, after: 2 },
    { op: 'item-removed', path: [0, 'b', 1] },
    { op: 'added', path: [0, 'c'] },
  ]);
  assert.deepEqual(diffData({ a: { x: 1 } }, { b: { x: 1 } }), [
    { op: 'removed', path: ['a'] },
    { op: 'added', path: ['b'] },
  ]);
});

test('oracle: clean fixes pass (a value, a key rename with its value, an entry removed with its own comment)', () => {
  assert.deepEqual(problemsOf(pod, [replace(pod, '10m', '10M')]), []);
  assert.deepEqual(problemsOf(pod, [replace(pod, 'kubernetes.io/egress-bandwidth', 'example.com/egress'), replace(pod, '10m', '"80Mi"')]), []);
  const line = '    k8s.aliyun.com/eni: "true" # obsolete\n';
  assert.deepEqual(problemsOf(pod, [replace(pod, line, '')]), []);
});

test('oracle: a fix that changes a second entry is caught', () => {
  // One edit over two values: it lies in the map, not in one value, so one change is allowed.
  const twoValues = replace(pod, '10m # slip\n    k8s.aliyun.com/eni: "true"', '10M # slip\n    k8s.aliyun.com/eni: "false"');
  assert.match(problemsOf(pod, [twoValues]).join('\n'), /data changed at \[0,"metadata","annotations","k8s.aliyun.com\/eni"\]/);
  // A rename may move one key, not two.
  const renameTwo = [replace(pod, 'kubernetes.io/egress-bandwidth', 'a'), replace(pod, 'example.com/team', 'b')];
  assert.deepEqual(problemsOf(pod, renameTwo), [], 'two key edits, two renames: each explains its own');
  const collapse = replace(pod, 'kubernetes.io/egress-bandwidth: 10m # slip\n    k8s.aliyun.com/eni: "true"', 'x: 1');
  assert.match(problemsOf(pod, [collapse]).join('\n'), /data (removed|added)/);
});

test('oracle: lost comments, broken YAML, broken JSON and a moved finding are caught', () => {
  const dropComment = replace(pod, '  # the annotations\n', '');
  assert.deepEqual(problemsOf(pod, [dropComment]), ['lost comment line "  # the annotations"']);
  const dropTrailing = replace(pod, ' # slip', '');
  assert.deepEqual(problemsOf(pod, [dropTrailing]), ['lost trailing comment "# slip"']);
  // An edit over a value and its comment is not a removal: both the change and the loss show.
  assert.deepEqual(problemsOf(pod, [replace(pod, '10m # slip', '10M')]).map((p) => p.replace(/ \(targets.*/, '')), [
    'data changed at [0,"metadata","annotations","kubernetes.io/egress-bandwidth"]: "10m" → "10M"',
    'lost trailing comment "# slip"',
  ]);
  const unbalanced = replace(pod, '10m', '"10M');
  assert.match(problemsOf(pod, [unbalanced]).join('\n'), /yaml cannot parse the result/);
  assert.match(problemsOf(pod, [unbalanced]).join('\n'), /js-yaml cannot load the result/);
  const json = '{"metadata": {"annotations": {"a": "1", "b": "2"}}}\n';
  assert.match(problemsOf(json, [replace(json, '"b": "2"', '')], { json: true }).join('\n'), /JSON.parse cannot read the result/);
  const finding = { start: pod.indexOf('example.com/team'), end: pod.indexOf('example.com/team') + 16 };
  assert.match(problemsOf(pod, [replace(pod, '10m', '10M')], { finding }).join('\n'), /no edit touches the finding's entry/);
  // A finding may name its cause in another object (the Service an Ingress routes to): the fix may edit that object instead.
  const twoObjects = `${pod}---\n${pod}`;
  const second = twoObjects.indexOf('example.com/team', pod.length);
  const cause = { start: second, end: second + 16 };
  const inCause = replace(twoObjects, '10m', '10M', '---');
  assert.deepEqual(problemsOf(twoObjects, [inCause], { finding, causes: [cause] }).filter((p) => p.includes('no edit touches')), []);
  assert.match(problemsOf(twoObjects, [replace(twoObjects, '10m', '10M')], { finding: { start: second, end: second + 16 }, causes: [] }).join('\n'), /no edit touches the finding's entry/);
  assert.match(problemsOf(twoObjects, [replace(twoObjects, '"true"', '"false"')], { finding, causes: [cause] }).join('\n'), /no edit touches the finding's entry/);
});

test('oracle: a suppression comment must not change the data (inside a block scalar it does)', () => {
  const text = 'data:\n  net-conf.json: |\n    {"Network": "10.244.0.1/16"}\n';
  const inside = { start: text.indexOf('    {'), end: text.indexOf('    {'), newText: '    # ack-cni-disable-next-line cidr-invalid\n' };
  assert.match(problemsOf(text, [inside], { noDataChange: true }).join('\n'), /data changed at \[0,"data","net-conf.json"\]/);
  const above = { start: text.indexOf('  net-conf'), end: text.indexOf('  net-conf'), newText: '  # ack-cni-disable-next-line cidr-invalid\n' };
  assert.deepEqual(problemsOf(text, [above], { noDataChange: true }), []);
});

test('oracle: a trailing comment may end up alone on its line; the removed entry\'s own may go, no other', () => {
  const flow = 'a: {\n  k: v # note\n  }\n';
  assert.deepEqual(lostComments(flow, 'a: {\n   # note\n  }\n', []), []);
  const block = 'a:\n  x: 1 # same\n  y: 2 # same\n';
  const removed: [number, number] = [block.indexOf('  x'), block.indexOf('  y')];
  assert.deepEqual(lostComments(block, 'a:\n  y: 2 # same\n', [removed]), []);
  assert.deepEqual(lostComments(block, 'a:\n  y: 2\n', [removed]), ['trailing comment "# same"']);
});
