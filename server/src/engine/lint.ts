import { pick, type Locale } from '../l10n';
import type { FileChange, Finding, Report, SeveritySetting, TextEdit } from './finding';
import { objectsOf, type K8sObject } from '../k8s/objects';
import { podTemplatesOf } from '../k8s/podTemplates';
import { annotationEntries } from '../k8s/metadata';
import { stringValue } from '../yaml/nodes';
import { iterateYamlDocuments, type YamlDocument } from '../yaml/parse';
import { splitAfterEdit, splitDocuments, type TextChange, type TextChunk } from '../yaml/split';
import { aliasedRanges, touchesRanges } from '../yaml/anchors';
import { maxProfileLength, type Profile } from '../profile/types';
import { rules, ruleIds } from '../rules';
import type { Rule } from '../rules/types';
import { internalError } from '../rules/core/internal-error';
import { templateSkipped } from '../rules/core/template-skipped';
import { fileTooLarge } from '../rules/core/file-too-large';
import { yamlSyntax } from '../rules/core/yaml-syntax';
import { ignoreAnnotation, parseRuleList, Suppressions } from './suppress';
import { findBuiltinAction, findStructuralAction } from './template';
import { readCheaply } from './cheapPath';
import { ChunkCache, type ChunkCacheRun } from './chunkCache';
import type { ClusterPlan } from '../cluster/plan';
import { maxTerraformLength, plansInDocument, readTerraformPlans } from '../cluster/readers';
import type { FromResolution } from '../profile/from';
import { readProfilePlan } from '../cluster/readers/profileFile';
import { readProfileDocument } from '../profile/validate';
import { lookupForText } from '../workspace/lookup';
import { servicesIn, servicesInDocuments } from '../workspace/summary';
import type { ServiceEntry, WorkspaceLookup } from '../workspace/types';

export type FileKind = 'manifest' | 'profile' | 'terraform';

export interface LintOptions {
  /** The profile in force for the file; undefined when no CNI is known. */
  profile: Profile | undefined;
  /** Severity per rule id from the profile, settings or CLI (already merged). */
  ruleSettings?: ReadonlyMap<string, SeveritySetting>;
  locale?: Locale;
  /** `profile` lints the text as a `.ack-cni.yaml` file, `terraform` as a `.tf` file (cluster rules only). */
  kind?: FileKind;
  /** What the profile's `from:` points at, when linting a profile that has one (see profile/from.ts). */
  profileFrom?: FromResolution;
  /** Texts longer than this (UTF-16 code units, about bytes) get one file-too-large hint instead of findings. */
  maxLength?: number;
  /** The other files of the workspace, for cross-file rules; without it they see this text alone. */
  workspace?: WorkspaceLookup;
  /** The linted file's absolute path, so the workspace's record of it yields to the text itself. */
  filePath?: string;
  /**
   * Lint the text in one piece through yaml's AST: no split at document markers, no cheap path,
   * no cache. Profiles are always read so; tests use it as the reference the fast path must match.
   */
  wholeFile?: boolean;
}

interface PendingReport {
  rule: Rule;
  report: Report;
  /** Rules silenced by the `ack-cni-lint.io/ignore` annotation of the enclosing object. */
  ignoredByObject?: ReadonlySet<string> | null;
}

function objectIgnores(object: K8sObject): ReadonlySet<string> | null | undefined {
  const annotation = annotationEntries(object.node, object.doc).find((e) => e.key === ignoreAnnotation);
  const value = annotation ? stringValue(annotation.valueNode, object.doc) : undefined;
  return value === undefined ? undefined : parseRuleList(value);
}

/** Runs the cluster rules over plans read from the file; a failing rule becomes one internal-error report. */
function runClusterRules(text: string, plans: readonly ClusterPlan[], options: LintOptions, out: PendingReport[]): void {
  for (const plan of plans) {
    for (const rule of rules) {
      if (rule.scope !== 'cluster' || !rule.checkPlan || options.ruleSettings?.get(rule.id) === 'off') continue;
      try {
        rule.checkPlan({ text, plan, report: (report) => out.push({ rule, report }) });
      } catch (error) {
        out.push({ rule: internalError, report: internalError.reportFor(rule, error, { start: 0 }) });
      }
    }
  }
}

