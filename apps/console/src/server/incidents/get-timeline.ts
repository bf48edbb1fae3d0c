import { listTimeline } from '@firebreak/db';
import type { TimelineEvent } from '@firebreak/domain';

import { assertPermitted } from '../auth/permissions';
import type { Caller } from '../auth/require-actor';
import { getDatabase } from '../database';
import { findIncidentOrThrow } from './get-incident';

/** Everything recorded about an incident, oldest first, for whoever may export it. NOT_FOUND for an unknown incident. */
export async function getTimeline(caller: Caller, id: string): Promise<TimelineEvent[]> {
  assertPermitted(caller.role, 'reports:export');
  await findIncidentOrThrow(id);
  return listTimeline(await getDatabase(), id);
}
