import { createUser, currentSecuritySettings, passwordProblems, type User, UsernameTakenError } from '@firebreak/accounts';
import { FirebreakError } from '@firebreak/domain';

import { toFieldErrors } from '../api/field-errors';
import { recordAudit } from '../audit/record-audit';
import { assertPermitted } from '../auth/permissions';
import type { Caller } from '../auth/require-actor';
import { getDatabase } from '../database';
import { NewUserBody } from './account-schemas';

/** Administrators create accounts with a first password they hand over; its holder should change it. */
export async function createUserAccount(caller: Caller, body: unknown): Promise<User> {
  assertPermitted(caller.role, 'users:manage');
  const parsed = NewUserBody.safeParse(body);
  if (!parsed.success) throw new FirebreakError('VALIDATION_FAILED', 'The account is not valid.', toFieldErrors(parsed.error));
  const db = await getDatabase();
  const { password } = await currentSecuritySettings(db);
  const problems = passwordProblems(parsed.data.password, password, { username: parsed.data.username });
  if (problems.length > 0) {
    throw new FirebreakError(
      'VALIDATION_FAILED',
      'The password is not acceptable.',
      problems.map((message) => ({ path: 'password', message })),
    );
  }
  try {
    const user = await createUser(db, parsed.data);
    await recordAudit({
      severity: 'notice',
      eventType: 'user.created',
      actor: caller.actor,
      sourceAddress: caller.sourceAddress,
      details: { userId: user.id, username: user.username, role: user.role },
    });
    return user;
  } catch (error) {
    if (error instanceof UsernameTakenError) {
      throw new FirebreakError('VALIDATION_FAILED', 'That user name is taken.', [
        { path: 'username', message: 'That user name is taken.' },
      ]);
    }
    throw error;
  }
}
