import { isMap, isScalar, type Document, type Node, type YAMLMap } from 'yaml';
import { both, type Localized } from '../../l10n';
import type { Fix } from '../../engine/finding';
import { metadataOwners } from '../../k8s/metadata';
import { editsFix } from '../../yaml/edits';
import { deref, entries, mapAt, type Entry } from '../../yaml/nodes';
import { kubectlType, type KubectlType } from '../../yaml/scalarType';
import type { ObjectContext, Rule } from '../types';

type Field = 'annotations' | 'labels';

const fieldNames: Record<Field, Localized> = {
  annotations: both('annotation', '注解'),
  labels: both('label', '标签'),
};

const typeNames: Record<Exclude<KubectlType, 'string' | 'null'>, Localized> = {
  bool: both('a boolean', '布尔值'),
  int: both('an integer', '整数'),
  float: both('a floating-point number', '浮点数'),
};

/** `key:` with nothing after the colon (an empty plain scalar), as opposed to an explicit `null` or `~`. */
function isEmptyValue(node: Node | null): boolean {
  if (node === null) return true;
  return isScalar(node) && node.type === 'PLAIN' && !node.tag && node.source === '' && node.range![0] === node.range![1];
}

const rejected = both('the object is rejected.', '该对象会被拒绝。');
const lostOrRejected = both(
  'depending on how it is applied, the value is lost or the object is rejected.',
  '视应用方式不同，该值会丢失或整个对象被拒绝。',
);

function emptyMessage(field: Field): Localized {
  const name = fieldNames[field];
  return both(
    `This ${name.en} has no value, which kubectl reads as null, but ${name.en} values must be strings: ${lostOrRejected.en}`,
    `该${name.zh}没有值，kubectl 会将其读作 null，但${name.zh}的值必须是字符串：${lostOrRejected.zh}`,
  );
}

function nullMessage(field: Field, written: string): Localized {
  const name = fieldNames[field];
  return both(
    `\`${written}\` is null to kubectl (YAML 1.1), but ${name.en} values must be strings: ${lostOrRejected.en}`,
    `kubectl（YAML 1.1）会把 \`${written}\` 读作 null，但${name.zh}的值必须是字符串：${lostOrRejected.zh}`,
  );
}

function collectionMessage(field: Field, value: Node): Localized {
  const name = fieldNames[field];
  const shape = isMap(value) ? both('A map', '映射（map）') : both('A list', '列表');
  return both(
    `${shape.en} cannot be ${field === 'annotations' ? 'an' : 'a'} ${name.en} value: ${name.en} values must be strings, so ${rejected.en}`,
    `${name.zh}的值不能是${shape.zh}：${name.zh}的值必须是字符串，${rejected.zh}`,
  );
}

function scalarMessage(field: Field, type: keyof typeof typeNames, written: string): Localized {
  const name = fieldNames[field];
  return both(
    `\`${written}\` is ${typeNames[type].en} to kubectl (YAML 1.1), but ${name.en} values must be strings: ${rejected.en}`,
    `kubectl（YAML 1.1）会把 \`${written}\` 读作${typeNames[type].zh}，但${name.zh}的值必须是字符串：${rejected.zh}`,
  );
}

/** `""` written where the empty value is: after `key:` (with a space) and before a comment (with a space). */
function emptyStringFix(text: string, map: YAMLMap, item: Entry): Fix | undefined {
  const quoted = both('Set the value to an empty string ""', '将值设为空字符串 ""');
  if (item.valueNode === null) {
    // `{key}` in a flow map: the pair has no value node at all; block `? key` is left alone.
    if (!map.flow) return undefined;
    const at = item.keyNode.range![1];
    return editsFix(quoted, [{ start: at, end: at, newText: ': ""' }]);
  }
  const at = item.valueNode.range![0];
  const before = text[at - 1] === ':' ? ' ' : '';
  const after = text[at] === '#' ? ' ' : '';
  return editsFix(quoted, [{ start: at, end: at, newText: `${before}""${after}` }]);
}

/** Quotes a plain scalar exactly as written, so `yes` stays the word the author typed. */
function quoteFix(text: string, value: Node): Fix | undefined {
  if (!isScalar(value) || value.type !== 'PLAIN' || value.tag) return undefined;
  const [start, end] = value.range!;
  const written = text.slice(start, end);
  return editsFix(both(`Quote \`${written}\` as a string`, `给 \`${written}\` 加上引号，作为字符串`), [{ start, end, newText: JSON.stringify(written) }]);
}