/** Runs every applicable rule over one parsed document and collects its reports. */
function lintDocument(text: string, document: YamlDocument, options: LintOptions, workspace: WorkspaceLookup, out: PendingReport[]): void {
  const active = (rule: Rule) => options.ruleSettings?.get(rule.id) !== 'off';
  const run = (rule: Rule, check: () => void) => {
    try {
      check();
    } catch (error) {
      out.push({ rule: internalError, report: internalError.reportFor(rule, error, document) });
    }
  };
  const reportTo = (rule: Rule, ignoredByObject?: ReadonlySet<string> | null) => (report: Report) =>
    out.push({ rule, report, ignoredByObject });

  if (document.errors.length > 0) return; // yaml-syntax reports it against the whole text (reportSyntaxErrors)
  const checkPlans = (plans: ClusterPlan[]) => runClusterRules(text, plans, options, out);
  if (options.kind === 'profile') {
    for (const rule of rules) {
      if (rule.scope === 'profile' && rule.checkDocument && active(rule)) {
        run(rule, () => rule.checkDocument!({ text, document, ruleIds, profileFrom: options.profileFrom, report: reportTo(rule) }));
      }
    }
    if (document.index === 0) checkPlans([readProfilePlan(text, document.doc, readProfileDocument(text, document.doc, ruleIds).values)]);
    return;
  }
  checkPlans(plansInDocument(text, document));
  for (const object of objectsOf(document)) {
    const podTemplates = podTemplatesOf(object);
    const ignored = objectIgnores(object);
    for (const rule of rules) {
      if (rule.scope !== 'manifest' || !rule.checkObject || !active(rule)) continue;
      if (rule.needsProfile && !options.profile) continue;
      const ctx = { profile: options.profile, text, doc: object.doc, podTemplates, workspace, report: reportTo(rule, ignored) };
      run(rule, () => rule.checkObject!(object, ctx));
    }
  }
}

/** Block collections end after their last line break; a range should end with the node's last character. */
function trimmedEnd(text: string, start: number, end: number): number {
  let trimmed = end;
  while (trimmed > start && /\s/.test(text[trimmed - 1])) trimmed--;
  return trimmed > start ? trimmed : end;
}

/** What turning reports into findings depends on besides the reports: the same for every chunk of a run. */
interface FinishContext {
  text: string;
  options: LintOptions;
  locale: Locale;
  /** The file's suppression comments; null when it has none. */
  suppressions: Suppressions | null;
  /** Anchored nodes of the whole file that aliases refer to, for fixes that edit outside their own chunk. */
  aliased: () => ReadonlyArray<readonly [number, number]>;
}

/**
 * The finding a report makes, or null when it is switched off or suppressed. The report's
 * offsets are relative to `offset`. `editsShared` says whether an edit of its fix (in the same
 * offsets) touches an anchored node other places alias: the fix would change those places too,
 * so it is dropped.
 */
function findingOf({ rule, report, ignoredByObject }: PendingReport, offset: number, editsShared: (edit: TextEdit) => boolean, context: FinishContext): Finding | null {
  const { text, options, locale } = context;
  const configured = options.ruleSettings?.get(rule.id);
  if (configured === 'off') return null;
  if (ignoredByObject !== undefined && (ignoredByObject === null || ignoredByObject.has(rule.id))) return null;
  const start = report.start + offset;
  if (context.suppressions?.silences(rule.id, start)) return null;
  const shared = report.fix?.changes.some((change) => change.file === null && change.edits.some(editsShared));
  const fix = report.fix && !shared ? { title: pick(report.fix.title, locale), changes: shiftedChanges(report.fix.changes, offset) } : undefined;
  return {
    ruleId: rule.id,
    severity: configured ?? report.severity ?? rule.defaultSeverity,
    message: pick(report.message, locale),
    start,
    end: trimmedEnd(text, start, report.end + offset),
    ...(fix ? { fix } : {}),
    ...(report.related ? { related: report.related.map((place) => ({ ...place, message: pick(place.message, locale) })) } : {}),
  };
}

const byPlace = (a: Finding, b: Finding) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId);

