import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';

/** One step from a collection into its child. */
export type Step =
  | { kind: 'pair'; key: string; keyNode: Scalar; pair: Pair; map: YAMLMap }
  | { kind: 'item'; index: number; seq: YAMLSeq };

export interface NodeAt {
  /** From the node the search started at down to the scalar at the offset. */
  steps: Step[];
  /** Whether the offset is on a map key (the last step's) or on a value (a pair's or an item's). */
  on: 'key' | 'value';
  scalar: Scalar;
}

/** A hover at the end of a word still counts as on it, so ranges include their end. */
function within(node: Node | null | undefined, offset: number): boolean {
  return !!node?.range && node.range[0] <= offset && offset <= node.range[1];
}

/** The scalar key or value at `offset` below `node`, with the path to it. Aliases are not followed. */
export function nodeAt(node: Node, offset: number, steps: Step[] = []): NodeAt | null {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = pair.key;
      if (!isScalar(key)) continue;
      const step: Step = { kind: 'pair', key: String(key.value), keyNode: key, pair, map: node };
      if (within(key, offset)) return { steps: [...steps, step], on: 'key', scalar: key };
      const value = pair.value as Node | null;
      if (value && within(value, offset)) return nodeAt(value, offset, [...steps, step]);
    }
    return null;
  }
  if (isSeq(node)) {
    for (let index = 0; index < node.items.length; index++) {
      const item = node.items[index] as Node;
      if (within(item, offset)) return nodeAt(item, offset, [...steps, { kind: 'item', index, seq: node }]);
    }
    return null;
  }
  return isScalar(node) && within(node, offset) ? { steps, on: 'value', scalar: node } : null;
}

/** The keys of the leading pair steps ("spec", "ipFamilyPolicy"), up to the first sequence item. */
export function keysOf(steps: readonly Step[]): string[] {
  const keys: string[] = [];
  for (const step of steps) {
    if (step.kind !== 'pair') break;
    keys.push(step.key);
  }
  return keys;
}
