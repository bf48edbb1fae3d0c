import { Actor, type TimelineEvent, type TimelineEventKind } from '@firebreak/domain';
import type { Selectable } from 'kysely';

import type { FirebreakDb } from '../open-database';
import type { TimelineEventsTable } from '../schema';

/** Appends an event; an event with the same id already recorded is left as it is (retries are no-ops). */
export async function appendTimelineEvent(db: FirebreakDb, event: TimelineEvent): Promise<void> {
  await db
    .insertInto('timeline_events')
    .values({
      id: event.id,
      incident_id: event.incidentId,
      at: event.at,
      actor: JSON.stringify(event.actor),
      kind: event.kind,
      summary: event.summary,
      details: JSON.stringify(event.details),
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/** Every event of an incident, oldest first; ties keep the order they were recorded in. */
export async function listTimeline(db: FirebreakDb, incidentId: string): Promise<TimelineEvent[]> {
  const rows = await db
    .selectFrom('timeline_events')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .orderBy('at')
    .orderBy('seq')
    .execute();
  return rows.map(toTimelineEvent);
}

/** A stored timeline row as the domain's event. */
export function toTimelineEvent(r: Selectable<TimelineEventsTable>): TimelineEvent {
  return {
    id: r.id,
    incidentId: r.incident_id,
    at: r.at,
    actor: Actor.parse(JSON.parse(r.actor)),
    kind: r.kind as TimelineEventKind,
    summary: r.summary,
    details: JSON.parse(r.details) as Record<string, unknown>,
  };
}
