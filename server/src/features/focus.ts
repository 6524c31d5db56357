/**
 * Hover and completion look at one YAML document, but parsing and linting a whole file for each
 * request costs time in proportion to the file (seconds for a multi-megabyte one, 100 ms for a
 * 100 KB one). They work on the document at the cursor alone, cut out of the file, and shift their
 * offsets back: rules look at one document at a time and suppression comments reach only to the
 * end of their own document, so the document lints exactly as it does in the whole file. A file
 * with `{{` stays whole: one template action anywhere makes the engine skip the entire file.
 */

import type { FileKind } from '../engine/lint';
import { maxProfileLength } from '../profile/types';

const separator = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)/gm;

export interface Focus {
  /** Where `text` starts in the whole file. */
  from: number;
  text: string;
}

/**
 * The text a request at `offset` works on. A profile is not cut: only its first document is the
 * profile, which a piece cut out of the file cannot tell; one longer than is read (profile/types.ts)
 * gets no answer at all.
 */
export function focusOn(text: string, kind: FileKind, offset: number): Focus | null {
  if (kind !== 'profile') return documentAt(text, offset);
  return text.length > maxProfileLength ? null : { from: 0, text };
}

function documentAt(text: string, offset: number): Focus {
  if (text.includes('{{')) return { from: 0, text };
  let from = 0;
  let to = text.length;
  for (const match of text.matchAll(separator)) {
    if (match.index! <= offset) from = match.index!;
    else {
      to = match.index!;
      break;
    }
  }
  return { from, text: text.slice(from, to) };
}