function checkEntry(text: string, doc: Document, field: Field, map: YAMLMap, item: Entry, report: ObjectContext['report']): void {
  const [keyStart, keyEnd] = item.keyNode.range!;
  if (isEmptyValue(item.valueNode)) {
    report({ start: keyStart, end: keyEnd, message: emptyMessage(field), fix: emptyStringFix(text, map, item) });
    return;
  }
  const written = item.valueNode!;
  const value = deref(written, doc);
  const type = kubectlType(value);
  if (type === 'string') return;
  const [start, end] = written.range!;
  const source = text.slice(start, end);
  if (type === 'collection') {
    report({ start, end, message: collectionMessage(field, value!) });
  } else if (type === 'null') {
    // An explicit null may mean "no annotation" or "empty": no fix guesses which. A bare `!!null`
    // tag leaves an empty value range, so the key shows it.
    if (start === end) report({ start: keyStart, end: keyEnd, message: nullMessage(field, '!!null') });
    else report({ start, end, message: nullMessage(field, source) });
  } else {
    // Through an alias the quotes would belong on the anchored value, which others may share.
    report({ start, end, message: scalarMessage(field, type, source), fix: value === written ? quoteFix(text, written) : undefined });
  }
}

export const annotationValueType: Rule = {
  id: 'annotation-value-type',
  title: both('Annotation or label value is not a string', '注解或标签的值不是字符串'),
  scope: 'manifest',
  defaultSeverity: 'error',
  appliesTo: both(
    'Every CNI: labels and annotations of any Kubernetes object, its pod templates, job template and volume claim templates.',
    '所有 CNI：任意 Kubernetes 对象及其 Pod 模板、Job 模板和存储卷声明模板中的标签与注解。',
  ),
  needsProfile: false,
  remediation: both('Quote the value so that it is a string.', '给该值加上引号，使其成为字符串。'),
  fixable: true,
  docs: {
    en: {
      what: 'A label or annotation value that kubectl does not read as a string. kubectl parses manifests as YAML 1.1, so besides numbers and `true`/`false`, plain `yes`, `no`, `on`, `off`, `y`, `n`, `1_000`, `0x1F` and `1e3` are booleans or numbers there; an empty value, `null` or `~` is null; a nested map or list is not a string either.',
      why: 'Kubernetes stores labels and annotations as strings only. A boolean or number makes kubectl, Helm or Argo CD fail with "cannot unmarshal bool into Go struct field ObjectMeta.metadata.annotations of type string", so nothing is deployed; a null is dropped or rejected depending on the tool. CNI annotations such as `k8s.aliyun.com/pod-ip-reservation: true` or `k8s.aliyun.com/eip-bandwidth: 5` are the usual victims.',
      fix: 'Quote the value exactly as you meant it: `"true"`, `"5"`, `"yes"`. The quick fix adds double quotes around a plain value and writes `""` for an empty one; an explicit `null` is left to you, because it may mean "remove this key".',
    },
    zh: {
      what: 'kubectl 不会当作字符串读取的标签或注解值。kubectl 按 YAML 1.1 解析清单，因此除了数字和 `true`/`false` 之外，不加引号的 `yes`、`no`、`on`、`off`、`y`、`n`、`1_000`、`0x1F`、`1e3` 也会被读成布尔值或数字；空值、`null`、`~` 会被读成 null；嵌套的映射或列表同样不是字符串。',
      why: 'Kubernetes 只接受字符串类型的标签和注解。值为布尔或数字时，kubectl、Helm、Argo CD 会报错 “cannot unmarshal bool into Go struct field ObjectMeta.metadata.annotations of type string”，整个对象都无法部署；值为 null 时，视工具不同会被丢弃或被拒绝。`k8s.aliyun.com/pod-ip-reservation: true`、`k8s.aliyun.com/eip-bandwidth: 5` 这类网络注解最容易踩坑。',
      fix: '按原意给值加上引号，例如 `"true"`、`"5"`、`"yes"`。快速修复会给不带引号的值加上双引号，并把空值写成 `""`；显式的 `null` 需要您自行决定，因为它可能表示“删除该键”。',
    },
    example: {
      bad: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    canary: yes\n  annotations:\n    k8s.aliyun.com/eip-bandwidth: 5\nspec:\n  containers:\n  - name: web\n    image: nginx\n',
      good: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    canary: "yes"\n  annotations:\n    k8s.aliyun.com/eip-bandwidth: "5"\nspec:\n  containers:\n  - name: web\n    image: nginx\n',
    },
    // Terway reads every annotation as a string (ParseBool, its own unit parser): the typed YAML never reaches it.
    facts: ['1.1'],
    sources: ['src-1', 'src-2'],
  },
  checkObject(object, { text, doc, podTemplates, report }) {
    for (const owner of metadataOwners(object, podTemplates)) {
      for (const field of ['labels', 'annotations'] as const) {
        const map = mapAt(owner, doc, 'metadata', field);
        if (!map) continue;
        for (const item of entries(map)) checkEntry(text, doc, field, map, item, report);
      }
    }
  },
};
