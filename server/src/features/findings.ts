/**
 * The findings hover speaks of, from the engine itself, so that a hover never disagrees with the
 * diagnostics: the findings as the editor shows them, plus those the user silenced (suppression
 * comments, `ack-cni-lint.io/ignore`, a rule switched off), which the hover still reports, marked
 * as silenced, rather than calling the feature honoured.
 */
import type { Finding, SeveritySetting } from '../engine/finding';
import { lintText } from '../engine/lint';
import { ignoreAnnotation } from '../engine/suppress';
import type { FeatureContext } from './types';

export interface FindingsView {
  /** What the diagnostics show. */
  shown: Finding[];
  /** What they would show without suppressions and with every rule on. */
  silenced: Finding[];
  /** The file was skipped as a template: no rule ran. */
  template: boolean;
}

/**
 * The same text with every suppression spelled so that it no longer matches, keeping every
 * offset: `ack-cni-disable…` comments and the ignore annotation's key.
 */
function withoutSuppressions(text: string): string {
  const disabled = 'ack-cni-disable';
  const ignoreLookalike = `${ignoreAnnotation.slice(0, -3)}0re`;
  return text.split(disabled).join('ack-cni-enabled').split(ignoreAnnotation).join(ignoreLookalike);
}

function sameFinding(a: Finding, b: Finding): boolean {
  return a.ruleId === b.ruleId && a.start === b.start && a.end === b.end && a.message === b.message;
}

let last: { key: string; text: string; view: FindingsView } | undefined;

function cacheKey(context: FeatureContext): string {
  const { fileText: _ignored, ...profile } = context.profile ?? {};
  return JSON.stringify([context.kind, context.locale, profile, [...context.ruleSettings]]);
}

/** Lints the file as the server does (memoised on the last input: a hover often follows another). */
export function findingsOf(context: FeatureContext): FindingsView {
  const key = cacheKey(context);
  if (last && last.text === context.text && last.key === key) return last.view;
  const options = { profile: context.profile, ruleSettings: context.ruleSettings, locale: context.locale, kind: context.kind };
  const shown = lintText(context.text, options);
  const anyOff = [...context.ruleSettings.values()].includes('off');
  const neutral = withoutSuppressions(context.text);
  let silenced: Finding[] = [];
  if (anyOff || neutral !== context.text) {
    const allOn = new Map<string, SeveritySetting>([...context.ruleSettings].filter(([, severity]) => severity !== 'off'));
    silenced = lintText(neutral, { ...options, ruleSettings: allOn }).filter((finding) => !shown.some((s) => sameFinding(s, finding)));
  }
  const view = { shown, silenced, template: shown.some((finding) => finding.ruleId === 'template-skipped') };
  last = { key, text: context.text, view };
  return view;
}
