import type { Kysely } from 'kysely';

// Every network ACL entry a source block relies on, so lifting the block removes exactly what blocking added.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('source_block_entries')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('deployment_id', 'text', (c) => c.notNull())
    .addColumn('network_acl_id', 'text', (c) => c.notNull())
    .addColumn('egress', 'integer', (c) => c.notNull())
    .addColumn('cidr', 'text', (c) => c.notNull())
    .addColumn('rule_number', 'integer', (c) => c.notNull())
    // 1 when Firebreak created the EC2 entry (and may delete it), 0 when it found one already there.
    .addColumn('created_entry', 'integer', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .addPrimaryKeyConstraint('source_block_entries_pk', ['incident_id', 'network_acl_id', 'egress', 'cidr'])
    .execute();
  await db.schema
    .createIndex('source_block_entries_rule')
    .on('source_block_entries')
    .columns(['network_acl_id', 'egress', 'rule_number'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('source_block_entries').execute();
}
