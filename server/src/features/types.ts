import type { Locale } from '../l10n';
import type { SeveritySetting } from '../engine/finding';
import type { Profile } from '../profile/types';

/** What hover and completion know about the file at hand: pure inputs, no LSP types. */
export interface FeatureContext {
  text: string;
  /** How the text is linted: a YAML/JSON manifest or cluster config, `.ack-cni.yaml`, or a Terraform `.tf` file. */
  kind: 'manifest' | 'profile' | 'terraform';
  /** The profile in force; undefined when no CNI is known for the file. */
  profile: Profile | undefined;
  /** Where that profile comes from, as shown to the user: "deploy/.ack-cni.yaml", "settings", "--cni". */
  profileOrigin: string | undefined;
  locale: Locale;
  ruleSettings: ReadonlyMap<string, SeveritySetting>;
  /**
   * Whether the engine's last lint of the file settled a document of exactly this text (nothing any
   * rule reads is in it, so nothing a hover explains): hover then answers without reading it.
   */
  settled?: (documentText: string) => boolean;
}

/** Markdown for the node at an offset, and the offsets of that node. */
export interface HoverResult {
  start: number;
  end: number;
  markdown: string;
}

export interface CompletionEntry {
  label: string;
  kind: 'annotation' | 'value' | 'key';
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** Text that replaces [start, end). */
  insertText: string;
  start: number;
  end: number;
  /** Sorts before the others when true (e.g. the recommended value). */
  preselect?: boolean;
}
