import type { Incident, IncidentStatus, PlaybookId } from '@firebreak/domain';
import { sql } from 'kysely';

import type { FirebreakDb } from '../open-database';
import { type ClockEventLike, type SlaStanding, slaStandingOf } from './clock-outcomes';
import { findIncidentsByIds } from './find-incidents-by-ids';

/** Where a page of the incidents list ends: the next page starts strictly after it (older). */
export interface IncidentCursor {
  declaredAt: string;
  id: string;
}

export interface IncidentSearch {
  status?: IncidentStatus;
  playbook?: PlaybookId;
  customerId?: string;
  /** Declared at or after this time. */
  declaredFrom?: string;
  /** Declared strictly before this time. */
  declaredTo?: string;
  before?: IncidentCursor;
  limit: number;
}

export type ListedIncident = Incident & { sla: SlaStanding };

export interface IncidentSearchPage {
  incidents: ListedIncident[];
  /** The cursor of the next (older) page, or null when there is none. */
  next: IncidentCursor | null;
}

/** Incidents newest first, filtered in the database, each with how it stands against its SLA clocks. */
export async function searchIncidents(db: FirebreakDb, search: IncidentSearch): Promise<IncidentSearchPage> {
  let query = db
    .selectFrom('incidents')
    .select(['id', 'declared_at'])
    .orderBy('declared_at', 'desc')
    .orderBy('id', 'desc')
    // One more than asked tells whether an older page exists.
    .limit(search.limit + 1);
  if (search.status) query = query.where('status', '=', search.status);
  if (search.playbook) query = query.where('playbook', '=', search.playbook);
  if (search.declaredFrom) query = query.where('declared_at', '>=', search.declaredFrom);
  if (search.declaredTo) query = query.where('declared_at', '<', search.declaredTo);
  if (search.customerId) {
    // customer_ids is a JSON array of strings: match the quoted id, with LIKE's wildcards escaped.
    const pattern = `%${JSON.stringify(search.customerId).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(sql<boolean>`customer_ids like ${pattern} escape '\\'`);
  }
  const before = search.before;
  if (before) {
    query = query.where((eb) =>
      eb.or([eb('declared_at', '<', before.declaredAt), eb.and([eb('declared_at', '=', before.declaredAt), eb('id', '<', before.id)])]),
    );
  }
  const rows = await query.execute();
  const page = rows.slice(0, search.limit);
  const last = page.at(-1);
  const next = rows.length > search.limit && last ? { declaredAt: last.declared_at, id: last.id } : null;
  if (page.length === 0) return { incidents: [], next };

  const ids = page.map((r) => r.id);
  const [incidents, clockEvents] = await Promise.all([
    findIncidentsByIds(db, ids),
    db
      .selectFrom('timeline_events')
      .select(['incident_id', 'details'])
      .where('incident_id', 'in', ids)
      .where('kind', '=', 'clock')
      .orderBy('at')
      .orderBy('seq')
      .execute(),
  ]);
  const eventsByIncident = new Map<string, ClockEventLike[]>();
  for (const event of clockEvents) {
    const list = eventsByIncident.get(event.incident_id) ?? [];
    list.push({ details: JSON.parse(event.details) as Record<string, unknown> });
    eventsByIncident.set(event.incident_id, list);
  }
  const byId = new Map(incidents.map((i) => [i.id, i]));
  return {
    incidents: ids.flatMap((id) => {
      const incident = byId.get(id);
      return incident ? [{ ...incident, sla: slaStandingOf(eventsByIncident.get(id) ?? []) }] : [];
    }),
    next,
  };
}
