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
  if (text.startsWith('%') || text.includes('\n%') || hasLoneCarriageReturn(text)) return [{ start: 0, text }];
  const starts: number[] = [];
  for (let at = text.indexOf('\n---'); at !== -1; at = text.indexOf('\n---', at + 4)) {
    const after = text.charCodeAt(at + 4);
    // `---` followed by a space, tab, line end or the end of the text (`----` is a plain scalar).
    if (Number.isNaN(after) || after === 32 || after === 9 || after === 10 || after === 13) starts.push(at + 1);
  }
  if (starts.length === 0) return [{ start: 0, text }];
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
