/**
 * One node of a document as a reader saw it, which the positioned reader (positioned.ts) builds
 * yaml's node from: where it began (or where its separation space did, as js-yaml's listener
 * gives it) and ended, what it held (a scalar's value as js-yaml's
 * failsafe schema gives it, a collection's children), and the nodes inside it, in order.
 */
export interface Frame {
  open: number;
  close: number;
  kind: string | null;
  result: unknown;
  children: Frame[];
}

/** Scalars have no children; one array serves them all (nothing adds to it). */
const noChildren: Frame[] = [];

export function scalarFrame(open: number, close: number, value: string): Frame {
  return { open, close, kind: 'scalar', result: value, children: noChildren };
}

/** A block or flow collection's frame, its children its result (as jsonFrame.ts and blockScan.ts make them). */
export function collectionFrame(open: number, kind: 'mapping' | 'sequence'): Frame {
  const children: Frame[] = [];
  return { open, close: open, kind, result: children, children };
}

/** Keys a map holds before they go into a Set. */
const fewKeys = 16;

/**
 * The keys of one map a fast reader has read so far, to find a duplicate (which yaml reports): an
 * array while they are few, a Set once they are many.
 */
export class MapKeys {
  private few: string[] = [];
  private many: Set<string> | null = null;

  /** Adds a key; false when the map holds it already. */
  add(name: string): boolean {
    if (this.many) {
      if (this.many.has(name)) return false;
      this.many.add(name);
      return true;
    }
    if (this.few.includes(name)) return false;
    this.few.push(name);
    if (this.few.length > fewKeys) this.many = new Set(this.few);
    return true;
  }
}
