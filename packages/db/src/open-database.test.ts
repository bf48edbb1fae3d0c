import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';

import { type FirebreakDb, migrateToLatest, openDatabase, UnknownMigrationsError } from './open-database';

describe('migrateToLatest', () => {
  let db: FirebreakDb | undefined;
  afterEach(async () => {
    await db?.destroy();
    db = undefined;
  });

  it('applies the schema once and is safe to run again', async () => {
    db = openDatabase(':memory:');
    await migrateToLatest(db);
    await migrateToLatest(db);
    const applied = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(db);
    expect(applied.rows.map((r) => r.name)).toEqual(['0001-initial']);
  });

  it('refuses, by name, a database that applied migrations this version does not know', async () => {
    db = openDatabase(':memory:');
    await migrateToLatest(db);
    await sql`INSERT INTO kysely_migration (name, timestamp) VALUES ('0002-recovery-and-policy', '2026-11-01T00:00:00.000Z')`.execute(db);
    const refusal = migrateToLatest(db);
    await expect(refusal).rejects.toBeInstanceOf(UnknownMigrationsError);
    await expect(refusal).rejects.toMatchObject({ unknown: ['0002-recovery-and-policy'] });
  });
});
