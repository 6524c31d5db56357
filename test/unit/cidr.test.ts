import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addressCount,
  contains,
  formatCidr,
  formatIp,
  hasHostBits,
  lastAddress,
  networkAddress,
  networkOf,
  overlaps,
  parseCidr,
  parseIp,
  privateRangeOf,
  type Cidr,
} from '../../server/src/cluster/cidr';

const cidr = (text: string): Cidr => {
  const parsed = parseCidr(text);
  assert.ok(parsed, `${text} parses`);
  return parsed;
};

test('IPv4 addresses parse to their exact 32-bit value', () => {
  assert.deepEqual(parseIp('0.0.0.0'), { family: 4, value: 0n });
  assert.deepEqual(parseIp('10.0.0.1'), { family: 4, value: 0x0a000001n });
  assert.deepEqual(parseIp('172.16.0.0'), { family: 4, value: 0xac100000n });
  assert.deepEqual(parseIp('255.255.255.255'), { family: 4, value: 0xffffffffn });
});

test('malformed IPv4 addresses are rejected, leading zeros included', () => {
  for (const bad of ['', '10', '10.0.0', '10.0.0.0.0', '256.0.0.0', '10.0.0.-1', '010.0.0.1', '10.00.0.1', '10.0.0.1 ', ' 10.0.0.1', '1e1.0.0.0', '10..0.1', 'a.b.c.d']) {
    assert.equal(parseIp(bad), null, JSON.stringify(bad));
  }
});

test('IPv6 addresses parse, with :: compression and an embedded IPv4 tail', () => {
  assert.deepEqual(parseIp('::'), { family: 6, value: 0n });
  assert.deepEqual(parseIp('::1'), { family: 6, value: 1n });
  assert.deepEqual(parseIp('fd00::'), { family: 6, value: 0xfd00n << 112n });
  assert.deepEqual(parseIp('2001:db8::8:800:200c:417a'), { family: 6, value: 0x20010db8000000000008080020_0c417an });
  assert.deepEqual(parseIp('2001:DB8:0:0:8:800:200C:417A'), parseIp('2001:db8::8:800:200c:417a'));
  assert.deepEqual(parseIp('::ffff:10.0.0.1'), { family: 6, value: (0xffffn << 32n) | 0x0a000001n });
  assert.deepEqual(parseIp('1:2:3:4:5:6:1.2.3.4'), parseIp('1:2:3:4:5:6:102:304'));
});

