import { incidentWorkflowId, PLAYBOOKS } from '@firebreak/domain';
import { executeChild } from '@temporalio/workflow';

import { disconnectDeployment, type DisconnectDeploymentResult } from '../building-blocks/disconnect-deployment';
import { notifyCustomers } from '../building-blocks/notify-customers';
import { affectedCustomerIds, deploymentsOf } from '../support/customers';
import { now, runStep } from '../support/incident-journal';
import type { IncidentRun } from '../support/incident-run';

/**
 * The first two steps of both compromise playbooks: cut every affected deployment off the public internet at once
 * (one child workflow each, in parallel), then tell each affected customer's designated technical contacts.
 */
export async function containAndNotify(run: IncidentRun, started: StartedContainment): Promise<DisconnectDeploymentResult[]> {
  const { input } = run;
  await run.moveTo('active');
  const containment = await runStep(run.incidentId, 'disconnect', () => started.results, started.startedAt);
  run.state.facts.containment = containment;
  const containedAt = now();
  const declaredAt = run.state.facts.declaredAt as string;
  await runStep(run.incidentId, 'notify', () =>
    notifyCustomers(run, {
      customerIds: affectedCustomerIds(input),
      contentFor: (customerId) => ({
        kind: 'incident-details',
        incidentId: run.incidentId,
        playbookTitle: PLAYBOOKS[input.playbook].title,
        severity: input.severity,
        summary: input.summary,
        declaredAt,
        containedAt,
        deployments: deploymentsOf(input, customerId).map((d) => {
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

/** Disconnect children already started, and the workflow time just before they were. */
export interface StartedContainment {
  results: Promise<DisconnectDeploymentResult[]>;
  startedAt: string;
}

/**
 * Starts the disconnect children before the playbook writes its first timeline events: on a compromise every
 * second of public exposure counts, and the writes (start, status, step) follow alongside, in their usual order.
 * Pass the result to containAndNotify, which records the step around it, as started when the children were (so the
 * step starts on the timeline before the children's first changes).
 */
export function startContainment(run: IncidentRun): StartedContainment {
  const startedAt = now();
  const results = disconnectAll(run);
  // Awaited, and a failure recorded, by the disconnect step.
  results.catch(() => {});
  return { results, startedAt };
}

function disconnectAll(run: IncidentRun): Promise<DisconnectDeploymentResult[]> {
  return Promise.all(
    run.input.deployments.map((deployment) =>
      executeChild(disconnectDeployment, {
        workflowId: `${incidentWorkflowId(run.incidentId)}/disconnect/${deployment.id}`,
        args: [{ incidentId: run.incidentId, deployment }],
      }),
    ),
  );
}
