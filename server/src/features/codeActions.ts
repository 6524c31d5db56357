import { visit } from 'yaml';
import { both, pick, type Locale } from '../l10n';
import type { FileChange, Finding, TextEdit } from '../engine/finding';
import { parseYamlDocuments, type YamlDocument } from '../yaml/parse';
import { splitDocuments, type TextChunk } from '../yaml/split';
import { LineIndex } from '../yaml/lineIndex';
import { commands } from '../lsp/protocol';

/** A code action before it becomes LSP: offsets, not ranges. */
export interface ActionPlan {
  title: string;
  kind: 'quickfix' | 'source.fixAll.ackCni';
  changes?: FileChange[];
  command?: { title: string; command: string; arguments: unknown[] };
  isPreferred?: boolean;
}



function newlineOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

const nextLineDirective = /^([ \t]*)#\s*ack-cni-disable-next-line\b(.*)$/;

/** The `---`-separated pieces of the text asked about last (see documentsAround). */
let lastSplit: { text: string; chunks: TextChunk[] } | undefined;

/**
 * The documents of the piece of the text that holds `offset` (yaml/split.ts: each piece parses as
 * it does in the whole text), with where the piece starts. A code action needs no more: parsing
 * all of a 50 MB file to offer one took 13 s and 1.5 GB.
 */
function documentsAround(text: string, offset: number): { from: number; documents: YamlDocument[] } {
  if (lastSplit?.text !== text) lastSplit = { text, chunks: splitDocuments(text) };
  const { chunks } = lastSplit;
  let low = 0;
  let high = chunks.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (chunks[mid].start <= offset) low = mid;
    else high = mid - 1;
  }
  return { from: chunks[low].start, documents: parseYamlDocuments(chunks[low].text) };
}

/**
 * Whether `offset` lies inside a scalar that spans lines (a block scalar's content, a multi-line
 * quoted or plain scalar). Only the document at the offset is walked, and in it only the
 * collections around the offset: a request carries up to 50 diagnostics, and walking every
 * document of a 5,000-document file for each took seconds.
 */
function insideScalar(text: string, offset: number): boolean {
  const { from, documents } = documentsAround(text, offset);
  const at = offset - from;
  const document = documents.find((d) => d.start <= at && at <= d.end);
  if (!document) return false;
  let inside = false;
  visit(document.doc, {
    Collection(_key, collection) {
      const range = collection.range;
      return range && (at < range[0] || at > range[1]) ? visit.SKIP : undefined;
    },
    Scalar(_key, scalar) {
      if (scalar.range && scalar.range[0] < at && at < scalar.range[1]) inside = true;
      return inside ? visit.BREAK : undefined;
    },
  });
  return inside;
}

/**
 * `# ack-cni-disable-next-line <rule>` above the finding's line, indented like it. When the line
 * above already is such a comment, the rule is added to its list instead of stacking another.
 * Undefined when the line is inside a multi-line scalar (JSON in a `|` block, say): a comment
 * line there would be part of the value; and when the line is itself a comment (a template
 * action in a comment), which disable-next-line skips on its way to the next line with content.
 */