/** Findings in file order: already so when they come chunk by chunk, unless two meet at a chunk's edge. */
function sortedFindings(findings: Finding[]): Finding[] {
  for (let index = 1; index < findings.length; index++) if (byPlace(findings[index - 1], findings[index]) > 0) return findings.sort(byPlace);
  return findings;
}

/** Whether a text may hold suppression comments: without the word, it holds none. */
const mentionsSuppression = (text: string) => text.includes('ack-cni-disable');

function finishContext(text: string, hasSuppressions: boolean, documentEnds: () => readonly number[], aliased: FinishContext['aliased'], options: LintOptions): FinishContext {
  const suppressions = hasSuppressions ? new Suppressions(text, documentEnds()) : null;
  return { text, options, locale: options.locale ?? 'en', suppressions, aliased };
}

/** Reports in offsets of the whole text as findings, in file order. */
function finishWhole(pending: readonly PendingReport[], context: FinishContext, into: Finding[] = []): Finding[] {
  const editsShared = (edit: TextEdit) => touchesRanges(edit, context.aliased());
  for (const report of pending) {
    const finding = findingOf(report, 0, editsShared, context);
    if (finding) into.push(finding);
  }
  return into;
}

/** Findings of a text that is not linted chunk by chunk (too large, Terraform, a template): no anchors. */
function finish(text: string, pending: readonly PendingReport[], options: LintOptions): Finding[] {
  return finishWhole(pending, finishContext(text, mentionsSuppression(text), () => [], () => [], options)).sort(byPlace);
}

/** What linting one chunk of a file gives, in offsets relative to the chunk: reusing it is a shift. */
interface ChunkLint {
  /** Offset of each document's last character: a document-wide suppression stops there. */
  documentEnds: number[];
  /** Documents that do not parse: yaml-syntax reports them against the whole text. */
  broken: YamlDocument[];
  pending: PendingReport[];
  /** Template actions (engine/template.ts): the first Helm built-in, the first `{{` read as structure. */
  builtin: [number, number] | null;
  structural: [number, number] | null;
  /** Anchored nodes that aliases refer to; only worked out when a report carries a fix. */
  aliased: Array<[number, number]>;
  /** A rule asked the workspace: the answer may change without the text changing, so it is not cached. */
  askedWorkspace: boolean;
  /** The chunk's length: an edit of a fix that reaches past it lies in another chunk. */
  length: number;
  /** The chunk has the word of suppression comments (no comment reaches across a document marker). */
  mentionsSuppression: boolean;
  /** The cheap path settled it: nothing any rule or hover reads is in it. */
  settled: boolean;
  /**
   * The findings the reports made the last time the chunk was put together: at that offset, with
   * the settings named by `key`, in a file without suppression comments. A chunk an edit left
   * where it was reuses them.
   */
  finished?: { offset: number; key: string; findings: Finding[] };
}

/**
 * A document js-yaml settled: one, no findings, ending where the chunk ends (as yaml's range does).
 * It has no suppression comment: `ack-cni` is one of the words that keep a chunk from settling.
 */
function settledChunk(text: string): ChunkLint {
  return { documentEnds: [text.length - 1], broken: [], pending: [], builtin: null, structural: null, aliased: [], askedWorkspace: false, length: text.length, mentionsSuppression: false, settled: true };
}

/**
 * Where a chunk lies in its file, for the rules that look beyond it: its offset, and the file's
 * own Services (read once per lint, their fixes in offsets of the whole text).
 */
interface ChunkPlace {
  offset: number;
  ownServices: () => readonly ServiceEntry[];
}

/**
 * Lints one chunk: the cheap path first (settled, or read by js-yaml), else every document through
 * yaml. Without `place` the chunk is the whole text, whose Services are read from its documents.
 */
