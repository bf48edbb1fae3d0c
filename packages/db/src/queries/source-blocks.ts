import type { Selectable } from 'kysely';

import type { FirebreakDb } from '../open-database';
import type { SourceBlockEntriesTable } from '../schema';

/** One network ACL entry (one direction) that an incident's block of a source address relies on. */
export interface SourceBlockEntry {
  incidentId: string;
  deploymentId: string;
  networkAclId: string;
  egress: boolean;
  cidr: string;
  ruleNumber: number;
  /** Firebreak created the EC2 entry (so it may delete it); false when the entry was already there. */
  createdEntry: boolean;
}

/**
 * Records, before the EC2 call, the entry an incident's block uses. A second block by the same incident on the same
 * ACL, direction and CIDR replaces the record (and revives a lifted one).
 */
export async function recordSourceBlockEntry(db: FirebreakDb, entry: SourceBlockEntry, at: string): Promise<void> {
  await db
    .insertInto('source_block_entries')
    .values({ ...toRow(entry), recorded_at: at, removed_at: null })
    .onConflict((oc) =>
      oc.columns(['incident_id', 'network_acl_id', 'egress', 'cidr']).doUpdateSet({
        deployment_id: entry.deploymentId,
        rule_number: entry.ruleNumber,
        created_entry: entry.createdEntry ? 1 : 0,
        recorded_at: at,
        removed_at: null,
      }),
    )
    .execute();
}

/** The entries an incident's block still relies on, optionally for one CIDR, in a stable order. */
export async function listActiveSourceBlockEntries(
  db: FirebreakDb,
  filter: { incidentId: string; cidr?: string },
): Promise<SourceBlockEntry[]> {
  let query = db
    .selectFrom('source_block_entries')
    .selectAll()
    .where('incident_id', '=', filter.incidentId)
    .where('removed_at', 'is', null);
  if (filter.cidr) query = query.where('cidr', '=', filter.cidr);
  const rows = await query.orderBy('network_acl_id').orderBy('egress').orderBy('cidr').execute();
  return rows.map(toEntry);
}

/** How many other incidents' active blocks rely on the same EC2 entry: it stays while any does. */
export async function countOtherActiveSourceBlockEntries(db: FirebreakDb, entry: SourceBlockEntry): Promise<number> {
  const row = await sameEc2Entry(db.selectFrom('source_block_entries'), entry)
    .where('incident_id', '!=', entry.incidentId)
    .where('removed_at', 'is', null)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Marks the incident's reliance on the entry as lifted. If Firebreak created the entry and other incidents still rely
 * on it, they inherit the right to delete it, so the last one to lift its block removes it.
 */
export async function releaseSourceBlockEntry(db: FirebreakDb, entry: SourceBlockEntry, at: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('source_block_entries')
      .set({ removed_at: at })
      .where('incident_id', '=', entry.incidentId)
      .where('network_acl_id', '=', entry.networkAclId)
      .where('egress', '=', entry.egress ? 1 : 0)
      .where('cidr', '=', entry.cidr)
      .where('removed_at', 'is', null)
      .execute();
    if (!entry.createdEntry) return;
    await sameEc2Entry(tx.updateTable('source_block_entries').set({ created_entry: 1 }), entry)
      .where('removed_at', 'is', null)
      .execute();
  });
}

// Narrowed to what the three callers share, so one helper serves select and update builders alike.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any builder with a where(); its own types check each call
function sameEc2Entry<Q extends { where: (...args: any[]) => Q }>(query: Q, entry: SourceBlockEntry): Q {
  return query
    .where('network_acl_id', '=', entry.networkAclId)
    .where('egress', '=', entry.egress ? 1 : 0)
    .where('cidr', '=', entry.cidr)
    .where('rule_number', '=', entry.ruleNumber);
}

function toRow(entry: SourceBlockEntry) {
  return {
    incident_id: entry.incidentId,
    deployment_id: entry.deploymentId,
    network_acl_id: entry.networkAclId,
    egress: entry.egress ? 1 : 0,
    cidr: entry.cidr,
    rule_number: entry.ruleNumber,
    created_entry: entry.createdEntry ? 1 : 0,
  };
}

function toEntry(row: Selectable<SourceBlockEntriesTable>): SourceBlockEntry {
  return {
    incidentId: row.incident_id,
    deploymentId: row.deployment_id,
    networkAclId: row.network_acl_id,
    egress: row.egress === 1,
    cidr: row.cidr,
    ruleNumber: row.rule_number,
    createdEntry: row.created_entry === 1,
  };
}
