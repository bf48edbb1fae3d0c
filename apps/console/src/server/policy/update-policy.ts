import { savePolicy, type PolicyVersion } from '@firebreak/db';
import { type Actor, FirebreakError, type StaffRole } from '@firebreak/domain';
import { toFieldErrors } from '../api/field-errors';
import { getDatabase } from '../database';
import { PolicyUpdateBody } from './policy-schemas';

export interface UpdatePolicyCommand {
  /** The unvalidated body: { policy, reason }. */
  body: unknown;
  actor: Actor;
  role: StaffRole;
}

/**
 * Saves a new version of the policy. Administrators only. Incidents already declared keep the copy they started
 * with; only new incidents take the new targets.
 */
export async function updatePolicy({ body, actor, role }: UpdatePolicyCommand): Promise<PolicyVersion> {
  if (role !== 'administrator') {
    throw new FirebreakError('FORBIDDEN', 'Only administrators may change the policy.');
  }
  const parsed = PolicyUpdateBody.safeParse(body);
  if (!parsed.success) throw new FirebreakError('VALIDATION_FAILED', 'The policy is not valid.', toFieldErrors(parsed.error));
  return savePolicy(await getDatabase(), { policy: parsed.data.policy, reason: parsed.data.reason, changedBy: actor });
}
