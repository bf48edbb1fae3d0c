import type { PlaybookInput } from '@firebreak/domain';

import { closeIncident, waitForEngineerToClose } from '../phases/close';
import { ec2 } from '../support/activity-proxies';
import { alertOperations } from '../support/alert-operations';
import { recordEvent, runStep } from '../support/incident-journal';
import { IncidentRun, type IncidentState } from '../support/incident-run';

/**
 * Playbook 5, suspicious activity (typically declared by a monitoring system through the API): deny the source
 * address on the deployments' subnets at once → alert operations → lift the block when the policy's time runs out,
 * unless an engineer decides to keep it.
 */
export async function suspiciousActivity(input: PlaybookInput): Promise<IncidentState> {
  const run = new IncidentRun(input);
  const sourceAddress = input.sourceAddress!;
  await run.announceStart(`from ${sourceAddress}`);
  try {
    await run.moveTo('active');
    const blocks = await runStep(run.incidentId, 'block', () =>
      Promise.all(
        input.deployments.map(async (deployment) => {
          const block = await ec2.blockSourceAddress({ incidentId: run.incidentId, deployment, sourceAddress });
          await recordEvent(run.incidentId, 'ec2-change', `Blocked ${block.cidr} on the subnets of ${deployment.name}`, {
            deploymentId: deployment.id,
            ...block,
          });
          return block;
        }),
      ),
    );
    run.state.facts.blocks = blocks;
    await run.moveTo('blocked');
    const ttlSeconds = input.policy.blockTtlSeconds;
    await runStep(run.incidentId, 'alert', () =>
      alertOperations(run, 'source-blocked', `blocked ${sourceAddress}`, [
        `Suspicious activity from ${sourceAddress}: ${input.summary}`,
        `It is blocked on ${input.deployments.map((d) => d.name).join(', ')} and will be unblocked in ${ttlSeconds} s ` +
          'unless an engineer decides to keep the block.',
      ]),
    );
    const verdict = await run.decisionWithin('keep-block', ttlSeconds * 1000);
    if (verdict?.choice === 'keep') {
      await closeIncident(run, `${sourceAddress} stays blocked: ${verdict.reason}`, { notifyCustomers: false });
    } else {
      await runStep(run.incidentId, 'lift-block', async () => {
        for (const deployment of input.deployments) {
          const lifted = await ec2.unblockSourceAddress({ incidentId: run.incidentId, deployment, sourceAddress });
          await recordEvent(run.incidentId, 'ec2-change', `Unblocked ${sourceAddress} on ${deployment.name}`, {
            deploymentId: deployment.id,
            ...lifted,
          });
        }
      });
      const why = verdict ? `lifted early: ${verdict.reason}` : 'the block expired';
      await closeIncident(run, `${sourceAddress} was blocked for a while; ${why}`, { notifyCustomers: false });
    }
  } catch (failure) {
    await waitForEngineerToClose(run, failure);
  }
  return run.state;
}
