import { createHash, randomBytes } from 'node:crypto';

import type { FirebreakDb } from '@firebreak/db';

import { toUser, type User } from './users';

/** Sessions are stored as SHA-256 digests of their ids: 256 random bits need no slow hash. */
export function hashSessionId(sessionId: string): string {
  return createHash('sha256').update(sessionId, 'utf8').digest('hex');
}

export interface StartedSession {
  /** The only copy: it goes into the cookie and nowhere else. */
  sessionId: string;
  expiresAt: string;
}

/**
 * Starts a fresh session for the account. A session the browser already held is ended first, so an id planted
 * before sign-in is worth nothing after it (rotation).
 */
export async function startSession(
  db: FirebreakDb,
  input: { userId: string; sourceAddress: string; hours: number; replacing?: string | undefined; now?: Date },
): Promise<StartedSession> {
  const now = input.now ?? new Date();
  const sessionId = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + input.hours * 3_600_000).toISOString();
  await db.transaction().execute(async (tx) => {
    if (input.replacing) {
      await tx.updateTable('sessions').set({ ended_at: now.toISOString() }).where('id_hash', '=', hashSessionId(input.replacing)).execute();
    }
    await tx
      .insertInto('sessions')
      .values({
        id_hash: hashSessionId(sessionId),
        user_id: input.userId,
        created_at: now.toISOString(),
        expires_at: expiresAt,
        source_address: input.sourceAddress,
        ended_at: null,
      })
      .execute();
  });
  return { sessionId, expiresAt };
}

export interface ActiveSession {
  idHash: string;
  expiresAt: string;
  user: User;
}

/** The session behind an id, if it is neither ended nor expired and its account is enabled. */
export async function findActiveSession(db: FirebreakDb, sessionId: string, now: Date = new Date()): Promise<ActiveSession | undefined> {
  const idHash = hashSessionId(sessionId);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.expires_at',
      'users.id',
      'users.username',
      'users.display_name',
      'users.role',
      'users.password_changed_at',
      'users.created_at',
      'users.disabled_at',
    ])
    .where('sessions.id_hash', '=', idHash)
    .where('sessions.ended_at', 'is', null)
    .where('sessions.expires_at', '>', now.toISOString())
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    idHash,
    expiresAt: row.expires_at,
    user: toUser(row),
  };
}

/** Ends the session; ending one already ended changes nothing. */
export async function endSession(db: FirebreakDb, sessionId: string): Promise<boolean> {
  const result = await db
    .updateTable('sessions')
    .set({ ended_at: new Date().toISOString() })
    .where('id_hash', '=', hashSessionId(sessionId))
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
