import { type PolicyVersion, savePolicy } from '@firebreak/db';
import { FirebreakError } from '@firebreak/domain';

import { toFieldErrors } from '../api/field-errors';
import { recordAudit } from '../audit/record-audit';
import { assertPermitted } from '../auth/permissions';
import type { Caller } from '../auth/require-actor';
import { getDatabase } from '../database';
import { PolicyUpdateBody } from './policy-schemas';

/**
 * Saves a new version of the policy. Administrators only. Incidents already declared keep the copy they started
 * with; only new incidents take the new targets.
 */
export async function updatePolicy(caller: Caller, body: unknown): Promise<PolicyVersion> {
  assertPermitted(caller.role, 'policy:write');
  const { actor } = caller;
  const parsed = PolicyUpdateBody.safeParse(body);
  if (!parsed.success) throw new FirebreakError('VALIDATION_FAILED', 'The policy is not valid.', toFieldErrors(parsed.error));
  const saved = await savePolicy(await getDatabase(), { policy: parsed.data.policy, reason: parsed.data.reason, changedBy: actor });
  await recordAudit({ severity: 'notice', eventType: 'policy.changed', actor, details: { version: saved.version, reason: saved.reason } });
  return saved;
}
