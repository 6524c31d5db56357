import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText, type LintOptions } from '../../server/src/engine/lint';
import type { Finding, Severity, SeveritySetting } from '../../server/src/engine/finding';
import { buildProfile, readProfileText } from '../../server/src/profile/resolve';
import { ruleIds } from '../../server/src/rules';
import type { Rule } from '../../server/src/rules/types';
import type { Locale } from '../../server/src/l10n';
import * as jsYaml from 'js-yaml';
import { applyEdits, parseMarkers } from './markers';
import { buildWorkspaceIndex } from '../../server/src/workspace/index';

export const profilePath = '/workspace/.ack-cni.yaml';

/** Builds the profile a `.ack-cni.yaml` text describes, as if it sat at the workspace root. */
export function profileFrom(profileText: string | undefined) {
  if (profileText === undefined) return undefined;
  const content = readProfileText(profilePath, profileText, ruleIds);
  return buildProfile(content.values, { kind: 'file', path: profilePath }, profileText);
}

export interface Expected {
  severity: Severity;
  message: string;
  /** The linted text after applying this finding's fix (required when the finding has a fix on the file). */
  fixed?: string;
  /** The profile text after applying this finding's fix (required when the fix edits the profile). */
  profileFixed?: string;
  /** Other workspace files after applying this finding's fix, by path (required for each file the fix edits). */
  filesFixed?: Record<string, string>;
  /** Related places as `file:line:character-line:character message` (0-based; `-` for the linted file). */
  related?: string[];
}

export interface RuleCase {
  name: string;
  /** Text of the `.ack-cni.yaml` in force; omitted means no profile. */
  profile?: string;
  /** The file, with each expected finding's range marked `⟦…⟧` in order. */
  text: string;
  expect: Expected[];
  locale?: Locale;
  kind?: LintOptions['kind'];
  rules?: Record<string, SeveritySetting>;
  /** Other files of the workspace by absolute path (cross-file rules); the linted file is `lintedPath`. */
  workspace?: Record<string, string>;
}

/** Where a fixture sits when it has a workspace around it. */
export const lintedPath = '/workspace/linted.yaml';

/** Lints a fixture as the engine would with that profile: the profile's `rules:` apply, then `rules`. */
export function lintFixture(
  text: string,
  options: { profile?: string; locale?: Locale; kind?: LintOptions['kind']; rules?: Record<string, SeveritySetting>; workspace?: Record<string, string> } = {},
): Finding[] {
  const fromProfile = options.profile === undefined ? [] : [...readProfileText(profilePath, options.profile, ruleIds).rules];
  const workspace = options.workspace && buildWorkspaceIndex(Object.entries(options.workspace).map(([path, text]) => ({ path, text })));
  return lintText(text, {
    profile: profileFrom(options.profile),
    locale: options.locale ?? 'en',
    kind: options.kind ?? 'manifest',
    ruleSettings: new Map([...fromProfile, ...Object.entries(options.rules ?? {})]),
    ...(workspace ? { workspace, filePath: lintedPath } : {}),
  });
}

function relatedLine(place: NonNullable<Finding['related']>[number]): string {
  const { start, end } = place.range;
  return `${place.file ?? '-'}:${start.line}:${start.character}-${end.line}:${end.character} ${place.message}`;
}

/** js-yaml, an independent loader, still reads the fixed text: no error, the same number of documents. */
function assertStillLoads(original: string, fixed: string): void {
  let before: unknown[] | undefined;
  try {
    before = jsYaml.loadAll(original);
  } catch {
    return; // the fixture is not YAML to js-yaml in the first place
  }
  assert.equal(jsYaml.loadAll(fixed).length, before.length, 'a fix keeps every YAML document');
}

/** One test per case: the rule's findings equal the expectations exactly (ranges, severity, message). */
export function ruleTable(rule: Rule, cases: RuleCase[]): void {
  for (const c of cases) {
    test(`${rule.id}: ${c.name}`, () => {
      const { text, ranges } = parseMarkers(c.text);
      const findings = lintFixture(text, c).filter((f) => f.ruleId === rule.id);
      const actual = findings.map((f) => ({ range: [f.start, f.end], severity: f.severity, message: f.message }));
      const expected = c.expect.map((e, i) => ({ range: ranges[i], severity: e.severity, message: e.message }));
      assert.equal(ranges.length, c.expect.length, 'fixture markers and expectations differ in number');
      assert.deepEqual(actual, expected);
      findings.forEach((finding, i) => {
        const want = c.expect[i];
        const changes = finding.fix?.changes ?? [];
        const onFile = changes.find((change) => change.file === null);
        const onProfile = changes.find((change) => change.file === profilePath);
        const onOthers = changes.filter((change) => change.file !== null && change.file !== profilePath);
        assert.equal(onFile ? applyEdits(text, onFile.edits) : undefined, want.fixed, `fix of finding ${i + 1} on the file`);
        if (onFile) assertStillLoads(text, want.fixed!);
        assert.equal(onProfile ? applyEdits(c.profile ?? '', onProfile.edits) : undefined, want.profileFixed, `fix of finding ${i + 1} on the profile`);
        const othersFixed = Object.fromEntries(onOthers.map((change) => [change.file!, applyEdits(c.workspace?.[change.file!] ?? '', change.edits)]));
        assert.deepEqual(othersFixed, want.filesFixed ?? {}, `fix of finding ${i + 1} on other files`);
        for (const [file, fixed] of Object.entries(othersFixed)) assertStillLoads(c.workspace![file], fixed);
        assert.deepEqual(finding.related?.map(relatedLine), want.related, `related places of finding ${i + 1}`);
      });
    });
  }
}
