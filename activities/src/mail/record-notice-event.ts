import { appendTimelineEvent, type FirebreakDb } from '@firebreak/db';
import { SYSTEM_ACTOR } from '@firebreak/domain';

/** One notice line on the incident's timeline. The id comes from the notice key, so a repeated page writes nothing new. */
export async function recordNoticeEvent(
  db: FirebreakDb,
  event: { id: string; incidentId: string; summary: string; details: Record<string, unknown> },
): Promise<void> {
  await appendTimelineEvent(db, {
    id: event.id.slice(0, 200),
    incidentId: event.incidentId,
    at: new Date().toISOString(),
    actor: SYSTEM_ACTOR,
    kind: 'notice',
    summary: event.summary.slice(0, 500),
    details: event.details,
  });
}
