import { type FirebreakDb, migrateToLatest, openDatabase } from '@firebreak/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { endSession, findActiveSession, startSession } from './sessions';
import { createUser, setUserDisabled, setUserPassword, type User } from './users';

let db: FirebreakDb;
let user: User;
beforeEach(async () => {
  db = openDatabase(':memory:');
  await migrateToLatest(db);
  user = await createUser(db, { username: ' Ada ', displayName: 'Ada Lovelace', role: 'on-call', password: 'orange kettle drifts north' });
});
afterEach(() => db.destroy());

const start = (replacing?: string) => startSession(db, { userId: user.id, sourceAddress: '127.0.0.1', hours: 1, replacing });

describe('sessions', () => {
  it('stores only a hash of the id', async () => {
    const { sessionId } = await start();
    const rows = await db.selectFrom('sessions').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(sessionId);
    expect((await findActiveSession(db, sessionId))?.user).toMatchObject({ username: 'ada', role: 'on-call' });
  });

  it('rotates: signing in again with a session in hand ends the old one', async () => {
    const first = await start();
    const second = await start(first.sessionId);
    expect(second.sessionId).not.toBe(first.sessionId);
    expect(await findActiveSession(db, first.sessionId)).toBeUndefined();
    expect(await findActiveSession(db, second.sessionId)).toBeDefined();
  });

  it('ends at sign-out, at expiry, and when the account is disabled', async () => {
    const a = await start();
    expect(await endSession(db, a.sessionId)).toBe(true);
    expect(await endSession(db, a.sessionId)).toBe(false);
    expect(await findActiveSession(db, a.sessionId)).toBeUndefined();

    const b = await start();
    expect(await findActiveSession(db, b.sessionId, new Date(Date.now() + 2 * 3_600_000))).toBeUndefined();

    await setUserDisabled(db, user.id, true);
    expect(await findActiveSession(db, b.sessionId)).toBeUndefined();
    await setUserDisabled(db, user.id, false);
    expect(await findActiveSession(db, b.sessionId)).toBeUndefined();
  });

  it('a password change ends every other session of the account', async () => {
    const mine = await start();
    const other = await start();
    const { hashSessionId } = await import('./sessions');
    await setUserPassword(db, user.id, 'a brand new passphrase', { keepSessionHash: hashSessionId(mine.sessionId) });
    expect(await findActiveSession(db, mine.sessionId)).toBeDefined();
    expect(await findActiveSession(db, other.sessionId)).toBeUndefined();
  });
});
