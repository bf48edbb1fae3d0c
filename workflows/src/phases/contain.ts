import { executeChild } from '@temporalio/workflow';
import { incidentWorkflowId, PLAYBOOKS } from '@firebreak/domain';
import { disconnectDeployment, type DisconnectDeploymentResult } from '../building-blocks/disconnect-deployment';
import { notifyCustomers } from '../building-blocks/notify-customers';
import { affectedCustomerIds, deploymentsOf } from '../support/customers';
import { now, runStep } from '../support/incident-journal';
import type { IncidentRun } from '../support/incident-run';

/**
 * The first two steps of both compromise playbooks: cut every affected deployment off the public internet at once
 * (one child workflow each, in parallel), then tell each affected customer's designated technical contacts.
 */
export async function containAndNotify(run: IncidentRun): Promise<DisconnectDeploymentResult[]> {
  const { input } = run;
  await run.moveTo('active');
  const containment = await runStep(run.incidentId, 'disconnect', () =>
    Promise.all(
      input.deployments.map((deployment) =>
        executeChild(disconnectDeployment, {
          workflowId: `${incidentWorkflowId(run.incidentId)}/disconnect/${deployment.id}`,
          args: [{ incidentId: run.incidentId, deployment }],
        }),
      ),
    ),
  );
  run.state.facts.containment = containment;
  const containedAt = now();
  const declaredAt = run.state.facts.declaredAt as string;
  await runStep(run.incidentId, 'notify', () =>
    notifyCustomers(run, {
      customerIds: affectedCustomerIds(input),
      contentFor: (customer) => ({
        kind: 'incident-details',
        incidentId: run.incidentId,
        playbookTitle: PLAYBOOKS[input.playbook].title,
        severity: input.severity,
        customerName: customer.name,
        summary: input.summary,
        declaredAt,
        containedAt,
        deployments: deploymentsOf(input, customer.id).map((d) => {
          const result = containment.find((c) => c.deploymentId === d.id);
          return {
            id: d.id,
            name: d.name,
            instancesIsolated: result?.instancesIsolated ?? 0,
            addressesReleased: result?.addressesReleased ?? 0,
          };
        }),
      }),
    }),
  );
  await run.moveTo('contained');
  return containment;
}
