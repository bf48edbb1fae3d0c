import {
  currentSecuritySettings,
  findUser,
  findUserPasswordHash,
  passwordProblems,
  recordFailedSignIn,
  setUserPassword,
  verifyPassword,
} from '@firebreak/accounts';
import { FirebreakError } from '@firebreak/domain';

import { toFieldErrors } from '../api/field-errors';
import { recordAudit } from '../audit/record-audit';
import type { Caller } from '../auth/require-actor';
import { getDatabase } from '../database';
import { PasswordChangeBody } from './account-schemas';

/**
 * Changes the signed-in person's own password. The current one is required (a session left open is not enough),
 * and a wrong one counts as a failed sign-in. Every other session of the account ends.
 */
export async function changePassword(caller: Caller, body: unknown): Promise<void> {
  if (caller.via !== 'session' || caller.userId === undefined) {
    throw new FirebreakError('FORBIDDEN', 'Only a signed-in person can change their password.');
  }
  const parsed = PasswordChangeBody.safeParse(body);
  if (!parsed.success) throw new FirebreakError('VALIDATION_FAILED', 'Fill in both passwords.', toFieldErrors(parsed.error));
  const db = await getDatabase();
  const [user, hash, settings] = await Promise.all([
    findUser(db, caller.userId),
    findUserPasswordHash(db, caller.userId),
    currentSecuritySettings(db),
  ]);
  if (!user) throw new FirebreakError('UNAUTHORIZED', 'Sign in again.');
  if (!hash) throw new FirebreakError('FORBIDDEN', 'This account signs in through single sign-on and has no password here.');
  const audit = { actor: caller.actor, sourceAddress: caller.sourceAddress };
  if (!(await verifyPassword(hash, parsed.data.currentPassword))) {
    await recordFailedSignIn(db, { username: user.username, sourceAddress: caller.sourceAddress, policy: settings.lockout });
    await recordAudit({
      ...audit,
      severity: 'warning',
      eventType: 'password.change-refused',
      details: { reason: 'current password wrong' },
    });
    throw new FirebreakError('VALIDATION_FAILED', 'The current password is not right.', [
      { path: 'currentPassword', message: 'The current password is not right.' },
    ]);
  }
  const problems = passwordProblems(parsed.data.newPassword, settings.password, { username: user.username });
  if (parsed.data.newPassword === parsed.data.currentPassword) problems.push('Choose a password different from the current one.');
  if (problems.length > 0) {
    throw new FirebreakError(
      'VALIDATION_FAILED',
      'The new password is not acceptable.',
      problems.map((message) => ({ path: 'newPassword', message })),
    );
  }
  await setUserPassword(db, user.id, parsed.data.newPassword, { keepSessionHash: caller.sessionHash });
  await recordAudit({ ...audit, severity: 'notice', eventType: 'password.changed', details: { userId: user.id } });
}
