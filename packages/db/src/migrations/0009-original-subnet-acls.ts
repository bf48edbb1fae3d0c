import type { Kysely } from 'kysely';

// The network ACL each of a deployment's subnets was on before the deny ACL replaced it, recorded by the deny step
// itself right before the change (first record wins), so the deny ACL need not wait for the full pre-change capture.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('original_subnet_acls')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('deployment_id', 'text', (c) => c.notNull())
    .addColumn('subnet_id', 'text', (c) => c.notNull())
    .addColumn('network_acl_id', 'text', (c) => c.notNull())
    .addColumn('association_id', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('original_subnet_acls_pk', ['incident_id', 'deployment_id', 'subnet_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('original_subnet_acls').execute();
}
