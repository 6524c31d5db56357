import { servicesIn } from './summary';
import type { ServiceEntry, WorkspaceLookup } from './types';

function serviceKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

/**
 * The Services of every indexed file, found by namespace and name. `revision` changes whenever
 * what a lookup could answer changes (a Service added, removed, retyped or moved in its file),
 * so results that used the index know when they are stale.
 */
export class WorkspaceIndex implements WorkspaceLookup {
  private readonly byFile = new Map<string, { services: ServiceEntry[]; fingerprint: string }>();
  private byName: Map<string, ServiceEntry[]> | undefined;
  revision = 0;

  /** Records a file's current text; true when the lookups' answers changed. */
  update(file: string, text: string): boolean {
    const services = servicesIn(file, text);
    const fingerprint = JSON.stringify(services);
    const previous = this.byFile.get(file);
    this.byFile.set(file, { services, fingerprint });
    if ((previous?.fingerprint ?? '[]') === fingerprint) return false;
    return this.changed();
  }

  /** Forgets a deleted file; true when the lookups' answers changed. */
  remove(file: string): boolean {
    const previous = this.byFile.get(file);
    this.byFile.delete(file);
    return previous !== undefined && previous.services.length > 0 && this.changed();
  }

  has(file: string): boolean {
    return this.byFile.has(file);
  }

  get files(): string[] {
    return [...this.byFile.keys()];
  }

  servicesNamed(namespace: string, name: string): readonly ServiceEntry[] {
    if (!this.byName) {
      this.byName = new Map();
      for (const { services } of this.byFile.values()) {
        for (const service of services) {
          const key = serviceKey(service.namespace, service.name);
          this.byName.set(key, [...(this.byName.get(key) ?? []), service]);
        }
      }
    }
    return this.byName.get(serviceKey(namespace, name)) ?? [];
  }

  private changed(): true {
    this.byName = undefined;
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
