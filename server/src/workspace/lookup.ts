import type { YamlDocument } from '../yaml/parse';
import { servicesInDocuments } from './summary';
import type { ServiceEntry, WorkspaceLookup } from './types';

/**
 * What rules see while one text is linted: its own Services read from the text itself (so an
 * unsaved edit counts at once, and offsets match the text), and the workspace's from every
 * other file. The documents are searched only when a rule asks.
 */
export function lookupForText(
  text: string,
  documents: readonly YamlDocument[],
  filePath: string | undefined,
  workspace: WorkspaceLookup | undefined,
): WorkspaceLookup {
  let own: ServiceEntry[] | undefined;
  return {
    servicesNamed(namespace, name) {
      own ??= servicesInDocuments(null, text, documents);
      const here = own.filter((service) => service.namespace === namespace && service.name === name);
      const elsewhere = (workspace?.servicesNamed(namespace, name) ?? []).filter((service) => service.file !== filePath);
      return [...here, ...elsewhere];
    },
  };
}

/** A lookup that notes whether it was asked: a result that asked is stale when the index changes. */
export function recordingLookup(inner: WorkspaceLookup): WorkspaceLookup & { readonly asked: boolean } {
  let asked = false;
  return {
    get asked() {
      return asked;
    },
    servicesNamed(namespace, name) {
      asked = true;
      return inner.servicesNamed(namespace, name);
    },
  };
}
