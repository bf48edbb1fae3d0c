import { findIncident } from '@firebreak/db';
import { FirebreakError, type Incident, IncidentId } from '@firebreak/domain';

import { assertPermitted } from '../auth/permissions';
import type { Caller } from '../auth/require-actor';
import { getDatabase } from '../database';

/** The incident with this id, for whoever may read incidents; NOT_FOUND when there is none. */
export async function getIncident(caller: Caller, id: string): Promise<Incident> {
  assertPermitted(caller.role, 'incidents:read');
  return findIncidentOrThrow(id);
}

/**
 * The incident with this id; NOT_FOUND when there is none (or the id cannot be one). For operations that have
 * checked their own permission: it checks none.
 */
export async function findIncidentOrThrow(id: string): Promise<Incident> {
  const incident = IncidentId.safeParse(id).success ? await findIncident(await getDatabase(), id) : undefined;
  if (!incident) throw new FirebreakError('NOT_FOUND', `No incident with id ${JSON.stringify(id.slice(0, 100))}.`);
  return incident;
}
