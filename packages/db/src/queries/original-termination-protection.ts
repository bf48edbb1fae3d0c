import type { FirebreakDb } from '../open-database';

export interface OriginalTerminationProtectionKey {
  incidentId: string;
  deploymentId: string;
  instanceId: string;
}

/**
 * Records an instance's termination protection as it was before Firebreak changed it, and returns what is recorded.
 * The first record wins: a retry that runs after an earlier attempt switched protection on reads `true` from EC2,
 * and must never replace the `false` that restore needs.
 */
export async function recordOriginalTerminationProtectionOnce(
  db: FirebreakDb,
  input: OriginalTerminationProtectionKey & { protected: boolean; at: string },
): Promise<boolean> {
  await db
    .insertInto('original_termination_protection')
    .values({
      incident_id: input.incidentId,
      deployment_id: input.deploymentId,
      instance_id: input.instanceId,
      protected: input.protected ? 1 : 0,
      recorded_at: input.at,
    })
    .onConflict((oc) => oc.columns(['incident_id', 'deployment_id', 'instance_id']).doNothing())
    .execute();
  const row = await db
    .selectFrom('original_termination_protection')
    .select('protected')
    .where('incident_id', '=', input.incidentId)
    .where('deployment_id', '=', input.deploymentId)
    .where('instance_id', '=', input.instanceId)
    .executeTakeFirstOrThrow();
  return row.protected === 1;
}

/** The recorded original termination protection of a deployment's instances, by instance id. */
export async function findOriginalTerminationProtection(
  db: FirebreakDb,
  incidentId: string,
  deploymentId: string,
): Promise<Map<string, boolean>> {
  const rows = await db
    .selectFrom('original_termination_protection')
    .select(['instance_id', 'protected'])
    .where('incident_id', '=', incidentId)
    .where('deployment_id', '=', deploymentId)
    .execute();
  return new Map(rows.map((r) => [r.instance_id, r.protected === 1]));
}
