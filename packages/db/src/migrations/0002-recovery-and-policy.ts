import type { Kysely } from 'kysely';

// What rebuilds need to know about a deployment, and the versioned response policy.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('deployments').addColumn('application_host_cidr', 'text').execute();
  await db.schema
    .alterTable('deployments')
    .addColumn('allow_listed_sources', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema.alterTable('deployments').addColumn('known_good_image_id', 'text').execute();

  // Every change is a new row: the current policy is the latest version, and the history is the audit of changes.
  await db.schema
    .createTable('policy_versions')
    .addColumn('version', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('policy', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('policy_versions').execute();
  for (const column of ['known_good_image_id', 'allow_listed_sources', 'application_host_cidr']) {
    await db.schema.alterTable('deployments').dropColumn(column).execute();
  }
}
