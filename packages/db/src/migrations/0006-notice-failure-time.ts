import type { Kysely } from 'kysely';

// When a notice was refused for good, so the console can show it beside the sent, delivered and acknowledged times.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('notices').addColumn('failed_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('notices').dropColumn('failed_at').execute();
}
