import { Migrator } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../migrations';
import { migrateToLatest, openDatabase, type FirebreakDb } from '../open-database';
import { findActiveSession, startSession } from './sessions';
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
    const local = await createUser(db, { username: 'ada', displayName: 'Local Ada', role: 'administrator', password: 'orange kettle drifts north' });
    const { user } = await createIdentityUser(db, { ...input, disabled: true });
    expect(user.id).not.toBe(local.id);
    expect(user).toMatchObject({ username: 'ada@id.example', role: 'on-call' });
    expect(user.disabledAt).not.toBeNull();
  });

  it('keeps accounts and sessions through the migration, with foreign keys enforced after it', async () => {
    db = openDatabase(':memory:');
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    const before = await migrator.migrateTo('0007-termination-protection');
    expect(before.error).toBeUndefined();
    const user = await createUser(db, { username: 'grace', displayName: 'Grace', role: 'viewer', password: 'orange kettle drifts north' });
    const { sessionId } = await startSession(db, { userId: user.id, sourceAddress: '127.0.0.1', hours: 1 });
    await migrateToLatest(db);
    expect((await findActiveSession(db, sessionId))?.user).toMatchObject({ id: user.id, username: 'grace' });
    expect((await findUserCredentials(db, 'grace'))?.passwordHash).toMatch(/^\$argon2id\$/);
    await expect(startSession(db, { userId: 'no-such-account', sourceAddress: '127.0.0.1', hours: 1 })).rejects.toThrow(/FOREIGN KEY/);
  });
});
