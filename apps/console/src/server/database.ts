import { type FirebreakDb, migrateToLatest, openDatabase } from '@firebreak/db';

import { getEnv } from '../env';

let opening: Promise<FirebreakDb> | undefined;

/** The application database, opened and migrated once per server process. */
export function getDatabase(): Promise<FirebreakDb> {
  opening ??= open().catch((error: unknown) => {
    // Let the next request try again rather than caching the failure forever.
    opening = undefined;
    throw error;
  });
  return opening;
}

async function open(): Promise<FirebreakDb> {
  const db = openDatabase(getEnv().databasePath);
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}
