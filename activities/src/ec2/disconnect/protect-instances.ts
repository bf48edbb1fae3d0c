import { ModifyInstanceAttributeCommand } from '@aws-sdk/client-ec2';
import { findOriginalTerminationProtection, recordOriginalTerminationProtectionOnce } from '@firebreak/db';

import { EC2_CALLS_IN_FLIGHT, inParallel } from '../rate-limit/in-parallel';
import { attachedVolumes, describeDeploymentInstances } from '../shared/describe-deployment-instances';
import type { Ec2ActivityDeps } from '../shared/ec2-activity-deps';
import { readTerminationProtection } from '../shared/read-termination-protection';
import { parseDisconnectInput } from './disconnect-input';

export interface ProtectInstancesSummary {
  instances: string[];
  /** Volumes switched to survive termination by this call. */
  volumesKept: string[];
}

/**
 * Termination protection on, and every attached volume kept on termination: the evidence must outlive a mistake.
 * Per instance: protection is read (a describe call, from a bucket four times faster than the change), recorded as
 * the original before anything changes it (the first record wins, so a retry that reads the protection an earlier
 * attempt set never records it as the original), switched on if it is off, then the volumes kept. Reading it here
 * rather than in the pre-change capture keeps 500 reads of a large deployment out of the way of the deny ACL.
 */
export async function protectInstances(deps: Ec2ActivityDeps, rawInput: unknown): Promise<ProtectInstancesSummary> {
  const { incidentId, deployment } = parseDisconnectInput(rawInput);
  const ec2 = deps.ec2For(deployment.region);
  const { instances } = await describeDeploymentInstances(ec2, deployment);
  const recorded = await findOriginalTerminationProtection(deps.db, incidentId, deployment.id);
  const summary: ProtectInstancesSummary = { instances: [], volumesKept: [] };
  await inParallel(instances, EC2_CALLS_IN_FLIGHT, async (instance) => {
    const instanceId = instance.InstanceId!;
    summary.instances.push(instanceId);
    const protectedNow = await readTerminationProtection(ec2, instanceId);
    if (!recorded.has(instanceId)) {
      await recordOriginalTerminationProtectionOnce(deps.db, {
        incidentId,
        deploymentId: deployment.id,
        instanceId,
        protected: protectedNow,
        at: new Date().toISOString(),
      });
    }
    if (!protectedNow) {
      await ec2.send(new ModifyInstanceAttributeCommand({ InstanceId: instanceId, DisableApiTermination: { Value: true } }));
    }
    const toKeep = attachedVolumes(instance).filter((v) => v.deleteOnTermination);
    if (toKeep.length === 0) return;
    await ec2.send(
      new ModifyInstanceAttributeCommand({
        InstanceId: instanceId,
        BlockDeviceMappings: toKeep.map((v) => ({ DeviceName: v.deviceName, Ebs: { DeleteOnTermination: false } })),
      }),
    );
    summary.volumesKept.push(...toKeep.map((v) => v.volumeId));
  });
  summary.instances.sort();
  summary.volumesKept.sort();
  return summary;
}
