import { countTimeline, listLatestTimeline, listTimelinePage } from '@firebreak/db';
import type { TimelineEvent } from '@firebreak/domain';

import { assertPermitted } from '../auth/permissions';
import type { Caller } from '../auth/require-actor';
import { getDatabase } from '../database';
import { findIncidentOrThrow } from './get-incident';
import { type SettledClock, settledClocks } from './settled-clocks';

/** Events the incident page shows; the full timeline view pages through the rest. */
export const INCIDENT_PAGE_EVENTS = 200;

// Clock events are a handful per clock; the bound only keeps a runaway record from filling memory.
const CLOCK_EVENTS_MAX = 10_000;

export interface LatestTimeline {
  /** The latest events, oldest first like the full timeline. */
  events: TimelineEvent[];
  /** How many events the incident has in all. */
  total: number;
  /** How each deadline ended, read from every clock event (not only the latest ones); empty unless asked for. */
  deadlines: SettledClock[];
}

/** The incident page's timeline: its latest events, and its settled deadlines once closed. NOT_FOUND for an unknown incident. */
export async function getLatestTimeline(caller: Caller, id: string, options: { deadlines: boolean }): Promise<LatestTimeline> {
  assertPermitted(caller.role, 'incidents:read');
  await findIncidentOrThrow(id);
  const db = await getDatabase();
  const [events, counts, clocks] = await Promise.all([
    listLatestTimeline(db, id, INCIDENT_PAGE_EVENTS),
    countTimeline(db, id),
    options.deadlines ? listTimelinePage(db, id, { kinds: ['clock'], limit: CLOCK_EVENTS_MAX }) : undefined,
  ]);
  return { events, total: counts.events, deadlines: clocks ? settledClocks(clocks.events) : [] };
}
