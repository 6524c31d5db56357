/**
 * The feature census: every place in the files where a CNI-sensitive feature is used. Files and
 * documents are read exactly as the engine reads them: template files and YAML documents with
 * errors are skipped, since no rule looks at them either.
 */
import { pick, type Locale } from '../l10n';
import { findTemplateAction } from '../engine/template';
import { objectsOf } from '../k8s/objects';
import { podTemplatesOf } from '../k8s/podTemplates';
import { LineIndex } from '../yaml/lineIndex';
import { parseYamlDocuments } from '../yaml/parse';
import { featureDefinitions } from './features';
import type { FeatureId, FeatureUse, Place } from './model';

export interface ReportFile {
  /** Absolute path. */
  path: string;
  text: string;
}

export interface Census {
  features: FeatureUse[];
  templates: string[];
  yamlErrors: string[];
}

export function placeOf(file: string, lines: LineIndex, start: number, end: number): Place {
  const from = lines.position(start);
  const to = lines.position(end);
  return { file, line: from.line + 1, column: from.character + 1, endLine: to.line + 1, endColumn: to.character + 1 };
}

export function takeCensus(files: readonly ReportFile[], locale: Locale): Census {
  const places = new Map<FeatureId, Place[]>(featureDefinitions.map((feature) => [feature.id, []]));
  const templates: string[] = [];
  const yamlErrors: string[] = [];
  for (const { path, text } of files) {
    const documents = parseYamlDocuments(text);
    if (findTemplateAction(text, documents)) {
      templates.push(path);
      continue;
    }
    if (documents.some((document) => document.errors.length > 0)) yamlErrors.push(path);
    let lines: LineIndex | undefined;
    for (const document of documents) {
      if (document.errors.length > 0) continue;
      for (const object of objectsOf(document)) {
        const podTemplates = podTemplatesOf(object);
        for (const feature of featureDefinitions) {
          for (const [start, end] of feature.find(object, podTemplates)) {
            lines ??= new LineIndex(text);
            places.get(feature.id)!.push(placeOf(path, lines, start, end));
          }
        }
      }
    }
  }
  return {
    features: featureDefinitions.map((feature) => ({ id: feature.id, title: pick(feature.title, locale), places: places.get(feature.id)! })),
    templates,
    yamlErrors,
  };
}
