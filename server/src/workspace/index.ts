import { mentionsService, servicesIn } from './summary';
import type { ServiceEntry, WorkspaceLookup } from './types';

function serviceKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

/**
 * What the index keeps of a file: the text of one that can declare a Service, its Services once a
 * lookup needed them. Files without Services are only named.
 */
interface FileRecord {
  text: string | undefined;
  services?: ServiceEntry[];
}

/**
 * A name can only be declared in a text that contains it, unless it is written with escapes (a
 * backslash) or folded over lines (a name with a space): only then must a file be parsed to know.
 */
function mayDeclare(text: string, name: string): boolean {
  return text.includes(name) || text.includes('\\') || /\s/.test(name);
}

/**
 * The Services of every indexed file, found by namespace and name. Files are parsed lazily: a
 * lookup reads the Services of the files that can declare the name it asks about (parsing every
 * file that mentions a Service took the CLI 0.6 s over the corpus, and the server seconds on
 * every edit of a large manifest). `revision` changes whenever what a lookup could answer may
 * have changed (a file that declares or declared Services changed or left), so results that
 * used the index know when they are stale.
 */
export class WorkspaceIndex implements WorkspaceLookup {
  private readonly byFile = new Map<string, FileRecord>();
  private byName = new Map<string, readonly ServiceEntry[]>();
  revision = 0;

  /**
   * Records a file's current text; true when the lookups' answers may have changed. Telling
   * for sure would mean parsing the file; a Service's place moves with any edit above it, so
   * the answer was nearly always yes when it was parsed anyway.
   */
  update(file: string, text: string): boolean {
    const previous = this.byFile.get(file);
    const record: FileRecord = { text: mentionsService(text) ? text : undefined };
    if (previous?.text === text && previous.services) record.services = previous.services;
    this.byFile.set(file, record);
    if (previous?.text === record.text) return false;
    return this.changed();
  }

  /** Forgets a deleted file; true when the lookups' answers may have changed. */
  remove(file: string): boolean {
    const previous = this.byFile.get(file);
    this.byFile.delete(file);
    return previous?.text !== undefined && this.changed();
  }

  servicesNamed(namespace: string, name: string): readonly ServiceEntry[] {
    const key = serviceKey(namespace, name);
    const known = this.byName.get(key);
    if (known) return known;
    const found: ServiceEntry[] = [];
    for (const [file, record] of this.byFile) {
      if (record.text === undefined || !mayDeclare(record.text, name)) continue;
      record.services ??= servicesIn(file, record.text);
      found.push(...record.services.filter((service) => service.namespace === namespace && service.name === name));
    }
    this.byName.set(key, found);
    return found;
  }

  private changed(): true {
    this.byName = new Map();
    this.revision++;
    return true;
  }
}

/** An index over a fixed set of files (the CLI's, a report's, a test's). */
export function buildWorkspaceIndex(files: Iterable<{ path: string; text: string }>): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const { path, text } of files) index.update(path, text);
  return index;
}
