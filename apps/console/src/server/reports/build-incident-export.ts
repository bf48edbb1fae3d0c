import { clockVerdicts, listNotices, listTimeline, type SlaStanding, slaStandingOf } from '@firebreak/db';
import type { Incident, Notice, TimelineEvent } from '@firebreak/domain';

import { assertPermitted } from '../auth/permissions';
import type { Caller } from '../auth/require-actor';
import { getDatabase } from '../database';
import { findIncidentOrThrow } from '../incidents/get-incident';

export interface IncidentExport {
  format: 'firebreak-incident-export';
  version: 1;
  exportedAt: string;
  incident: Incident;
  sla: { standing: SlaStanding; clocks: Record<string, string> };
  notices: Notice[];
  timeline: TimelineEvent[];
}

/** Everything recorded about an incident, as one document, for whoever may export it. NOT_FOUND for an unknown incident. */
export async function buildIncidentExport(caller: Caller, id: string, now: Date = new Date()): Promise<IncidentExport> {
  assertPermitted(caller.role, 'reports:export');
  const incident = await findIncidentOrThrow(id);
  const db = await getDatabase();
  const [timeline, notices] = await Promise.all([listTimeline(db, id), listNotices(db, id)]);
  const clockEvents = timeline.filter((e) => e.kind === 'clock');
  return {
    format: 'firebreak-incident-export',
    version: 1,
    exportedAt: now.toISOString(),
    incident,
    sla: { standing: slaStandingOf(clockEvents), clocks: Object.fromEntries(clockVerdicts(clockEvents)) },
    notices,
    timeline,
  };
}
