import { type Deployment, incidentWorkflowId, PLAYBOOKS } from '@firebreak/domain';
import { executeChild } from '@temporalio/workflow';

import { disconnectDeployment, type DisconnectDeploymentResult } from '../building-blocks/disconnect-deployment';
import { notifyCustomers } from '../building-blocks/notify-customers';
import { alertOperations } from '../support/alert-operations';
import { type RunningClock, startClock } from '../support/clocks';
import { affectedCustomerIds, deploymentsOf } from '../support/customers';
import { now, recordEvent, runStep } from '../support/incident-journal';
import type { IncidentRun } from '../support/incident-run';

/** Remaining paths named in one alert to operations; the timeline has every one. */
const ALERT_LINES = 50;

/**
 * The first steps of both compromise playbooks: cut every affected deployment off the public internet at once
 * (one child workflow each, in parallel), then tell each affected customer's designated technical contacts, once.
 *
 * A containment that does not reach a clean final check is never silent: operations are alerted with every path that
 * remains, the contacts' notice says what was cut off and what was not, and the playbook waits at the
 * `containment-incomplete` gate: retry (the disconnect of the deployments still connected runs again), accept the
 * remaining paths with a reason (the playbook goes on), or escalate (operations are alerted again and the gate
 * stays open for someone who can fix or accept it).
 */
export async function containAndNotify(run: IncidentRun, started: StartedContainment): Promise<DisconnectDeploymentResult[]> {
  const { input } = run;
  await run.moveTo('active');
  let containment = await runStep(run.incidentId, 'disconnect', () => started.results, started.startedAt).catch(async (error: unknown) => {
    await started.clock.cancel('the disconnect failed');
    throw error;
  });
  run.state.facts.containment = containment;
  const containedAt = now();
  if (isComplete(containment)) await started.clock.met();
  else await alertRemaining(run, containment, 1);

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
            remaining: result?.remaining ?? [],
          };
        }),
      }),
    }),
  );

  if (!isComplete(containment)) containment = await resolveIncompleteContainment(run, containment, started.clock);
  await run.moveTo('contained');
  return containment;
}

/** The gate loop: retry until clean, or until on-call accepts what remains. */
async function resolveIncompleteContainment(
  run: IncidentRun,
  first: DisconnectDeploymentResult[],
  clock: RunningClock,
): Promise<DisconnectDeploymentResult[]> {
  let containment = first;
  for (let round = 2; ;) {
    const decision = await run.decision('containment-incomplete');
    if (decision.choice === 'accept-residuals') {
      run.state.facts.acceptedResiduals = { remaining: remainingOf(containment), reason: decision.reason };
      await recordEvent(run.incidentId, 'decision', 'Containment accepted with the paths that remain', {
        reason: decision.reason,
        remaining: remainingOf(containment),
      });
      await clock.cancel(`containment accepted with remaining paths: ${decision.reason}`);
      return containment;
    }
    if (decision.choice === 'escalate') {
      await alertOperations(run, `containment-escalated-${round}`, 'containment escalated: public paths remain', [
        `${decision.actor.name} escalated the containment of incident ${run.incidentId}: ${decision.reason}`,
        ...linesOf(containment),
      ]);
      round++;
      continue;
    }
    const retried = await runStep(run.incidentId, 'disconnect', () =>
      disconnectAll(
        run,
        run.input.deployments.filter((d) => !isComplete(containment.filter((c) => c.deploymentId === d.id))),
        `retry-${round}`,
      ),
    );
    containment = containment.map((c) => retried.find((r) => r.deploymentId === c.deploymentId) ?? c);
    run.state.facts.containment = containment;
    if (isComplete(containment)) {
      await clock.met();
      await recordEvent(run.incidentId, 'status', 'Containment complete: no public path remains', {});
      return containment;
    }
    await alertRemaining(run, containment, round);
    round++;
  }
}

function isComplete(containment: DisconnectDeploymentResult[]): boolean {
  return containment.every((c) => c.remaining.length === 0);
}

function remainingOf(containment: DisconnectDeploymentResult[]): { deploymentId: string; remaining: string[] }[] {
  return containment.filter((c) => c.remaining.length > 0).map((c) => ({ deploymentId: c.deploymentId, remaining: c.remaining }));
}

function linesOf(containment: DisconnectDeploymentResult[]): string[] {
  const lines = containment.flatMap((c) => c.remaining.map((path) => `${c.deploymentId}: ${path}`));
  return lines.length > ALERT_LINES ? [...lines.slice(0, ALERT_LINES), `and ${lines.length - ALERT_LINES} more on the timeline`] : lines;
}

async function alertRemaining(run: IncidentRun, containment: DisconnectDeploymentResult[], round: number): Promise<void> {
  await alertOperations(run, `containment-incomplete-${round}`, 'containment incomplete: public paths remain', [
    `The disconnect of incident ${run.incidentId} did not reach a clean final check. What remains:`,
    ...linesOf(containment),
    'The incident waits for on-call to retry, accept the remaining paths with a reason, or escalate.',
  ]);
}

/** Disconnect children already started, the workflow time just before they were, and the containment clock. */
export interface StartedContainment {
  results: Promise<DisconnectDeploymentResult[]>;
  startedAt: string;
  clock: RunningClock;
}

/**
 * Starts the disconnect children before the playbook writes its first timeline events: on a compromise every
 * second of public exposure counts, and the writes (start, status, step) follow alongside, in their usual order.
 * Pass the result to containAndNotify, which records the step around it, as started when the children were (so the
 * step starts on the timeline before the children's first changes). The containment clock (policy) starts with them:
 * on-call is warned when containment takes too long, however it is stuck.
 */
export function startContainment(run: IncidentRun): StartedContainment {
  const startedAt = now();
  const results = disconnectAll(run, run.input.deployments, undefined);
  // Awaited, and a failure recorded, by the disconnect step.
  results.catch(() => {});
  const clock = startClock(run, 'containment', run.input.policy.containmentTargetSeconds, startedAt);
  return { results, startedAt, clock };
}

function disconnectAll(run: IncidentRun, deployments: Deployment[], attempt: string | undefined): Promise<DisconnectDeploymentResult[]> {
  return Promise.all(
    deployments.map((deployment) =>
      executeChild(disconnectDeployment, {
        workflowId: `${incidentWorkflowId(run.incidentId)}/disconnect/${deployment.id}${attempt ? `/${attempt}` : ''}`,
        args: [{ incidentId: run.incidentId, deployment }],
      }),
    ),
  );
}
