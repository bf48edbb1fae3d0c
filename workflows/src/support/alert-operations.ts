import { mail } from './activity-proxies';
import { recordEvent } from './incident-journal';
import type { IncidentRun } from './incident-run';

/** Emails the operations team (policy.operationsEmail) once per key, and puts the alert on the timeline. */
export async function alertOperations(run: IncidentRun, key: string, subject: string, lines: string[]): Promise<void> {
  const to = run.input.policy.operationsEmail;
  await mail.sendOperationsAlert({ alert: { incidentId: run.incidentId, key, subject, lines }, to });
  await recordEvent(run.incidentId, 'notice', `Operations alerted: ${subject}`, { to, key });
}
