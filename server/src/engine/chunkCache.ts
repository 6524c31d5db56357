import type { Split } from '../yaml/split';

/**
 * Lint results per chunk text for one document being edited, so an edit re-lints only the chunk
 * it touches. Results also depend on the options (profile, rules switched off), named by a key:
 * a run with another key starts from an empty cache.
 *
 * A run asks for the chunks in file order, and an edit leaves all but a few where the last
 * completed run had them: each chunk is first compared with the one at its place then (equal
 * texts compare at memory speed, a length that differs at once). Only chunks not found there are
 * looked up by text, since hashing every chunk of a 5 MB file cost more than the rest of an edit.
 */
/** Places looked at for a chunk, relative to where the previous run had the next one. */
const around = [0, 1, -1, 2];

export class ChunkCache<T> {
  /** The split of the text the last run started on: the next run splits only around its change. */
  lastSplit: Split | undefined;
  private key: string | undefined;
  /** The chunks of the last completed run, in file order. */
  private ordered: Array<CachedChunk<T>> = [];
  /** Chunks worked out since, by runs that may not have completed: an edit during a long first run loses nothing. */
  private added = new Map<string, T>();

  /** Starts a run. Once it completes, what it did not use is dropped; a cancelled run only adds. */
  begin(key: string): ChunkCacheRun<T> {
    if (key !== this.key) {
      this.ordered = [];
      this.added = new Map();
    }
    // The same text in this very string: the check each lookup makes is then a pointer compare,
    // not a compare of the profile's JSON (5 ms of an edit of 15,000 documents).
    this.key = key;
    const previous = this.ordered;
    const used: Array<CachedChunk<T>> = [];
    let next = 0;
    // Where the chunk is among the previous run's, looking a little around the expected place
    // for chunks an edit split or joined; -1 when it is not there.
    const placeOf = (text: string): number => {
      for (const step of around) {
        const at = next + step;
        if (at >= 0 && at < previous.length && previous[at].text === text) return at;
      }
      return -1;
    };
    // Runs can interleave (the server lints cooperatively): one whose options are no longer the
    // cache's neither stores nor prunes.
    const current = () => this.key === key;
    return {
      get: (text) => {
        if (!current()) return undefined;
        const at = placeOf(text);
        next = at !== -1 ? at + 1 : next + 1;
        if (at !== -1) {
          used.push(previous[at]);
          return previous[at].value;
        }
        const value = this.added.get(text);
        if (value !== undefined) used.push({ text, value });
        return value;
      },
      set: (text, value) => {
        if (!current()) return;
        this.added.set(text, value);
        used.push({ text, value });
      },
      end: () => {
        if (!current()) return;
        this.ordered = used;
        this.added = new Map();
      },
    };
  }

  /** The result of the last completed run, or of a later one, for a chunk of this text. */
  find(text: string): T | undefined {
    return this.ordered.find((chunk) => chunk.text === text)?.value ?? this.added.get(text);
  }
}

interface CachedChunk<T> {
  text: string;
  value: T;
}

export interface ChunkCacheRun<T> {
  get(text: string): T | undefined;
  set(text: string, value: T): void;
  end(): void;
}