test('malformed IPv6 addresses are rejected', () => {
  for (const bad of [':', ':::', '1::2::3', '1:2:3:4:5:6:7', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7::8', '12345::', 'g::', 'fe80::1%eth0', '1.2.3.4::', '::1.2.3', '1:', ':1']) {
    assert.equal(parseIp(bad), null, JSON.stringify(bad));
  }
  assert.notEqual(parseIp('1:2:3:4:5:6:7::'), null, 'seven groups and a trailing :: is one zero group');
});

test('CIDR blocks need an address and a prefix length within the family', () => {
  assert.deepEqual(parseCidr('10.0.0.0/8'), { family: 4, address: 0x0a000000n, prefix: 8 });
  assert.deepEqual(parseCidr('0.0.0.0/0'), { family: 4, address: 0n, prefix: 0 });
  assert.deepEqual(parseCidr('192.168.1.1/32'), { family: 4, address: 0xc0a80101n, prefix: 32 });
  assert.deepEqual(parseCidr('fd00::/112'), { family: 6, address: 0xfd00n << 112n, prefix: 112 });
  assert.deepEqual(parseCidr('::/128'), { family: 6, address: 0n, prefix: 128 });
  for (const bad of ['10.0.0.0', '10.0.0.0/', '10.0.0.0/33', '10.0.0.0/08', '10.0.0.0/-1', '10.0.0.0/8/8', '/8', 'fd00::/129', '10.0.0.0/ 8', '10.0.0.0/8,fd00::/112']) {
    assert.equal(parseCidr(bad), null, JSON.stringify(bad));
  }
});

test('network address, last address, host bits and address counts are exact', () => {
  assert.equal(networkAddress(cidr('10.0.0.1/8')), 0x0a000000n);
  assert.equal(lastAddress(cidr('10.0.0.0/8')), 0x0affffffn);
  assert.equal(hasHostBits(cidr('10.0.0.1/8')), true);
  assert.equal(hasHostBits(cidr('10.0.0.0/8')), false);
  assert.equal(hasHostBits(cidr('172.16.0.0/12')), false);
  assert.equal(hasHostBits(cidr('172.17.0.0/12')), true);
  assert.equal(hasHostBits(cidr('0.0.0.0/0')), false);
  assert.equal(hasHostBits(cidr('10.1.2.3/32')), false);
  assert.equal(formatCidr(networkOf(cidr('10.0.0.1/8'))), '10.0.0.0/8');
  assert.equal(formatCidr(networkOf(cidr('172.20.3.7/20'))), '172.20.0.0/20');
  assert.equal(formatCidr(networkOf(cidr('fd00::1/112'))), 'fd00::/112');
  assert.equal(formatCidr(networkOf(cidr('2001:db8:1:2:3:4:5:6/64'))), '2001:db8:1:2::/64');
  assert.equal(addressCount(cidr('172.16.0.0/20')), 4096n);
  assert.equal(addressCount(cidr('10.0.0.0/32')), 1n);
  assert.equal(addressCount(cidr('0.0.0.0/0')), 4294967296n);
  assert.equal(addressCount(cidr('fd00::/112')), 65536n);
  assert.equal(addressCount(cidr('::/0')), 1n << 128n);
});

test('containment and overlap, same family only', () => {
  assert.equal(contains(cidr('10.0.0.0/8'), cidr('10.255.0.0/16')), true);
  assert.equal(contains(cidr('10.0.0.0/8'), cidr('10.0.0.0/8')), true);
  assert.equal(contains(cidr('10.0.0.0/16'), cidr('10.0.0.0/8')), false);
  assert.equal(contains(cidr('172.16.0.0/12'), cidr('172.31.255.0/24')), true);
  assert.equal(contains(cidr('172.16.0.0/12'), cidr('172.32.0.0/16')), false);
  assert.equal(contains(cidr('172.16.0.0/12'), cidr('172.15.0.0/16')), false);
  assert.equal(overlaps(cidr('172.16.0.0/16'), cidr('172.16.0.0/20')), true);
  assert.equal(overlaps(cidr('172.16.0.0/20'), cidr('172.16.0.0/16')), true);
  assert.equal(overlaps(cidr('172.16.0.0/20'), cidr('172.16.16.0/20')), false, 'adjacent blocks do not overlap');
  assert.equal(overlaps(cidr('172.16.15.0/24'), cidr('172.16.0.0/20')), true, 'last /24 of the /20');
  assert.equal(overlaps(cidr('192.168.0.0/16'), cidr('10.0.0.0/8')), false);
  assert.equal(overlaps(cidr('0.0.0.0/0'), cidr('::/0')), false, 'families never overlap');
  assert.equal(overlaps(cidr('fd00::/112'), cidr('fd00::ff/128')), true);
  assert.equal(overlaps(cidr('fd00::/112'), cidr('fd00::1:0/112')), false);
});

test('the private ranges are exactly RFC 1918', () => {
  const range = (text: string) => {
    const found = privateRangeOf(cidr(text));
    return found ? formatCidr(found) : undefined;
  };
  assert.equal(range('10.0.0.0/8'), '10.0.0.0/8');
  assert.equal(range('10.200.0.0/16'), '10.0.0.0/8');
  assert.equal(range('172.16.0.0/12'), '172.16.0.0/12');
  assert.equal(range('172.31.255.0/24'), '172.16.0.0/12');
  assert.equal(range('192.168.0.0/16'), '192.168.0.0/16');
  assert.equal(range('192.168.10.0/24'), '192.168.0.0/16');
  assert.equal(range('172.32.0.0/16'), undefined);
  assert.equal(range('172.0.0.0/8'), undefined, 'wider than 172.16.0.0/12');
  assert.equal(range('192.168.0.0/15'), undefined);
  assert.equal(range('100.64.0.0/10'), undefined, 'carrier-grade NAT space is not RFC 1918');
  assert.equal(range('8.8.8.0/24'), undefined);
  assert.equal(range('fd00::/8'), undefined, 'IPv6 is never in an IPv4 range');
});

test('addresses format as dotted quads and RFC 5952 IPv6', () => {
  assert.equal(formatIp(4, 0x0a000001n), '10.0.0.1');
  assert.equal(formatIp(6, 0n), '::');
  assert.equal(formatIp(6, 1n), '::1');
  assert.equal(formatIp(6, parseIp('2001:db8:0:0:1:0:0:1')!.value), '2001:db8::1:0:0:1', 'the first of two equal zero runs');
  assert.equal(formatIp(6, parseIp('2001:db8:0:1:1:1:1:1')!.value), '2001:db8:0:1:1:1:1:1', 'a single zero group stays');
  assert.equal(formatIp(6, parseIp('2001:0:0:1:0:0:0:1')!.value), '2001:0:0:1::1', 'the longest zero run');
  assert.equal(formatIp(6, parseIp('FD00:0000::ABCD')!.value), 'fd00::abcd');
});
