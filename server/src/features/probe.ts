/**
 * Whether the profile in force supports an annotation key or value, asked of the engine rather
 * than re-implemented: a small manifest carrying it is linted under the profile, and whatever the
 * rules that judge it say decides. A finding that leaves the feature working on part of the
 * cluster (mixed mode) still offers it, with that finding's message as a caveat. Without a
 * profile, or where the facts say nothing about the CNI (Terway Edge), only CNI-neutral keys and
 * values are offered.
 */
import { lintText } from '../engine/lint';
import type { ComparisonRow } from '../knowledge/comparison';
import type { FieldKnowledge } from '../knowledge/fields';
import { isPartial } from './hoverParts';
import type { FeatureContext } from './types';

export interface Support {
  offered: boolean;
  /** Messages of findings that leave it working only on part of the cluster. */
  caveats: string[];
}

export interface ProbeRequest {
  /** True when it means the same on every CNI: offered where the CNI is unknown or the facts are silent. */
  neutral: boolean;
  row?: ComparisonRow;
  /** The rules that judge it (for a value: only those that judge values, not the key's support). */
  rules: readonly string[];
  /** A manifest that carries it (built lazily: not needed without a profile). */
  manifest: () => string;
}

const cache = new Map<string, Support>();

export function support(context: FeatureContext, request: ProbeRequest): Support {
  const { profile } = context;
  if (!profile || (profile.cni === 'terway-edge' && !request.row?.cells['terway-edge'])) return { offered: request.neutral, caveats: [] };
  const manifest = request.manifest();
  const { fileText: _text, source: _source, ...cluster } = profile;
  const key = JSON.stringify([cluster, context.locale, request.rules, manifest]);
  const cached = cache.get(key);
  if (cached) return cached;
  // The user's severities do not change what the cluster supports: probe with the rules' own.
  const probeContext: FeatureContext = { ...context, ruleSettings: new Map() };
  const findings = lintText(manifest, { profile, locale: context.locale, kind: 'manifest' }).filter((f) => request.rules.includes(f.ruleId));
  const result: Support = findings.every((f) => isPartial(f, probeContext))
    ? { offered: true, caveats: findings.map((f) => f.message) }
    : { offered: false, caveats: [] };
  if (cache.size > 500) cache.clear();
  cache.set(key, result);
  return result;
}

/** A Pod with one annotation, as small as the rules accept. */
export function podWith(key: string, value: string): string {
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: probe',
    '  annotations:',
    `    ${JSON.stringify(key)}: ${JSON.stringify(value)}`,
    'spec:',
    '  containers:',
    '  - name: probe',
    '    image: probe',
    '',
  ].join('\n');
}

/** A Service with one annotation. */
export function serviceWith(key: string, value: string): string {
  return [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: probe',
    '  annotations:',
    `    ${JSON.stringify(key)}: ${JSON.stringify(value)}`,
    'spec:',
    '  ports:',
    '  - port: 80',
    '',
  ].join('\n');
}

/** What each kind of object needs besides the probed field for its rules to judge only that field. */
const shells: Record<string, { apiVersion: string; spec: string[] }> = {
  Service: { apiVersion: 'v1', spec: ['  ports:', '  - port: 80'] },
  PodNetworking: { apiVersion: 'network.alibabacloud.com/v1beta1', spec: ['  selector:', '    podSelector:', '      matchLabels: {app: probe}'] },
};

/** An object of the field's kind with the field set to `value` (the field's path starts at `spec`). */
export function objectWith(field: FieldKnowledge, value: string): string {
  const shell = shells[field.kind];
  const lines = [`apiVersion: ${shell.apiVersion}`, `kind: ${field.kind}`, 'metadata:', '  name: probe'];
  field.path.forEach((key, depth) => {
    const last = depth === field.path.length - 1;
    lines.push(`${'  '.repeat(depth)}${key}:${last ? ` ${JSON.stringify(field.list ? [value] : value)}` : ''}`);
  });
  return [...lines, ...shell.spec, ''].join('\n');
}
