import { listIncidents as queryIncidents } from '@firebreak/db';
import { FirebreakError, type Incident } from '@firebreak/domain';
import { z } from 'zod';

import { toFieldErrors } from '../api/field-errors';
import { assertPermitted } from '../auth/permissions';
import type { Caller } from '../auth/require-actor';
import { getDatabase } from '../database';

export const ListIncidentsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Only incidents declared before this time; pass the previous page's `nextBefore` to page back. */
  before: z.iso.datetime().optional(),
});
export type ListIncidentsQuery = z.input<typeof ListIncidentsQuery>;

export interface IncidentPage {
  incidents: Incident[];
  /** Where the next (older) page starts, or null when this is the last one. */
  nextBefore: string | null;
}

/** Incidents, newest first, for whoever may read incidents. */
export async function listIncidents(caller: Caller, query: ListIncidentsQuery = {}): Promise<IncidentPage> {
  assertPermitted(caller.role, 'incidents:read');
  const parsed = ListIncidentsQuery.safeParse(query);
  if (!parsed.success) {
    throw new FirebreakError('VALIDATION_FAILED', 'The query parameters are not valid.', toFieldErrors(parsed.error));
  }
  const { limit, before } = parsed.data;
  const incidents = await queryIncidents(await getDatabase(), { limit, before });
  const last = incidents.at(-1);
  return { incidents, nextBefore: incidents.length === limit && last ? last.declaredAt : null };
}
