import type { Scalar } from 'yaml';
import { annotationEntries } from './metadata';
import type { K8sObject } from './objects';
import { asScalar, asSeq, mapAt, stringAt, stringValue, entry } from '../yaml/nodes';

/** The annotation older manifests name the class with (before `spec.ingressClassName`). */
export const ingressClassAnnotation = 'kubernetes.io/ingress.class';

export function isIngress(object: K8sObject): boolean {
  return object.kind === 'Ingress' && (object.group === 'networking.k8s.io' || object.group === 'extensions');
}

/** The Ingress's class: `spec.ingressClassName`, else the class annotation. */
export function ingressClassOf(object: K8sObject): string | undefined {
  const field = stringAt(mapAt(object.node, object.doc, 'spec'), object.doc, 'ingressClassName');
  if (field !== undefined) return field;
  const annotation = annotationEntries(object.node, object.doc).find((e) => e.key === ingressClassAnnotation);
  return annotation ? stringValue(annotation.valueNode, object.doc) : undefined;
}

/** The scalar that names a backend's Service: `service.name` (networking.k8s.io/v1) or `serviceName` (v1beta1). */
function backendServiceName(backend: unknown, object: K8sObject): Scalar | undefined {
  const { doc } = object;
  const map = mapAt(backend, doc);
  if (!map) return undefined;
  const scalar = asScalar(entry(mapAt(map, doc, 'service'), 'name')?.valueNode, doc) ?? asScalar(entry(map, 'serviceName')?.valueNode, doc);
  return scalar && typeof scalar.value === 'string' && scalar.range ? scalar : undefined;
}

/** Every Service name the Ingress routes to, in source order: the default backend, then each path's. */
export function ingressBackendServices(object: K8sObject): Scalar[] {
  const { doc } = object;
  const spec = mapAt(object.node, doc, 'spec');
  const backends: unknown[] = [entry(spec, 'defaultBackend')?.valueNode, entry(spec, 'backend')?.valueNode];
  for (const rule of asSeq(entry(spec, 'rules')?.valueNode, doc)?.items ?? []) {
    for (const path of asSeq(entry(mapAt(rule, doc, 'http'), 'paths')?.valueNode, doc)?.items ?? []) {
      backends.push(entry(mapAt(path, doc), 'backend')?.valueNode);
    }
  }
  return backends.map((backend) => backendServiceName(backend, object)).filter((name): name is Scalar => name !== undefined).sort((a, b) => a.range![0] - b.range![0]);
}
