import { sql } from 'kysely';

import type { FirebreakDb } from '../open-database';

/** Runs the cheapest possible query: resolves when the database answers, rejects when it cannot. */
export async function pingDatabase(db: FirebreakDb): Promise<void> {
  await sql`select 1`.execute(db);
}
