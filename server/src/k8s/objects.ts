import { isMap, type Document, type Scalar, type YAMLMap } from 'yaml';
import type { YamlDocument } from '../yaml/parse';
import { asScalar, asSeq, entry, mapAt, stringAt } from '../yaml/nodes';

/** A Kubernetes object: a map with string `apiVersion` and `kind`, a whole document or a List item. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  /** API group of apiVersion ("" for the core group). */
  group: string;
  node: YAMLMap;
  kindNode: Scalar;
  apiVersionNode: Scalar;
  doc: Document;
  /** The YAML document this object is in. */
  document: YamlDocument;
  name?: string;
  namespace?: string;
}

function readObject(node: unknown, document: YamlDocument): K8sObject | null {
  const doc = document.doc;
  if (!isMap(node)) return null;
  const kindNode = asScalar(entry(node, 'kind')?.valueNode, doc);
  const apiVersionNode = asScalar(entry(node, 'apiVersion')?.valueNode, doc);
  if (!kindNode || !apiVersionNode) return null;
  if (typeof kindNode.value !== 'string' || typeof apiVersionNode.value !== 'string') return null;
  const apiVersion = apiVersionNode.value;
  const slash = apiVersion.indexOf('/');
  const metadata = mapAt(node, doc, 'metadata');
  return {
    apiVersion,
    kind: kindNode.value,
    group: slash === -1 ? '' : apiVersion.slice(0, slash),
    node,
    kindNode,
    apiVersionNode,
    doc,
    document,
    name: stringAt(metadata, doc, 'name'),
    namespace: stringAt(metadata, doc, 'namespace'),
  };
}

/** The Kubernetes objects of a parsed document: the document itself, or the items of a `*List`. */
export function objectsOf(document: YamlDocument): K8sObject[] {
  const root = readObject(document.doc.contents, document);
  if (!root) return [];
  if (!root.kind.endsWith('List')) return [root];
  const items = asSeq(entry(root.node, 'items')?.valueNode, document.doc);
  if (!items) return [root];
  const out: K8sObject[] = [];
  for (const item of items.items) {
    const object = readObject(item, document);
    if (object) out.push(object);
  }
  return out;
}
