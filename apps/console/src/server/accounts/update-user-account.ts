import { countActiveAdministrators, findUser, setUserDisabled, setUserRole, type User } from '@firebreak/accounts';
import { FirebreakError } from '@firebreak/domain';

import { toFieldErrors } from '../api/field-errors';
import { recordAudit } from '../audit/record-audit';
import { assertPermitted } from '../auth/permissions';
import type { Caller } from '../auth/require-actor';
import { getDatabase } from '../database';
import { UserUpdateBody } from './account-schemas';

/** Changes an account's role or disables it (which ends its sessions at once). The last administrator stays. */
export async function updateUserAccount(caller: Caller, userId: string, body: unknown): Promise<User> {
  assertPermitted(caller.role, 'users:manage');
  const parsed = UserUpdateBody.safeParse(body);
  if (!parsed.success) throw new FirebreakError('VALIDATION_FAILED', 'The change is not valid.', toFieldErrors(parsed.error));
  const db = await getDatabase();
  const user = await findUser(db, userId);
  if (!user) throw new FirebreakError('NOT_FOUND', 'There is no such account.');
  const { role, disabled } = parsed.data;
  const losesAdministrator =
    user.role === 'administrator' && user.disabledAt === null && ((role !== undefined && role !== 'administrator') || disabled === true);
  if (losesAdministrator && (await countActiveAdministrators(db)) <= 1) {
    throw new FirebreakError('VALIDATION_FAILED', 'Keep at least one enabled administrator: make another one first.');
  }
  if (role !== undefined && role !== user.role) {
    await setUserRole(db, user.id, role);
    await recordAudit({
      severity: 'notice',
      eventType: 'user.role-changed',
      actor: caller.actor,
      sourceAddress: caller.sourceAddress,
      details: { userId, username: user.username, from: user.role, to: role },
    });
  }
  if (disabled !== undefined && disabled !== (user.disabledAt !== null)) {
    await setUserDisabled(db, user.id, disabled);
    await recordAudit({
      severity: 'notice',
      eventType: disabled ? 'user.disabled' : 'user.enabled',
      actor: caller.actor,
      sourceAddress: caller.sourceAddress,
      details: { userId, username: user.username },
    });
  }
  return (await findUser(db, userId))!;
}
