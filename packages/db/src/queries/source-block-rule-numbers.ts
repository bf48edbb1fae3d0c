import type { FirebreakDb } from '../open-database';

/**
 * Rule numbers that other incidents' active blocks hold on these ACLs, by `${networkAclId}/${egress}`, whether or not
 * their EC2 entry exists yet: a block records its number before adding the entry, so two blocks planned at the same
 * time on one ACL must not both take the lowest number EC2 shows free.
 */
export async function listReservedRuleNumbers(
  db: FirebreakDb,
  filter: { networkAclIds: readonly string[]; excludingIncidentId: string },
): Promise<Map<string, Set<number>>> {
  const reserved = new Map<string, Set<number>>();
  if (filter.networkAclIds.length === 0) return reserved;
  const rows = await db
    .selectFrom('source_block_entries')
    .select(['network_acl_id', 'egress', 'rule_number'])
    .where('network_acl_id', 'in', [...filter.networkAclIds])
    .where('incident_id', '!=', filter.excludingIncidentId)
    .where('removed_at', 'is', null)
    .execute();
  for (const row of rows) {
    const key = ruleNumberKey(row.network_acl_id, row.egress === 1);
    reserved.set(key, (reserved.get(key) ?? new Set()).add(row.rule_number));
  }
  return reserved;
}

export function ruleNumberKey(networkAclId: string, egress: boolean): string {
  return `${networkAclId}/${egress ? 'egress' : 'ingress'}`;
}
