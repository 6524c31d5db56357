import * as path from 'node:path';
import type { SeveritySetting } from '../engine/finding';
import { parseYamlDocuments } from '../yaml/parse';
import { readProfileDocument, type ProfileFileContent, type ProfileValues } from './validate';
import {
  defaultCluster,
  defaultFlannel,
  defaultTerway,
  type Cni,
  type ClusterSettings,
  type FlannelSettings,
  type Profile,
  type ProfileSource,
  type TerwaySettings,
  maxProfileLength,
  profileFileName,
} from './types';
import { planToProfileValues, type ClusterConfigDetection } from '../cluster/readers';
import { resolveFrom, withFromValues, type FromResolution } from './from';

/** Reads files for profile resolution; undefined when the file does not exist or cannot be read. */
export type ReadFile = (absolutePath: string) => string | undefined;

/** Profile values given outside a profile file: editor settings or CLI flags. */
export interface ExplicitProfile {
  source: 'settings' | 'cli';
  values: ProfileValues;
}

export interface ProfileRequest {
  /** Absolute path of the file being linted. */
  filePath: string;
  /** Folder where the search for `.ack-cni.yaml` stops (the workspace folder); the filesystem root if absent. */
  stopAt?: string;
  /** A profile file that replaces the search (CLI `--profile`). */
  profileFile?: string;
  explicit?: ExplicitProfile;
  /** Rule severities from settings or `--rule`; they win over the profile file's `rules:`. */
  ruleOverrides?: ReadonlyMap<string, SeveritySetting>;
  /** The cluster configurations found in the workspace (step 3: used when exactly one cluster is described). */
  clusterConfigs?: ClusterConfigDetection;
  /** The folder `from:` may read inside (the workspace folder, or the CLI's working directory). */
  boundary?: string;
}

export interface ResolvedProfile {
  /** The profile in force, or undefined when no CNI is known for the file. */
  profile: Profile | undefined;
  /** The `.ack-cni.yaml` that governs the file, also when it is invalid. */
  profileFile?: string;
  ruleSettings: Map<string, SeveritySetting>;
  /** Globs of the profile file's `ignore:` with the folder they are relative to. */
  ignore?: { baseDir: string; patterns: string[] };
  /** What the profile file's `from:` points at, when it has one. */
  from?: FromResolution;
  /** Several cluster configurations that disagree were found, so none was taken (step 3). */
  ambiguous?: string[];
}

export function buildProfile(values: ProfileValues, source: ProfileSource, fileText?: string): Profile | undefined {
  const cni = values.cni;
  if (cni !== 'terway' && cni !== 'terway-edge' && cni !== 'flannel') return undefined;
  const section = (key: string) => (values[key] && typeof values[key] === 'object' && !Array.isArray(values[key]) ? (values[key] as ProfileValues) : {});
  return {
    cni: cni as Cni,
    terway: { ...defaultTerway, ...(section('terway') as Partial<TerwaySettings>) },
    flannel: { ...defaultFlannel, ...(section('flannel') as Partial<FlannelSettings>) },
    cluster: { ...defaultCluster, ...(section('cluster') as Partial<ClusterSettings>) },
    source,
    ...(fileText !== undefined ? { fileText } : {}),
  };
}

/** Nearest `.ack-cni.yaml` from the file's folder upwards, not above `stopAt`. */
export function findProfileFile(filePath: string, readFile: ReadFile, stopAt?: string): string | undefined {
  let dir = path.dirname(filePath);
  const stop = stopAt ? path.resolve(stopAt) : undefined;
  for (;;) {
    const candidate = path.join(dir, profileFileName);
    if (readFile(candidate) !== undefined) return candidate;
    if (stop !== undefined && path.resolve(dir) === stop) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

const contentCache = new Map<string, { text: string; ruleIds: readonly string[]; content: ProfileFileContent }>();

/** Reads a profile file's text (memoised on the text, since the same profile governs many files); one too long to be read holds nothing. */
export function readProfileText(filePath: string, text: string, ruleIds: readonly string[]): ProfileFileContent {
  const cached = contentCache.get(filePath);
  if (cached && cached.text === text && cached.ruleIds === ruleIds) return cached.content;
  const [first] = text.length > maxProfileLength ? [] : parseYamlDocuments(text);
  const content: ProfileFileContent =
    first && first.errors.length === 0
      ? readProfileDocument(text, first.doc, ruleIds)
      : { values: {}, rules: new Map(), ignore: [], problems: [] };
  contentCache.set(filePath, { text, ruleIds, content });
  return content;
}

/**
 * The profile in force for a file (PRODUCT §3): the nearest `.ack-cni.yaml` (or the one given
 * explicitly), else editor settings or CLI flags, else none.
 */
export function resolveProfile(request: ProfileRequest, readFile: ReadFile, ruleIds: readonly string[]): ResolvedProfile {
  const profileFile = request.profileFile ?? findProfileFile(request.filePath, readFile, request.stopAt);
  const ruleSettings = new Map<string, SeveritySetting>();
  let profile: Profile | undefined;
  let ignore: ResolvedProfile['ignore'];
  const text = profileFile !== undefined ? readFile(profileFile) : undefined;
  let from: FromResolution | undefined;
  let ambiguous: string[] | undefined;
  if (profileFile !== undefined && text !== undefined) {
    const content = readProfileText(profileFile, text, ruleIds);
    let values = content.values;
    if (typeof values.from === 'string') {
      from = resolveFrom(profileFile, values.from, readFile, request.boundary);
      if (from.ok) values = withFromValues(values, from.plan);
    }
    profile = buildProfile(values, { kind: 'file', path: profileFile }, text);
    for (const [id, severity] of content.rules) ruleSettings.set(id, severity);
    if (content.ignore.length > 0) ignore = { baseDir: path.dirname(profileFile), patterns: content.ignore };
  } else if (request.explicit) {
    profile = buildProfile(request.explicit.values, { kind: request.explicit.source });
  } else if (request.clusterConfigs?.kind === 'one') {
    const { config } = request.clusterConfigs;
    profile = buildProfile(planToProfileValues(config.plan), { kind: 'cluster-config', path: config.path });
  } else if (request.clusterConfigs?.kind === 'ambiguous') {
    ambiguous = [...new Set(request.clusterConfigs.found.map((config) => config.path))];
  }
  for (const [id, severity] of request.ruleOverrides ?? []) ruleSettings.set(id, severity);
  return {
    profile,
    ...(profileFile !== undefined ? { profileFile } : {}),
    ruleSettings,
    ...(ignore ? { ignore } : {}),
    ...(from ? { from } : {}),
    ...(ambiguous ? { ambiguous } : {}),
  };
}
