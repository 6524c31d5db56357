import { isService, isHeadless, serviceTypeOf, setServiceTypeEdit } from '../k8s/service';
import { objectsOf } from '../k8s/objects';
import { LineIndex } from '../yaml/lineIndex';
import { entry, mapAt } from '../yaml/nodes';
import { parseYamlDocuments, type YamlDocument } from '../yaml/parse';
import type { ServiceEntry } from './types';

export const defaultNamespace = 'default';

const serviceKind = /kind["']?\s*:\s*["']?Service\b/;

/** Whether a text can declare a Service: most files hold none and are settled by this test without being parsed. */
export function mentionsService(text: string): boolean {
  return serviceKind.test(text);
}

/** The Services a manifest file declares (documents that do not parse are skipped). */
export function servicesIn(file: string | null, text: string): ServiceEntry[] {
  return mentionsService(text) ? servicesInDocuments(file, text, parseYamlDocuments(text)) : [];
}

/** The Services of a file already parsed. */
export function servicesInDocuments(file: string | null, text: string, documents: readonly YamlDocument[]): ServiceEntry[] {
  let lines: LineIndex | undefined;
  const out: ServiceEntry[] = [];
  for (const document of documents) {
    if (document.errors.length > 0) continue;
    for (const object of objectsOf(document)) {
      const nameNode = entry(mapAt(object.node, object.doc, 'metadata'), 'name')?.valueNode;
      if (!isService(object) || object.name === undefined || !nameNode?.range) continue;
      lines ??= new LineIndex(text);
      out.push({
        file,
        name: object.name,
        namespace: object.namespace ?? defaultNamespace,
        type: serviceTypeOf(object),
        headless: isHeadless(object),
        nameRange: { start: lines.position(nameNode.range[0]), end: lines.position(nameNode.range[1]) },
        toNodePort: setServiceTypeEdit(text, object, 'NodePort'),
      });
    }
  }
  return out;
}
