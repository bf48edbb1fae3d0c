import {
  clearFailedSignIns,
  currentSecuritySettings,
  findUserCredentials,
  normalizeUsername,
  passwordExpired,
  recordFailedSignIn,
  signInBlock,
  SOURCE_FACTOR,
  spendVerificationTime,
  startSession,
  type User,
  verifyPassword,
} from '@firebreak/accounts';
import type { Actor } from '@firebreak/domain';

import { recordAudit } from '../audit/record-audit';
import { getDatabase } from '../database';
import { alertSourceBlocked } from './alert-source-blocked';

/** The one answer to every failed sign-in: it does not say whether the account exists, nor which part was wrong. */
export const SIGN_IN_REFUSED =
  'Sign-in failed. Check your user name and password; after several failures, sign-in from your address pauses for a while.';

export type SignInResult =
  { ok: true; sessionId: string; expiresAt: string; user: User; passwordExpired: boolean } | { ok: false; message: string };

export interface SignInAttempt {
  username: string;
  password: string;
  sourceAddress: string;
  /** The session the browser already holds, if any: it is ended, never reused (rotation). */
  previousSessionId?: string | undefined;
}

const MAX_USERNAME = 200;
const MAX_PASSWORD = 1024;

/**
 * Checks a user name and password. Every attempt is audited (never the password). Unknown names, disabled
 * accounts, wrong passwords and paused sign-ins all take an Argon2 verification and get the same answer.
 */
export async function signIn(attempt: SignInAttempt): Promise<SignInResult> {
  const db = await getDatabase();
  const settings = await currentSecuritySettings(db);
  const username = normalizeUsername(attempt.username.slice(0, MAX_USERNAME));
  const password = attempt.password.slice(0, MAX_PASSWORD);
  const claimed: Actor = { kind: 'user', id: 'unauthenticated', name: username === '' ? '(blank)' : username };
  const audit = { sourceAddress: attempt.sourceAddress, component: 'console' };

  const block = await signInBlock(db, username, attempt.sourceAddress);
  const user = block || username === '' ? undefined : await findUserCredentials(db, username);
  let verified = false;
  // An account linked to single sign-on has no password here: it is refused like an unknown one.
  if (user && user.disabledAt === null && user.passwordHash !== null) verified = await verifyPassword(user.passwordHash, password);
  else await spendVerificationTime(password);

  if (block) {
    await recordAudit({
      ...audit,
      severity: 'warning',
      eventType: 'sign-in.refused-paused',
      actor: claimed,
      details: { username, pausedFor: block.kind, until: block.until },
    });
    return { ok: false, message: SIGN_IN_REFUSED };
  }
  if (!user || !verified) {
    const outcome = await recordFailedSignIn(db, { username, sourceAddress: attempt.sourceAddress, policy: settings.lockout });
    await recordAudit({ ...audit, severity: 'warning', eventType: 'sign-in.failed', actor: claimed, details: { username } });
    if (outcome.lockedAccountUntil) {
      await recordAudit({
        ...audit,
        severity: 'alert',
        eventType: 'sign-in.lockout',
        actor: claimed,
        details: { username, until: outcome.lockedAccountUntil },
      });
    }
    if (outcome.blockedSourceUntil) {
      await recordAudit({
        ...audit,
        severity: 'alert',
        eventType: 'sign-in.source-blocked',
        actor: claimed,
        details: { until: outcome.blockedSourceUntil },
      });
      await alertSourceBlocked({
        sourceAddress: attempt.sourceAddress,
        blockedUntil: outcome.blockedSourceUntil,
        failures: settings.lockout.maxFailedAttempts * SOURCE_FACTOR,
      });
    }
    return { ok: false, message: SIGN_IN_REFUSED };
  }

  await clearFailedSignIns(db, username, attempt.sourceAddress);
  const session = await startSession(db, {
    userId: user.id,
    sourceAddress: attempt.sourceAddress,
    hours: settings.sessionHours,
    replacing: attempt.previousSessionId,
  });
  const actor: Actor = { kind: 'user', id: user.id, name: user.displayName };
  await recordAudit({ ...audit, severity: 'info', eventType: 'sign-in.succeeded', actor, details: { username, role: user.role } });
  const { passwordHash: _omitted, ...account } = user;
  return { ok: true, ...session, user: account, passwordExpired: passwordExpired(user.passwordChangedAt, settings.password) };
}
