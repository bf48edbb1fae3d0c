import type { FirebreakDb } from '@firebreak/db';
import type { LockoutPolicy } from '@firebreak/domain';

/** The key under which failures from one source address are counted across every account name. */
export const ANY_ACCOUNT = '*';
/** A source may fail this many times more, across accounts, than one account may from it before it is blocked. */
export const SOURCE_FACTOR = 4;

export interface FailureCounter {
  failures: number;
  firstFailureAt: string;
  lockedUntil: string | null;
}

/**
 * The counter after one more failure. Failures count within a window as long as the lockout; once the window or a
 * lockout has passed, counting starts again.
 */
export function nextFailureCounter(previous: FailureCounter | undefined, limit: number, lockoutSeconds: number, now: Date): FailureCounter {
  const windowMs = lockoutSeconds * 1000;
  const stale =
    !previous ||
    (previous.lockedUntil !== null && Date.parse(previous.lockedUntil) <= now.getTime()) ||
    (previous.lockedUntil === null && now.getTime() - Date.parse(previous.firstFailureAt) > windowMs);
  const base = stale ? { failures: 0, firstFailureAt: now.toISOString() } : previous;
  const failures = base.failures + 1;
  const lockedUntil = failures >= limit ? new Date(now.getTime() + windowMs).toISOString() : null;
  return { failures, firstFailureAt: base.firstFailureAt, lockedUntil };
}

export function isLocked(counter: FailureCounter | undefined, now: Date): boolean {
  return counter?.lockedUntil != null && Date.parse(counter.lockedUntil) > now.getTime();
}

async function readCounter(db: FirebreakDb, username: string, sourceAddress: string): Promise<FailureCounter | undefined> {
  const row = await db
    .selectFrom('sign_in_failures')
    .select(['failures', 'first_failure_at', 'locked_until'])
    .where('username', '=', username)
    .where('source_address', '=', sourceAddress)
    .executeTakeFirst();
  return row && { failures: row.failures, firstFailureAt: row.first_failure_at, lockedUntil: row.locked_until };
}

async function writeCounter(db: FirebreakDb, username: string, sourceAddress: string, counter: FailureCounter): Promise<void> {
  const values = { failures: counter.failures, first_failure_at: counter.firstFailureAt, locked_until: counter.lockedUntil };
  await db
    .insertInto('sign_in_failures')
    .values({ username, source_address: sourceAddress, ...values })
    .onConflict((oc) => oc.columns(['username', 'source_address']).doUpdateSet(values))
    .execute();
}

export type SignInBlock = { kind: 'account-from-source' | 'source'; until: string };

/** Whether sign-ins to this account from this source are refused right now, and why. */
export async function signInBlock(
  db: FirebreakDb,
  username: string,
  sourceAddress: string,
  now: Date = new Date(),
): Promise<SignInBlock | undefined> {
  const pair = await readCounter(db, username, sourceAddress);
  if (isLocked(pair, now)) return { kind: 'account-from-source', until: pair!.lockedUntil! };
  const source = await readCounter(db, ANY_ACCOUNT, sourceAddress);
  if (isLocked(source, now)) return { kind: 'source', until: source!.lockedUntil! };
  return undefined;
}

export interface FailureOutcome {
  /** Set when this failure started a lockout of the account from this source. */
  lockedAccountUntil?: string;
  /** Set when this failure started a block of the source address. */
  blockedSourceUntil?: string;
}

/**
 * Counts a failed sign-in twice: for the (account name, source) pair, which locks only that pair, and for the
 * source across all names, which catches one address trying many accounts. Nobody elsewhere is locked out.
 */
export async function recordFailedSignIn(
  db: FirebreakDb,
  input: { username: string; sourceAddress: string; policy: LockoutPolicy; now?: Date },
): Promise<FailureOutcome> {
  const now = input.now ?? new Date();
  const { maxFailedAttempts, lockoutSeconds } = input.policy;
  return db.transaction().execute(async (tx) => {
    const outcome: FailureOutcome = {};
    const pair = nextFailureCounter(await readCounter(tx, input.username, input.sourceAddress), maxFailedAttempts, lockoutSeconds, now);
    await writeCounter(tx, input.username, input.sourceAddress, pair);
    if (pair.lockedUntil && pair.failures === maxFailedAttempts) outcome.lockedAccountUntil = pair.lockedUntil;
    const sourceLimit = maxFailedAttempts * SOURCE_FACTOR;
    const source = nextFailureCounter(await readCounter(tx, ANY_ACCOUNT, input.sourceAddress), sourceLimit, lockoutSeconds, now);
    await writeCounter(tx, ANY_ACCOUNT, input.sourceAddress, source);
    if (source.lockedUntil && source.failures === sourceLimit) outcome.blockedSourceUntil = source.lockedUntil;
    return outcome;
  });
}

/** A successful sign-in forgets the pair's failures (not the source's: spraying continues to count). */
export async function clearFailedSignIns(db: FirebreakDb, username: string, sourceAddress: string): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('username', '=', username).where('source_address', '=', sourceAddress).execute();
}
