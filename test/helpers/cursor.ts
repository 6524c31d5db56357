/**
 * Fixtures for hover and completion mark the cursor with `‸`. The marker is removed and its
 * offset returned, so a fixture reads like the editor with the caret in it.
 */
import type { SeveritySetting } from '../../server/src/engine/finding';
import type { Locale } from '../../server/src/l10n';
import type { FeatureContext } from '../../server/src/features/types';
import { readCheaply } from '../../server/src/engine/cheapPath';
import { readProfileText } from '../../server/src/profile/resolve';
import { ruleIds } from '../../server/src/rules';
import { profileFrom, profilePath } from './ruleTable';

export function cursorAt(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('‸');
  if (offset === -1 || marked.indexOf('‸', offset + 1) !== -1) throw new Error('a fixture needs exactly one ‸');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

export interface ContextOptions {
  /** Text of the `.ack-cni.yaml` in force; omitted means no profile. */
  profile?: string;
  /** Where that profile comes from, as the server would say it (also without a profile: "invalid x/.ack-cni.yaml"). */
  origin?: string;
  locale?: Locale;
  kind?: FeatureContext['kind'];
  /** Settings on top of the profile's `rules:`. */
  rules?: Record<string, SeveritySetting>;
}

/** The context the server would build for a file with this profile. */
export function featureContext(text: string, options: ContextOptions = {}): FeatureContext {
  const fromProfile = options.profile === undefined ? [] : [...readProfileText(profilePath, options.profile, ruleIds).rules];
  const profile = profileFrom(options.profile);
  return {
    text,
    kind: options.kind ?? 'manifest',
    profile,
    profileOrigin: options.origin ?? (profile ? '.ack-cni.yaml' : undefined),
    locale: options.locale ?? 'en',
    ruleSettings: new Map([...fromProfile, ...Object.entries(options.rules ?? {})]),
    // As the server answers it from its last lint: every hover of the tables is thereby checked to lie in a document that does not settle.
    settled: (documentText) => readCheaply(documentText) === 'settled',
  };
}
