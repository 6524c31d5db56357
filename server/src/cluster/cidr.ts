/**
 * Exact CIDR arithmetic for cluster plans: IPv4 and IPv6 addresses as bigints, strict parsing
 * (no leading zeros, no zones, a prefix length always), containment, overlap, network address and
 * the private IPv4 ranges ACK accepts (cni-facts §7).
 */
export type IpFamily = 4 | 6;

export interface Cidr {
  family: IpFamily;
  /** The address as written (host bits may be set: `10.0.0.1/8`). */
  address: bigint;
  prefix: number;
}

const bitsOf = (family: IpFamily): number => (family === 4 ? 32 : 128);

function parseIpv4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part)) return null;
    const octet = Number(part);
    if (octet > 255) return null;
    value = (value << 8n) | BigInt(octet);
  }
  return value;
}

function parseIpv6(text: string): bigint | null {
  if (text.includes('%')) return null;
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groupsOf = (half: string): bigint[] | null => {
    if (half === '') return [];
    const out: bigint[] = [];
    const parts = half.split(':');
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      if (i === parts.length - 1 && part.includes('.')) {
        const v4 = parseIpv4(part);
        if (v4 === null) return null;
        out.push(v4 >> 16n, v4 & 0xffffn);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(part)) {
        out.push(BigInt(parseInt(part, 16)));
      } else {
        return null;
      }
    }
    return out;
  };
  const head = groupsOf(halves[0]);
  const tail = halves.length === 2 ? groupsOf(halves[1]) : [];
  if (head === null || tail === null) return null;
  // An embedded IPv4 address may only end the address.
  if (halves.length === 2 && halves[0].includes('.')) return null;
  const count = head.length + tail.length;
  if (halves.length === 1 ? count !== 8 : count > 7) return null;
  const groups = [...head, ...new Array<bigint>(8 - count).fill(0n), ...tail];
  return groups.reduce((value, group) => (value << 16n) | group, 0n);
}

/** An IP address (IPv4 dotted quad or IPv6), or null when it is not one. */
export function parseIp(text: string): { family: IpFamily; value: bigint } | null {
  if (text.includes(':')) {
    const value = parseIpv6(text);
    return value === null ? null : { family: 6, value };
  }
  const value = parseIpv4(text);
  return value === null ? null : { family: 4, value };
}

/** `address/prefix`, or null when the text is not exactly a CIDR block. */
export function parseCidr(text: string): Cidr | null {
  const slash = text.indexOf('/');
  if (slash === -1 || slash !== text.lastIndexOf('/')) return null;
  const ip = parseIp(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (!ip || !/^(0|[1-9]\d{0,2})$/.test(prefixText)) return null;
  const prefix = Number(prefixText);
  if (prefix > bitsOf(ip.family)) return null;
  return { family: ip.family, address: ip.value, prefix };
}

function hostMask(family: IpFamily, prefix: number): bigint {
  return (1n << BigInt(bitsOf(family) - prefix)) - 1n;
}

/** The first address of the block (host bits cleared). */
export function networkAddress(cidr: Cidr): bigint {
  return cidr.address & ~hostMask(cidr.family, cidr.prefix);
}

/** The last address of the block. */
export function lastAddress(cidr: Cidr): bigint {
  return networkAddress(cidr) | hostMask(cidr.family, cidr.prefix);
}

/** True when the address has bits set beyond the prefix (`10.0.0.1/8`). */
export function hasHostBits(cidr: Cidr): boolean {
  return (cidr.address & hostMask(cidr.family, cidr.prefix)) !== 0n;
}

/** The same block written with its network address. */
export function networkOf(cidr: Cidr): Cidr {
  return { family: cidr.family, address: networkAddress(cidr), prefix: cidr.prefix };
}

/** How many addresses the block holds: 2^(bits − prefix). */
export function addressCount(cidr: Cidr): bigint {
  return 1n << BigInt(bitsOf(cidr.family) - cidr.prefix);
}

/** True when every address of `inner` is in `outer` (same family). */
export function contains(outer: Cidr, inner: Cidr): boolean {
  if (outer.family !== inner.family || inner.prefix < outer.prefix) return false;
  return networkAddress({ ...inner, prefix: outer.prefix }) === networkAddress(outer);
}

/** True when the blocks share at least one address (same family). */
export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.family === b.family && (contains(a, b) || contains(b, a));
}

/** An address in its usual text form: dotted quad, or RFC 5952 IPv6 (lower case, longest zero run as `::`). */
export function formatIp(family: IpFamily, value: bigint): string {
  if (family === 4) return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');
  const groups = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(112 - 16 * i)) & 0xffffn));
  let best = { start: -1, length: 0 };
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.length) best = { start: i, length: j - i };
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.length < 2) return hex.join(':');
  return `${hex.slice(0, best.start).join(':')}::${hex.slice(best.start + best.length).join(':')}`;
}

export function formatCidr(cidr: Cidr): string {
  return `${formatIp(cidr.family, cidr.address)}/${cidr.prefix}`;
}

/** The private IPv4 ranges of RFC 1918: the only ones ACK accepts for VPC, pod and Service CIDRs (cni-facts §7). */
export const privateRanges: readonly Cidr[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map((text) => parseCidr(text)!);

/** The private range that holds the whole block, if any. */
export function privateRangeOf(cidr: Cidr): Cidr | undefined {
  return privateRanges.find((range) => contains(range, cidr));
}
