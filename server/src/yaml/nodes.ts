import { isAlias, isMap, isPair, isScalar, isSeq, type Alias, type Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';

/** A key/value entry of a YAML map with its key and value nodes (value may be null: `key:`). */
export interface Entry {
  key: string;
  pair: Pair;
  keyNode: Scalar;
  valueNode: Node | null;
}

/** The anchored node of every alias of a parsed document, worked out once per document. */
const aliasTargets = new WeakMap<Document, Map<Alias, Node>>();

/**
 * Finds each alias's node the way the yaml package's `Alias.resolve` does (the last node with that
 * anchor before the alias, in document order), for all aliases in one walk: `resolve` walks the
 * whole document for every alias, and 50,000 aliases took minutes.
 */
function targetsOf(doc: Document): Map<Alias, Node> {
  let targets = aliasTargets.get(doc);
  if (targets) return targets;
  targets = new Map();
  const anchors = new Map<string, Node>();
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target) targets.set(node, target);
      continue;
    }
    if (isPair(node)) {
      stack.push(node.value, node.key);
      continue;
    }
    if (!isScalar(node) && !isMap(node) && !isSeq(node)) continue;
    if (node.anchor) anchors.set(node.anchor, node);
    if (isMap(node) || isSeq(node)) for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
  }
  aliasTargets.set(doc, targets);
  return targets;
}

/** Follows an alias (`*name`) to its anchored node; other nodes are returned as they are. */
export function deref(node: unknown, doc: Document): Node | null {
  if (isAlias(node)) return targetsOf(doc).get(node) ?? null;
  return (node as Node | null) ?? null;
}

export function asMap(node: unknown, doc: Document): YAMLMap | null {
  const target = deref(node, doc);
  return isMap(target) ? target : null;
}

export function asSeq(node: unknown, doc: Document): YAMLSeq | null {
  const target = deref(node, doc);
  return isSeq(target) ? target : null;
}

export function asScalar(node: unknown, doc: Document): Scalar | null {
  const target = deref(node, doc);
  return isScalar(target) ? target : null;
}

/** A pair as an entry, when its key is a scalar a rule can name. */
function entryOf(pair: unknown): Entry | undefined {
  if (!isPair(pair) || !isScalar(pair.key)) return undefined;
  const key = pair.key.value;
  if (typeof key !== 'string' && typeof key !== 'number' && typeof key !== 'boolean') return undefined;
  return { key: String(key), pair, keyNode: pair.key, valueNode: (pair.value as Node | null) ?? null };
}

/** The entries of a map whose keys are scalars, in source order. */
export function entries(map: YAMLMap | null): Entry[] {
  if (!map) return [];
  const out: Entry[] = [];
  for (const pair of map.items) {
    const found = entryOf(pair);
    if (found) out.push(found);
  }
  return out;
}

/** The first entry with that key; found without listing the others (rules look up keys all the time). */
export function entry(map: YAMLMap | null, key: string): Entry | undefined {
  if (!map) return undefined;
  for (const pair of map.items) {
    const keyNode = isPair(pair) && isScalar(pair.key) ? pair.key : undefined;
    const found = keyNode && String(keyNode.value) === key ? entryOf(pair) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** Walks a chain of map keys from `node`; returns the map found at the end, or null. */
export function mapAt(node: unknown, doc: Document, ...path: string[]): YAMLMap | null {
  let current = asMap(node, doc);
  for (const key of path) {
    if (!current) return null;
    current = asMap(entry(current, key)?.valueNode, doc);
  }
  return current;
}

/** The string value of a scalar node, or undefined when it is not a string scalar. */
export function stringValue(node: unknown, doc: Document): string | undefined {
  const scalar = asScalar(node, doc);
  return scalar && typeof scalar.value === 'string' ? scalar.value : undefined;
}

/** The value of `key` in `map` when it is a string scalar. */
export function stringAt(map: YAMLMap | null, doc: Document, key: string): string | undefined {
  return stringValue(entry(map, key)?.valueNode, doc);
}

/** [start, end) of a node's value (without trailing comments or whitespace). */
export function nodeSpan(node: Node | null | undefined): [number, number] | null {
  if (!node || !node.range) return null;
  return [node.range[0], node.range[1]];
}

export function isScalarNode(node: unknown): node is Scalar {
  return isScalar(node);
}
