import type { Incident } from '@firebreak/domain';

import { getIncident } from './get-incident';
import { type LiveState, readLiveState } from './read-live-state';

export type IncidentDetail = Incident & LiveState;

/** The incident as recorded, with the decisions its playbook waits for and its clocks. NOT_FOUND when unknown. */
export async function getIncidentDetail(id: string): Promise<IncidentDetail> {
  const incident = await getIncident(id);
  return { ...incident, ...(await readLiveState(incident)) };
}
