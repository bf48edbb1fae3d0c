import { appendTimelineEvent, type FirebreakDb, recordStep as writeStep, setIncidentStatus, type StepUpdate } from '@firebreak/db';
import { IncidentStatus, TimelineEvent } from '@firebreak/domain';

/**
 * Activities that project what a workflow does into the application database, which serves the console.
 * Temporal's history stays the durable truth; each write here is safe to repeat.
 */
export function createRecordActivities({ db }: { db: FirebreakDb }) {
  return {
    async recordTimelineEvent(event: TimelineEvent): Promise<void> {
      await appendTimelineEvent(db, TimelineEvent.parse(event));
    },

    async recordStep(update: StepUpdate): Promise<void> {
      await writeStep(db, update);
    },

    async recordIncidentStatus(input: { incidentId: string; status: IncidentStatus; at: string }): Promise<void> {
      await setIncidentStatus(db, input.incidentId, IncidentStatus.parse(input.status), input.at);
    },
  };
}
