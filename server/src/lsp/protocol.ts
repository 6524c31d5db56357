/**
 * The messages the client and the server exchange beyond LSP, declared once for both sides.
 * Imported by the client bundle too, so it holds types and constants only.
 */

/** client → server request: the profile in force for a document, for the status bar. */
export const profileInfoRequest = 'ackCni/profileInfo';

export interface ProfileInfoParams {
  uri: string;
}

export interface ProfileInfo {
  /** The CNI, or null when none is known. */
  cni: 'terway' | 'terway-edge' | 'flannel' | null;
  /** "Terway · shared · policy on", "Flannel", "not set" — localised. */
  summary: string;
  /** Where it comes from, as shown: "deploy/.ack-cni.yaml", "settings", "invalid .ack-cni.yaml", "none". */
  origin: string;
  /**
   * How the profile was found: `invalid` when the governing `.ack-cni.yaml` names no valid CNI,
   * `ambiguous` when the workspace holds cluster configurations that disagree (nothing is guessed).
   */
  state: 'file' | 'cluster-config' | 'settings' | 'cli' | 'none' | 'invalid' | 'ambiguous';
  /** The governing `.ack-cni.yaml`, when there is one (also when it is invalid). */
  profileFile: string | null;
  /** The folder a new `.ack-cni.yaml` for this document would go to. */
  suggestedFolder: string | null;
}

/** server → client notification: settings or a profile changed; the status bar should ask again. */
export const profileChangedNotification = 'ackCni/profileChanged';

/** client → server request: the rule catalogue (ids and titles) for the "Show rule documentation" pick list. */
export const ruleListRequest = 'ackCni/rules';

export interface RuleListItem {
  id: string;
  title: string;
  defaultSeverity: string;
}

/** client → server request: the edit that makes a folder's `.ack-cni.yaml` say a CNI (and ENI mode). */
export const setCniRequest = 'ackCni/setCni';

export interface SetCniParams {
  /** The `.ack-cni.yaml` to write (existing or to be created). */
  profileFile: string;
  cni: 'terway' | 'terway-edge' | 'flannel';
  eniMode?: 'shared' | 'exclusive' | 'mixed';
}

export interface SetCniResult {
  /** The whole new text of the profile file. */
  text: string;
  created: boolean;
}

/** client → server request: the CNI readiness report of the workspace folders' manifests. */
export const readinessReportRequest = 'ackCni/readinessReport';

export interface ReadinessReportResult {
  /** The report in Markdown, with links to each place as file URIs. */
  markdown: string;
  /** The number of manifest files read: 0 means there was nothing to report on. */
  files: number;
}

/** Options the client sends in `initialize`. */
export interface InitializationOptions {
  /** The client watches `.ack-cni.yaml` itself; the server need not register a watcher. */
  clientWatchesProfiles?: boolean;
  /** False in Restricted Mode: the server offers no edits to files other than the one in the editor. */
  trusted?: boolean;
}

export const commands = {
  selectCni: 'ackCni.selectCni',
  showProfile: 'ackCni.showProfile',
  showRuleDocs: 'ackCni.showRuleDocs',
  restartServer: 'ackCni.restartServer',
  readinessReport: 'ackCni.readinessReport',
} as const;
