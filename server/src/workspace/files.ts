import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { decodeFileText } from '../files/decode';
import { isWalkedFile, walkFolder } from '../files/walk';
import { isTerraformPath } from '../cluster/readers';
import { profileFileName } from '../profile/types';
import { WorkspaceIndex } from './index';

/** A file of the workspace as last seen on disk: what a result computed from it depends on. */
export interface IndexedFile {
  path: string;
  /** The folder it was found under. */
  folder: string;
  size: number;
  mtimeMs: number;
}

/** What decides whether a file belongs in the index; the server answers from settings and profiles. */
export interface IndexScope {
  /** `ackCni.exclude` or the profile's `ignore:` leaves the file out. */
  excluded(file: string, folder: string): Promise<boolean>;
  /** Files larger than this many bytes are left out (`ackCni.maxFileSizeKb`). */
  maxBytes(file: string): Promise<number>;
  /** The editor's text of an open file (unsaved edits count), else undefined. */
  openText(file: string): string | undefined;
}

/** Gives way to other work every `sliceMs` of a long scan. */
const sliceMs = 10;

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function holdsManifests(file: string): boolean {
  return path.basename(file) !== profileFileName && !isTerraformPath(file);
}

/**
 * The files under the workspace folders that the linter covers, with the Services they declare
 * (the cross-file index). Scanned in the background in short slices; kept current by `refresh`
 * (file watcher events, open-document edits) and `remove`.
 */
export class WorkspaceFiles {
  readonly index = new WorkspaceIndex();
  private readonly entries = new Map<string, IndexedFile>();

  constructor(private readonly scope: IndexScope) {}

  list(): IndexedFile[] {
    return [...this.entries.values()];
  }

  get(file: string): IndexedFile | undefined {
    return this.entries.get(file);
  }

  /**
   * Walks every folder, then drops files it did not meet (deleted, or out of scope since).
   * `progress` hears how many files were looked at; stops early when `cancelled` says so.
   */
  async scan(folders: readonly string[], progress: (seen: number) => void, cancelled: () => boolean): Promise<void> {
    const met = new Set<string>();
    let sliceStart = Date.now();
    for (const folder of folders) {
      for (const file of walkFolder(folder)) {
        met.add(file);
        await this.add(file, folder);
        progress(met.size);
        if (Date.now() - sliceStart >= sliceMs) {
          await yieldToEventLoop();
          if (cancelled()) return;
          sliceStart = Date.now();
        }
      }
    }
    for (const file of this.entries.keys()) if (!met.has(file)) this.remove(file);
  }

  /**
   * Looks at one file again (created, changed, opened, edited, closed): in or out of the index,
   * its Services updated. True when the index's answers changed (cross-file results are stale).
   */
  async refresh(file: string, folders: readonly string[]): Promise<boolean> {
    const folder = folders.filter((f) => isWalkedFile(file, f)).sort((a, b) => b.length - a.length)[0];
    if (!folder) return this.remove(file);
    return this.add(file, folder);
  }

  /** Drops a file (deleted, or no longer in scope); true when the index's answers changed. */
  remove(file: string): boolean {
    this.entries.delete(file);
    return this.index.remove(file);
  }

  /** Drops a deleted file or folder (a watcher may report only the folder); true when the index's answers changed. */
  removeTree(removed: string): boolean {
    let changed = false;
    for (const file of [...this.entries.keys()]) {
      if (file === removed || file.startsWith(removed + path.sep)) changed = this.remove(file) || changed;
    }
    return this.index.remove(removed) || changed;
  }

  private async add(file: string, folder: string): Promise<boolean> {
    const stat = await fs.stat(file).catch(() => undefined);
    const open = this.scope.openText(file);
    if ((!stat?.isFile() && open === undefined) || (await this.scope.excluded(file, folder))) return this.remove(file);
    const size = open?.length ?? stat!.size;
    if (size > (await this.scope.maxBytes(file))) return this.remove(file);
    this.entries.set(file, { path: file, folder, size, mtimeMs: stat?.mtimeMs ?? 0 });
    if (!holdsManifests(file)) return false;
    const text = open ?? (await fs.readFile(file).then(decodeFileText, () => undefined));
    return text === undefined ? this.index.remove(file) : this.index.update(file, text);
  }
}
