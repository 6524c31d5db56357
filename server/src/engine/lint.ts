import { pick, type Locale } from '../l10n';
import type { Finding, Report, Severity, SeveritySetting } from './finding';
import { objectsOf, type K8sObject } from '../k8s/objects';
import { podTemplatesOf } from '../k8s/podTemplates';
import { annotationEntries } from '../k8s/metadata';
import { stringValue } from '../yaml/nodes';
import { iterateYamlDocuments, type YamlDocument } from '../yaml/parse';
import { splitAfterEdit, splitDocuments, type TextChange, type TextChunk } from '../yaml/split';
import { aliasedRanges, touchesRanges } from '../yaml/anchors';
import type { Profile } from '../profile/types';
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
import { maxTerraformLength, plansInDocument, readTerraformPlans, terraformReady } from '../cluster/readers';
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

function finish(text: string, documentEnds: readonly number[], pending: PendingReport[], aliased: () => Array<[number, number]>, options: LintOptions): Finding[] {
  const locale = options.locale ?? 'en';
  // A fix that edits an anchored node other places alias would change those places too: dropped.
  let shared: Array<[number, number]> | undefined;
  const editsShared = (fix: Report['fix']) => fix!.changes.some((c) => c.file === null && c.edits.some((e) => touchesRanges(e, (shared ??= aliased()))));
  const suppressions = new Suppressions(text, documentEnds);
  const findings: Finding[] = [];
  for (const { rule, report, ignoredByObject } of pending) {
    const configured = options.ruleSettings?.get(rule.id);
    if (configured === 'off') continue;
    if (ignoredByObject !== undefined && (ignoredByObject === null || ignoredByObject.has(rule.id))) continue;
    if (suppressions.silences(rule.id, report.start)) continue;
    const severity: Severity = configured ?? report.severity ?? rule.defaultSeverity;
    findings.push({
      ruleId: rule.id,
      severity,
      message: pick(report.message, locale),
      start: report.start,
      end: trimmedEnd(text, report.start, report.end),
      ...(report.fix && !editsShared(report.fix) ? { fix: { title: pick(report.fix.title, locale), changes: report.fix.changes } } : {}),
      ...(report.related ? { related: report.related.map((place) => ({ ...place, message: pick(place.message, locale) })) } : {}),
    });
  }
  return findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
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
  /** The reports as placed in the file the last time they were put together, at that offset. */
  placed?: { start: number; reports: PendingReport[] };
}

/** A document js-yaml settled: one, no findings, ending where the chunk ends (as yaml's range does). */
function settledChunk(text: string): ChunkLint {
  return { documentEnds: [text.length - 1], broken: [], pending: [], builtin: null, structural: null, aliased: [], askedWorkspace: false };
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
function* lintChunk(text: string, options: LintOptions, place?: ChunkPlace): Generator<void, ChunkLint> {
  const cheap = options.wholeFile || options.kind === 'profile' ? null : readCheaply(text);
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
  };
}

function shifted<T extends { start: number; end: number }>(item: T, by: number): T {
  return by === 0 ? item : { ...item, start: item.start + by, end: item.end + by };
}

