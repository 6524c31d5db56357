/**
 * The CNI options the readiness report weighs, as the profiles the manifests are linted under.
 * Switches that are free to choose when a cluster is created (dual stack, ENI trunking, network
 * priority, Flannel's bandwidth limiting, NetworkPolicy on DataPath V2) are turned on where the
 * manifests need them, and the report says so: the verdict is for the option set up to fit.
 */
import { both, type Localized } from '../l10n';
import type { ProfileValues } from '../profile/validate';
import type { FeatureId, OptionId } from './model';

export interface OptionDefinition {
  id: OptionId;
  title: Localized;
  /** Terway Edge exists only in ACK Edge clusters: weighed apart from the cloud options. */
  edgeOnly: boolean;
  /** The profile for manifests that use `used` features, and the switches it turned on for them. */
  setUp(used: ReadonlySet<FeatureId>): { profile: ProfileValues; assumed: Localized[] };
}

const dualStack = both(
  'created with IPv4/IPv6 dual stack (`terway.ipStack: dual`; Kubernetes 1.22 or later and a dual-stack VPC), for the dual-stack Services',
  '创建时启用 IPv4/IPv6 双栈（`terway.ipStack: dual`；要求 Kubernetes 1.22 及以上和双栈 VPC），以满足双栈 Service',
);
const trunking = both(
  'ENI trunking switched on (`terway.trunking: true`), for the extra pod networks',
  '开启 ENI Trunk（`terway.trunking: true`），以满足额外的 Pod 网络',
);
const networkPriority = both(
  '`enable_network_priority` on in 10-terway.conf (`terway.networkPriority: true`), for the network priority annotations',
  '在 10-terway.conf 中开启 `enable_network_priority`（`terway.networkPriority: true`），以满足网络优先级注解',
);
const policyOn = both(
  'NetworkPolicy switched on (`terway.networkPolicy: true`), for the policies',
  '开启 NetworkPolicy（`terway.networkPolicy: true`），以满足网络策略',
);
const flannelBandwidth = both(
  "bandwidth limiting enabled in ACK's Flannel configuration (`flannel.bandwidth: true`; Flannel v0.15.1.4-e02c8f12-aliyun or later), for the bandwidth limits",
  '在 ACK 的 Flannel 配置中开启带宽限制（`flannel.bandwidth: true`；要求 Flannel v0.15.1.4-e02c8f12-aliyun 及以上），以满足带宽限制',
);

/** Terway settings and the reasons for them: `switches` lists which optional switches this mode may take. */
function terway(base: ProfileValues, switches: { trunking: boolean; priority: boolean; policy: boolean }) {
  return (used: ReadonlySet<FeatureId>) => {
    const settings: ProfileValues = { ...base };
    const assumed: Localized[] = [];
    const when = (need: boolean, key: string, value: string | boolean, why: Localized) => {
      if (!need) return;
      settings[key] = value;
      assumed.push(why);
    };
    when(switches.policy && (used.has('network-policy') || used.has('calico-policy')), 'networkPolicy', true, policyOn);
    when(used.has('dual-stack'), 'ipStack', 'dual', dualStack);
    when(switches.trunking && used.has('multi-nic'), 'trunking', true, trunking);
    when(switches.priority && used.has('network-priority'), 'networkPriority', true, networkPriority);
    return { profile: { cni: 'terway', terway: settings }, assumed };
  };
}

/** In the order the report lists them; ties in the recommendation go to the earlier option. */
export const optionDefinitions: readonly OptionDefinition[] = [
  {
    id: 'terway-shared-policy',
    title: both('Terway, shared ENI, NetworkPolicy on', 'Terway 共享 ENI，开启 NetworkPolicy'),
    edgeOnly: false,
    setUp: terway({ eniMode: 'shared', datapath: 'veth', networkPolicy: true }, { trunking: true, priority: true, policy: false }),
  },
  {
    id: 'terway-datapathv2',
    title: both('Terway, shared ENI, DataPath V2', 'Terway 共享 ENI，DataPath V2'),
    edgeOnly: false,
    setUp: terway({ eniMode: 'shared', datapath: 'datapathv2' }, { trunking: true, priority: false, policy: true }),
  },
  {
    id: 'terway-exclusive',
    title: both('Terway, exclusive ENI', 'Terway 独占 ENI'),
    edgeOnly: false,
    setUp: terway({ eniMode: 'exclusive' }, { trunking: false, priority: false, policy: false }),
  },
  {
    id: 'flannel',
    title: both('Flannel', 'Flannel'),
    edgeOnly: false,
    setUp: (used): { profile: ProfileValues; assumed: Localized[] } =>
      used.has('kubernetes-bandwidth')
        ? { profile: { cni: 'flannel', flannel: { bandwidth: true } }, assumed: [flannelBandwidth] }
        : { profile: { cni: 'flannel' }, assumed: [] },
  },
  {
    id: 'terway-edge',
    title: both('Terway Edge (ACK Edge)', 'Terway Edge（ACK Edge）'),
    edgeOnly: true,
    setUp: () => ({ profile: { cni: 'terway-edge' }, assumed: [] }),
  },
];
