import { both, type Localized } from '../l10n';
import type { Profile } from '../profile/types';

/**
 * The clusters a comparison row can speak of. A row fills only the columns where the facts
 * differ: `terway` when every Terway mode behaves alike, the finer ones when modes differ.
 * Terway Edge appears only where the fact sheet says something about it.
 */
export type Column =
  | 'terway'
  | 'terway-shared'
  | 'terway-shared-veth'
  | 'terway-shared-ipvlan'
  | 'terway-shared-datapathv2'
  | 'terway-exclusive'
  | 'terway-trunk'
  | 'flannel'
  | 'terway-edge';

/** Rows are rendered in this order. */
export const columnOrder: readonly Column[] = [
  'terway',
  'terway-shared',
  'terway-shared-veth',
  'terway-shared-ipvlan',
  'terway-shared-datapathv2',
  'terway-exclusive',
  'terway-trunk',
  'flannel',
  'terway-edge',
];

export const columnLabels: Record<Column, Localized> = {
  terway: both('Terway', 'Terway'),
  'terway-shared': both('Terway, shared ENI', 'Terway 共享 ENI'),
  'terway-shared-veth': both('Terway, shared ENI, veth', 'Terway 共享 ENI，veth'),
  'terway-shared-ipvlan': both('Terway, shared ENI, IPvlan (legacy)', 'Terway 共享 ENI，IPvlan（旧版）'),
  'terway-shared-datapathv2': both('Terway, shared ENI, DataPath V2', 'Terway 共享 ENI，DataPath V2'),
  'terway-exclusive': both('Terway, exclusive ENI', 'Terway 独占 ENI'),
  'terway-trunk': both('Terway, trunk member ENI', 'Terway Trunk 成员 ENI'),
  flannel: both('Flannel', 'Flannel'),
  'terway-edge': both('Terway Edge', 'Terway Edge'),
};

/**
 * The columns that describe a profile, most specific first; the first one a row fills is the
 * row of "your cluster". Mixed mode runs most pods on shared ENIs, so it reads the shared columns.
 */
export function columnsOf(profile: Profile): Column[] {
  if (profile.cni === 'flannel') return ['flannel'];
  if (profile.cni === 'terway-edge') return ['terway-edge'];
  if (profile.terway.eniMode === 'exclusive') return ['terway-exclusive', 'terway'];
  return [`terway-shared-${profile.terway.datapath}`, 'terway-shared', 'terway'];
}
