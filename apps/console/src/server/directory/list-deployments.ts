import { listDeployments as queryDeployments } from '@firebreak/db';
import type { Deployment } from '@firebreak/domain';

import { assertPermitted } from '../auth/permissions';
import type { Caller } from '../auth/require-actor';
import { getDatabase } from '../database';

/** Every deployment, for whoever may read the directory. */
export async function listDeployments(caller: Caller): Promise<Deployment[]> {
  assertPermitted(caller.role, 'directory:read');
  return queryDeployments(await getDatabase());
}
