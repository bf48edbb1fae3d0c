import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

import SQLite from 'better-sqlite3';
import { Kysely, Migrator, sql, SqliteDialect } from 'kysely';

import { migrations } from './migrations';
import type { Database } from './schema';

export type FirebreakDb = Kysely<Database>;

export interface OpenDatabaseOptions {
  /**
   * Open an existing database for reading only: nothing is created, migrated or written (a checker such as
   * `audit:verify` must not change what it checks). A missing file is an error instead of a new database.
   */
  readOnly?: boolean;
}

/**
 * Opens the application database. WAL mode lets the console read while the worker writes;
 * the busy timeout makes concurrent writers wait instead of failing.
 */
export function openDatabase(path: string, { readOnly = false }: OpenDatabaseOptions = {}): FirebreakDb {
  if (readOnly) {
    const sqlite = new SQLite(path, { readonly: true, fileMustExist: true });
    sqlite.pragma('busy_timeout = 5000');
    return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  }
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

/** Applies every checked-in migration not yet applied. Safe to run on every start. */
export async function migrateToLatest(db: FirebreakDb): Promise<void> {
  await refuseUnknownMigrations(db);
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed`, { cause: error });
  }
}

/** The table where Kysely's migrator records what it applied. */
const MIGRATION_TABLE = 'kysely_migration';

/** A database that has applied a migration this build does not know, and would be refused by the migrator. */
export class UnknownMigrationsError extends Error {
  constructor(readonly unknown: string[]) {
    super(
      `this database has migrations this version does not know (${unknown.join(', ')}): it was made by a development ` +
        "build from before the first release's schema, or by a newer version; move this database aside, or set " +
        'FIREBREAK_DATA_DIR to a new directory',
    );
    this.name = 'UnknownMigrationsError';
  }
}

/**
 * Says plainly why a database cannot be migrated when it holds migrations this build lacks (a development database
 * from before the schema was squashed into one initial migration), instead of the migrator's bare refusal.
 */
async function refuseUnknownMigrations(db: FirebreakDb): Promise<void> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === MIGRATION_TABLE)) return;
  const applied = await sql<{ name: string }>`SELECT name FROM ${sql.table(MIGRATION_TABLE)}`.execute(db);
  const unknown = applied.rows.map((r) => r.name).filter((name) => !(name in migrations));
  if (unknown.length > 0) throw new UnknownMigrationsError(unknown);
}
