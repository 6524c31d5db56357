import type { TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { EditSpan, TextChange } from '../yaml/split';

/** One edit of a text: `start` to `end` (offsets in the text it applies to) replaced by `length` characters. */
export interface Edit {
  start: number;
  end: number;
  length: number;
}

/** A client's change to a document as an edit in offsets; null unless it is one ranged change. */
export function editOf(document: TextDocument, changes: readonly TextDocumentContentChangeEvent[]): Edit | null {
  const [change] = changes;
  if (changes.length !== 1 || !('range' in change)) return null;
  return { start: document.offsetAt(change.range.start), end: document.offsetAt(change.range.end), length: change.text.length };
}

/** The span of two edits made one after the other: `first` from the base text, `next` in the text `first` gave. */
export function composeSpans(first: EditSpan | undefined, next: Edit): EditSpan {
  const after = next.start + next.length;
  if (!first) return { start: next.start, endBefore: next.end, endAfter: after };
  // The part of the text both edits left alone starts past both, in the middle text's offsets.
  const tail = Math.max(next.end, first.endAfter);
  return {
    start: Math.min(first.start, next.start),
    endBefore: first.endBefore + (tail - first.endAfter),
    endAfter: tail + after - next.end,
  };
}

interface Tracked {
  before: string;
  /** Undefined while nothing changed; null once a change of unknown extent came (a whole-text replacement). */
  span: EditSpan | undefined | null;
}

/**
 * Where each open document changed since its last lint started, from the edits the client sent,
 * so the engine splits again only around them (yaml/split.ts splitAfterEdit).
 */
export class EditSpans {
  private readonly tracked = new Map<string, Tracked>();

  /** Notes an edit as it arrives; null when its extent is not known. */
  edited(uri: string, edit: Edit | null): void {
    const entry = this.tracked.get(uri);
    if (entry && entry.span !== null) entry.span = edit && composeSpans(entry.span, edit);
  }

  /** A lint of `text` starts: what changed since the last one started, if known. */
  lintStarts(uri: string, text: string): TextChange | undefined {
    const entry = this.tracked.get(uri);
    this.tracked.set(uri, { before: text, span: undefined });
    return entry?.span ? { before: entry.before, span: entry.span } : undefined;
  }

  forget(uri: string): void {
    this.tracked.delete(uri);
  }
}
