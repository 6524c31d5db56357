import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { both, pick, type Locale } from '../../l10n';
import type { Severity } from '../../engine/finding';
import { repositoryUrl, ruleDocsUrl } from '../../docs/links';
import { rules } from '../../rules';
import type { FileResult } from '../lintFiles';
import { locate, type Span } from './locations';

const levels: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/**
 * A file as a SARIF artifact location: relative to %SRCROOT% (the working directory) with every path
 * segment percent-encoded, so that "#", "?", "%" and ":" stay part of the file name instead of starting a
 * fragment, a query or a scheme; a file outside the working directory as an absolute file URI.
 */
function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const relative = path.relative(cwd, file);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return { uri: pathToFileURL(file).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function region(span: Span) {
  return { startLine: span.line, startColumn: span.column, endLine: span.endLine, endColumn: span.endColumn };
}

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
        markdown: `${docs.what}\n\n${docs.why}\n\n**${pick(both('Fix', '修复'), locale)}:** ${docs.fix}\n\n[${pick(both('Documentation', '文档'), locale)}](${url})`,
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
            artifactLocation: artifactLocation(result.path, cwd),
            region: region(f),
          },
        },
      ],
      ...(f.related.length > 0
        ? {
            relatedLocations: f.related.map((place, id) => ({
              id,
              physicalLocation: { artifactLocation: artifactLocation(place.path, cwd), region: region(place) },
              message: { text: place.message },
            })),
          }
        : {}),
    })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'ack-cni-lint', version, semanticVersion: version, informationUri: repositoryUrl, rules: driverRules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd.endsWith('/') ? cwd : `${cwd}/`).href } },
        artifacts: results.map((result) => ({ location: artifactLocation(result.path, cwd) })),
        results: sarifResults,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
