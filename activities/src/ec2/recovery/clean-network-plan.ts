import { createHash } from 'node:crypto';

import type { CleanEnvironmentKey } from './recovery-tags';

export interface OriginalSubnet {
  subnetId: string;
  availabilityZone: string;
}

export interface CleanNetworkPlan {
  vpcCidr: string;
  /** One per original subnet, in the same order and availability zone. */
  subnets: { slot: number; cidr: string; availabilityZone: string }[];
}

/** A /16 leaves room for one /24 per original subnet; no deployment comes near 256 subnets. */
const MAX_SUBNETS = 256;

/**
 * The clean environment's addresses, as a pure function of which environment it is and the compromised VPC's
 * CIDR: a retry computes the same plan, and the new VPC never overlaps the compromised one (so the two can never
 * be confused in a route, a flow log or an allow-list). Candidates are the private /16 blocks; a hash of the key
 * picks where to start, so two incidents rarely land on the same block.
 */
export function planCleanNetwork(
  key: CleanEnvironmentKey,
  compromisedVpcCidrs: readonly string[],
  originalSubnets: readonly OriginalSubnet[],
): CleanNetworkPlan {
  if (originalSubnets.length === 0) throw new RangeError('the compromised deployment has no subnet to mirror');
  if (originalSubnets.length > MAX_SUBNETS) throw new RangeError(`at most ${MAX_SUBNETS} subnets can be mirrored`);
  const avoid = compromisedVpcCidrs.map(parseCidr);
  const candidates = privateSlash16Blocks();
  const start = hashToIndex(`${key.incidentId}/${key.deploymentId}/${key.purpose}`, candidates.length);
  for (let step = 0; step < candidates.length; step++) {
    const base = candidates[(start + step) % candidates.length]!;
    const block = { base, prefix: 16 };
    if (avoid.some((other) => overlaps(block, other))) continue;
    return {
      vpcCidr: formatCidr(block),
      subnets: originalSubnets.map((subnet, index) => ({
        slot: index + 1,
        cidr: formatCidr({ base: base + index * 256, prefix: 24 }),
        availabilityZone: subnet.availabilityZone,
      })),
    };
  }
  throw new RangeError('every private /16 block overlaps the compromised network');
}

interface Block {
  base: number;
  prefix: number;
}

/** 10.0.0.0/8, 172.16.0.0/12 and 192.168.0.0/16 (RFC 1918), cut into /16 blocks. */
function privateSlash16Blocks(): number[] {
  const blocks: number[] = [];
  for (let b = 0; b < 256; b++) blocks.push(ipToNumber([10, b, 0, 0]));
  for (let b = 16; b < 32; b++) blocks.push(ipToNumber([172, b, 0, 0]));
  blocks.push(ipToNumber([192, 168, 0, 0]));
  return blocks;
}

export function parseCidr(cidr: string): Block {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
  const octets = match?.slice(1, 5).map(Number) ?? [];
  const prefix = Number(match?.[5]);
  if (!match || octets.some((o) => o > 255) || prefix > 32) throw new RangeError(`not an IPv4 CIDR block: ${cidr}`);
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return { base: (ipToNumber(octets) & mask) >>> 0, prefix };
}

function overlaps(a: Block, b: Block): boolean {
  const prefix = Math.min(a.prefix, b.prefix);
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return (a.base & mask) >>> 0 === (b.base & mask) >>> 0;
}

function ipToNumber(octets: number[]): number {
  return octets.reduce((n, o) => n * 256 + o, 0);
}

function formatCidr({ base, prefix }: Block): string {
  return `${base >>> 24}.${(base >>> 16) & 255}.${(base >>> 8) & 255}.${base & 255}/${prefix}`;
}

function hashToIndex(text: string, size: number): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0) % size;
}
