/**
 * Converts between UTF-16 offsets and 0-based line/character positions of one text. Lines end
 * at "\r\n", "\n" or a lone "\r", as LSP clients and YAML count them: a file saved with old Mac
 * line ends has as many lines here as in the editor.
 */
export class LineIndex {
  /** Offsets at which lines start, the first `lineCount` entries. */
  private readonly starts: Int32Array;
  readonly lineCount: number;

  private static last: LineIndex | undefined;

  /**
   * The index of `text`, the same object for callers in a row that ask about the same text: a
   * code action request converts offsets of one file for each of its diagnostics, and building
   * the index of a 1 MB file fifty times took longer than the rest of the request.
   */
  static of(text: string): LineIndex {
    if (LineIndex.last?.text !== text) LineIndex.last = new LineIndex(text);
    return LineIndex.last;
  }

  constructor(readonly text: string) {
    let starts = new Int32Array(Math.max(16, text.length >> 5));
    let count = 1;
    const lineBreakAt = hasLoneCarriageReturn(text) ? (from: number) => nextLineBreak(text, from) : (from: number) => text.indexOf('\n', from);
    for (let at = lineBreakAt(0); at !== -1; at = lineBreakAt(at + 1)) {
      if (count === starts.length) {
        const grown = new Int32Array(count * 2);
        grown.set(starts);
        starts = grown;
      }
      starts[count++] = at + 1;
    }
    this.starts = starts;
    this.lineCount = count;
  }

  position(offset: number): { line: number; character: number } {
    let clamped = Math.max(0, Math.min(offset, this.text.length));
    // Between the "\r" and the "\n" of a line break lies no position an editor knows (a parser
    // error placed on the "\r" ends there): the end of the line's content stands for it.
    if (this.text.charCodeAt(clamped) === 10 && this.text.charCodeAt(clamped - 1) === 13) clamped--;
    let low = 0;
    let high = this.lineCount - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.starts[low] };
  }

  offset(line: number, character: number): number {
    if (line >= this.lineCount) return this.text.length;
    return Math.min(this.starts[Math.max(0, line)] + character, this.lineEnd(line));
  }

  lineStart(line: number): number {
    return this.starts[line];
  }

  /** Offset of the end of the line's content, before "\r\n", "\n" or "\r". */
  lineEnd(line: number): number {
    if (line + 1 >= this.lineCount) return this.text.length;
    const lineBreak = this.starts[line + 1] - 1;
    const crlf = this.text.charCodeAt(lineBreak) === 10 && lineBreak > this.starts[line] && this.text.charCodeAt(lineBreak - 1) === 13;
    return crlf ? lineBreak - 1 : lineBreak;
  }

  lineText(line: number): string {
    return this.text.slice(this.starts[line], this.lineEnd(line));
  }
}

/** Whether a "\r" not followed by "\n" ends a line somewhere (old Mac line ends): only then does "\n" alone not find every line break. */
export function hasLoneCarriageReturn(text: string): boolean {
  for (let at = text.indexOf('\r'); at !== -1; at = text.indexOf('\r', at + 1)) {
    if (text.charCodeAt(at + 1) !== 10) return true;
  }
  return false;
}

/** The offset of the last character of the next line break at or after `from` ("\n" of "\r\n"), -1 when none. */
function nextLineBreak(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) return i;
  }
  return -1;
}
