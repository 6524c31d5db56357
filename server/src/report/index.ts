/**
 * The CNI readiness report (which CNI should the cluster for these manifests use?): the feature
 * census, the linter's verdict under each CNI option, and the recommendation. Pure: the caller
 * reads the files (CLI: the paths given; editor: the workspace folders).
 */
import type { Locale } from '../l10n';
import { takeCensus, type ReportFile } from './census';
import { computeVerdicts } from './verdicts';
import { recommend } from './recommend';
import type { ReadinessReport } from './model';

export type { ReportFile } from './census';

export interface ReportRequest {
  /** The paths the report covers, as the user gave them (shown in the report). */
  paths: string[];
  /** The manifest files in scope, already read. */
  files: readonly ReportFile[];
  locale: Locale;
}

export function buildReadinessReport({ paths, files, locale }: ReportRequest): ReadinessReport {
  const census = takeCensus(files, locale);
  const used = new Set(census.features.filter((feature) => feature.places.length > 0).map((feature) => feature.id));
  const { options, everywhere } = computeVerdicts({ files, used, locale });
  return {
    paths,
    files: { total: files.length, templates: census.templates, yamlErrors: census.yamlErrors },
    features: census.features,
    options,
    everywhere,
    recommendation: recommend(options, census.features, locale),
  };
}
