import type { Rule } from './types';
import { annotationRules } from './annotations';
import { bandwidthRules } from './bandwidth';
import { clusterRules } from './cluster';
import { fileTooLarge } from './core/file-too-large';
import { internalError } from './core/internal-error';
import { profileInvalid } from './core/profile-invalid';
import { templateSkipped } from './core/template-skipped';
import { yamlSyntax } from './core/yaml-syntax';
import { podNetworksRules } from './podnetworks';
import { policyRules } from './policy';

/** The rule catalogue: the one list that the engine, docs, SARIF, hover and tests all read. */
export const rules: readonly Rule[] = [
  ...policyRules,
  ...bandwidthRules,
  ...annotationRules,
  ...podNetworksRules,
  ...clusterRules,
  profileInvalid,
  yamlSyntax,
  templateSkipped,
  fileTooLarge,
  internalError,
];

export const ruleIds: readonly string[] = rules.map((rule) => rule.id);

export const ruleById: ReadonlyMap<string, Rule> = new Map(rules.map((rule) => [rule.id, rule]));
