/**
 * Fixtures mark expected ranges inline: `kind: ⟦NetworkPolicy⟧`. The markers are removed and
 * their offsets returned in order, so a test reads like the editor would show it.
 */
export function parseMarkers(marked: string): { text: string; ranges: Array<[number, number]> } {
  const ranges: Array<[number, number]> = [];
  const open: number[] = [];
  let text = '';
  for (const char of marked) {
    if (char === '⟦') open.push(text.length);
    else if (char === '⟧') {
      const start = open.pop();
      if (start === undefined) throw new Error('unbalanced ⟧ in fixture');
      ranges.push([start, text.length]);
    } else text += char;
  }
  if (open.length > 0) throw new Error('unbalanced ⟦ in fixture');
  return { text, ranges: ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]) };
}

/** Applies non-overlapping edits to a text. */
export function applyEdits(text: string, edits: ReadonlyArray<{ start: number; end: number; newText: string }>): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, edit.start) + edit.newText + out.slice(edit.end);
  }
  return out;
}
