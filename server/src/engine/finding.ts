import type { Localized } from '../l10n';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';
export const severities: readonly SeveritySetting[] = ['off', 'hint', 'info', 'warning', 'error'];

/** A replacement of the half-open offset range [start, end) of one file. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** Edits to one file: `file` null means the linted file itself, otherwise an absolute path. */
export interface FileChange {
  file: string | null;
  edits: TextEdit[];
}

export interface Fix {
  title: Localized;
  changes: FileChange[];
}

/** A place in this or another file that explains a finding (LSP related information, SARIF related locations). */
export interface RelatedPlace<Message = Localized> {
  /** Absolute path, or null for the linted file. */
  file: string | null;
  /** Zero-based lines and UTF-16 columns, as LSP counts them. */
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: Message;
}

/** What a rule reports: offsets into the linted text, localized message, optional fix. */
export interface Report {
  start: number;
  end: number;
  message: Localized;
  /** Overrides the rule's default severity for this finding (before user configuration). */
  severity?: Severity;
  fix?: Fix;
  related?: RelatedPlace[];
}

/** A report after configuration, suppression and localisation: what every front end shows. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  fix?: { title: string; changes: FileChange[] };
  related?: RelatedPlace<string>[];
}
