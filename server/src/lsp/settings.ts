import type { SeveritySetting } from '../engine/finding';
import { severities } from '../engine/finding';
import type { ExplicitProfile } from '../profile/resolve';
import type { ProfileValues } from '../profile/validate';

/** The `ackCni` settings section as the client sends it for one resource. */
export interface ServerSettings {
  cni: 'auto' | 'terway' | 'terway-edge' | 'flannel';
  terway: Record<string, unknown>;
  flannel: Record<string, unknown>;
  rules: Record<string, unknown>;
  exclude: string[];
  /** Files larger than this are not linted in the editor (one hint says so). */
  maxFileSizeKb: number;
  /** Whether files that are not open get diagnostics too (workspace diagnostics). */
  workspaceDiagnostics: boolean;
}

export const defaultMaxFileSizeKb = 5120;

export const defaultSettings: ServerSettings = { cni: 'auto', terway: {}, flannel: {}, rules: {}, exclude: [], maxFileSizeKb: defaultMaxFileSizeKb, workspaceDiagnostics: true };

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Reads what the client returned for `workspace/configuration`, tolerating missing or odd values. */
export function readSettings(raw: unknown): ServerSettings {
  const section = record(raw);
  const cni = section.cni;
  return {
    cni: cni === 'terway' || cni === 'terway-edge' || cni === 'flannel' ? cni : 'auto',
    terway: record(section.terway),
    flannel: record(section.flannel),
    rules: record(section.rules),
    exclude: Array.isArray(section.exclude) ? section.exclude.filter((g): g is string => typeof g === 'string') : [],
    maxFileSizeKb: typeof section.maxFileSizeKb === 'number' && section.maxFileSizeKb > 0 ? section.maxFileSizeKb : defaultMaxFileSizeKb,
    workspaceDiagnostics: section.workspaceDiagnostics !== false,
  };
}

function scalars(values: Record<string, unknown>): ProfileValues {
  const out: ProfileValues = {};
  for (const [key, value] of Object.entries(values)) {
    // An empty string is how a settings UI leaves a value unset (e.g. no Terway version).
    if ((typeof value === 'string' && value !== '') || typeof value === 'number' || typeof value === 'boolean') out[key] = value;
  }
  return out;
}

/** Step 2 of profile resolution: the CNI and modes chosen in settings, unless `cni` is `auto`. */
export function settingsProfile(settings: ServerSettings): ExplicitProfile | undefined {
  if (settings.cni === 'auto') return undefined;
  return { source: 'settings', values: { cni: settings.cni, terway: scalars(settings.terway), flannel: scalars(settings.flannel) } };
}

export function settingsRuleOverrides(settings: ServerSettings): Map<string, SeveritySetting> {
  const out = new Map<string, SeveritySetting>();
  for (const [id, severity] of Object.entries(settings.rules)) {
    if (typeof severity === 'string' && (severities as readonly string[]).includes(severity)) out.set(id, severity as SeveritySetting);
  }
  return out;
}
