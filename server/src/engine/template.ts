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

/**
 * Whether `offset` lies after a `#` that starts a comment on its line. Offsets come in increasing
 * order, so the comment start of a line is looked up once per line, not once per `{{` (a long
 * line of `{{` would otherwise be scanned again for each).
 */
function commentChecker(text: string): (offset: number) => boolean {
  let lineStart = -1;
  let commentAt = -1;
  return (offset) => {
    const start = text.lastIndexOf('\n', offset - 1) + 1;
    if (start !== lineStart) {
      lineStart = start;
      const lineEnd = text.indexOf('\n', start);
      const match = /(^|\s)#/.exec(text.slice(start, lineEnd === -1 ? text.length : lineEnd));
      commentAt = match ? start + match.index + match[0].length - 1 : -1;
    }
    return commentAt !== -1 && commentAt < offset;
  };
}

/** Whether `offset` lies inside one of the spans, sorted by start and not overlapping (scalars do not nest). */
function insideSpan(spans: ReadonlyArray<[number, number]>, offset: number): boolean {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (spans[mid][0] <= offset) low = mid + 1;
    else high = mid - 1;
  }
  return high >= 0 && offset < spans[high][1];
}

/** The `[start, end)` of a template action starting at `start`: to its `}}` on the same line, else to the line's end. */
function actionSpan(text: string, start: number): [number, number] {
  const close = text.indexOf('}}', start);
  const lineEnd = text.indexOf('\n', start);
  const end = close !== -1 && (lineEnd === -1 || close < lineEnd) ? close + 2 : lineEnd === -1 ? text.length : lineEnd;
  return [start, end];
}

/** The first Helm built-in (`{{ .Values`, `{{ include`…) anywhere in the text, comments and strings included. */
export function findBuiltinAction(text: string): [number, number] | null {
  if (!text.includes('{{')) return null;
  const builtin = templateAction.exec(text);
  return builtin ? actionSpan(text, builtin.index) : null;
}

/** Offsets of the `{{` of a text that lie outside comments. */
function* actionOffsets(text: string): Generator<number> {
  const inComment = commentChecker(text);
  for (let at = text.indexOf('{{'); at !== -1; at = text.indexOf('{{', at + 2)) if (!inComment(at)) yield at;
}

/** The first `{{` outside comments that lies in a document that does not parse or that YAML reads as structure. */
export function findStructuralAction(text: string, docs: readonly { doc: Document; errors: readonly unknown[]; start: number; end: number }[]): [number, number] | null {
  if (!text.includes('{{')) return null;
  let strings: Array<[number, number]> | null = null;
  const brokenDocs = docs.filter((d) => d.errors.length > 0);
  for (const at of actionOffsets(text)) {
    const broken = brokenDocs.some((d) => at >= d.start && at <= d.end);
    if (broken) return actionSpan(text, at);
    strings ??= scalarSpans(docs.map((d) => d.doc)).sort((a, b) => a[0] - b[0]);
    if (!insideSpan(strings, at)) return actionSpan(text, at);
  }
  return null;
}

/**
 * Whether every `{{` outside comments lies inside one of the spans (of scalars, sorted by start,
 * not overlapping): findStructuralAction finds nothing in a text that parses with these scalars.
 */
export function actionsInsideScalars(text: string, spans: ReadonlyArray<[number, number]>): boolean {
  for (const at of actionOffsets(text)) if (!insideSpan(spans, at)) return false;
  return true;
}

/**
 * Finds the first template action of a file that is a Go/Helm template rather than YAML: a Helm
 * built-in anywhere, `{{` in a document that does not parse, or `{{` that YAML reads as structure
 * (`name: {{ x }}` is a flow map in a flow map). A `{{ }}` inside any string — a Prometheus alert
 * text, an Argo CD ApplicationSet path — is data. Returns the action's [start, end) or null.
 */
export function findTemplateAction(text: string, docs: readonly { doc: Document; errors: readonly unknown[]; start: number; end: number }[]): [number, number] | null {
  return findBuiltinAction(text) ?? findStructuralAction(text, docs);
}