function* lintChunk(text: string, options: LintOptions, place?: ChunkPlace, read?: YamlDocument | null): Generator<void, ChunkLint> {
  const cheap = read !== undefined ? read : cheapPathAllowed(options) ? readCheaply(text) : null;
  if (cheap === 'settled') return settledChunk(text);
  const documents: YamlDocument[] = cheap ? [cheap] : [];
  if (!cheap) {
    for (const document of iterateYamlDocuments(text)) {
      documents.push(document);
      yield;
    }
  }
  let askedWorkspace = false;
  const own = place ?? { offset: 0, ownServices: () => servicesInDocuments(null, text, documents) };
  const lookup = lookupForText(own.ownServices, own.offset, options.filePath, options.workspace);
  const workspace: WorkspaceLookup = {
    servicesNamed(namespace, name) {
      askedWorkspace = true;
      return lookup.servicesNamed(namespace, name);
    },
  };
  const pending: PendingReport[] = [];
  for (const document of documents) {
    lintDocument(text, document, options, workspace, pending);
    yield;
  }
  const hasFix = pending.some((p) => p.report.fix);
  return {
    documentEnds: documents.map((d) => Math.max(d.start, d.end - 1)),
    broken: documents.filter((d) => d.errors.length > 0),
    pending,
    builtin: findBuiltinAction(text),
    structural: findStructuralAction(text, documents),
    aliased: hasFix ? documents.flatMap((d) => aliasedRanges(d.doc, text)) : [],
    askedWorkspace,
    length: text.length,
    mentionsSuppression: mentionsSuppression(text),
    settled: false,
  };
}

function shifted<T extends { start: number; end: number }>(item: T, by: number): T {
  return by === 0 ? item : { ...item, start: item.start + by, end: item.end + by };
}

/** A fix's changes with the edits of the linted file moved by `by`. */
function shiftedChanges(changes: FileChange[], by: number): FileChange[] {
  if (by === 0) return changes;
  return changes.map((change) => (change.file === null ? { ...change, edits: change.edits.map((edit) => shifted(edit, by)) } : change));
}

/** What the run's findings depend on besides the reports: the locale and the severities. */
function finishKey(options: LintOptions): string {
  return JSON.stringify([options.locale ?? 'en', [...(options.ruleSettings ?? [])]]);
}

/** A chunk's findings at `offset`: the last ones when the chunk is where it was and nothing else changed. */
function chunkFindings(lint: ChunkLint, offset: number, key: string | null, context: FinishContext): Finding[] {
  const last = lint.finished;
  if (key !== null && last && last.offset === offset && last.key === key) return last.findings;
  const own = lint.aliased;
  const editsShared = (edit: TextEdit) =>
    edit.start >= 0 && edit.end <= lint.length ? touchesRanges(edit, own) : touchesRanges(shifted(edit, offset), context.aliased());
  const findings: Finding[] = [];
  for (const report of lint.pending) {
    const finding = findingOf(report, offset, editsShared, context);
    if (finding) findings.push(finding);
  }
  if (key !== null) lint.finished = { offset, key, findings };
  return findings;
}

/** yaml-syntax over the documents that do not parse, each error placed in the whole text. */
function reportSyntaxErrors(text: string, document: YamlDocument, by: number, options: LintOptions, out: PendingReport[]): void {
  if (options.ruleSettings?.get(yamlSyntax.id) === 'off') return;
  const errors = document.errors.map((error) => Object.assign(Object.create(Object.getPrototypeOf(error)), error, { message: error.message, pos: [error.pos[0] + by, error.pos[1] + by] }));
  const placed: YamlDocument = { ...document, start: document.start + by, end: document.end + by, errors };
  try {
    yamlSyntax.checkDocument!({ text, document: placed, ruleIds, report: (report) => out.push({ rule: yamlSyntax, report }) });
  } catch (error) {
    out.push({ rule: internalError, report: internalError.reportFor(yamlSyntax, error, placed) });
  }
}

/** A chunk's result and where the chunk starts in the file. */
interface Part {
  start: number;
  lint: ChunkLint;
}

