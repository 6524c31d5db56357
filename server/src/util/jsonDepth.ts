/**
 * JSON nested deeper than this is not handed to jsonc-parser, which recurses once per level: a
 * 10,000-deep `[[[…]]]` in an annotation would exhaust the stack, and near the end of the stack
 * V8 can abort the whole process instead of throwing (see yaml/parse.ts). Go's decoder, which
 * Terway and the API server use, stops at 10,000 levels; no real value comes close to 1,000.
 */
export const maxJsonDepth = 1000;

/** Offset of the bracket that opens level `maxJsonDepth + 1`, or undefined when the text nests less. */
export function jsonTooDeepAt(json: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxJsonDepth) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return undefined;
}
