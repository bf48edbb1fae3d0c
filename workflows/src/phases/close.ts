import { PLAYBOOKS } from '@firebreak/domain';

import { notifyCustomers } from '../building-blocks/notify-customers';
import { alertOperations } from '../support/alert-operations';
import { affectedCustomerIds } from '../support/customers';
import { describeFailure, now, recordEvent, runStep } from '../support/incident-journal';
import type { IncidentRun } from '../support/incident-run';

/** The last step of every playbook: a summary on the timeline, a closing notice if customers were told, `closed`. */
export async function closeIncident(run: IncidentRun, outcome: string, options: { notifyCustomers: boolean }): Promise<void> {
  await runStep(run.incidentId, 'close', async () => {
    const closedAt = now();
    await recordEvent(run.incidentId, 'status', `Summary: ${outcome}`, {
      outcome,
      decisions: run.state.decisions,
      clocks: run.state.clocks,
    });
    if (options.notifyCustomers) {
      await notifyCustomers(run, {
        customerIds: affectedCustomerIds(run.input),
        contentFor: () => ({
          kind: 'incident-closed',
          incidentId: run.incidentId,
          playbookTitle: PLAYBOOKS[run.input.playbook].title,
          severity: run.input.severity,
          closedAt,
          closedBy: 'Firebreak operations',
          outcome,
        }),
      });
    }
  });
  await run.moveTo('closed');
}

/**
 * When a step fails for good: operations are told, and the incident waits, `failed`, until an engineer closes it with
 * a reason. The alert is not awaited: if mail is what failed, its retries must not keep the incident from being closed.
 */
export async function waitForEngineerToClose(run: IncidentRun, failure: unknown): Promise<void> {
  await run.moveTo('failed');
  alertOperations(run, 'incident-failed', `incident failed: ${describeFailure(failure)}`.slice(0, 200), [
    `Incident ${run.incidentId} (${PLAYBOOKS[run.input.playbook].title}) stopped: ${describeFailure(failure)}`,
    'The failing step and everything done before it are on the timeline. Close the incident by hand once it is handled.',
  ]).catch(() => {});
  const request = await run.closedByHand();
  await recordEvent(
    run.incidentId,
    'decision',
    `Closed by ${request.actor.name}: ${request.reason}`,
    { reason: request.reason },
    request.actor,
  );
  await closeIncident(run, `closed by hand after a failure: ${request.reason}`, { notifyCustomers: false });
}
