import type { Node } from 'yaml';
import type { Located } from '../plan';

/** A value located at a YAML node of `text`. */
export function locatedAt<T>(text: string, node: Node, value: T): Located<T> {
  const [start, end] = node.range!;
  return { value, start, end, raw: text.slice(start, end) };
}

/**
 * The comma-separated items of a located string (`"172.21.0.0/20,fd00::/112"`), each located
 * inside it. When the value is not its raw text (escapes, folding), every item keeps the whole range.
 */
export function splitList(located: Located<string>): Located<string>[] {
  const quote = /^["']/.test(located.raw) ? 1 : 0;
  const exact = located.raw.slice(quote, located.raw.length - quote) === located.value;
  const items: Located<string>[] = [];
  let offset = 0;
  for (const part of located.value.split(',')) {
    const value = part.trim();
    const at = offset + part.indexOf(value);
    offset += part.length + 1;
    if (value === '') continue;
    const start = exact ? located.start + quote + at : located.start;
    const end = exact ? start + value.length : located.end;
    items.push({ value, start, end, raw: exact ? value : located.raw });
  }
  return items;
}
