/**
 * What must hold for every input, whatever the channel (engine, CLI, language server): ranges
 * inside the text, every document the parser cannot read explained by a diagnostic, and time
 * within the budget of 2 s per MB.
 */
import { readYamlDocuments } from '../../../server/src/yaml/parse';
import type { InputKind } from './seeds';

/** Rules that explain why a document or a whole file was not checked. */
export const explainingRules = new Set(['yaml-syntax', 'template-skipped', 'file-too-large']);
const wholeFileRules = new Set(['template-skipped', 'file-too-large']);

export const budgetMsPerMb = 2000;
/**
 * Below this, timings measure the process (a garbage collection, a timer tick), not the input:
 * 2 s/MB of a 1 KB file would be 2 ms. Per input the budget is the larger of the two.
 */
export const budgetFloorMs = 100;

export function budgetMs(bytes: number): number {
  return Math.max(budgetFloorMs, (budgetMsPerMb * bytes) / (1024 * 1024));
}

/** Timed runs of an over-budget call after the first: the fastest run counts. */
export const overBudgetRetries = 2;

/** How long a call over its time budget took, and the budget: such failures depend on the machine and its load. */
export interface Overrun {
  ms: number;
  budgetMs: number;
}

/** The failure of a call that took `ms` for `bytes`, or undefined when that is within budget. */
export function overBudget(what: string, ms: number, bytes: number): { what: string; overrun: Overrun } | undefined {
  const budget = budgetMs(bytes);
  if (ms <= budget) return undefined;
  return { what: `${what} took ${ms.toFixed(0)} ms for ${bytes} bytes (budget ${budget.toFixed(0)} ms)`, overrun: { ms, budgetMs: budget } };
}

export function megabytes(bytes: number): number {
  return bytes / (1024 * 1024);
}

export interface Located {
  ruleId: string;
  start: number;
  end: number;
}

/** Ranges as offsets: 0 ≤ start ≤ end ≤ length. */
export function rangeProblem(what: string, start: number, end: number, length: number): string | undefined {
  if (!Number.isInteger(start) || !Number.isInteger(end)) return `${what}: non-integer range ${start}..${end}`;
  if (start < 0 || end < start || end > length) return `${what}: range ${start}..${end} outside the text (length ${length})`;
  return undefined;
}

/**
 * Documents the parser reports errors in that no diagnostic explains: each needs a yaml-syntax
 * finding inside it, unless the whole file was skipped with a template-skipped or
 * file-too-large hint. Terraform files are read by tree-sitter, which recovers from any error,
 * so there is nothing unreadable to explain there. A `# ack-cni-disable` comment can silence
 * yaml-syntax on purpose; such texts are not held to this.
 */
export function unexplainedDocuments(text: string, kind: InputKind, findings: readonly Located[]): string[] {
  if (kind === 'terraform') return [];
  if (findings.some((f) => wholeFileRules.has(f.ruleId))) return [];
  if (text.includes('ack-cni-disable')) return [];
  const syntax = findings.filter((f) => f.ruleId === 'yaml-syntax');
  const problems: string[] = [];
  // One document at a time: the 50 MB stream's whole tree took the fuzz process past its 3 GB bound.
  for (const document of readYamlDocuments(text)) {
    if (document.errors.length === 0) continue;
    const explained = syntax.some((f) => f.start >= Math.min(document.start, document.errors[0].pos[0]) && f.start <= Math.max(document.end, document.errors[0].pos[1]));
    if (!explained) problems.push(`document ${document.index} (offsets ${document.start}..${document.end}) does not parse (${document.errors[0].code}: ${document.errors[0].message.split('\n')[0]}) and no yaml-syntax diagnostic says so`);
  }
  return problems;
}
