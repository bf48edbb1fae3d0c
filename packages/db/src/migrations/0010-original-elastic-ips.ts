import type { Kysely } from 'kysely';

// The association each of a deployment's Elastic IPs had before Firebreak detached it, recorded by the early release
// step right before the change (first record wins), so the addresses need not wait for the full pre-change capture.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('original_elastic_ips')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('deployment_id', 'text', (c) => c.notNull())
    .addColumn('allocation_id', 'text', (c) => c.notNull())
    .addColumn('association_id', 'text', (c) => c.notNull())
    .addColumn('public_ip', 'text', (c) => c.notNull())
    .addColumn('instance_id', 'text')
    .addColumn('network_interface_id', 'text')
    .addColumn('private_ip_address', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('original_elastic_ips_pk', ['incident_id', 'deployment_id', 'allocation_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('original_elastic_ips').execute();
}
