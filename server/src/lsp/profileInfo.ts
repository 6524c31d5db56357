import * as path from 'node:path';
import { both, pick, type Locale } from '../l10n';
import type { TextEdit } from '../engine/finding';
import { setProfileValueEdit, setTopLevelValueEdit } from '../profile/edit';
import type { ResolvedProfile } from '../profile/resolve';
import type { Profile } from '../profile/types';
import type { ProfileInfo, SetCniParams, SetCniResult } from './protocol';

const eniModeWords = { shared: both('shared', '共享 ENI'), exclusive: both('exclusive ENI', '独占 ENI'), mixed: both('mixed ENI', '混合 ENI') };
const datapathWords = { veth: null, ipvlan: both('IPvlan', 'IPvlan'), datapathv2: both('DataPath V2', 'DataPath V2') };

/** The profile in a few words for the status bar: "Terway · shared · policy on", "Flannel · bandwidth on". */
export function profileSummary(profile: Profile | undefined, locale: Locale): string {
  if (!profile) return pick(both('not set', '未设置'), locale);
  if (profile.cni === 'flannel') return profile.flannel.bandwidth ? pick(both('Flannel · bandwidth on', 'Flannel · 带宽限制开启'), locale) : 'Flannel';
  if (profile.cni === 'terway-edge') return 'Terway Edge';
  const { terway } = profile;
  const parts = ['Terway', pick(eniModeWords[terway.eniMode], locale)];
  const datapath = datapathWords[terway.datapath];
  if (datapath) parts.push(pick(datapath, locale));
  parts.push(pick(terway.networkPolicy ? both('policy on', '策略开启') : both('policy off', '策略关闭'), locale));
  if (terway.trunking) parts.push(pick(both('trunking', 'Trunk'), locale));
  if (terway.ipStack === 'dual') parts.push(pick(both('dual stack', '双栈'), locale));
  return parts.join(' · ');
}

function shownPath(file: string, folder: string | undefined): string {
  const relative = folder ? path.relative(folder, file) : '';
  return (relative && !relative.startsWith('..') ? relative : file).split(path.sep).join('/');
}

/** Where the profile comes from, as the status bar and hovers say it. */
export function profileOrigin(resolved: ResolvedProfile, folder: string | undefined, locale: Locale): string {
  const source = resolved.profile?.source;
  if (source?.kind === 'file' || source?.kind === 'cluster-config') return shownPath(source.path, folder);
  if (resolved.ambiguous) {
    const files = resolved.ambiguous.map((file) => shownPath(file, folder)).join(', ');
    return pick(both(`cluster configurations that disagree: ${files}`, `多个互相矛盾的集群配置：${files}`), locale);
  }
  if (resolved.profileFile) return pick(both(`invalid ${shownPath(resolved.profileFile, folder)}`, `无效的 ${shownPath(resolved.profileFile, folder)}`), locale);
  if (source?.kind === 'settings') return pick(both('settings', '设置'), locale);
  if (source?.kind === 'cli') return '--cni';
  return pick(both('none', '无'), locale);
}

export function profileInfo(resolved: ResolvedProfile, file: string | undefined, folder: string | undefined, locale: Locale): ProfileInfo {
  return {
    cni: resolved.profile?.cni ?? null,
    summary: profileSummary(resolved.profile, locale),
    origin: profileOrigin(resolved, folder, locale),
    state: resolved.profile ? resolved.profile.source.kind : resolved.profileFile ? 'invalid' : resolved.ambiguous ? 'ambiguous' : 'none',
    profileFile: resolved.profileFile ?? null,
    suggestedFolder: folder ?? (file ? path.dirname(file) : null),
  };
}

const newProfileHeader = both(
  '# The ACK cluster that the manifests in this folder (and below) deploy to.\n# Its CNI was chosen when the cluster was created and can never change.\n',
  '# 本目录（及子目录）中的清单所部署到的 ACK 集群。\n# 集群的 CNI 在创建时选定，之后无法更改。\n',
);

function apply(text: string, edit: TextEdit | null): string {
  return edit ? text.slice(0, edit.start) + edit.newText + text.slice(edit.end) : text;
}

/** The profile text after choosing a CNI (and ENI mode) in the "Select CNI" pick list; comments and other keys stay. */
export function setCni(existing: string | undefined, params: SetCniParams, locale: Locale): SetCniResult {
  if (existing === undefined) {
    const lines = [pick(newProfileHeader, locale) + `cni: ${params.cni}`];
    if (params.cni === 'terway') lines.push(`terway:\n  eniMode: ${params.eniMode ?? 'shared'}\n  networkPolicy: false`);
    return { text: lines.join('\n') + '\n', created: true };
  }
  let text = apply(existing, setTopLevelValueEdit(existing, 'cni', params.cni));
  if (params.cni === 'terway' && params.eniMode) text = apply(text, setProfileValueEdit(text, 'terway', 'eniMode', params.eniMode));
  return { text, created: false };
}
