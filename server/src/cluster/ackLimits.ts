import { both, type Localized } from '../l10n';

/** The CIDR roles a cluster plan has. */
export type CidrRole = 'vpc' | 'pod' | 'service';

/** Where ACK accepts each block when it creates a cluster (cni-facts §7: VPC [src 28], container_cidr and service_cidr [src 22]). */
export const acceptedRanges: Record<CidrRole, Localized> = {
  vpc: both('10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or a subnet of one', '10.0.0.0/8、172.16.0.0/12、192.168.0.0/16 或其子网'),
  pod: both('10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or a subnet of one', '10.0.0.0/8、172.16.0.0/12、192.168.0.0/16 或其子网'),
  service: both(
    'a /16 to /24 block inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16',
    '位于 10.0.0.0/8、172.16.0.0/12 或 192.168.0.0/16 内、掩码为 /16 到 /24 的网段',
  ),
};

/** Prefix lengths ACK accepts for the (IPv4) Service CIDR [src 22]. */
export const servicePrefix = { min: 16, max: 24 } as const;

/** The node CIDR mask when none is written: the sources disagree (cni-facts, "Uncertain"). */
export const defaultNodeCidrMasks = { terraform: 24, api: 26 } as const;
