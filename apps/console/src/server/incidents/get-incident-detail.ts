import type { Incident } from '@firebreak/domain';

import type { Caller } from '../auth/require-actor';
import { getIncident } from './get-incident';
import { type LiveState, readLiveState } from './read-live-state';

export type IncidentDetail = Incident & LiveState;

/** For whoever may read incidents: the incident as recorded, with the decisions its playbook waits for and its clocks. NOT_FOUND when unknown. */
export async function getIncidentDetail(caller: Caller, id: string): Promise<IncidentDetail> {
  const incident = await getIncident(caller, id);
  return { ...incident, ...(await readLiveState(incident)) };
}
