import assert from 'node:assert/strict';
import type { ClusterPlan, Located } from '../../../server/src/cluster/plan';
import { parseYamlDocuments } from '../../../server/src/yaml/parse';
import { plansInDocument } from '../../../server/src/cluster/readers';

/**
 * The line of `text` that holds a located value, with the value's range marked ⟦…⟧ and the line
 * trimmed, so a test reads the way the editor would underline it: `"container_cidr": ⟦"172.20.0.0/16"⟧,`.
 * A range over several lines shows all of them, joined by ⏎.
 */
export function shown(text: string, located: Located<unknown> | undefined): string {
  if (!located) return '(absent)';
  assert.equal(text.slice(located.start, located.end), located.raw, 'raw must be the text at [start, end)');
  const lineStart = text.lastIndexOf('\n', located.start - 1) + 1;
  const next = text.indexOf('\n', Math.max(located.end - 1, located.start));
  const lineEnd = next === -1 ? text.length : next;
  const marked = text.slice(lineStart, located.start) + '⟦' + located.raw + '⟧' + text.slice(located.end, Math.max(lineEnd, located.end));
  return marked.trim().replace(/\r?\n/g, '⏎');
}

/** Values and marked lines of every located value in a plan, keyed by property path. */
export function summary(text: string, plan: ClusterPlan): Record<string, [unknown, string]> {
  const out: Record<string, [unknown, string]> = {};
  const add = (key: string, located: Located<unknown> | undefined) => {
    if (located) out[key] = [located.value, shown(text, located)];
  };
  add('cni', plan.cni);
  for (const [key, located] of Object.entries(plan.terway)) add(`terway.${key}`, located);
  for (const [key, located] of Object.entries(plan.flannel)) add(`flannel.${key}`, located);
  for (const [key, located] of Object.entries(plan.cluster)) {
    if (Array.isArray(located)) located.forEach((item, index) => add(`cluster.${key}[${index}]`, item));
    else add(`cluster.${key}`, located as Located<unknown> | undefined);
  }
  plan.cniSpecificFields.forEach((item, index) => add(`cniSpecificFields[${index}]`, item));
  return out;
}

/** The plans of every document of a YAML/JSON text, as the engine reads them. */
export function plansOf(text: string): ClusterPlan[] {
  return parseYamlDocuments(text).flatMap((document) => plansInDocument(text, document));
}

/** Every located value of a plan lies inside the text and its raw text is exactly the text there. */
export function assertLocatedInside(text: string, plan: ClusterPlan, where = ''): void {
  const all: Array<Located<unknown>> = [
    ...(plan.cni ? [plan.cni] : []),
    ...(Object.values(plan.terway) as Array<Located<unknown>>),
    ...(Object.values(plan.flannel) as Array<Located<unknown>>),
    ...Object.values(plan.cluster).flatMap((value) => (Array.isArray(value) ? value : value ? [value] : [])),
    ...plan.cniSpecificFields,
  ];
  for (const located of all) {
    assert.ok(located.start >= 0 && located.start <= located.end && located.end <= text.length, `${where}: range [${located.start}, ${located.end}) outside the text`);
    assert.equal(text.slice(located.start, located.end), located.raw, `${where}: raw text differs at [${located.start}, ${located.end})`);
  }
}
