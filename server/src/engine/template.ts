import { isScalar, visit, type Document } from 'yaml';

/** Helm and Go-template actions that mark a file as a template even inside quoted strings. */
const templateAction = /\{\{-?\s*(?:\.Values|\.Release|\.Chart|\.Capabilities|\.Files|\.Template|\$\.|include\s|template\s|toYaml\b|tpl\s|required\s|define\s|\/\*)/;

function scalarSpans(docs: readonly Document[]): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const doc of docs) {
    visit(doc, {
      Scalar(_key, node) {
        if (isScalar(node) && node.range) spans.push([node.range[0], node.range[1]]);
      },
    });
  }
  return spans;
}

function inComment(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /(^|\s)#/.test(text.slice(lineStart, offset));
}

/**
 * Finds the first template action of a file that is a Go/Helm template rather than YAML: a Helm
 * built-in anywhere, `{{` in a document that does not parse, or `{{` that YAML reads as structure
 * (`name: {{ x }}` is a flow map in a flow map). A `{{ }}` inside any string — a Prometheus alert
 * text, an Argo CD ApplicationSet path — is data. Returns the action's [start, end) or null.
 */
export function findTemplateAction(text: string, docs: readonly { doc: Document; errors: readonly unknown[]; start: number; end: number }[]): [number, number] | null {
  let at = text.indexOf('{{');
  if (at === -1) return null;
  const span = (start: number): [number, number] => {
    const close = text.indexOf('}}', start);
    const lineEnd = text.indexOf('\n', start);
    const end = close !== -1 && (lineEnd === -1 || close < lineEnd) ? close + 2 : lineEnd === -1 ? text.length : lineEnd;
    return [start, end];
  };
  const builtin = templateAction.exec(text);
  if (builtin) return span(builtin.index);
  let strings: Array<[number, number]> | null = null;
  for (; at !== -1; at = text.indexOf('{{', at + 2)) {
    if (inComment(text, at)) continue;
    const broken = docs.some((d) => d.errors.length > 0 && at >= d.start && at <= d.end);
    if (broken) return span(at);
    strings ??= scalarSpans(docs.map((d) => d.doc));
    if (!strings.some(([s, e]) => at >= s && at < e)) return span(at);
  }
  return null;
}
