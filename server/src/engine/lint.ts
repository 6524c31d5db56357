import { pick, type Locale } from '../l10n';
import type { Finding, Report, Severity, SeveritySetting } from './finding';
import { objectsOf, type K8sObject } from '../k8s/objects';
import { podTemplatesOf } from '../k8s/podTemplates';
import { annotationEntries } from '../k8s/metadata';
import { stringValue } from '../yaml/nodes';
import { iterateYamlDocuments, type YamlDocument } from '../yaml/parse';
import { LineIndex } from '../yaml/lineIndex';
import { aliasedRanges, touchesRanges } from '../yaml/anchors';
import type { Profile } from '../profile/types';
import { rules, ruleIds } from '../rules';
import type { Rule } from '../rules/types';
import { internalError } from '../rules/core/internal-error';
import { templateSkipped } from '../rules/core/template-skipped';
import { fileTooLarge } from '../rules/core/file-too-large';
import { yamlSyntax } from '../rules/core/yaml-syntax';
import { ignoreAnnotation, parseRuleList, Suppressions } from './suppress';
import { findTemplateAction } from './template';
import type { ClusterPlan } from '../cluster/plan';
import { maxTerraformLength, plansInDocument, readTerraformPlans, terraformReady } from '../cluster/readers';
import type { FromResolution } from '../profile/from';
import { readProfilePlan } from '../cluster/readers/profileFile';
import { readProfileDocument } from '../profile/validate';
import { lookupForText } from '../workspace/lookup';
import type { WorkspaceLookup } from '../workspace/types';

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

  if (document.errors.length > 0) {
    if (active(yamlSyntax)) run(yamlSyntax, () => yamlSyntax.checkDocument!({ text, document, ruleIds, report: reportTo(yamlSyntax) }));
    return;
  }
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

function finish(text: string, documents: YamlDocument[], pending: PendingReport[], options: LintOptions): Finding[] {
  const locale = options.locale ?? 'en';
  const lines = new LineIndex(text);
  // A fix that edits an anchored node other places alias would change those places too: dropped.
  let shared: Array<[number, number]> | undefined;
  const editsShared = (fix: Report['fix']) =>
    fix!.changes.some((c) => c.file === null && c.edits.some((e) => touchesRanges(e, (shared ??= documents.flatMap((d) => aliasedRanges(d.doc, text))))));
  const suppressions = new Suppressions(lines, documents.map((d) => lines.position(Math.max(d.start, d.end - 1)).line));
  const findings: Finding[] = [];
  for (const { rule, report, ignoredByObject } of pending) {
    const configured = options.ruleSettings?.get(rule.id);
    if (configured === 'off') continue;
    if (ignoredByObject !== undefined && (ignoredByObject === null || ignoredByObject.has(rule.id))) continue;
    if (suppressions.silences(rule.id, lines.position(report.start).line)) continue;
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

function templateFinding(text: string, documents: YamlDocument[], options: LintOptions): Finding[] | null {
  if (options.kind === 'profile') return null;
  const action = findTemplateAction(text, documents);
  if (!action) return null;
  const pending = [{ rule: templateSkipped, report: templateSkipped.reportAt(action) }];
  return finish(text, documents, pending, options);
}

/**
 * Lints a whole file. The generator form yields after each YAML document so that the language
 * server can give way to other requests and stop when a request is cancelled.
 */
export function* lintSteps(text: string, options: LintOptions): Generator<void, Finding[]> {
  if (options.maxLength !== undefined && text.length > options.maxLength) {
    return finish(text, [], [{ rule: fileTooLarge, report: fileTooLarge.reportFor(text, options.maxLength) }], options);
  }
  if (options.kind === 'terraform') {
    if (text.length > maxTerraformLength) {
      return finish(text, [], [{ rule: fileTooLarge, report: fileTooLarge.reportForTerraform(text, maxTerraformLength) }], options);
    }
    const pending: PendingReport[] = [];
    if (!terraformReady()) throw new Error('initTerraform() must complete before .tf files are linted');
    runClusterRules(text, readTerraformPlans(text), options, pending);
    return finish(text, [], pending, options);
  }
  const documents: YamlDocument[] = [];
  for (const document of iterateYamlDocuments(text)) {
    documents.push(document);
    yield;
  }
  const template = templateFinding(text, documents, options);
  if (template) return template;
  const pending: PendingReport[] = [];
  const workspace = lookupForText(text, documents, options.filePath, options.workspace);
  for (const document of documents) {
    lintDocument(text, document, options, workspace, pending);
    yield;
  }
  return finish(text, documents, pending, options);
}

export function lintText(text: string, options: LintOptions): Finding[] {
  const steps = lintSteps(text, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
