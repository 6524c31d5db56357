/**
 * Lint results per chunk text for one document being edited, so an edit re-lints only the chunk
 * it touches. Results also depend on the options (profile, rules switched off), named by a key:
 * a run with another key starts from an empty cache.
 */
export class ChunkCache<T> {
  private key: string | undefined;
  private entries = new Map<string, T>();

  /** Starts a run. Once it completes, what it did not use is dropped; a cancelled run only adds. */
  begin(key: string): ChunkCacheRun<T> {
    if (key !== this.key) {
      this.key = key;
      this.entries = new Map();
    }
    const used = new Map<string, T>();
    // Runs can interleave (the server lints cooperatively): one whose options are no longer the
    // cache's neither stores nor prunes.
    const current = () => this.key === key;
    return {
      get: (text) => {
        const value = current() ? this.entries.get(text) : undefined;
        if (value !== undefined) used.set(text, value);
        return value;
      },
      set: (text, value) => {
        if (!current()) return;
        this.entries.set(text, value);
        used.set(text, value);
      },
      end: () => {
        if (current()) this.entries = used;
      },
    };
  }
}

export interface ChunkCacheRun<T> {
  get(text: string): T | undefined;
  set(text: string, value: T): void;
  end(): void;
}
