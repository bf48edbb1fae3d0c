import { randomUUID } from 'node:crypto';

import type { FirebreakDb } from '@firebreak/db';
import type { StaffRole } from '@firebreak/domain';

import { normalizeUsername, toUser, type User, USER_COLUMNS, UsernameTakenError } from './users';

/** Who someone is at an OpenID Connect provider: the provider's issuer and its stable subject identifier. */
export interface ExternalIdentity {
  issuer: string;
  subject: string;
}

/** The account linked to this identity, if any. */
export async function findUserByIdentity(db: FirebreakDb, identity: ExternalIdentity): Promise<User | undefined> {
  const row = await db
    .selectFrom('user_identities')
    .innerJoin('users', 'users.id', 'user_identities.user_id')
    .select(USER_COLUMNS.map((column) => `users.${column}` as const))
    .where('user_identities.issuer', '=', identity.issuer)
    .where('user_identities.subject', '=', identity.subject)
    .executeTakeFirst();
  return row && toUser(row);
}

export interface IdentityUserInput {
  identity: ExternalIdentity;
  /** Tried in order; the first free one becomes the account's user name (an existing account is never taken over). */
  usernames: string[];
  displayName: string;
  role: StaffRole;
  /** A new account without any role to give starts disabled, for an administrator to enable. */
  disabled: boolean;
  now?: Date;
}

/**
 * Creates an account without a password, linked to the identity. A sign-in that linked the same identity first wins:
 * its account is returned with `created: false`, so two concurrent first sign-ins make one account.
 */
export async function createIdentityUser(db: FirebreakDb, input: IdentityUserInput): Promise<{ user: User; created: boolean }> {
  const now = (input.now ?? new Date()).toISOString();
  return db.transaction().execute(async (tx) => {
    const linked = await findUserByIdentity(tx, input.identity);
    if (linked) return { user: linked, created: false };
    for (const candidate of input.usernames.map(normalizeUsername)) {
      if (candidate === '') continue;
      const row = {
        id: randomUUID(),
        username: candidate,
        display_name: input.displayName.trim() || candidate,
        role: input.role,
        password_hash: null,
        password_changed_at: null,
        created_at: now,
        disabled_at: input.disabled ? now : null,
      };
      const inserted = await tx
        .insertInto('users')
        .values(row)
        .onConflict((oc) => oc.column('username').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) continue;
      await tx
        .insertInto('user_identities')
        .values({ issuer: input.identity.issuer, subject: input.identity.subject, user_id: row.id, created_at: now, last_sign_in_at: null })
        .execute();
      return { user: toUser(row), created: true };
    }
    throw new UsernameTakenError(`none of the user names offered for ${input.identity.subject} is free`);
  });
}

export async function recordIdentitySignIn(db: FirebreakDb, identity: ExternalIdentity, now: Date = new Date()): Promise<void> {
  await db
    .updateTable('user_identities')
    .set({ last_sign_in_at: now.toISOString() })
    .where('issuer', '=', identity.issuer)
    .where('subject', '=', identity.subject)
    .execute();
}
