import { type IncidentCursor, type IncidentSearchPage, searchIncidents } from '@firebreak/db';
import { IncidentStatus, PlaybookId } from '@firebreak/domain';
import { z } from 'zod';

import { assertPermitted } from '../auth/permissions';
import type { Caller } from '../auth/require-actor';
import { getDatabase } from '../database';

export const INCIDENT_LIST_PAGE_SIZE = 50;

const CURSOR_SEPARATOR = '~';
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The list's query string. Anything unreadable is dropped rather than refused: a stale bookmark still opens. */
export const IncidentListFilters = z.object({
  status: IncidentStatus.optional().catch(undefined),
  playbook: PlaybookId.optional().catch(undefined),
  customer: z.string().trim().min(1).max(200).optional().catch(undefined),
  /** First UTC day included, `YYYY-MM-DD`. */
  from: z.string().regex(DAY).optional().catch(undefined),
  /** Last UTC day included, `YYYY-MM-DD`. */
  to: z.string().regex(DAY).optional().catch(undefined),
  before: z.string().max(300).optional().catch(undefined),
});
export type IncidentListFilters = z.infer<typeof IncidentListFilters>;

/** Reads Next's searchParams (a value may be repeated: the first one counts). */
export function parseIncidentListFilters(params: Record<string, string | string[] | undefined>): IncidentListFilters {
  const first = Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value === '' ? undefined : value]),
  );
  return IncidentListFilters.parse(first);
}

export function encodeCursor(cursor: IncidentCursor): string {
  return `${cursor.declaredAt}${CURSOR_SEPARATOR}${cursor.id}`;
}

export function decodeCursor(value: string | undefined): IncidentCursor | undefined {
  if (!value) return undefined;
  const at = value.indexOf(CURSOR_SEPARATOR);
  const declaredAt = value.slice(0, at);
  const id = value.slice(at + 1);
  if (at < 0 || !z.iso.datetime().safeParse(declaredAt).success || id.length === 0) return undefined;
  return { declaredAt, id };
}

/** The query string for these filters (and optionally a page), leaving empty ones out. */
export function incidentListHref(filters: IncidentListFilters, before?: string): string {
  const { before: _ignored, ...rest } = filters;
  const query = new URLSearchParams(
    Object.entries({ ...rest, ...(before ? { before } : {}) }).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  ).toString();
  return query ? `/?${query}` : '/';
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString();
}

/** One page of the incidents list, filtered and paged in the database, for whoever may read incidents. */
export async function searchIncidentList(caller: Caller, filters: IncidentListFilters): Promise<IncidentSearchPage> {
  assertPermitted(caller.role, 'incidents:read');
  const before = decodeCursor(filters.before);
  return searchIncidents(await getDatabase(), {
    limit: INCIDENT_LIST_PAGE_SIZE,
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.playbook ? { playbook: filters.playbook } : {}),
    ...(filters.customer ? { customerId: filters.customer } : {}),
    ...(filters.from ? { declaredFrom: `${filters.from}T00:00:00.000Z` } : {}),
    ...(filters.to ? { declaredTo: nextDay(filters.to) } : {}),
    ...(before ? { before } : {}),
  });
}
