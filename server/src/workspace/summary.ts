import { isService, isHeadless, serviceTypeOf, setServiceTypeEdit } from '../k8s/service';
import { objectsOf } from '../k8s/objects';
import { LineIndex } from '../yaml/lineIndex';
import { entry, mapAt } from '../yaml/nodes';
import type { YamlDocument } from '../yaml/parse';
import { splitDocuments } from '../yaml/split';
import { chunkDocuments } from '../engine/cheapPath';
import type { ServiceEntry } from './types';

export const defaultNamespace = 'default';

const serviceKind = /kind["']?\s*:\s*["']?Service\b/;

/** Whether a text can declare a Service: most files hold none and are settled by this test without being parsed. */
export function mentionsService(text: string): boolean {
  return serviceKind.test(text);
}

/**
 * The Services a manifest file declares (documents that do not parse are skipped). Only the
 * documents that mention a Service are read, most of them by js-yaml (engine/cheapPath.ts).
 */
export function servicesIn(file: string | null, text: string): ServiceEntry[] {
  if (!mentionsService(text)) return [];
  const place = placeIn(text, 0);
  const out: ServiceEntry[] = [];
  for (const chunk of splitDocuments(text)) {
    if (mentionsService(chunk.text)) out.push(...servicesInDocuments(file, chunk.text, chunkDocuments(chunk.text), { ...place, offset: chunk.start }));
  }
  return out;
}

/** Where a piece of a file lies in it: its first offset, and the file's lines (counted once, when needed). */
interface Place {
  offset: number;
  lines: () => LineIndex;
}

function placeIn(text: string, offset: number): Place {
  let lines: LineIndex | undefined;
  return { offset, lines: () => (lines ??= new LineIndex(text)) };
}

/** The Services of a text already parsed; `place` puts a piece of a file back into it. */
export function servicesInDocuments(file: string | null, text: string, documents: readonly YamlDocument[], place = placeIn(text, 0)): ServiceEntry[] {
  const { offset } = place;
  const out: ServiceEntry[] = [];
  for (const document of documents) {
    if (document.errors.length > 0) continue;
    for (const object of objectsOf(document)) {
      const nameNode = entry(mapAt(object.node, object.doc, 'metadata'), 'name')?.valueNode;
      if (!isService(object) || object.name === undefined || !nameNode?.range) continue;
      const edit = setServiceTypeEdit(text, object, 'NodePort');
      out.push({
        file,
        name: object.name,
        namespace: object.namespace ?? defaultNamespace,
        type: serviceTypeOf(object),
        headless: isHeadless(object),
        nameRange: { start: place.lines().position(nameNode.range[0] + offset), end: place.lines().position(nameNode.range[1] + offset) },
        toNodePort: edit && { ...edit, start: edit.start + offset, end: edit.end + offset },
      });
    }
  }
  return out;
}
