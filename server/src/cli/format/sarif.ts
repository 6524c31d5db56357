import { pathToFileURL } from 'node:url';
import { pick, type Locale } from '../../l10n';
import type { Severity } from '../../engine/finding';
import { repositoryUrl, ruleDocsUrl } from '../../docs/links';
import { rules } from '../../rules';
import type { FileResult } from '../lintFiles';
import { displayPath, locate } from './locations';

const levels: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** SARIF 2.1.0 with the whole rule catalogue as driver rules, so code scanning can show help. */
export function formatSarif(results: readonly FileResult[], cwd: string, locale: Locale, version: string): string {
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const driverRules = rules.map((rule) => {
    const docs = rule.docs[locale];
    const url = ruleDocsUrl(rule.id, locale);
    return {
      id: rule.id,
      name: rule.id.replace(/(^|-)([a-z])/g, (_m, _d, ch: string) => ch.toUpperCase()),
      shortDescription: { text: pick(rule.title, locale) },
      fullDescription: { text: docs.what },
      helpUri: url,
      help: {
        text: `${pick(rule.remediation, locale)} ${url}`,
        markdown: `${docs.what}\n\n${docs.why}\n\n**Fix:** ${docs.fix}\n\n[Documentation](${url})`,
      },
      defaultConfiguration: { level: levels[rule.defaultSeverity] },
      properties: { tags: ['kubernetes', 'cni', 'ack'], appliesTo: pick(rule.appliesTo, locale) },
    };
  });
  const sarifResults = results.flatMap((result) =>
    locate(result).map((f) => ({
      ruleId: f.ruleId,
      ruleIndex: index.get(f.ruleId),
      level: levels[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(displayPath(result.path, cwd)), uriBaseId: '%SRCROOT%' },
            region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
          },
        },
      ],
    })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'ack-cni-lint', version, semanticVersion: version, informationUri: repositoryUrl, rules: driverRules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd.endsWith('/') ? cwd : `${cwd}/`).href } },
        artifacts: results.map((result) => ({ location: { uri: encodeURI(displayPath(result.path, cwd)), uriBaseId: '%SRCROOT%' } })),
        results: sarifResults,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
