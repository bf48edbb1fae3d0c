import { PLAYBOOKS } from '@firebreak/domain';

import { notifyCustomers } from '../building-blocks/notify-customers';
import { affectedCustomerIds } from '../support/customers';
import { now, recordEvent, runStep } from '../support/incident-journal';
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

/** When a step fails for good: the incident waits, `failed`, until an engineer closes it with a reason. */
export async function waitForEngineerToClose(run: IncidentRun): Promise<void> {
  await run.moveTo('failed');
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
