import { countTimeline, listTimelinePage } from '@firebreak/db';
import type { TimelineEvent, TimelineEventKind } from '@firebreak/domain';

import { assertPermitted } from '../auth/permissions';
import type { Caller } from '../auth/require-actor';
import { getDatabase } from '../database';
import { findIncidentOrThrow } from './get-incident';

/** Events per page of the full timeline view. */
export const TIMELINE_EVENTS_PER_PAGE = 500;

export interface TimelineViewPage {
  /** This page's events of the chosen kinds, oldest first. */
  events: TimelineEvent[];
  /** Events of the chosen kinds in all. */
  matching: number;
  /** Every event of the incident, and the decisions recorded with a reason. */
  eventsTotal: number;
  decisionsWithReasons: number;
  page: number;
  pageCount: number;
}

/** One numbered page of the full timeline, filtered by kind in SQL. NOT_FOUND for an unknown incident. */
export async function getTimelinePage(
  caller: Caller,
  id: string,
  options: { kinds: readonly TimelineEventKind[]; page: number },
): Promise<TimelineViewPage> {
  assertPermitted(caller.role, 'incidents:read');
  await findIncidentOrThrow(id);
  const db = await getDatabase();
  const [all, matching] = await Promise.all([
    countTimeline(db, id),
    options.kinds.length > 0 ? countTimeline(db, id, options.kinds) : undefined,
  ]);
  const matchingCount = (matching ?? all).events;
  const pageCount = Math.max(1, Math.ceil(matchingCount / TIMELINE_EVENTS_PER_PAGE));
  const page = Math.min(Math.max(1, Math.trunc(options.page) || 1), pageCount);
  const { events } = await listTimelinePage(db, id, {
    kinds: options.kinds,
    limit: TIMELINE_EVENTS_PER_PAGE,
    offset: (page - 1) * TIMELINE_EVENTS_PER_PAGE,
  });
  return { events, matching: matchingCount, eventsTotal: all.events, decisionsWithReasons: all.decisionsWithReasons, page, pageCount };
}
