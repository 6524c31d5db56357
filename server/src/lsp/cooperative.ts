import type { CancellationToken } from 'vscode-languageserver';
import type { Finding } from '../engine/finding';
import { createLintCache, lintSteps, settledBefore, type LintCache, type LintOptions } from '../engine/lint';
import type { TextChange } from '../yaml/split';

/** Thrown when a lint run stops because its request was cancelled or its document changed. */
export class LintCancelled extends Error {}

const sliceMs = 15;

/** Chunk results per open document, kept while the document object lives (the server keeps one per open URI). */
const caches = new WeakMap<object, LintCache>();

function cacheOf(document: object): LintCache {
  let cache = caches.get(document);
  if (!cache) caches.set(document, (cache = createLintCache()));
  return cache;
}

/** Whether the last lint of the open document settled a document of this text (see settledBefore). */
export function settledInLastLint(document: object, documentText: string): boolean {
  const cache = caches.get(document);
  return cache !== undefined && settledBefore(cache, documentText);
}

/**
 * Lints a text without holding the event loop for long: after each YAML document, once a time
 * slice is used up, it gives way to pending messages and stops if the request was cancelled.
 * `document` names the open document the text belongs to: its unchanged YAML documents are
 * reused from the previous run, and `change` says where the text differs from that run's.
 */
export async function lintCooperatively(text: string, options: LintOptions, token: CancellationToken, stale: () => boolean, document?: object, change?: TextChange): Promise<Finding[]> {
  const steps = lintSteps(text, options, document && cacheOf(document), change);
  let sliceStart = Date.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (Date.now() - sliceStart >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (token.isCancellationRequested || stale()) throw new LintCancelled();
      sliceStart = Date.now();
    }
  }
}
