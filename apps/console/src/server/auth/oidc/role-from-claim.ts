import type { StaffRole } from '@firebreak/domain';

/**
 * The role the provider's claim grants, or undefined when none of its values is mapped. The claim may hold one value
 * or a list (groups); the mapping's own order decides between several matches, so an administrator sets precedence.
 */
export function roleFromClaim(claim: unknown, roleMap: ReadonlyArray<readonly [string, StaffRole]>): StaffRole | undefined {
  const values = new Set((Array.isArray(claim) ? claim : [claim]).filter((value): value is string => typeof value === 'string'));
  return roleMap.find(([value]) => values.has(value))?.[1];
}
