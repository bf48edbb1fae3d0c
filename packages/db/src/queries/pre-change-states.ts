import type { FirebreakDb } from '../open-database';

/**
 * Stores the state of a deployment as it was before Firebreak changed it. The first capture wins: a retried
 * capture, taken after some changes were already made, must never replace what restore will read.
 * Returns the stored state, parsed.
 */
export async function savePreChangeStateOnce(
  db: FirebreakDb,
  input: { incidentId: string; deploymentId: string; state: unknown; at: string },
): Promise<unknown> {
  await db
    .insertInto('pre_change_states')
    .values({
      incident_id: input.incidentId,
      deployment_id: input.deploymentId,
      captured_at: input.at,
      state: JSON.stringify(input.state),
    })
    .onConflict((oc) => oc.columns(['incident_id', 'deployment_id']).doNothing())
    .execute();
  const stored = await findPreChangeState(db, input.incidentId, input.deploymentId);
  return stored?.state;
}

export async function findPreChangeState(
  db: FirebreakDb,
  incidentId: string,
  deploymentId: string,
): Promise<{ capturedAt: string; state: unknown } | undefined> {
  const row = await db
    .selectFrom('pre_change_states')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .where('deployment_id', '=', deploymentId)
    .executeTakeFirst();
  return row && { capturedAt: row.captured_at, state: JSON.parse(row.state) as unknown };
}
