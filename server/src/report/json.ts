/**
 * The report as JSON, version 1. Stable: fields are added, never renamed or removed, within a
 * version. Paths follow the PathStyle (relative to the working directory on the CLI); lines and
 * columns are 1-based, end exclusive, as in the lint command's JSON.
 */
import type { Place, ReadinessReport, RuleTally } from './model';
import type { PathStyle } from './paths';

export const reportJsonVersion = 1;

export function renderJson(report: ReadinessReport, paths: PathStyle): string {
  const place = ({ file, ...rest }: Place) => ({ path: paths.show(file), ...rest });
  const tallies = (list: readonly RuleTally[]) =>
    list.map(({ places, ...tally }) => ({ ...tally, count: places.length, places: places.map(({ message, ...at }) => ({ ...place(at), message })) }));
  const json = {
    version: reportJsonVersion,
    paths: report.paths,
    files: { total: report.files.total, templates: report.files.templates.map(paths.show), yamlErrors: report.files.yamlErrors.map(paths.show) },
    recommendation: report.recommendation,
    options: report.options.map((option) => ({ ...option, breaks: tallies(option.breaks), ignored: tallies(option.ignored) })),
    features: report.features.map((feature) => ({ id: feature.id, title: feature.title, count: feature.places.length, places: feature.places.map(place) })),
    everywhere: tallies(report.everywhere),
  };
  return JSON.stringify(json, null, 2) + '\n';
}
