import type { IpPermission } from '@aws-sdk/client-ec2';
import type { ApplicationKind } from '@firebreak/domain';

import { parseCidr } from './clean-network-plan';

export const TRANSFER_PORT = 33001;
export const SSH_PORT = 3001;
/** The standard SSH port: never opened on a clean environment, where scanners try it first. */
export const FORBIDDEN_PORT = 22;

/** One inbound rule: a protocol, a single port, one source block. */
export interface FirewallRule {
  protocol: 'tcp' | 'udp';
  port: number;
  cidr: string;
  description: string;
}

export class FirewallRuleError extends Error {
  override readonly name = 'FirewallRuleError';
}

/** Files reaches its transfer node over HTTPS; Faspex, Shares and Console use the node API port. */
export function nodeApiPort(application: ApplicationKind): number {
  return application === 'files' ? 443 : 9092;
}

/**
 * The clean environment's inbound rules. A security group denies whatever no rule allows, so this list is the
 * whole of what may come in: transfers (TCP and UDP 33001) from anywhere, the node API from the application host
 * only, SSH on 3001 from the allow-listed sources only. Throws FirewallRuleError rather than build a weaker set.
 */
export function cleanFirewallRules(input: {
  applicationKind: ApplicationKind;
  applicationHostCidr?: string | undefined;
  allowListedSources: readonly string[];
}): FirewallRule[] {
  if (!input.applicationHostCidr) {
    throw new FirewallRuleError('the deployment has no application host: the node API would have no allowed source');
  }
  const apiPort = nodeApiPort(input.applicationKind);
  const rules: FirewallRule[] = [
    { protocol: 'tcp', port: TRANSFER_PORT, cidr: '0.0.0.0/0', description: 'transfers' },
    { protocol: 'udp', port: TRANSFER_PORT, cidr: '0.0.0.0/0', description: 'transfers' },
    { protocol: 'tcp', port: apiPort, cidr: narrowSource(input.applicationHostCidr, 'application host'), description: 'application host' },
    ...[...new Set(input.allowListedSources)].sort().map((cidr) => ({
      protocol: 'tcp' as const,
      port: SSH_PORT,
      cidr: narrowSource(cidr, 'SSH allow-list'),
      description: 'operations SSH allow-list',
    })),
  ];
  for (const rule of rules) assertAllowedPort(rule.port);
  return rules;
}

export function assertAllowedPort(port: number): void {
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new FirewallRuleError(`port ${port} is out of range 1-65535`);
  if (port === FORBIDDEN_PORT) throw new FirewallRuleError('port 22 is never opened; SSH listens on 3001');
}

/** A restricted source must be restricted: an allow-list entry or application host of 0.0.0.0/0 would open it to all. */
function narrowSource(cidr: string, what: string): string {
  let block;
  try {
    block = parseCidr(cidr);
  } catch {
    throw new FirewallRuleError(`${what} ${cidr} is not an IPv4 CIDR block`);
  }
  if (block.prefix === 0) throw new FirewallRuleError(`${what} ${cidr} would allow every source`);
  return cidr;
}

/** The rules as EC2 takes them: one permission per rule, so each can be granted or revoked on its own. */
export function toIpPermission(rule: FirewallRule): IpPermission {
  return {
    IpProtocol: rule.protocol,
    FromPort: rule.port,
    ToPort: rule.port,
    IpRanges: [{ CidrIp: rule.cidr, Description: rule.description }],
  };
}

/** A comparable identity for one (protocol, port range, source). */
export function ruleKey(protocol: string, fromPort: number | undefined, toPort: number | undefined, source: string): string {
  return `${protocol}/${fromPort ?? '*'}-${toPort ?? '*'}/${source}`;
}

export function expectedRuleKeys(rules: readonly FirewallRule[]): string[] {
  return rules.map((r) => ruleKey(r.protocol, r.port, r.port, r.cidr)).sort();
}

/**
 * Every (protocol, ports, source) an actual group allows, flattened. IPv6 ranges, prefix lists and group
 * references are listed too: the clean firewall has none, so any of them is something extra.
 */
export function actualRuleKeys(permissions: readonly IpPermission[] | undefined): string[] {
  const keys: string[] = [];
  for (const p of permissions ?? []) {
    const protocol = p.IpProtocol ?? '?';
    for (const r of p.IpRanges ?? []) keys.push(ruleKey(protocol, p.FromPort, p.ToPort, r.CidrIp ?? '?'));
    for (const r of p.Ipv6Ranges ?? []) keys.push(ruleKey(protocol, p.FromPort, p.ToPort, r.CidrIpv6 ?? '?'));
    for (const r of p.PrefixListIds ?? []) keys.push(ruleKey(protocol, p.FromPort, p.ToPort, r.PrefixListId ?? '?'));
    for (const r of p.UserIdGroupPairs ?? []) keys.push(ruleKey(protocol, p.FromPort, p.ToPort, r.GroupId ?? '?'));
  }
  return keys.sort();
}

/** The permissions in `actual` that no expected rule accounts for, split per source so each can be revoked alone. */
export function extraPermissions(actual: readonly IpPermission[] | undefined, expected: readonly FirewallRule[]): IpPermission[] {
  const wanted = new Set(expectedRuleKeys(expected));
  const extras: IpPermission[] = [];
  for (const p of actual ?? []) {
    const base = { IpProtocol: p.IpProtocol, FromPort: p.FromPort, ToPort: p.ToPort };
    const key = (source: string) => ruleKey(p.IpProtocol ?? '?', p.FromPort, p.ToPort, source);
    for (const r of p.IpRanges ?? []) if (!wanted.has(key(r.CidrIp ?? '?'))) extras.push({ ...base, IpRanges: [{ CidrIp: r.CidrIp }] });
    for (const r of p.Ipv6Ranges ?? []) extras.push({ ...base, Ipv6Ranges: [{ CidrIpv6: r.CidrIpv6 }] });
    for (const r of p.PrefixListIds ?? []) extras.push({ ...base, PrefixListIds: [{ PrefixListId: r.PrefixListId }] });
    for (const r of p.UserIdGroupPairs ?? []) extras.push({ ...base, UserIdGroupPairs: [{ GroupId: r.GroupId }] });
  }
  return extras;
}

/** The expected rules an actual group is missing. */
export function missingRules(actual: readonly IpPermission[] | undefined, expected: readonly FirewallRule[]): FirewallRule[] {
  const present = new Set(actualRuleKeys(actual));
  return expected.filter((r) => !present.has(ruleKey(r.protocol, r.port, r.port, r.cidr)));
}

/** Whether a permission lets anything reach port 22 (all protocols, or a port range that covers it). */
export function opensForbiddenPort(p: IpPermission): boolean {
  if (p.IpProtocol === '-1') return true;
  if (p.IpProtocol !== 'tcp' && p.IpProtocol !== 'udp' && p.IpProtocol !== '6' && p.IpProtocol !== '17') return false;
  const from = p.FromPort ?? 0;
  const to = p.ToPort ?? 65535;
  return from <= FORBIDDEN_PORT && to >= FORBIDDEN_PORT;
}
