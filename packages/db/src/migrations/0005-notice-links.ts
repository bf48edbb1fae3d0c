import type { Kysely } from 'kysely';

// What the contact's page needs: the notice's content (to show it again), its link's id (to revoke it), when it was
// acknowledged and by whom; and the links that no longer open anything (revoked, or spent by a one-shot action).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('notices').addColumn('content', 'text').execute();
  await db.schema.alterTable('notices').addColumn('link_id', 'text').execute();
  await db.schema.alterTable('notices').addColumn('acknowledged_at', 'text').execute();
  await db.schema.alterTable('notices').addColumn('acknowledged_by', 'text').execute();
  await db.schema
    .createTable('revoked_links')
    .addColumn('link_id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('revoked_links').execute();
  for (const column of ['acknowledged_by', 'acknowledged_at', 'link_id', 'content']) {
    await db.schema.alterTable('notices').dropColumn(column).execute();
  }
}
