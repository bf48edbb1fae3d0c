import { randomUUID } from 'node:crypto';

import type { FirebreakDb } from '@firebreak/db';
import type { StaffRole } from '@firebreak/domain';

import { hashPassword } from './password-hash';

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: StaffRole;
  /** Null for an account that signs in only through single sign-on: it has no password here. */
  passwordChangedAt: string | null;
  createdAt: string;
  disabledAt: string | null;
}

export class UsernameTakenError extends Error {
  override readonly name = 'UsernameTakenError';
}

/** User names are compared without regard to case or surrounding blanks. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

export const USER_COLUMNS = ['id', 'username', 'display_name', 'role', 'password_changed_at', 'created_at', 'disabled_at'] as const;

export function toUser(row: {
  id: string;
  username: string;
  display_name: string;
  role: StaffRole;
  password_changed_at: string | null;
  created_at: string;
  disabled_at: string | null;
}): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    passwordChangedAt: row.password_changed_at,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
  };
}

/** Creates an account. The caller has checked the password against the policy. */
export async function createUser(
  db: FirebreakDb,
  input: { username: string; displayName: string; role: StaffRole; password: string },
): Promise<User> {
  const username = normalizeUsername(input.username);
  const passwordHash = await hashPassword(input.password);
  const now = new Date().toISOString();
  const row = {
    id: randomUUID(),
    username,
    display_name: input.displayName.trim(),
    role: input.role,
    password_hash: passwordHash,
    password_changed_at: now,
    created_at: now,
    disabled_at: null,
  };
  const inserted = await db
    .insertInto('users')
    .values(row)
    .onConflict((oc) => oc.column('username').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) throw new UsernameTakenError(`the user name ${username} is taken`);
  return toUser(row);
}

/** The account and its password hash (null: single sign-on only), for sign-in only. */
export async function findUserCredentials(
  db: FirebreakDb,
  username: string,
): Promise<(User & { passwordHash: string | null }) | undefined> {
  const row = await db
    .selectFrom('users')
    .select([...USER_COLUMNS, 'password_hash'])
    .where('username', '=', normalizeUsername(username))
    .executeTakeFirst();
  return row && { ...toUser(row), passwordHash: row.password_hash };
}

/** The account's password hash; undefined when there is no such account or it has no password (single sign-on). */
export async function findUserPasswordHash(db: FirebreakDb, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirst();
  return row?.password_hash ?? undefined;
}

export async function findUser(db: FirebreakDb, id: string): Promise<User | undefined> {
  const row = await db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row && toUser(row);
}

export async function listUsers(db: FirebreakDb): Promise<User[]> {
  const rows = await db.selectFrom('users').select(USER_COLUMNS).orderBy('username').execute();
  return rows.map(toUser);
}

export async function countActiveAdministrators(db: FirebreakDb): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'administrator')
    .where('disabled_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function setUserRole(db: FirebreakDb, id: string, role: StaffRole): Promise<void> {
  await db.updateTable('users').set({ role }).where('id', '=', id).execute();
}

/** Disabling ends every session of the account at once; enabling starts none. */
export async function setUserDisabled(db: FirebreakDb, id: string, disabled: boolean): Promise<void> {
  const now = new Date().toISOString();
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('users')
      .set({ disabled_at: disabled ? now : null })
      .where('id', '=', id)
      .execute();
    if (disabled) await tx.updateTable('sessions').set({ ended_at: now }).where('user_id', '=', id).where('ended_at', 'is', null).execute();
  });
}

/** Sets a new password; every other session of the account ends, as a stolen one should. */
export async function setUserPassword(
  db: FirebreakDb,
  id: string,
  password: string,
  options: { keepSessionHash?: string } = {},
): Promise<void> {
  const passwordHash = await hashPassword(password);
  const now = new Date().toISOString();
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('users').set({ password_hash: passwordHash, password_changed_at: now }).where('id', '=', id).execute();
    let others = tx.updateTable('sessions').set({ ended_at: now }).where('user_id', '=', id).where('ended_at', 'is', null);
    if (options.keepSessionHash) others = others.where('id_hash', '!=', options.keepSessionHash);
    await others.execute();
  });
}