/** Puts the chunks' results together into the file's findings. */
function assemble(text: string, parts: readonly Part[], options: LintOptions): Finding[] {
  // Loops rather than flatMap: a 5 MB file has 15,000 parts, and this runs on every edit.
  const documentEnds = () => {
    const ends: number[] = [];
    for (const { start, lint } of parts) for (const end of lint.documentEnds) ends.push(end + start);
    return ends;
  };
  let aliased: Array<[number, number]> | undefined;
  const allAliased = () => {
    if (aliased) return aliased;
    aliased = [];
    for (const { start, lint } of parts) for (const [from, to] of lint.aliased) aliased.push([from + start, to + start]);
    return aliased;
  };
  const context = finishContext(text, parts.some((part) => part.lint.mentionsSuppression), documentEnds, allAliased, options);
  if (options.kind !== 'profile') {
    const found = parts.find((p) => p.lint.builtin) ?? parts.find((p) => p.lint.structural);
    if (found) {
      const [from, to] = found.lint.builtin ?? found.lint.structural!;
      return finishWhole([{ rule: templateSkipped, report: templateSkipped.reportAt([from + found.start, to + found.start]) }], context);
    }
  }
  // Suppression comments reach past a chunk's findings (a line's, a document's): with any in the file, nothing is reused.
  const key = context.suppressions ? null : finishKey(options);
  const findings: Finding[] = [];
  const syntax: PendingReport[] = [];
  for (const { start, lint } of parts) {
    for (const document of lint.broken) reportSyntaxErrors(text, document, start, options, syntax);
    if (lint.pending.length === 0) continue;
    for (const finding of chunkFindings(lint, start, key, context)) findings.push(finding);
  }
  return sortedFindings(finishWhole(syntax, context, findings));
}

/** Profiles and whole-file runs go through yaml's AST; everything else tries the cheap path first. */
const cheapPathAllowed = (options: LintOptions) => !options.wholeFile && options.kind !== 'profile';

/** How much text the plain loop of takeReady reads with js-yaml before lintSteps gives way to others. */
const textPerStep = 64 * 1024;

/** Where takeReady stopped: at the end, to give way, or at a chunk that needs more than it does. */
interface ReadyUpTo {
  index: number;
  /** The chunk's result, when the cache had one whose document does not parse. */
  lint?: ChunkLint;
  /** What the cheap path read of the chunk: its document, or null when yaml must read it. */
  read?: YamlDocument | null;
  /** It stopped before the chunk, to give way. */
  pause?: boolean;
}

/**
 * Puts into `parts` the chunks from `from` on that need no generator: those the cache has, and
 * those the cheap path settles (which it caches). A plain loop, where a generator's would not be
 * optimized: most chunks of an edited file are in the cache (8 of 15 ms of an edit of 5 MB went
 * to that loop), and most chunks of a file settle (a generator or two per chunk were 6% of
 * opening 1 MB). It stops at a chunk that must be read further or does not parse (and is not the
 * last), and after `textPerStep` of reading, so that a long run of settled chunks gives way too.
 */
function takeReady(chunks: readonly TextChunk[], from: number, run: ChunkCacheRun<ChunkLint> | undefined, parts: Part[], cheap: boolean): ReadyUpTo {
  let read = 0;
  for (let index = from; index < chunks.length; index++) {
    const { start, text } = chunks[index];
    if (read >= textPerStep) return { index, pause: true };
    let lint = run?.get(text);
    if (lint && lint.broken.length > 0 && index < chunks.length - 1) return { index, lint };
    if (!lint) {
      if (!cheap) return { index };
      read += text.length;
      const document = readCheaply(text);
      if (document !== 'settled') return { index, read: document };
      lint = settledChunk(text);
      run?.set(text, lint);
    }
    parts.push({ start, lint });
    if (lint.broken.length > 0) break;
  }
  return { index: chunks.length };
}

/** What chunk results depend on besides their text: the profile, the rules switched off, the kind of file. */
function cacheKey(options: LintOptions): string {
  const off = [...(options.ruleSettings ?? [])].filter(([, setting]) => setting === 'off').map(([id]) => id);
  return JSON.stringify([options.profile ?? null, off, options.kind ?? 'manifest']);
}

/** Texts of these kinds longer than this are not given to their readers, in the editor and the CLI alike. */
const readerLimits = { terraform: maxTerraformLength, profile: maxProfileLength } as const;

/** A cache of chunk results kept per open document between edits (see lintSteps). */
export type LintCache = ChunkCache<ChunkLint>;

export function createLintCache(): LintCache {
  return new ChunkCache<ChunkLint>();
}

