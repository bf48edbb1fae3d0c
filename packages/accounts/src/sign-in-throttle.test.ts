import { type FirebreakDb, migrateToLatest, openDatabase } from '@firebreak/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { clearFailedSignIns, nextFailureCounter, recordFailedSignIn, signInBlock, SOURCE_FACTOR } from './sign-in-throttle';

const policy = { maxFailedAttempts: 3, lockoutSeconds: 600 };
const t0 = new Date('2026-01-01T10:00:00Z');
const later = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe('nextFailureCounter', () => {
  it('locks when the limit is reached and starts over once the lockout has passed', () => {
    let counter = nextFailureCounter(undefined, 3, 600, t0);
    counter = nextFailureCounter(counter, 3, 600, later(1));
    expect(counter.lockedUntil).toBeNull();
    counter = nextFailureCounter(counter, 3, 600, later(2));
    expect(counter).toMatchObject({ failures: 3, lockedUntil: later(602).toISOString() });
    expect(nextFailureCounter(counter, 3, 600, later(603))).toMatchObject({ failures: 1, lockedUntil: null });
  });

  it('forgets failures older than the window', () => {
    const counter = nextFailureCounter(nextFailureCounter(undefined, 3, 600, t0), 3, 600, later(1));
    expect(nextFailureCounter(counter, 3, 600, later(700))).toMatchObject({ failures: 1 });
  });
});

describe('recordFailedSignIn and signInBlock', () => {
  let db: FirebreakDb;
  beforeEach(async () => {
    db = openDatabase(':memory:');
    await migrateToLatest(db);
  });
  afterEach(() => db.destroy());

  const fail = (username: string, sourceAddress: string, now: Date) => recordFailedSignIn(db, { username, sourceAddress, policy, now });

  it('locks the account only from the source that failed, so an attacker cannot lock out its owner', async () => {
    await fail('ada', '203.0.113.9', t0);
    await fail('ada', '203.0.113.9', later(1));
    expect(await fail('ada', '203.0.113.9', later(2))).toEqual({ lockedAccountUntil: later(602).toISOString() });
    expect(await signInBlock(db, 'ada', '203.0.113.9', later(3))).toEqual({ kind: 'account-from-source', until: later(602).toISOString() });
    expect(await signInBlock(db, 'ada', '198.51.100.4', later(3))).toBeUndefined();
    expect(await signInBlock(db, 'ada', '203.0.113.9', later(603))).toBeUndefined();
  });

  it('blocks a source that tries many accounts', async () => {
    let outcome = {};
    for (let i = 0; i < policy.maxFailedAttempts * SOURCE_FACTOR; i++) outcome = await fail(`user${i}`, '203.0.113.9', later(i));
    expect(outcome).toMatchObject({ blockedSourceUntil: expect.any(String) });
    expect(await signInBlock(db, 'someone-else', '203.0.113.9', later(100))).toMatchObject({ kind: 'source' });
    expect(await signInBlock(db, 'someone-else', '198.51.100.4', later(100))).toBeUndefined();
  });

  it('forgets the pair after a successful sign-in', async () => {
    await fail('ada', '203.0.113.9', t0);
    await fail('ada', '203.0.113.9', later(1));
    await clearFailedSignIns(db, 'ada', '203.0.113.9');
    expect(await fail('ada', '203.0.113.9', later(2))).toEqual({});
  });
});
