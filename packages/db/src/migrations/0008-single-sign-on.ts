import { sql, type Kysely } from 'kysely';

// Single sign-on: an account can be linked to one identity at an OpenID Connect provider (issuer, subject), and such
// an account has no password here. SQLite cannot drop NOT NULL in place, so `users` is rebuilt the documented way
// (new table, copy, drop, rename) with foreign-key enforcement off while the sessions' reference is re-pointed.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`PRAGMA foreign_keys = OFF`.execute(db);
  try {
    await db.transaction().execute(async (tx) => {
      await tx.schema
        .createTable('users_rebuilt')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        // Both null for an account that signs in only through single sign-on.
        .addColumn('password_hash', 'text')
        .addColumn('password_changed_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('disabled_at', 'text')
        .execute();
      await sql`INSERT INTO users_rebuilt (id, username, display_name, role, password_hash, password_changed_at, created_at, disabled_at)
                SELECT id, username, display_name, role, password_hash, password_changed_at, created_at, disabled_at FROM users`.execute(tx);
      await tx.schema.dropTable('users').execute();
      await tx.schema.alterTable('users_rebuilt').renameTo('users').execute();
      const broken = await sql`PRAGMA foreign_key_check`.execute(tx);
      if (broken.rows.length > 0) throw new Error('rebuilding users left sessions pointing at no account');

      await tx.schema
        .createTable('user_identities')
        .addColumn('issuer', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        // One identity per account: a second provider account never takes over an existing one.
        .addColumn('user_id', 'text', (c) => c.notNull().unique().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_sign_in_at', 'text')
        .addPrimaryKeyConstraint('user_identities_pk', ['issuer', 'subject'])
        .execute();
    });
  } finally {
    await sql`PRAGMA foreign_keys = ON`.execute(db);
  }
}

// The columns stay nullable: accounts without a password may exist by then, and a NOT NULL would lose them.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('user_identities').execute();
}
