import type { Diagnostic } from 'vscode-languageserver';
import type { Finding } from '../engine/finding';

/** How many leading characters two texts share: compared a block at a time, then a character at a time. */
export function commonPrefixLength(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  let same = 0;
  for (const block of [65_536, 2_048, 64]) {
    while (same + block <= length && a.slice(same, same + block) === b.slice(same, same + block)) same += block;
  }
  while (same < length && a.charCodeAt(same) === b.charCodeAt(same)) same++;
  return same;
}

/**
 * The diagnostics of each open document's last findings, so that the next lint's findings that
 * are the very same objects (the engine keeps those of YAML documents an edit left in place) keep
 * their diagnostics too, as long as no text before them changed: their positions are then the
 * same. On a 5 MB file, converting every finding again was a fifth of an edit.
 */
export class DiagnosticMemo {
  private readonly last = new Map<string, { text: string; made: Map<Finding, Diagnostic> }>();

  /** Diagnostics of `findings` of `text`; `convert` makes those of the findings not kept, in order. */
  diagnostics(uri: string, text: string, findings: readonly Finding[], convert: (findings: readonly Finding[]) => Diagnostic[]): Diagnostic[] {
    const previous = this.last.get(uri);
    const unchangedUpTo = previous ? commonPrefixLength(previous.text, text) : 0;
    const out: Diagnostic[] = new Array(findings.length);
    const missing: number[] = [];
    for (let index = 0; index < findings.length; index++) {
      const kept = findings[index].end <= unchangedUpTo ? previous?.made.get(findings[index]) : undefined;
      if (kept) out[index] = kept;
      else missing.push(index);
    }
    const converted = convert(missing.map((index) => findings[index]));
    for (let at = 0; at < missing.length; at++) out[missing[at]] = converted[at];
    const made = new Map<Finding, Diagnostic>();
    for (let index = 0; index < findings.length; index++) made.set(findings[index], out[index]);
    this.last.set(uri, { text, made });
    return out;
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }
}
