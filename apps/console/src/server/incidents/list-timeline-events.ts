import { listTimelinePage, type TimelinePosition } from '@firebreak/db';
import { FirebreakError, type TimelineEvent } from '@firebreak/domain';
import { z } from 'zod';

import { toFieldErrors } from '../api/field-errors';
import { assertPermitted } from '../auth/permissions';
import type { Caller } from '../auth/require-actor';
import { getDatabase } from '../database';
import { findIncidentOrThrow } from './get-incident';

export const TIMELINE_PAGE_DEFAULT = 500;
export const TIMELINE_PAGE_MAX = 1000;

// The cursor is opaque to clients: where the previous page ended, as base64url JSON.
const Position = z.object({ at: z.iso.datetime(), seq: z.number().int().min(0) });

const Cursor = z
  .string()
  .max(200)
  .transform((value, ctx): TimelinePosition => {
    try {
      return Position.parse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    } catch {
      ctx.addIssue({ code: 'custom', message: "not a cursor this API gave out: pass the previous page's nextCursor" });
      return z.NEVER;
    }
  });

export const TimelineQuery = z.object({
  limit: z.coerce.number().int().min(1).max(TIMELINE_PAGE_MAX).default(TIMELINE_PAGE_DEFAULT),
  cursor: Cursor.optional(),
});
export type TimelineQuery = z.input<typeof TimelineQuery>;

export interface TimelineEventPage {
  events: TimelineEvent[];
  /** Pass as `cursor` for the following events; null when this page reached the end. */
  nextCursor: string | null;
}

/** A page of an incident's timeline, oldest first. NOT_FOUND for an unknown incident, VALIDATION_FAILED for a bad query. */
export async function listTimelineEvents(caller: Caller, id: string, query: TimelineQuery): Promise<TimelineEventPage> {
  assertPermitted(caller.role, 'incidents:read');
  const parsed = TimelineQuery.safeParse(query);
  if (!parsed.success) throw new FirebreakError('VALIDATION_FAILED', 'The query parameters are not valid.', toFieldErrors(parsed.error));
  await findIncidentOrThrow(id);
  const { events, next } = await listTimelinePage(await getDatabase(), id, { limit: parsed.data.limit, after: parsed.data.cursor });
  return { events, nextCursor: next ? Buffer.from(JSON.stringify(next)).toString('base64url') : null };
}
