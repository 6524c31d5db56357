import { visit } from 'jsonc-parser';
import { collectionFrame, MapKeys, scalarFrame, type Frame } from './frame';
import { maxNestingDepth } from './parse';
import { jsonTooDeepAt } from '../util/jsonDepth';

/** A collection being read; a map with the keys it has so far. */
interface Open {
  frame: Frame;
  keys: MapKeys | null;
}

/**
 * Reads a text that is one JSON object or array (RFC 8259, with jsonc-parser's strict options;
 * blanks and line ends around it) into the frames the positioned reader builds yaml's nodes from,
 * without js-yaml: for a JSON file of many small objects, js-yaml's values on top of the frames
 * and nodes weighed more than yaml's own parse (a 5 MB cluster configuration of 100,000 node
 * pools). Each frame spans its node's text exactly; a collection's result is its children, a
 * scalar's the string js-yaml's failsafe schema would give (a string's value, the source of a
 * number or literal), which the builder resolves as yaml does. Anything else is null, and the
 * caller reads the text as before: comments, YAML flow syntax, trailing commas, raw control
 * characters in strings, duplicate keys (yaml reports them), nesting deeper than yaml/parse.ts
 * reads (jsonc-parser recurses once per level, so deep texts are not handed to it).
 */
export function jsonFrame(text: string): Frame | null {
  const first = /\S/.exec(text.slice(0, 1024))?.[0];
  if ((first !== '{' && first !== '[') || jsonTooDeepAt(text) !== undefined) return null;
  const opened: Open[] = [];
  let root: Frame | null = null;
  let failed = false;
  const add = (frame: Frame) => {
    const parent = opened.at(-1);
    if (parent) parent.frame.children.push(frame);
    else root = frame;
  };
  const begin = (kind: 'mapping' | 'sequence') => (offset: number) => {
    const frame = collectionFrame(offset, kind);
    add(frame);
    opened.push({ frame, keys: kind === 'mapping' ? new MapKeys() : null });
    if (opened.length > maxNestingDepth) failed = true;
  };
  const end = (offset: number, length: number) => {
    opened.pop()!.frame.close = offset + length;
  };
  visit(
    text,
    {
      onObjectBegin: begin('mapping'),
      onArrayBegin: begin('sequence'),
      onObjectEnd: end,
      onArrayEnd: end,
      onObjectProperty: (key, offset, length) => {
        if (!opened.at(-1)!.keys!.add(key)) failed = true;
        add(scalarFrame(offset, offset + length, key));
      },
      onLiteralValue: (value, offset, length) => add(scalarFrame(offset, offset + length, typeof value === 'string' ? value : text.slice(offset, offset + length))),
      onError: () => {
        failed = true;
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  return failed ? null : root;
}
