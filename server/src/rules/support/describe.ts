import { both, type Localized } from '../../l10n';
import type { Profile } from '../../profile/types';

/** "Flannel", "Terway", "Terway Edge": the CNI's name as users say it. */
export function cniName(profile: Profile): string {
  return profile.cni === 'flannel' ? 'Flannel' : profile.cni === 'terway-edge' ? 'Terway Edge' : 'Terway';
}

const eniModes: Record<string, Localized> = {
  shared: both('shared ENI', '共享 ENI'),
  exclusive: both('exclusive ENI', '独占 ENI'),
  mixed: both('mixed ENI modes', '混合 ENI 模式'),
};

const datapaths: Record<string, Localized> = {
  veth: both('veth', 'veth'),
  ipvlan: both('IPvlan', 'IPvlan'),
  datapathv2: both('DataPath V2', 'DataPath V2'),
};

/** The profile in a few words for messages: "Terway (shared ENI, veth)", "Flannel". */
export function describeProfile(profile: Profile): Localized {
  if (profile.cni !== 'terway') return both(cniName(profile), cniName(profile));
  const mode = eniModes[profile.terway.eniMode];
  const datapath = datapaths[profile.terway.datapath];
  return both(`Terway (${mode.en}, ${datapath.en})`, `Terway（${mode.zh}，${datapath.zh}）`);
}

/** Compares dotted versions numerically ("1.9.0" < "1.10"); missing parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((p) => parseInt(p, 10) || 0);
  const pb = b.split('.').map((p) => parseInt(p, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}

export function isTerway(profile: Profile | undefined): profile is Profile {
  return profile?.cni === 'terway';
}
