import type { Kysely } from 'kysely';

// Each instance's termination protection as it was before Firebreak switched it on, recorded by the protection step
// itself right before the change (first record wins), instead of one read per instance ahead of the deny ACL.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('original_termination_protection')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('deployment_id', 'text', (c) => c.notNull())
    .addColumn('instance_id', 'text', (c) => c.notNull())
    .addColumn('protected', 'integer', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('original_termination_protection_pk', ['incident_id', 'deployment_id', 'instance_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('original_termination_protection').execute();
}
