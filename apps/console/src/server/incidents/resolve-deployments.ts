import { findDeploymentsByIds } from '@firebreak/db';
import { type Deployment, FirebreakError } from '@firebreak/domain';

import { getDatabase } from '../database';

/** The named deployments from the directory, in the order given; NOT_FOUND naming any that do not exist. */
export async function resolveDeployments(ids: readonly string[]): Promise<Deployment[]> {
  const found = await findDeploymentsByIds(await getDatabase(), ids);
  const byId = new Map(found.map((d) => [d.id, d]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length > 0) {
    throw new FirebreakError(
      'NOT_FOUND',
      `No deployment with id ${missing.join(', ')}.`,
      missing.map((id) => ({ path: `deploymentIds.${ids.indexOf(id)}`, message: `no deployment "${id}"` })),
    );
  }
  // Keep the order the caller gave: it is the order the playbook works through them.
  return ids.map((id) => byId.get(id)!);
}