/**
 * Whether the last lint with `cache` settled a chunk of exactly this text: one document without
 * anything a rule reads (a pure function of the text). Hover has nothing to say there either, and
 * asks this before reading a document, which for a CRD of 1.5 MB took 200 ms on the first hover.
 */
export function settledBefore(cache: LintCache, chunk: string): boolean {
  return cache.find(chunk)?.settled === true;
}

/**
 * Lints a whole file. YAML files are split at document markers and linted chunk by chunk; with a
 * `cache`, chunks whose text and options are unchanged since the last run are reused, and with
 * `change` (how the text differs from the one the cache's last run split) only the part of the
 * text around the change is split again. The generator yields after each YAML document so that
 * the language server can give way to other requests and stop when a request is cancelled.
 */
export function* lintSteps(text: string, options: LintOptions, cache?: LintCache, change?: TextChange): Generator<void, Finding[]> {
  if (options.maxLength !== undefined && text.length > options.maxLength) {
    return finish(text, [{ rule: fileTooLarge, report: fileTooLarge.reportFor(text, options.maxLength) }], options);
  }
  if ((options.kind === 'terraform' || options.kind === 'profile') && text.length > readerLimits[options.kind]) {
    return finish(text, [{ rule: fileTooLarge, report: fileTooLarge.reportOverReaderLimit(text, readerLimits[options.kind], options.kind) }], options);
  }
  if (options.kind === 'terraform') {
    const pending: PendingReport[] = [];
    runClusterRules(text, readTerraformPlans(text), options, pending);
    return finish(text, pending, options);
  }
  const wholeFile = options.wholeFile || options.kind === 'profile';
  const previous = change && cache?.lastSplit?.text === change.before ? cache.lastSplit : undefined;
  // A Helm built-in anywhere makes the file a template, whatever its documents hold (only a
  // suppression comment needs their ranges). After an edit of a file that was no template, the
  // chunks say so themselves (assemble), from the cache but for the edited one.
  const builtin = wholeFile || previous || mentionsSuppression(text) ? null : findBuiltinAction(text);
  if (builtin) return finish(text, [{ rule: templateSkipped, report: templateSkipped.reportAt(builtin) }], options);
  const chunks: TextChunk[] = wholeFile ? [{ start: 0, text }] : previous ? splitAfterEdit(text, previous, change!.span) : splitDocuments(text);
  if (cache && !wholeFile) cache.lastSplit = { text, chunks };
  const run: ChunkCacheRun<ChunkLint> | undefined = wholeFile ? undefined : cache?.begin(cacheKey(options));
  let servicesOfText: readonly ServiceEntry[] | undefined;
  const ownServices = () => (servicesOfText ??= servicesIn(null, text));
  // A piece's result worked out, and cached unless it asked the workspace (whose answers change apart from the text).
  const lintPiece = function* (piece: string, offset: number, read?: YamlDocument | null): Generator<void, ChunkLint> {
    const lint = yield* lintChunk(piece, options, wholeFile ? undefined : { offset, ownServices }, read);
    if (!lint.askedWorkspace) run?.set(piece, lint);
    return lint;
  };
  const parts: Part[] = [];
  for (let index = 0; index < chunks.length; index++) {
    const ready = takeReady(chunks, index, run, parts, cheapPathAllowed(options));
    if (ready.pause) {
      index = ready.index - 1;
      yield;
      continue;
    }
    index = ready.index;
    if (index === chunks.length) break;
    const { start } = chunks[index];
    let lint = ready.lint ?? (yield* lintPiece(chunks[index].text, start, ready.read));
    // A document that does not parse may run on past the next marker (an unclosed quote does):
    // from there on, the rest of the text is read as one piece, as the whole-file parse reads it.
    const last = index === chunks.length - 1;
    if (lint.broken.length > 0 && !last) {
      const rest = text.slice(start);
      lint = run?.get(rest) ?? (yield* lintPiece(rest, start));
    }
    parts.push({ start, lint });
    if (lint.broken.length > 0) break;
  }
  run?.end();
  return assemble(text, parts, options);
}

export function lintText(text: string, options: LintOptions): Finding[] {
  const steps = lintSteps(text, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
