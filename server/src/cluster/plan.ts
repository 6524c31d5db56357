import type { Cni, Datapath, Edition, EniMode, IpamType, IpStack } from '../profile/types';

/** The kinds of file a cluster plan is read from (PRODUCT §3, step 3, and the profile itself). */
export type ConfigFormat = 'profile' | 'create-cluster' | 'terraform' | 'eni-config' | 'flannel-config';

/**
 * A value read from a configuration file, with where it stands: [start, end) offsets into that
 * file's text, and the source text there (so a fix can keep its quoting: `"24"` stays quoted).
 */
export interface Located<T> {
  value: T;
  start: number;
  end: number;
  raw: string;
}

/** A field that only one CNI reads (`pod_cidr` is Flannel's, `pod_vswitch_ids` Terway's). */
export interface CniSpecificField {
  /** The field as written in its format: `pod_cidr`, `terway.eniMode`, `Network`. */
  name: string;
  belongsTo: 'terway' | 'flannel';
}

/**
 * What a cluster configuration says about the cluster, whatever its format: the CNI, its modes and
 * the cluster plan, each value located in the file. Absent values were not written there.
 */
export interface ClusterPlan {
  format: ConfigFormat;
  /** A name for messages and "which configs were found": the cluster name or resource address. */
  label?: string;
  cni?: Located<Cni>;
  terway: {
    eniMode?: Located<EniMode>;
    datapath?: Located<Datapath>;
    networkPolicy?: Located<boolean>;
    trunking?: Located<boolean>;
    ipStack?: Located<IpStack>;
    ipamType?: Located<IpamType>;
    networkPriority?: Located<boolean>;
    version?: Located<string>;
  };
  flannel: {
    bandwidth?: Located<boolean>;
  };
  cluster: {
    edition?: Located<Edition>;
    kubernetesVersion?: Located<string>;
    nodes?: Located<number>;
    os?: Located<string>;
    instanceTypes: Located<string>[];
    vpcCidr?: Located<string>;
    podCidr?: Located<string>;
    nodeCidrMask?: Located<number>;
    /** One entry per CIDR: a dual-stack service_cidr holds an IPv4 and an IPv6 CIDR. */
    serviceCidrs: Located<string>[];
    podVswitchIds: Located<string>[];
  };
  /** Fields present in the file that belong to one CNI only (checked by cni-field-ignored). */
  cniSpecificFields: Located<CniSpecificField>[];
}

export function emptyPlan(format: ConfigFormat): ClusterPlan {
  return { format, terway: {}, flannel: {}, cluster: { instanceTypes: [], serviceCidrs: [], podVswitchIds: [] }, cniSpecificFields: [] };
}
