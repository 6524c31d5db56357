import type { TextEdit } from '../engine/finding';

/** A zero-based line and UTF-16 column, as LSP counts them. */
export interface LinePosition {
  line: number;
  character: number;
}

export interface LineRange {
  start: LinePosition;
  end: LinePosition;
}

/** A Service as the workspace index records it: what cross-file rules ask and where it is written. */
export interface ServiceEntry {
  /** Absolute path of its file; null for the text being linted when no workspace is known. */
  file: string | null;
  name: string;
  /** `metadata.namespace`, or `default` where none is written (where kubectl puts it by default). */
  namespace: string;
  /** `spec.type` as the API server defaults it (no type is ClusterIP). */
  type: string;
  headless: boolean;
  /** Where `metadata.name`'s value is, for related information. */
  nameRange: LineRange;
  /** The edit of its file that makes it a NodePort Service; null when no edit is safe. */
  toNodePort: TextEdit | null;
}

/** What a rule may ask about the other files of the workspace. */
export interface WorkspaceLookup {
  /** Services of that name in that namespace, in every indexed file (the linted one included). */
  servicesNamed(namespace: string, name: string): readonly ServiceEntry[];
}
