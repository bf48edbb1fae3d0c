import { ModifyInstanceAttributeCommand } from '@aws-sdk/client-ec2';
import { findOriginalTerminationProtection } from '@firebreak/db';

import { EC2_CALLS_IN_FLIGHT, inParallel } from '../rate-limit/in-parallel';
import { isAwsError } from '../shared/aws-errors';
import type { Ec2ActivityDeps } from '../shared/ec2-activity-deps';
import { readTerminationProtection } from '../shared/read-termination-protection';
import { restoreContext } from './restore-input';

export interface RestoreInstanceProtectionSummary {
  /** Instances whose termination protection was switched back off (it was off before the incident). */
  unprotected: string[];
  /** Volumes set to be deleted on termination again, as they were. */
  volumesReset: string[];
}

/**
 * Puts back each instance's termination protection and its volumes' delete-on-termination flags as they were before
 * the incident (the protection step recorded the first, the capture the second). Protection is read before it is
 * switched off; a flag set to the value it has changes nothing, so a retry is harmless.
 */
export async function restoreInstanceProtection(deps: Ec2ActivityDeps, rawInput: unknown): Promise<RestoreInstanceProtectionSummary> {
  const { incidentId, deployment, ec2, state } = await restoreContext(deps, rawInput);
  const originals = await findOriginalTerminationProtection(deps.db, incidentId, deployment.id);
  const summary: RestoreInstanceProtectionSummary = { unprotected: [], volumesReset: [] };
  await inParallel(state.instances, EC2_CALLS_IN_FLIGHT, async (instance) => {
    try {
      const wasProtected = originals.get(instance.instanceId);
      if (wasProtected === false && (await readTerminationProtection(ec2, instance.instanceId))) {
        await ec2.send(new ModifyInstanceAttributeCommand({ InstanceId: instance.instanceId, DisableApiTermination: { Value: false } }));
        summary.unprotected.push(instance.instanceId);
      }
      const toReset = instance.volumes.filter((v) => v.deleteOnTermination);
      if (toReset.length === 0) return;
      await ec2.send(
        new ModifyInstanceAttributeCommand({
          InstanceId: instance.instanceId,
          BlockDeviceMappings: toReset.map((v) => ({ DeviceName: v.deviceName, Ebs: { DeleteOnTermination: true } })),
        }),
      );
      summary.volumesReset.push(...toReset.map((v) => v.volumeId));
    } catch (error) {
      // Terminated since: nothing left to put back; the comparison reports it missing.
      if (!isAwsError(error, 'InvalidInstanceID.NotFound')) throw error;
    }
  });
  summary.unprotected.sort();
  summary.volumesReset.sort();
  return summary;
}
