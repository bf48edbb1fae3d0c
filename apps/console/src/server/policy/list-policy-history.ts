import { listPolicyVersions, type PolicyVersion } from '@firebreak/db';

import { assertPermitted } from '../auth/permissions';
import type { Caller } from '../auth/require-actor';
import { getDatabase } from '../database';

/** Every saved version of the policy, newest first: who changed it, when and why. */
export async function listPolicyHistory(caller: Caller): Promise<PolicyVersion[]> {
  assertPermitted(caller.role, 'policy:read');
  return listPolicyVersions(await getDatabase());
}
