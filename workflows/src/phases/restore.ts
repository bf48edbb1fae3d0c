import { type DecisionRequest, incidentWorkflowId, PLAYBOOKS } from '@firebreak/domain';
import { executeChild } from '@temporalio/workflow';

import { notifyCustomers } from '../building-blocks/notify-customers';
import { restoreDeployment } from '../building-blocks/restore-deployment';
import { alertOperations } from '../support/alert-operations';
import { affectedCustomerIds, deploymentsOf } from '../support/customers';
import { now, runStep } from '../support/incident-journal';
import type { IncidentRun } from '../support/incident-run';
import { closeIncident } from './close';

/**
 * Restore after a false positive (AWS's containment runbook has Contain and Restore; so does Firebreak): every
 * deployment goes back to its recorded pre-change state (one child each, in parallel), each customer's designated
 * technical contacts get a "service restored" notice naming anything that could not be put back, operations are
 * alerted about any such difference, and the incident closes.
 */
export async function restoreAndClose(run: IncidentRun, decision: DecisionRequest): Promise<void> {
  const { input } = run;
  await run.moveTo('recovering');
  const restored = await runStep(run.incidentId, 'restore', () =>
    Promise.all(
      input.deployments.map((deployment) =>
        executeChild(restoreDeployment, {
          workflowId: `${incidentWorkflowId(run.incidentId)}/restore/${deployment.id}`,
          args: [{ incidentId: run.incidentId, deployment }],
        }),
      ),
    ),
  );
  run.state.facts.restored = restored;
  const restoredAt = now();
  const differing = restored.filter((r) => r.differences.length > 0);
  if (differing.length > 0) {
    await alertOperations(run, 'restore-differences', 'restore left differences from the pre-incident state', [
      `Restoring incident ${run.incidentId} after a false positive left these differences:`,
      ...differing.flatMap((r) => r.differences.map((d) => `${r.deploymentId}: ${d}`)),
    ]);
  }
  await notifyCustomers(run, {
    customerIds: affectedCustomerIds(input),
    contentFor: (customerId) => ({
      kind: 'service-restored',
      incidentId: run.incidentId,
      playbookTitle: PLAYBOOKS[input.playbook].title,
      severity: input.severity,
      restoredAt,
      reason: decision.reason,
      deployments: deploymentsOf(input, customerId).map((d) => ({
        id: d.id,
        name: d.name,
        differences: restored.find((r) => r.deploymentId === d.id)?.differences ?? [],
      })),
    }),
  });
  await closeIncident(run, `a false positive: restored to the pre-incident state (${decision.reason})`, { notifyCustomers: false });
}