function shiftedReport({ rule, report, ignoredByObject }: PendingReport, by: number): PendingReport {
  if (by === 0) return { rule, report, ignoredByObject };
  const fix = report.fix && {
    ...report.fix,
    changes: report.fix.changes.map((change) => (change.file === null ? { ...change, edits: change.edits.map((edit) => shifted(edit, by)) } : change)),
  };
  return { rule, report: { ...shifted(report, by), ...(fix ? { fix } : {}) }, ignoredByObject };
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

/** Puts the chunks' results together into the file's findings. */
function assemble(text: string, parts: ReadonlyArray<{ start: number; lint: ChunkLint }>, options: LintOptions): Finding[] {
  // Loops rather than flatMap: a 5 MB file has 15,000 parts, and this runs on every edit.
  const documentEnds: number[] = [];
  for (const { start, lint } of parts) for (const end of lint.documentEnds) documentEnds.push(end + start);
  const aliased = () => {
    const ranges: Array<[number, number]> = [];
    for (const { start, lint } of parts) for (const [from, to] of lint.aliased) ranges.push([from + start, to + start]);
    return ranges;
  };
  if (options.kind !== 'profile') {
    const found = parts.find((p) => p.lint.builtin) ?? parts.find((p) => p.lint.structural);
    if (found) {
      const [from, to] = found.lint.builtin ?? found.lint.structural!;
      return finish(text, documentEnds, [{ rule: templateSkipped, report: templateSkipped.reportAt([from + found.start, to + found.start]) }], aliased, options);
    }
  }
  const pending: PendingReport[] = [];
  for (const { start, lint } of parts) {
    for (const document of lint.broken) reportSyntaxErrors(text, document, start, options, pending);
    if (lint.pending.length === 0) continue;
    // A chunk before an edit stays where it was: its reports, shifted there last time, are reused.
    if (lint.placed?.start !== start) lint.placed = { start, reports: lint.pending.map((report) => shiftedReport(report, start)) };
    for (const report of lint.placed.reports) pending.push(report);
  }
  return finish(text, documentEnds, pending, aliased, options);
}

/** What chunk results depend on besides their text: the profile, the rules switched off, the kind of file. */
function cacheKey(options: LintOptions): string {
  const off = [...(options.ruleSettings ?? [])].filter(([, setting]) => setting === 'off').map(([id]) => id);
  return JSON.stringify([options.profile ?? null, off, options.kind ?? 'manifest']);
}

/** A cache of chunk results kept per open document between edits (see lintSteps). */
export type LintCache = ChunkCache<ChunkLint>;

export function createLintCache(): LintCache {
  return new ChunkCache<ChunkLint>();
}

/**
 * Lints a whole file. YAML files are split at document markers and linted chunk by chunk; with a
 * `cache`, chunks whose text and options are unchanged since the last run are reused, and with
 * `change` (how the text differs from the one the cache's last run split) only the part of the
 * text around the change is split again. The generator yields after each YAML document so that
 * the language server can give way to other requests and stop when a request is cancelled.
 */
export function* lintSteps(text: string, options: LintOptions, cache?: LintCache, change?: TextChange): Generator<void, Finding[]> {
  const none = () => [];
  if (options.maxLength !== undefined && text.length > options.maxLength) {
    return finish(text, [], [{ rule: fileTooLarge, report: fileTooLarge.reportFor(text, options.maxLength) }], none, options);
  }
  if (options.kind === 'terraform') {
    if (text.length > maxTerraformLength) {
      return finish(text, [], [{ rule: fileTooLarge, report: fileTooLarge.reportForTerraform(text, maxTerraformLength) }], none, options);
    }
    const pending: PendingReport[] = [];
    if (!terraformReady()) throw new Error('initTerraform() must complete before .tf files are linted');
    runClusterRules(text, readTerraformPlans(text), options, pending);
    return finish(text, [], pending, none, options);
  }
  const wholeFile = options.wholeFile || options.kind === 'profile';
  // A Helm built-in anywhere makes the file a template, whatever its documents hold (only a
  // suppression comment needs their ranges).
  const builtin = wholeFile || text.includes('ack-cni-disable') ? null : findBuiltinAction(text);
  if (builtin) return finish(text, [], [{ rule: templateSkipped, report: templateSkipped.reportAt(builtin) }], none, options);
  const previous = change && cache?.lastSplit?.text === change.before ? cache.lastSplit : undefined;
  const chunks: TextChunk[] = wholeFile ? [{ start: 0, text }] : previous ? splitAfterEdit(text, previous, change!.span) : splitDocuments(text);
  if (cache && !wholeFile) cache.lastSplit = { text, chunks };
  const run: ChunkCacheRun<ChunkLint> | undefined = wholeFile ? undefined : cache?.begin(cacheKey(options));
  let servicesOfText: readonly ServiceEntry[] | undefined;
  const ownServices = () => (servicesOfText ??= servicesIn(null, text));
  // A piece's result worked out, and cached unless it asked the workspace (whose answers change apart from the text).
  const lintPiece = function* (piece: string, offset: number): Generator<void, ChunkLint> {
    const lint = yield* lintChunk(piece, options, wholeFile ? undefined : { offset, ownServices });
    if (!lint.askedWorkspace) run?.set(piece, lint);
    return lint;
  };
  const parts: Array<{ start: number; lint: ChunkLint }> = [];
  for (let index = 0; index < chunks.length; index++) {
    const { start } = chunks[index];
    // Most chunks of an edited file are in the cache: found without a generator each (15,000 on an edit of 5 MB).
    let lint = run?.get(chunks[index].text) ?? (yield* lintPiece(chunks[index].text, start));
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
