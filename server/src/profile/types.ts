/** The cluster profile's file name (PRODUCT §2). */
export const profileFileName = '.ack-cni.yaml';

/**
 * Longer profile texts are not read, anywhere. A profile is read whole, not document by document
 * as manifests are, and a 50 MB one took the CLI past 2.9 GB; real profiles are a few hundred
 * bytes, and long `rules:` and `ignore:` lists stay far below this. lintText reports a
 * file-too-large hint instead, and the files the profile governs are linted without a profile.
 */
export const maxProfileLength = 1024 * 1024;

export type Cni = 'terway' | 'terway-edge' | 'flannel';
export type EniMode = 'shared' | 'exclusive' | 'mixed';
export type Datapath = 'veth' | 'ipvlan' | 'datapathv2';
export type IpStack = 'ipv4' | 'dual';
export type IpamType = 'crd' | 'legacy';
export type Edition = 'pro' | 'basic' | 'edge';

export interface TerwaySettings {
  eniMode: EniMode;
  datapath: Datapath;
  networkPolicy: boolean;
  trunking: boolean;
  ipStack: IpStack;
  ipamType: IpamType;
  networkPriority: boolean;
  version?: string;
}

export interface FlannelSettings {
  bandwidth: boolean;
}

export interface ClusterSettings {
  edition: Edition;
  kubernetesVersion?: string;
  nodes?: number;
  os?: string;
  instanceTypes?: string[];
  vpcCidr?: string;
  podCidr?: string;
  nodeCidrMask?: number;
  serviceCidr?: string;
}

/** Where the profile in force came from. */
export type ProfileSource =
  | { kind: 'file'; path: string }
  /** A cluster configuration found in the workspace (auto-detection, PRODUCT §3 step 3). */
  | { kind: 'cluster-config'; path: string }
  | { kind: 'settings' }
  | { kind: 'cli' };

/** The cluster a file deploys to, with every default filled in. */
export interface Profile {
  cni: Cni;
  terway: TerwaySettings;
  flannel: FlannelSettings;
  cluster: ClusterSettings;
  source: ProfileSource;
  /** Text of the profile file when the source is a file (fixes edit it). */
  fileText?: string;
}

export const defaultTerway: TerwaySettings = {
  eniMode: 'shared',
  datapath: 'veth',
  networkPolicy: false,
  trunking: false,
  ipStack: 'ipv4',
  ipamType: 'crd',
  networkPriority: false,
};

export const defaultFlannel: FlannelSettings = { bandwidth: false };
export const defaultCluster: ClusterSettings = { edition: 'pro' };
