import { listDeployments as queryDeployments } from '@firebreak/db';
import type { Deployment } from '@firebreak/domain';

import { getDatabase } from '../database';

export async function listDeployments(): Promise<Deployment[]> {
  return queryDeployments(await getDatabase());
}
