import { listPolicyVersions, type PolicyVersion } from '@firebreak/db';

import { getDatabase } from '../database';

/** Every saved version of the policy, newest first: who changed it, when and why. */
export async function listPolicyHistory(): Promise<PolicyVersion[]> {
  return listPolicyVersions(await getDatabase());
}
