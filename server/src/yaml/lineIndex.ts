/**
 * Converts between UTF-16 offsets and 0-based line/character positions of one text. Lines end
 * at "\r\n", "\n" or a lone "\r", as LSP clients and YAML count them: a file saved with old Mac
 * line ends has as many lines here as in the editor.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): { line: number; character: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.starts[low] };
  }

  offset(line: number, character: number): number {
    if (line >= this.starts.length) return this.text.length;
    return Math.min(this.starts[Math.max(0, line)] + character, this.lineEnd(line));
  }

  lineStart(line: number): number {
    return this.starts[line];
  }

  /** Offset of the end of the line's content, before "\r\n", "\n" or "\r". */
  lineEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    const lineBreak = this.starts[line + 1] - 1;
    const crlf = this.text.charCodeAt(lineBreak) === 10 && lineBreak > this.starts[line] && this.text.charCodeAt(lineBreak - 1) === 13;
    return crlf ? lineBreak - 1 : lineBreak;
  }

  lineText(line: number): string {
    return this.text.slice(this.starts[line], this.lineEnd(line));
  }
}
