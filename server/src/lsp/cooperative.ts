import type { CancellationToken } from 'vscode-languageserver';
import type { Finding } from '../engine/finding';
import { lintSteps, type LintOptions } from '../engine/lint';

/** Thrown when a lint run stops because its request was cancelled or its document changed. */
export class LintCancelled extends Error {}

const sliceMs = 15;

/**
 * Lints a text without holding the event loop for long: after each YAML document, once a time
 * slice is used up, it gives way to pending messages and stops if the request was cancelled.
 */
export async function lintCooperatively(text: string, options: LintOptions, token: CancellationToken, stale: () => boolean): Promise<Finding[]> {
  const steps = lintSteps(text, options);
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
