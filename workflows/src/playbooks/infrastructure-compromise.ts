import { type PlaybookInput, PLAYBOOKS } from '@firebreak/domain';

import { notifyCustomers } from '../building-blocks/notify-customers';
import { closeIncident, waitForEngineerToClose } from '../phases/close';
import { containAndNotify, startContainment } from '../phases/contain';
import { announceCleanEnvironments, monitorUntilSignedOff, rebuildAll } from '../phases/recover';
import { restoreAndClose } from '../phases/restore';
import { startClock } from '../support/clocks';
import { affectedCustomerIds, deploymentsOf } from '../support/customers';
import { runStep } from '../support/incident-journal';
import { IncidentRun, type IncidentState } from '../support/incident-run';

/**
 * Playbook 1, infrastructure compromised: disconnect at once → notify → decide whether a backup instance on new
 * infrastructure is safe → if so rebuild it (target 24 h) and send its details → communicate the risk to technical
 * contacts and management → monitor the new environment until the customer and operations both sign off → close.
 */
export async function infrastructureCompromise(input: PlaybookInput): Promise<IncidentState> {
  const run = new IncidentRun(input);
  const containment = startContainment(run);
  await run.announceStart();
  try {
    await containAndNotify(run, containment);
    const backupClock = startClock(run, 'backup-instance', input.policy.backupInstanceTargetSeconds, run.state.facts.declaredAt as string);
    // Once contained, on-call may find it was a false positive and restore instead.
    const verdict = await runStep(run.incidentId, 'decide', () => run.firstDecision(['backup-safe', 'restore-contained']));
    if (verdict.gate === 'restore-contained') {
      await restoreAndClose(run, verdict);
      return run.state;
    }
    const backup = verdict.choice === 'yes';
    if (backup) {
      await run.moveTo('recovering');
      const environments = await runStep(run.incidentId, 'rebuild', () => rebuildAll(run, 'backup'));
      await backupClock.met();
      await runStep(run.incidentId, 'backup-notice', () => announceCleanEnvironments(run, environments));
    } else {
      await backupClock.cancel('a backup instance was not deemed safe');
    }
    await runStep(run.incidentId, 'risk-communication', () => communicateRisk(run, verdict.reason));
    if (backup) {
      await run.moveTo('monitoring');
      await runStep(run.incidentId, 'monitor', () => monitorUntilSignedOff(run, 'backup'));
    }
    await closeIncident(
      run,
      backup
        ? 'contained; a clean backup environment was provided and signed off by the customer and operations'
        : `contained; no backup environment was provided (${verdict.reason})`,
      { notifyCustomers: true },
    );
  } catch (failure) {
    // The failing step is already on the timeline with its reason.
    await waitForEngineerToClose(run, failure);
  }
  return run.state;
}

/** Risk to the customers' content, to their technical contacts and management, in the engineers' words. */
export async function communicateRisk(run: IncidentRun, assessment: string) {
  const { input } = run;
  return notifyCustomers(run, {
    customerIds: affectedCustomerIds(input),
    roles: ['designated-technical', 'management'],
    contentFor: (customerId) => ({
      kind: 'risk-communication',
      incidentId: run.incidentId,
      playbookTitle: PLAYBOOKS[input.playbook].title,
      severity: input.severity,
      summary: input.summary,
      assessment,
      preserved: [
        'the compromised instances, stopped from reaching or being reached from the internet',
        'their disks, with forensic snapshots',
        'the pre-incident network configuration, for restore',
      ],
      deployments: deploymentsOf(input, customerId).map((d) => ({ id: d.id, name: d.name })),
    }),
  });
}
