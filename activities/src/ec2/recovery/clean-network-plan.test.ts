import { describe, expect, it } from 'vitest';

import { parseCidr, planCleanNetwork } from './clean-network-plan';

const key = { incidentId: 'inc-abcdefabcdef', deploymentId: 'northwind-transfer', purpose: 'backup' as const };
const subnets = [
  { subnetId: 'subnet-1', availabilityZone: 'us-east-1a' },
  { subnetId: 'subnet-2', availabilityZone: 'us-east-1b' },
];

function inside(cidr: string, outer: string): boolean {
  const a = parseCidr(cidr);
  const b = parseCidr(outer);
  const mask = (0xffffffff << (32 - b.prefix)) >>> 0;
  return a.prefix >= b.prefix && (a.base & mask) >>> 0 === b.base;
}

describe('planCleanNetwork', () => {
  it('is deterministic and mirrors each original subnet in its zone', () => {
    const plan = planCleanNetwork(key, ['10.10.0.0/16'], subnets);
    expect(planCleanNetwork(key, ['10.10.0.0/16'], subnets)).toEqual(plan);
    expect(plan.subnets.map((s) => [s.slot, s.availabilityZone])).toEqual([
      [1, 'us-east-1a'],
      [2, 'us-east-1b'],
    ]);
    for (const subnet of plan.subnets) expect(inside(subnet.cidr, plan.vpcCidr)).toBe(true);
    expect(new Set(plan.subnets.map((s) => s.cidr)).size).toBe(2);
  });

  it('never overlaps the compromised network, whatever block the hash starts at', () => {
    for (let i = 0; i < 200; i++) {
      const k = { ...key, incidentId: `inc-${String(i).padStart(12, '0')}` };
      for (const compromised of ['10.10.0.0/16', '10.0.0.0/8', '172.16.0.0/12']) {
        const plan = planCleanNetwork(k, [compromised], subnets);
        const a = parseCidr(plan.vpcCidr);
        const b = parseCidr(compromised);
        const prefix = Math.min(a.prefix, b.prefix);
        const mask = (0xffffffff << (32 - prefix)) >>> 0;
        expect((a.base & mask) >>> 0 === (b.base & mask) >>> 0, `${plan.vpcCidr} vs ${compromised}`).toBe(false);
      }
    }
  });

  it('gives backup and recreate environments their own plans', () => {
    const recreate = planCleanNetwork({ ...key, purpose: 'recreate' }, ['10.10.0.0/16'], subnets);
    expect(recreate.subnets).toHaveLength(2);
    expect(recreate.vpcCidr).toMatch(/^(10|172|192)\./);
  });

  it('refuses what it cannot plan', () => {
    expect(() => planCleanNetwork(key, ['10.10.0.0/16'], [])).toThrow(/no subnet/);
    expect(() => planCleanNetwork(key, ['0.0.0.0/0'], subnets)).toThrow(/overlaps/);
    expect(() => planCleanNetwork(key, ['10.10.0.0/33'], subnets)).toThrow(/not an IPv4 CIDR/);
  });
});
