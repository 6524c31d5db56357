import type { ServiceEntry, WorkspaceLookup } from './types';

/** A Service of the linted file as seen from a piece of it starting at `offset`: its fix in the piece's offsets. */
function seenFrom(service: ServiceEntry, offset: number): ServiceEntry {
  const edit = service.toNodePort;
  return offset === 0 || !edit ? service : { ...service, toNodePort: { ...edit, start: edit.start - offset, end: edit.end - offset } };
}

/**
 * What rules see while a text, or a piece of it starting at `offset`, is linted: the file's own
 * Services read from the text itself (so an unsaved edit counts at once), and the workspace's from
 * every other file. Neither is read until a rule asks.
 */
export function lookupForText(
  ownServices: () => readonly ServiceEntry[],
  offset: number,
  filePath: string | undefined,
  workspace: WorkspaceLookup | undefined,
): WorkspaceLookup {
  return {
    servicesNamed(namespace, name) {
      const here = ownServices().filter((service) => service.namespace === namespace && service.name === name);
      const elsewhere = (workspace?.servicesNamed(namespace, name) ?? []).filter((service) => service.file !== filePath);
      return [...here.map((service) => seenFrom(service, offset)), ...elsewhere];
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
