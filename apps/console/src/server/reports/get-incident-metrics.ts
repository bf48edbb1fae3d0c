import { type IncidentMetrics, loadIncidentMetrics } from '@firebreak/db';
import { z } from 'zod';

import { assertPermitted } from '../auth/permissions';
import type { Caller } from '../auth/require-actor';
import { getDatabase } from '../database';

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

/** `?from=2026-01&to=2026-11`: whole UTC months, both included; anything unreadable is ignored. */
export const ReportRange = z.object({
  from: Month.optional().catch(undefined),
  to: Month.optional().catch(undefined),
});
export type ReportRange = z.infer<typeof ReportRange>;

function monthAfter(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m, 1)).toISOString();
}

/** Durations and SLA standing over a range of months, for whoever may see the reports. */
export async function getIncidentMetrics(caller: Caller, range: ReportRange): Promise<IncidentMetrics> {
  assertPermitted(caller.role, 'reports:export');
  return loadIncidentMetrics(await getDatabase(), {
    ...(range.from ? { from: `${range.from}-01T00:00:00.000Z` } : {}),
    ...(range.to ? { to: monthAfter(range.to) } : {}),
  });
}
