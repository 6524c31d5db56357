import { isScalar } from 'yaml';
import type { TextEdit } from '../engine/finding';
import { replaceScalarEdit, scalarText } from '../yaml/edits';
import { entry, mapAt, stringAt } from '../yaml/nodes';
import type { K8sObject } from './objects';

export function isService(object: K8sObject): boolean {
  return object.group === '' && object.kind === 'Service';
}

/** The Service's type as the API server defaults it: no `type` is ClusterIP. */
export function serviceTypeOf(object: K8sObject): string {
  return stringAt(mapAt(object.node, object.doc, 'spec'), object.doc, 'type') ?? 'ClusterIP';
}

/** A headless Service (`clusterIP: None`) has no virtual IP and cannot become a NodePort. */
export function isHeadless(object: K8sObject): boolean {
  return stringAt(mapAt(object.node, object.doc, 'spec'), object.doc, 'clusterIP') === 'None';
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function newlineOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/**
 * The edit that gives the Service `type: <type>`: the existing scalar replaced in its own style,
 * or a `type` entry added as the first entry of `spec` (a block map gets a line of its own at
 * the indentation of its first key; a flow map gets `type: <type>, ` in front). Null when there
 * is no `spec` map to write into, or `type` is not a plain value of its own (an alias, an anchor).
 */
export function setServiceTypeEdit(text: string, object: K8sObject, type: string): TextEdit | null {
  const spec = mapAt(object.node, object.doc, 'spec');
  if (!spec) return null;
  const current = entry(spec, 'type');
  if (current) {
    // An anchored value may be aliased elsewhere, which the edit would change too.
    const value = current.valueNode;
    return isScalar(value) && value.range && !value.anchor ? replaceScalarEdit(text, value, type) : null;
  }
  const first = spec.items[0];
  const firstKey = first && isScalar(first.key) ? first.key : undefined;
  if (spec.flow) {
    const open = spec.range![0];
    if (!firstKey?.range) return { start: open + 1, end: open + 1, newText: `type: ${scalarText(null, type)}` };
    return { start: firstKey.range[0], end: firstKey.range[0], newText: `type: ${scalarText(null, type)}, ` };
  }
  if (!firstKey?.range) return null;
  const keyStart = firstKey.range[0];
  const start = lineStart(text, keyStart);
  const indent = text.slice(start, keyStart);
  // The first key may sit after a `- ` or on the line of `spec:` itself only in odd layouts: then no fix.
  if (!/^ *$/.test(indent)) return null;
  return { start, end: start, newText: `${indent}type: ${scalarText(null, type)}${newlineOf(text)}` };
}
