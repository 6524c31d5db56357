import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ecsEniQuotas,
  ecsEniTableSource,
  eniQuotaOf,
  exclusiveEniPods,
  sharedEniPods,
} from '../../server/src/cluster/ecsInstanceTypes';

const pods = (type: string) => {
  const quota = eniQuotaOf(type);
  assert.ok(quota, `${type} is in the table`);
  return { shared: sharedEniPods(quota), exclusive: exclusiveEniPods(quota), ...quota };
};

test('seed 003: ecs.c7.4xlarge gives 210 shared-ENI pods and 7 exclusive-ENI pods; ecs.c6.4xlarge 140', () => {
  assert.deepEqual(pods('ecs.c7.4xlarge'), { shared: 210, exclusive: 7, enis: 8, ipsPerEni: 30 });
  assert.equal(pods('ecs.c6.4xlarge').shared, 140);
  assert.equal(pods('ecs.c6.4xlarge').exclusive, 7);
});

/** cni-facts §6, row by row: [sizes, ENIs, IPs per ENI, shared pods, exclusive pods]. */
const factSheet: Array<[families: string[], sizes: string[], enis: number, ips: number, shared: number, exclusive: number]> = [
  [['c7', 'g7', 'r7'], ['large'], 3, 6, 12, 2],
  [['c7', 'g7', 'r7'], ['xlarge', '2xlarge'], 4, 15, 45, 3],
  [['c7', 'g7', 'r7'], ['3xlarge'], 8, 15, 105, 7],
  [['c7', 'g7', 'r7'], ['4xlarge', '6xlarge', '8xlarge', '16xlarge'], 8, 30, 210, 7],
  [['c7', 'g7', 'r7'], ['32xlarge'], 15, 30, 420, 14],
  [['c6', 'g6', 'r6'], ['large'], 2, 6, 6, 1],
  [['c6', 'g6', 'r6'], ['xlarge'], 3, 10, 20, 2],
  [['c6', 'g6', 'r6'], ['2xlarge'], 4, 10, 30, 3],
  [['c6', 'g6', 'r6'], ['3xlarge'], 6, 10, 50, 5],
  [['c6', 'g6', 'r6'], ['4xlarge', '6xlarge', '8xlarge'], 8, 20, 140, 7],
  [['c6', 'g6', 'r6'], ['13xlarge'], 7, 20, 120, 6],
  [['c6', 'g6', 'r6'], ['26xlarge'], 15, 20, 280, 14],
  [['c5', 'g5', 'r5'], ['large'], 2, 6, 6, 1],
  [['c5', 'g5', 'r5'], ['xlarge'], 3, 10, 20, 2],
  [['c5', 'g5', 'r5'], ['2xlarge'], 4, 10, 30, 3],
  [['c5', 'g5', 'r5'], ['3xlarge'], 6, 10, 50, 5],
  [['c5', 'g5', 'r5'], ['4xlarge', '6xlarge', '8xlarge', '16xlarge'], 8, 20, 140, 7],
  [['g7ne'], ['large'], 3, 10, 20, 2],
  [['g7ne'], ['xlarge'], 4, 15, 45, 3],
  [['g7ne'], ['2xlarge'], 6, 15, 75, 5],
  [['g7ne'], ['4xlarge', '8xlarge', '12xlarge', '16xlarge'], 8, 30, 210, 7],
  [['g7ne'], ['24xlarge'], 15, 50, 700, 14],
];

test('the table holds exactly the rows of the fact sheet, with the formulas giving its pod counts', () => {
  const expected = new Map<string, { enis: number; ipsPerEni: number }>();
  for (const [families, sizes, enis, ips, shared, exclusive] of factSheet) {
    for (const family of families) {
      for (const size of sizes) {
        const type = `ecs.${family}.${size}`;
        expected.set(type, { enis, ipsPerEni: ips });
        assert.deepEqual(pods(type), { shared, exclusive, enis, ipsPerEni: ips }, type);
      }
    }
  }
  assert.deepEqual(new Map([...ecsEniQuotas].sort()), new Map([...expected].sort()));
  assert.equal(ecsEniQuotas.size, 86);
});

test('names are matched as ECS writes them, any case; other names are unknown', () => {
  assert.deepEqual(eniQuotaOf('ECS.G7.4XLARGE'), { enis: 8, ipsPerEni: 30 });
  assert.deepEqual(eniQuotaOf(' ecs.g7.4xlarge '), { enis: 8, ipsPerEni: 30 });
  for (const unknown of ['g7.4xlarge', 'ecs.g8i.4xlarge', 'ecs.c7.5xlarge', 'ecs.g7ne.6xlarge', 'ecs.ebmg5s.24xlarge', '']) {
    assert.equal(eniQuotaOf(unknown), undefined, unknown);
  }
});

test('the table carries its source and snapshot date', () => {
  assert.equal(ecsEniTableSource.snapshot, '2021-07');
  assert.equal(ecsEniTableSource.commit, '322eaab82e866a494eeaddb0de02bab1978692d1');
  assert.match(ecsEniTableSource.repository, /AlibabaCloudDocs\/ecs/);
});
