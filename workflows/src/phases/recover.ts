import { incidentWorkflowId, PLAYBOOKS } from '@firebreak/domain';
import { executeChild, startChild } from '@temporalio/workflow';

import { heightenedMonitoring, type MonitoringResult, stopMonitoringSignal } from '../building-blocks/heightened-monitoring';
import { notifyCustomers } from '../building-blocks/notify-customers';
import { type CleanEnvironment, rebuildCleanEnvironment } from '../building-blocks/rebuild-clean-environment';
import { affectedCustomerIds } from '../support/customers';
import { now } from '../support/incident-journal';
import type { IncidentRun } from '../support/incident-run';

/** Builds a clean environment for every affected deployment, in parallel (one child workflow each). */
export async function rebuildAll(run: IncidentRun, purpose: 'backup' | 'recreate'): Promise<CleanEnvironment[]> {
  const environments = await Promise.all(
    run.input.deployments.map((deployment) =>
      executeChild(rebuildCleanEnvironment, {
        workflowId: `${incidentWorkflowId(run.incidentId)}/rebuild/${deployment.id}`,
        args: [{ incidentId: run.incidentId, deployment, purpose }],
      }),
    ),
  );
  run.state.facts.cleanEnvironments = environments;
  return environments;
}

/** Tells every affected customer where its clean environment is. */
export async function announceCleanEnvironments(run: IncidentRun, environments: CleanEnvironment[]) {
  const readyAt = now();
  return notifyCustomers(run, {
    customerIds: affectedCustomerIds(run.input),
    contentFor: (customerId) => ({
      kind: 'backup-environment-ready',
      incidentId: run.incidentId,
      playbookTitle: PLAYBOOKS[run.input.playbook].title,
      severity: run.input.severity,
      readyAt,
      environments: environments
        .filter((e) => run.input.deployments.find((d) => d.id === e.deploymentId)?.customerIds.includes(customerId))
        .map((e) => ({
          id: e.deploymentId,
          name: e.deploymentName,
          region: e.region,
          publicAddresses: e.publicAddresses,
          purpose: e.purpose,
        })),
    }),
  });
}

/**
 * Heightened monitoring of the clean environments until every affected customer and operations have all signed off
 * (each a decision), then the watch stops. Returns what the watch saw.
 */
export async function monitorUntilSignedOff(run: IncidentRun, purpose: 'backup' | 'recreate'): Promise<MonitoringResult[]> {
  const { input } = run;
  const watches = await Promise.all(
    input.deployments.map((deployment) =>
      startChild(heightenedMonitoring, {
        workflowId: `${incidentWorkflowId(run.incidentId)}/monitor/${deployment.id}`,
        args: [{ incidentId: run.incidentId, deployment, purpose, intervalSeconds: input.policy.monitoringCheckIntervalSeconds }],
      }),
    ),
  );
  const monitoringSince = now();
  const customers = affectedCustomerIds(input);
  await notifyCustomers(run, {
    customerIds: customers,
    contentFor: () => ({
      kind: 'monitoring-sign-off-request',
      incidentId: run.incidentId,
      playbookTitle: PLAYBOOKS[input.playbook].title,
      severity: input.severity,
      monitoringSince,
      checksRun: 0,
      lastFindings: [],
    }),
  });
  await Promise.all([
    ...customers.map((customerId) => run.decision('customer-satisfied', { customerId })),
    run.decision('operations-satisfied'),
  ]);
  await Promise.all(watches.map((watch) => watch.signal(stopMonitoringSignal)));
  const results = await Promise.all(watches.map((watch) => watch.result()));
  run.state.facts.monitoring = results;
  return results;
}
