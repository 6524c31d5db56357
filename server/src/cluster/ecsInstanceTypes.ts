/**
 * ENI quotas of ECS instance types, for Terway's pods-per-node formulas (cni-facts §6):
 * shared ENI pods = (ENIs − 1) × private IPs per ENI; exclusive ENI pods = ENIs − 1.
 *
 * Data: the Alibaba Cloud ECS documentation as of July 2021 (AlibabaCloudDocs/ecs @322eaab8, the
 * compute optimized, general purpose and memory optimized instance family pages), as collected in
 * the project's fact sheet. ENI counts include the primary ENI. Only the families below are known;
 * any other type is unknown and must be said to be unknown, never guessed. Alibaba may have changed
 * the numbers since: Terway itself reads EniQuantity and EniPrivateIpAddressQuantity from
 * DescribeInstanceTypes.
 */
export interface EniQuota {
  /** ENIs the instance can attach, the primary ENI included (EniQuantity). */
  enis: number;
  /** Private IPv4 addresses per ENI (EniPrivateIpAddressQuantity). */
  ipsPerEni: number;
}

export const ecsEniTableSource = {
  title: 'Alibaba Cloud ECS documentation: instance families (ENIs, private IP addresses per ENI)',
  repository: 'https://github.com/AlibabaCloudDocs/ecs',
  commit: '322eaab82e866a494eeaddb0de02bab1978692d1',
  paths: [
    'intl.en-US/Instance/Instance type families/Compute optimized instance families.md',
    'intl.en-US/Instance/Instance type families/General purpose instance families.md',
    'intl.en-US/Instance/Instance type families/Memory optimized instance families/Memory optimized instance families.md',
  ],
  snapshot: '2021-07',
  factSheet: 'cni-facts.md §6 [src 18]',
} as const;

/** Sizes with the same quota, for families whose sizes share numbers. */
type SizeRows = ReadonlyArray<readonly [sizes: readonly string[], enis: number, ipsPerEni: number]>;

const gen7: SizeRows = [
  [['large'], 3, 6],
  [['xlarge', '2xlarge'], 4, 15],
  [['3xlarge'], 8, 15],
  [['4xlarge', '6xlarge', '8xlarge', '16xlarge'], 8, 30],
  [['32xlarge'], 15, 30],
];

const gen6: SizeRows = [
  [['large'], 2, 6],
  [['xlarge'], 3, 10],
  [['2xlarge'], 4, 10],
  [['3xlarge'], 6, 10],
  [['4xlarge', '6xlarge', '8xlarge'], 8, 20],
  [['13xlarge'], 7, 20],
  [['26xlarge'], 15, 20],
];

const gen5: SizeRows = [
  [['large'], 2, 6],
  [['xlarge'], 3, 10],
  [['2xlarge'], 4, 10],
  [['3xlarge'], 6, 10],
  [['4xlarge', '6xlarge', '8xlarge', '16xlarge'], 8, 20],
];

const g7ne: SizeRows = [
  [['large'], 3, 10],
  [['xlarge'], 4, 15],
  [['2xlarge'], 6, 15],
  [['4xlarge', '8xlarge', '12xlarge', '16xlarge'], 8, 30],
  [['24xlarge'], 15, 50],
];

const families: ReadonlyArray<readonly [names: readonly string[], rows: SizeRows]> = [
  [['c7', 'g7', 'r7'], gen7],
  [['c6', 'g6', 'r6'], gen6],
  [['c5', 'g5', 'r5'], gen5],
  [['g7ne'], g7ne],
];

/** Every known instance type (`ecs.c7.4xlarge`) with its ENI quota. */
export const ecsEniQuotas: ReadonlyMap<string, EniQuota> = new Map(
  families.flatMap(([names, rows]) =>
    names.flatMap((family) => rows.flatMap(([sizes, enis, ipsPerEni]) => sizes.map((size) => [`ecs.${family}.${size}`, { enis, ipsPerEni }] as const))),
  ),
);

/** The quota of an instance type as ECS names it (`ecs.g7.4xlarge`, any case); undefined when unknown. */
export function eniQuotaOf(instanceType: string): EniQuota | undefined {
  return ecsEniQuotas.get(instanceType.trim().toLowerCase());
}

/** Pods per node in Terway's shared ENI mode: (ENIs − 1) × IPs per ENI (the primary ENI serves the node). */
export function sharedEniPods(quota: EniQuota): number {
  return (quota.enis - 1) * quota.ipsPerEni;
}

/** Pods per node in Terway's exclusive ENI mode: ENIs − 1. */
export function exclusiveEniPods(quota: EniQuota): number {
  return quota.enis - 1;
}

/** A node joins a shared-ENI Terway cluster only when it allows more than 11 pods (cni-facts §2.1). */
export const sharedEniMinPods = 12;
/** A node can be an exclusive-ENI node only with more than 6 ENIs (cni-facts §2.1). */
export const exclusiveEniMinEnis = 7;
