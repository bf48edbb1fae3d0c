import type { NetworkAclEntry } from '@aws-sdk/client-ec2';

import { normaliseSourceCidr } from './source-cidr';

/** The highest number a rule of one's own may have; 32767 is the ACL's built-in catch-all. */
export const MAX_RULE_NUMBER = 32766;

export type DenyRuleChoice =
  { kind: 'existing'; ruleNumber: number } | { kind: 'new'; ruleNumber: number } | { kind: 'none'; lowestAllow: number };

/**
 * Where a deny of `cidr` goes among one direction's entries of an ACL. Entries are evaluated lowest number first,
 * so the deny must sit below every allow. An effective deny of the same CIDR already there is reused (desired
 * state); otherwise the lowest number from 1 upward that is neither in EC2 nor `reserved` (held by another block
 * whose entry may not be added yet), which keeps the choice deterministic.
 */
export function chooseDenyRuleNumber(
  entries: readonly NetworkAclEntry[],
  cidr: string,
  reserved: ReadonlySet<number> = new Set(),
): DenyRuleChoice {
  const lowestAllow = lowestAllowRule(entries);
  const existing = entries
    .filter((e) => isDenyOf(e, cidr) && e.RuleNumber! < lowestAllow)
    .map((e) => e.RuleNumber!)
    .sort((a, b) => a - b)[0];
  if (existing !== undefined) return { kind: 'existing', ruleNumber: existing };
  const used = new Set(entries.map((e) => e.RuleNumber));
  let candidate = 1;
  while (used.has(candidate) || reserved.has(candidate)) candidate++;
  if (candidate >= lowestAllow || candidate > MAX_RULE_NUMBER) return { kind: 'none', lowestAllow };
  return { kind: 'new', ruleNumber: candidate };
}

export function lowestAllowRule(entries: readonly NetworkAclEntry[]): number {
  return Math.min(MAX_RULE_NUMBER + 1, ...entries.filter((e) => e.RuleAction === 'allow').map((e) => e.RuleNumber ?? Infinity));
}

/** A deny of every protocol for exactly this (normalised) CIDR. */
export function isDenyOf(entry: NetworkAclEntry, cidr: string): boolean {
  return (
    entry.RuleAction === 'deny' &&
    entry.Protocol === '-1' &&
    entry.RuleNumber !== undefined &&
    entry.CidrBlock !== undefined &&
    normaliseSourceCidr(entry.CidrBlock) === cidr
  );
}
