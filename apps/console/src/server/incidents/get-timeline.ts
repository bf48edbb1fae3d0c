import { listTimeline } from '@firebreak/db';
import type { TimelineEvent } from '@firebreak/domain';

import { getDatabase } from '../database';
import { getIncident } from './get-incident';

/** Everything recorded about an incident, oldest first. NOT_FOUND for an unknown incident. */
export async function getTimeline(id: string): Promise<TimelineEvent[]> {
  await getIncident(id);
  return listTimeline(await getDatabase(), id);
}
