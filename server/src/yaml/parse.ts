import { Composer, Parser, type Document, type YAMLError } from 'yaml';

/** One `---`-separated YAML document of a file, with the offsets it spans. */
export interface YamlDocument {
  index: number;
  doc: Document.Parsed;
  /** First offset of the document (its `---` marker or first token). */
  start: number;
  /** Offset just past the document's last token. */
  end: number;
  errors: YAMLError[];
}

/**
 * Yields the documents of a YAML or JSON text one at a time, so callers can stop or yield to
 * other work between documents. JSON is read as YAML flow syntax, which keeps one position
 * model for both. A byte-order mark stays in the text so offsets match the editor's.
 */
export function* iterateYamlDocuments(text: string): Generator<YamlDocument> {
  const composer = new Composer({ merge: true, prettyErrors: false });
  let index = 0;
  for (const doc of composer.compose(new Parser().parse(text), true, text.length)) {
    yield { index: index++, doc, start: doc.range[0], end: doc.range[2], errors: doc.errors };
  }
}

export function parseYamlDocuments(text: string): YamlDocument[] {
  return [...iterateYamlDocuments(text)];
}
