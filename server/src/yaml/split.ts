import { hasLoneCarriageReturn } from './lineIndex';

/** A piece of a file that holds whole YAML documents: `text` starts at offset `start` of the file. */
export interface TextChunk {
  start: number;
  text: string;
}

/**
 * Splits a YAML stream before each line that starts with `---`: such a line starts a new document
 * (YAML 1.2 §9.1.4; the `yaml` package ends block scalars and flow collections there too), so a
 * piece that parses on its own parses exactly as it does in the whole text, with offsets shifted
 * by its start. (An unclosed quote runs on past the marker: the engine reads the rest of the text
 * in one piece after a piece that does not parse.) Comments before the first marker stay with the
 * document that follows, as the parser attaches them. Texts a split could change are one piece:
 * directives (`%YAML`, `%TAG` apply to the next document) and old-Mac line ends (a lone `\r` is a
 * line break to YAML, not here).
 */
export function splitDocuments(text: string): TextChunk[] {
  const starts: number[] = [];
  for (let at = text.indexOf('\n---'); at !== -1; at = text.indexOf('\n---', at + 4)) {
    // `---` followed by a space, tab, line end or the end of the text (`----` is a plain scalar).
    if (isMarkerAt(text, at + 1)) starts.push(at + 1);
  }
  // Without a marker the text is one piece anyway, so the searches below are spared (most files hold one document).
  if (starts.length === 0 || text.startsWith('%') || text.includes('\n%') || hasLoneCarriageReturn(text)) return [{ start: 0, text }];
  // Only comments and blank lines before the first marker: they belong to the first document.
  if (/^\uFEFF?(?:[ \t]*(?:#[^\n]*)?\r?\n)*$/.test(text.slice(0, starts[0]))) starts.shift();
  const chunks: TextChunk[] = [];
  let from = 0;
  for (const start of starts) {
    chunks.push({ start: from, text: text.slice(from, start) });
    from = start;
  }
  chunks.push({ start: from, text: text.slice(from) });
  return chunks;
}

/**
 * Where a text differs from an earlier one: the two agree before `start`, and the earlier text
 * from `endBefore` on is the text from `endAfter` on.
 */
export interface EditSpan {
  start: number;
  endBefore: number;
  endAfter: number;
}

/** How a text differs from an earlier one, `before`. */
export interface TextChange {
  before: string;
  span: EditSpan;
}

/** A split of a text (splitDocuments), with the text it was made from. */
export interface Split {
  text: string;
  chunks: readonly TextChunk[];
}

/** Whether a marker line (`---`, then a blank, a line end or the end) starts at `at`. */
function isMarkerAt(text: string, at: number): boolean {
  if (!text.startsWith('---', at)) return false;
  const after = text.charCodeAt(at + 3);
  return Number.isNaN(after) || after === 32 || after === 9 || after === 10 || after === 13;
}

/**
 * splitDocuments of a text that differs from an earlier, split one only inside `span`: the
 * chunks wholly before and after the span are kept, their texts the very strings they were
 * (the chunk cache then finds them by identity), and only the part between is searched for
 * markers. Splitting 5 MB again on each keystroke took 6 ms; this takes the edited document's
 * length. Falls back to a whole split where the earlier one does not hold (the first document
 * was edited, or the edit brought in a directive or a lone carriage return).
 */
export function splitAfterEdit(text: string, before: Split, span: EditSpan): TextChunk[] {
  const old = before.chunks;
  if (old.length < 2) return splitDocuments(text);
  // Kept before: chunks whose following marker (with the character after it) precedes the edit.
  let kept = 0;
  while (kept < old.length - 1 && old[kept + 1].start + 4 <= span.start) kept++;
  // Kept after: chunks whose marker's line break follows the edit, at their new places.
  let firstAfter = old.length;
  while (firstAfter - 1 > kept && old[firstAfter - 1].start - 1 >= span.endBefore) firstAfter--;
  const from = kept === 0 ? 0 : old[kept].start;
  if (from === 0) return splitDocuments(text);
  const shift = span.endAfter - span.endBefore;
  const to = firstAfter < old.length ? old[firstAfter].start + shift : text.length;
  const region = text.slice(from - 1, Math.min(to + 1, text.length));
  if (/\r(?!\n)/.test(region) || region.includes('\n%')) return splitDocuments(text);
  const chunks: TextChunk[] = old.slice(0, kept);
  let start = from;
  for (let at = text.indexOf('\n---', from); at !== -1 && at + 1 < to; at = text.indexOf('\n---', at + 4)) {
    if (!isMarkerAt(text, at + 1)) continue;
    chunks.push({ start, text: text.slice(start, at + 1) });
    start = at + 1;
  }
  chunks.push({ start, text: text.slice(start, to) });
  for (let index = firstAfter; index < old.length; index++) chunks.push({ start: old[index].start + shift, text: old[index].text });
  return chunks;
}
