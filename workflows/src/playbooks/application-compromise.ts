import type { PlaybookInput } from '@firebreak/domain';

import { closeIncident, waitForEngineerToClose } from '../phases/close';
import { containAndNotify, startContainment } from '../phases/contain';
import { announceCleanEnvironments, monitorUntilSignedOff, rebuildAll } from '../phases/recover';
import { restoreAndClose } from '../phases/restore';
import { ec2 } from '../support/activity-proxies';
import { recordEvent, runStep } from '../support/incident-journal';
import { IncidentRun, type IncidentState } from '../support/incident-run';
import { communicateRisk } from './infrastructure-compromise';

/**
 * Playbook 2, application environment compromised: disconnect → notify → decide whether recreating a clean
 * environment is safe → recreate it → re-establish production with the customer (the customer confirms; public
 * access is restored from the recorded pre-change state onto the clean environment, never the compromised one) →
 * risk communication → monitoring until both sign off → close.
 */
export async function applicationCompromise(input: PlaybookInput): Promise<IncidentState> {
  const run = new IncidentRun(input);
  const containment = startContainment(run);
  await run.announceStart();
  try {
    await containAndNotify(run, containment);
    // Once contained, on-call may find it was a false positive and restore instead.
    const verdict = await runStep(run.incidentId, 'decide', () => run.firstDecision(['recreate-safe', 'restore-contained']));
    if (verdict.gate === 'restore-contained') {
      await restoreAndClose(run, verdict);
      return run.state;
    }
    const recreate = verdict.choice === 'yes';
    if (recreate) {
      await run.moveTo('recovering');
      const environments = await runStep(run.incidentId, 'recreate', () => rebuildAll(run, 'recreate'));
      await announceCleanEnvironments(run, environments);
      await runStep(run.incidentId, 'reestablish', async () => {
        // The customer confirms the clean environment before production (its known addresses) moves onto it.
        while ((await run.decision('production-reestablished')).choice !== 'confirmed') {
          await recordEvent(run.incidentId, 'status', 'The customer has not confirmed yet; asking again', {});
        }
        for (const deployment of input.deployments) {
          const moved = await ec2.reestablishProduction({ incidentId: run.incidentId, deployment });
          await recordEvent(run.incidentId, 'ec2-change', `Production addresses of ${deployment.name} moved to the clean environment`, {
            deploymentId: deployment.id,
            ...moved,
          });
        }
      });
    }
    await runStep(run.incidentId, 'risk-communication', () => communicateRisk(run, verdict.reason));
    if (recreate) {
      await run.moveTo('monitoring');
      await runStep(run.incidentId, 'monitor', () => monitorUntilSignedOff(run, 'recreate'));
    }
    await closeIncident(
      run,
      recreate
        ? 'contained; production re-established on a clean environment and signed off by the customer and operations'
        : `contained; the environment was not recreated (${verdict.reason})`,
      { notifyCustomers: true },
    );
  } catch (failure) {
    await waitForEngineerToClose(run, failure);
  }
  return run.state;
}
