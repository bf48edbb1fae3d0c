import { type FirebreakDb, migrateToLatest, openDatabase } from '@firebreak/db';
import { afterEach, describe, expect, it } from 'vitest';

import { createIdentityUser, findUserByIdentity } from './user-identities';
import { createUser, findUserCredentials, findUserPasswordHash } from './users';

let db: FirebreakDb;
afterEach(() => db.destroy());

const identity = { issuer: 'https://id.example', subject: 'subject-1' };
const input = { identity, usernames: ['ada', 'ada@id.example'], displayName: 'Ada Lovelace', role: 'on-call' as const, disabled: false };

describe('accounts linked to a single sign-on identity', () => {
  it('have no password, and are found by (issuer, subject)', async () => {
    db = openDatabase(':memory:');
    await migrateToLatest(db);
    const { user, created } = await createIdentityUser(db, input);
    expect(created).toBe(true);
    expect(user).toMatchObject({ username: 'ada', role: 'on-call', passwordChangedAt: null, disabledAt: null });
    expect((await findUserCredentials(db, 'ada'))?.passwordHash).toBeNull();
    expect(await findUserPasswordHash(db, user.id)).toBeUndefined();
    expect((await findUserByIdentity(db, identity))?.id).toBe(user.id);
    expect(await findUserByIdentity(db, { ...identity, issuer: 'https://other.example' })).toBeUndefined();
  });

  it('makes one account however often the first sign-in is repeated', async () => {
    db = openDatabase(':memory:');
    await migrateToLatest(db);
    const [first, second] = await Promise.all([createIdentityUser(db, input), createIdentityUser(db, input)]);
    expect(second!.user.id).toBe(first!.user.id);
    expect([first!.created, second!.created].sort()).toEqual([false, true]);
    expect(await db.selectFrom('users').select('id').execute()).toHaveLength(1);
  });

  it('never takes over a local account with the same name', async () => {
    db = openDatabase(':memory:');
    await migrateToLatest(db);
    const local = await createUser(db, {
      username: 'ada',
      displayName: 'Local Ada',
      role: 'administrator',
      password: 'orange kettle drifts north',
    });
    const { user } = await createIdentityUser(db, { ...input, disabled: true });
    expect(user.id).not.toBe(local.id);
    expect(user).toMatchObject({ username: 'ada@id.example', role: 'on-call' });
    expect(user.disabledAt).not.toBeNull();
  });
});
