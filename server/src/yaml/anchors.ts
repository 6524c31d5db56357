import { visit, type Document } from 'yaml';
import type { TextEdit } from '../engine/finding';

/**
 * The ranges of the nodes that carry an anchor some alias of the same document refers to: an edit
 * inside one changes every place that refers to it, not only the one a finding is about. (A name
 * anchored twice counts for both nodes: on the safe side.)
 */
export function aliasedRanges(doc: Document, text: string): Array<[number, number]> {
  if (!text.includes('&')) return [];
  const aliased = new Set<string>();
  visit(doc, {
    Alias(_key, alias) {
      aliased.add(alias.source);
    },
  });
  if (aliased.size === 0) return [];
  const ranges: Array<[number, number]> = [];
  visit(doc, {
    Node(_key, node) {
      const anchor = (node as { anchor?: string }).anchor;
      if (anchor && aliased.has(anchor) && node.range) ranges.push([node.range[0], node.range[1]]);
    },
  });
  return ranges;
}

/** Whether an edit changes text inside (or all of) one of the ranges. */
export function touchesRanges(edit: TextEdit, ranges: ReadonlyArray<readonly [number, number]>): boolean {
  return ranges.some(([start, end]) => (edit.start === edit.end ? start < edit.start && edit.start < end : edit.start < end && start < edit.end));
}
