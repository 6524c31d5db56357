/**
 * The CNI readiness report as data: what the manifests use, what each CNI option would do with
 * them, and the option to choose. Text is already in the reader's language; paths are absolute
 * (the renderers decide how to show and link them).
 */
import type { Severity } from '../engine/finding';
import type { ProfileValues } from '../profile/validate';

/** A range in a file, 1-based lines and columns (UTF-16), end exclusive as in the CLI's JSON. */
export interface Place {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type FeatureId =
  | 'network-policy'
  | 'calico-policy'
  | 'kubernetes-bandwidth'
  | 'aliyun-bandwidth'
  | 'multi-nic'
  | 'pod-networking'
  | 'fixed-ip'
  | 'pod-ip-reservation'
  | 'dual-stack'
  | 'alb-ingress'
  | 'eni-backend'
  | 'load-balancer'
  | 'eip'
  | 'network-priority';

export interface FeatureUse {
  id: FeatureId;
  title: string;
  places: Place[];
}

export type OptionId = 'terway-shared-policy' | 'terway-datapathv2' | 'terway-exclusive' | 'terway-edge' | 'flannel';

/** One rule's findings under one option, at one severity. */
export interface RuleTally {
  rule: string;
  severity: Severity;
  title: string;
  /** What happens to the feature ("not enforced", "ignored"), from the rule's verdict words. */
  verdict: string;
  places: Array<Place & { message: string }>;
}

/**
 * `breaks`: error-level findings; `unknown`: nothing breaks, but features in use are not judged on
 * this option; `degraded`: only warnings; `fits`: nothing breaks or is ignored.
 */
export type Fit = 'fits' | 'degraded' | 'unknown' | 'breaks';

export interface OptionVerdict {
  id: OptionId;
  title: string;
  /** The profile the manifests were linted under. */
  profile: ProfileValues;
  /** Settings the verdict takes for granted because the manifests need them ("create with dual stack"). */
  assumed: string[];
  fit: Fit;
  /** Error-level findings: rejected objects, isolation lost, traffic broken, limits gone. */
  breaks: RuleTally[];
  /** Warning-level findings: silently not applied, deprecated, only on part of the cluster. */
  ignored: RuleTally[];
  /** Features in use that the fact sheet says nothing about for this option: the linter cannot judge them. */
  unjudged: FeatureId[];
}

export interface Recommendation {
  option: OptionId;
  /** Other options with nothing that breaks. */
  alsoFits: OptionId[];
  /** The headline: why this option. */
  summary: string;
  /** Supporting points: verdicts of the others and the comparison facts, each with its citation. */
  reasons: string[];
}

export interface ReadinessReport {
  /** The paths the report covers, as given. */
  paths: string[];
  files: {
    /** Manifest files in scope. */
    total: number;
    /** Files skipped as templates (`{{ }}`). */
    templates: string[];
    /** Files with at least one YAML document that could not be read. */
    yamlErrors: string[];
  };
  features: FeatureUse[];
  options: OptionVerdict[];
  /** Findings that are the same under every option: they do not depend on the choice. */
  everywhere: RuleTally[];
  recommendation: Recommendation;
}
