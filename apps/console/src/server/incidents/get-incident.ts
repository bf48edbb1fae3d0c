import { findIncident } from '@firebreak/db';
import { FirebreakError, type Incident, IncidentId } from '@firebreak/domain';

import { getDatabase } from '../database';

/** The incident with this id; NOT_FOUND when there is none (or the id cannot be one). */
export async function getIncident(id: string): Promise<Incident> {
  const incident = IncidentId.safeParse(id).success ? await findIncident(await getDatabase(), id) : undefined;
  if (!incident) throw new FirebreakError('NOT_FOUND', `No incident with id ${JSON.stringify(id.slice(0, 100))}.`);
  return incident;
}