export function disableLineEdit(text: string, finding: Finding): TextEdit | undefined {
  const lines = LineIndex.of(text);
  const line = lines.position(finding.start).line;
  if (/^\s*#/.test(lines.lineText(line)) || insideScalar(text, lines.lineStart(line))) return undefined;
  const content = lines.lineText(line);
  const indent = /^[ \t]*/.exec(content)![0];
  if (line > 0) {
    const above = nextLineDirective.exec(lines.lineText(line - 1));
    if (above) {
      const end = lines.lineEnd(line - 1);
      const listed = above[2].split(/[\s,]+/).filter(Boolean);
      if (listed.includes(finding.ruleId)) return { start: end, end, newText: '' };
      return { start: end, end, newText: listed.length > 0 ? `, ${finding.ruleId}` : ` ${finding.ruleId}` };
    }
  }
  const at = afterByteOrderMark(text, lines.lineStart(line));
  return { start: at, end: at, newText: `${indent}# ack-cni-disable-next-line ${finding.ruleId}${newlineOf(text)}` };
}

/** Text put at the very start goes after a byte-order mark (before it, the mark would join the first key). */
function afterByteOrderMark(text: string, offset: number): number {
  return offset === 0 && text.startsWith('\uFEFF') ? 1 : offset;
}

/**
 * `# ack-cni-disable <rule>` as the first line of the YAML document that holds the finding: after
 * its `---`, or above the comments it starts with (the parser starts a document at its first
 * node, and a finding can sit in those comments, such as a template action).
 */
export function disableDocumentEdit(text: string, finding: Finding): TextEdit {
  const { from, documents } = documentsAround(text, finding.start);
  // The last document that starts before the finding: the parser's end of a document that does
  // not parse (a template) can fall short of text that still belongs to it.
  const document = [...documents].reverse().find((d) => from + d.start <= finding.start) ?? documents[0];
  const lines = LineIndex.of(text);
  let line = lines.position(from + (document?.start ?? 0)).line;
  if (/^---(\s|$)/.test(lines.lineText(line))) {
    if (line + 1 < lines.lineCount) line++;
  } else {
    while (line > 0 && /^[ \t]*(#.*)?$/.test(lines.lineText(line - 1))) line--;
  }
  const at = afterByteOrderMark(text, lines.lineStart(line));
  return { start: at, end: at, newText: `# ack-cni-disable ${finding.ruleId}${newlineOf(text)}` };
}

/**
 * The actions offered for one finding: its fix (preferred), silencing it for the line or the
 * document, and its documentation. JSON has no comments, so it gets no silencing actions.
 */
export function actionsForFinding(text: string, finding: Finding, locale: Locale, isJson: boolean): ActionPlan[] {
  const plans: ActionPlan[] = [];
  if (finding.fix) plans.push({ title: finding.fix.title, kind: 'quickfix', changes: finding.fix.changes, isPreferred: true });
  const lineEdit = isJson ? undefined : disableLineEdit(text, finding);
  if (lineEdit) {
    plans.push({
      title: pick(both(`Disable ${finding.ruleId} for this line`, `在此行禁用 ${finding.ruleId}`), locale),
      kind: 'quickfix',
      changes: [{ file: null, edits: [lineEdit] }],
    });
  }
  if (!isJson) {
    plans.push({
      title: pick(both(`Disable ${finding.ruleId} for this document`, `在此文档中禁用 ${finding.ruleId}`), locale),
      kind: 'quickfix',
      changes: [{ file: null, edits: [disableDocumentEdit(text, finding)] }],
    });
  }
  const docsTitle = pick(both(`Show documentation for ${finding.ruleId}`, `查看 ${finding.ruleId} 的文档`), locale);
  plans.push({ title: docsTitle, kind: 'quickfix', command: { title: docsTitle, command: commands.showRuleDocs, arguments: [finding.ruleId] } });
  return plans;
}

/**
 * `source.fixAll.ackCni`: every fix that edits only this file, in order, skipping any that would
 * overlap an earlier one (a second run picks those up). Fixes to other files (the profile) are
 * left to the user, since they change what the cluster is said to be.
 */
export function fixAllPlan(findings: readonly Finding[], locale: Locale): ActionPlan | undefined {
  const edits: TextEdit[] = [];
  // Findings in several places can share one fix (two backends naming the same Service): it is made once.
  const planned = new Set<string>();
  const keyOf = (edit: TextEdit) => `${edit.start}:${edit.end}:${edit.newText}`;
  let lastEnd = -1;
  for (const finding of [...findings].sort((a, b) => a.start - b.start)) {
    const changes = finding.fix?.changes;
    if (!changes || changes.some((change) => change.file !== null)) continue;
    const fileEdits = changes.flatMap((change) => change.edits).sort((a, b) => a.start - b.start);
    if (fileEdits.length === 0 || fileEdits[0].start < lastEnd || fileEdits.some((edit) => planned.has(keyOf(edit)))) continue;
    for (const edit of fileEdits) planned.add(keyOf(edit));
    edits.push(...fileEdits);
    lastEnd = Math.max(...fileEdits.map((edit) => edit.end));
  }
  if (edits.length === 0) return undefined;
  return {
    title: pick(both('Fix all auto-fixable ack-cni problems', '修复所有可自动修复的 ack-cni 问题'), locale),
    kind: 'source.fixAll.ackCni',
    changes: [{ file: null, edits }],
  };
}

/** A replaced range of the original text and how long its replacement is in the current text. */
interface ComposedRegion {
  start: number;
  end: number;
  length: number;
}

/** A region and where its replacement starts in the text a round of edits is made to. */
interface PlacedRegion extends ComposedRegion {
  at: number;
}

/**
 * Whether an edit takes in a region: they overlap, or they only border each other and one of the
 * two is empty (an insertion next to a replacement, or anything next to a deletion), where
 * separate edits would leave the order of the texts at that offset open.
 */
function touches(region: PlacedRegion, edit: TextEdit): boolean {
  const end = region.at + region.length;
  if (region.at < edit.end && edit.start < end) return true;
  return (edit.start === edit.end || region.length === 0) && region.at <= edit.end && edit.start <= end;
}

/**
 * Records one round of edits (sorted by start, offsets in the text the round was made to) as
 * regions of the original text. Regions an edit takes in merge with it, so later rounds may
 * rewrite what earlier rounds wrote. One sweep from the last edit to the first, so each edit
 * meets only the regions next to it and the regions the edits after it made: linear in the
 * regions and edits (composed one edit at a time over the whole list, the 16,000 fixes of a
 * 2 MB file took 18 s).
 */
function composeRound(regions: readonly ComposedRegion[], edits: readonly TextEdit[]): ComposedRegion[] {
  const placed: PlacedRegion[] = [];
  /** shiftBefore[i]: how much longer the current text is than the original before region i. */
  const shiftBefore = [0];
  for (const region of regions) {
    const shift = shiftBefore[shiftBefore.length - 1];
    placed.push({ ...region, at: region.start + shift });
    shiftBefore.push(shift + region.length - (region.end - region.start));
  }
  /** Regions right of the edits seen so far, nearest last. */
  const right: PlacedRegion[] = [];
  let next = placed.length - 1;
  for (let i = edits.length - 1; i >= 0; i--) {
    const edit = edits[i];
    while (next >= 0 && placed[next].at >= edit.end && !touches(placed[next], edit)) right.push(placed[next--]);
    const originalEnd = edit.end - shiftBefore[next + 1];
    const takenRight: PlacedRegion[] = [];
    while (right.length > 0 && touches(right[right.length - 1], edit)) takenRight.push(right.pop()!);
    const takenLeft: PlacedRegion[] = [];
    while (next >= 0 && touches(placed[next], edit)) takenLeft.push(placed[next--]);
    const taken = [...takenLeft.reverse(), ...takenRight];
    const originalStart = edit.start - shiftBefore[next + 1];
    const first = taken.length > 0 && taken[0].at <= edit.start ? taken[0] : undefined;
    const lastTaken = taken[taken.length - 1];
    const last = lastTaken && lastTaken.at + lastTaken.length >= edit.end ? lastTaken : undefined;
    const at = first ? first.at : edit.start;
    const currentEnd = last ? last.at + last.length : edit.end;
    right.push({
      start: first ? first.start : originalStart,
      end: last ? last.end : originalEnd,
      at,
      length: currentEnd - at - (edit.end - edit.start) + edit.newText.length,
    });
  }
  while (next >= 0) right.push(placed[next--]);
  return right.reverse().map(({ start, end, length }) => ({ start, end, length }));
}

/** Edits sorted by start, applied as an LSP client does: offsets of the given text, equal starts in their order. */
function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const parts: string[] = [];
  let from = 0;
  for (const edit of edits) {
    parts.push(text.slice(from, edit.start), edit.newText);
    from = edit.end;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

/**
 * `source.fixAll.ackCni` run until nothing is left to fix: a fix can bring out findings that only
 * then have a fix (`cni: Flannel` → `flannel` makes the Flannel-only checks of the plan run), so
 * one pass over the findings is not idempotent. `findings` are those of `text`; each further
 * round lints the text the previous round left with `lint` (the same options), at most
 * `maxRounds` rounds in all; the result is one set of edits of the original text, each covering
 * what the rounds changed around it.
 */
export function fixAllUntilStable(
  text: string,
  findings: readonly Finding[],
  lint: (text: string) => readonly Finding[],
  locale: Locale,
  maxRounds = 5,
): ActionPlan | undefined {
  let current = text;
  let regions: ComposedRegion[] = [];
  for (let round = 0; round < maxRounds; round++) {
    const plan = fixAllPlan(findings, locale);
    const edits = [...(plan?.changes?.[0].edits ?? [])].sort((a, b) => a.start - b.start);
    const next = applyTextEdits(current, edits);
    if (next === current) break;
    regions = composeRound(regions, edits);
    current = next;
    findings = lint(current);
  }
  if (current === text) return undefined;
  let delta = 0;
  const edits = regions.map((region) => {
    const start = region.start + delta;
    delta += region.length - (region.end - region.start);
    return { start: region.start, end: region.end, newText: current.slice(start, start + region.length) };
  });
  return {
    title: pick(both('Fix all auto-fixable ack-cni problems', '修复所有可自动修复的 ack-cni 问题'), locale),
    kind: 'source.fixAll.ackCni',
    changes: [{ file: null, edits }],
  };
}
