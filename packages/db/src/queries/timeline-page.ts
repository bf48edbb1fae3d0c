import type { TimelineEvent, TimelineEventKind } from '@firebreak/domain';

import type { FirebreakDb } from '../open-database';
import { toTimelineEvent } from './timeline';

/** Where a timeline page ends: the last event's time and recording order; the next page starts after it. */
export interface TimelinePosition {
  at: string;
  seq: number;
}

export interface TimelinePage {
  events: TimelineEvent[];
  /** Where the following page starts, or null when this page reached the end. */
  next: TimelinePosition | null;
}

export interface TimelineCounts {
  events: number;
  /** Decisions recorded with the reason the engineer gave. */
  decisionsWithReasons: number;
}

function ofIncident(db: FirebreakDb, incidentId: string, kinds: readonly TimelineEventKind[]) {
  let query = db.selectFrom('timeline_events').selectAll().where('incident_id', '=', incidentId);
  if (kinds.length > 0) query = query.where('kind', 'in', [...kinds]);
  return query;
}

/**
 * A page of an incident's events of these kinds (none means all), oldest first as the full timeline lists them;
 * `after` continues from a previous page's `next` (keyset), `offset` skips events for numbered pages.
 */
export async function listTimelinePage(
  db: FirebreakDb,
  incidentId: string,
  page: { limit: number; kinds?: readonly TimelineEventKind[]; after?: TimelinePosition | undefined; offset?: number },
): Promise<TimelinePage> {
  let query = ofIncident(db, incidentId, page.kinds ?? []);
  const after = page.after;
  if (after) query = query.where((eb) => eb.or([eb('at', '>', after.at), eb.and([eb('at', '=', after.at), eb('seq', '>', after.seq)])]));
  // One more than asked says whether another page follows.
  const rows = await query
    .orderBy('at')
    .orderBy('seq')
    .limit(page.limit + 1)
    .offset(Math.max(0, page.offset ?? 0))
    .execute();
  const shown = rows.slice(0, page.limit);
  const last = shown.at(-1);
  return { events: shown.map(toTimelineEvent), next: rows.length > page.limit && last ? { at: last.at, seq: last.seq } : null };
}

/** The latest `limit` events of an incident, returned oldest first like the rest of the timeline. */
export async function listLatestTimeline(db: FirebreakDb, incidentId: string, limit: number): Promise<TimelineEvent[]> {
  const rows = await ofIncident(db, incidentId, []).orderBy('at', 'desc').orderBy('seq', 'desc').limit(limit).execute();
  return rows.reverse().map(toTimelineEvent);
}

/** How many events of these kinds (none means all) an incident has, and how many decisions carry a reason. */
export async function countTimeline(
  db: FirebreakDb,
  incidentId: string,
  kinds: readonly TimelineEventKind[] = [],
): Promise<TimelineCounts> {
  const row = await ofIncident(db, incidentId, kinds)
    .clearSelect()
    .select((eb) => [
      eb.fn.countAll<number>().as('events'),
      eb.fn
        .count<number>('id')
        .filterWhere((w) => w.and([w('kind', '=', 'decision'), w(w.fn('json_type', ['details', w.val('$.reason')]), '=', 'text')]))
        .as('decisions'),
    ])
    .executeTakeFirstOrThrow();
  return { events: Number(row.events), decisionsWithReasons: Number(row.decisions) };
}
