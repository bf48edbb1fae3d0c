import { currentPolicy, listPolicyVersions } from '@firebreak/db';

import { assertPermitted } from '../auth/permissions';
import type { Caller } from '../auth/require-actor';
import { getDatabase } from '../database';
import type { CurrentPolicy } from './policy-schemas';

/** The policy new incidents take, with the version it came from. */
export async function getPolicy(caller: Caller): Promise<CurrentPolicy> {
  assertPermitted(caller.role, 'policy:read');
  const db = await getDatabase();
  const [latest] = await listPolicyVersions(db);
  if (!latest) return { policy: await currentPolicy(db), version: null, changedBy: null, changedAt: null };
  return { policy: latest.policy, version: latest.version, changedBy: latest.changedBy, changedAt: latest.changedAt };
}
