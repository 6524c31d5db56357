import type { Document } from 'yaml';
import type { Localized } from '../l10n';
import type { Report, Severity } from '../engine/finding';
import type { K8sObject } from '../k8s/objects';
import type { PodTemplate } from '../k8s/podTemplates';
import type { Profile } from '../profile/types';
import type { SourceId } from '../docs/sources';
import type { YamlDocument } from '../yaml/parse';
import type { ClusterPlan } from '../cluster/plan';
import type { FromResolution } from '../profile/from';
import type { WorkspaceLookup } from '../workspace/types';

/** Prose of a rule's documentation page in one language (Markdown). */
export interface RuleProse {
  /** What the rule finds, in a sentence or two. */
  what: string;
  /** Why it matters on the cluster's CNI. */
  why: string;
  /** How to fix it, longer than the one-sentence remediation. */
  fix: string;
}

export interface RuleDocs {
  en: RuleProse;
  zh: RuleProse;
  /** A manifest that triggers the rule, and its corrected form (shared by both languages). */
  example: { bad: string; good: string; profile?: string };
  /** Sections of the project's CNI fact sheet (cni-facts.md) the rule rests on, e.g. "1.1". */
  facts: readonly string[];
  /** Primary sources, numbered as in the fact sheet. */
  sources: readonly SourceId[];
}

export interface ObjectContext {
  /** The profile in force; undefined when no CNI is known for the file. */
  profile: Profile | undefined;
  text: string;
  doc: Document;
  podTemplates: PodTemplate[];
  /** Services of this text and of the workspace's other files (cross-file rules). */
  workspace: WorkspaceLookup;
  report(report: Report): void;
}

export type RuleScope = 'manifest' | 'profile' | 'file' | 'cluster';

/** What a cluster rule gets: a plan read from one configuration file, and that file's text. */
export interface PlanCheck {
  text: string;
  plan: ClusterPlan;
  report(report: Report): void;
}

/** A whole YAML document handed to document-level rules (syntax, profile). */
export interface DocumentCheck {
  text: string;
  document: YamlDocument;
  /** Ids of every rule in the catalogue (the profile's `rules:` map is checked against them). */
  ruleIds: readonly string[];
  /** For a profile with `from:`, what that file turned out to hold. */
  profileFrom?: FromResolution;
  report(report: Report): void;
}

export interface Rule {
  /** Kebab-case, stable, the diagnostic `code`. */
  id: string;
  title: Localized;
  scope: RuleScope;
  defaultSeverity: Severity;
  /** The CNIs and modes the rule concerns, in words (docs and hover). */
  appliesTo: Localized;
  /** True when the rule needs to know the CNI and stays silent without a profile. */
  needsProfile: boolean;
  /** One sentence that says what to do, ending with a period. */
  remediation: Localized;
  /** Whether some of its findings carry a quick fix. */
  fixable: boolean;
  docs: RuleDocs;
  checkObject?(object: K8sObject, ctx: ObjectContext): void;
  checkDocument?(check: DocumentCheck): void;
  /** Cluster rules: run on every plan read from `.ack-cni.yaml` and cluster configuration files. */
  checkPlan?(check: PlanCheck): void;
}
