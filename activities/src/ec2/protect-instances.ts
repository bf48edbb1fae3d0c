import { ModifyInstanceAttributeCommand } from '@aws-sdk/client-ec2';
import { findPreChangeState } from '@firebreak/db';
import { attachedVolumes, describeDeploymentInstances } from './describe-deployment-instances';
import { parseDisconnectInput } from './disconnect-input';
import type { Ec2ActivityDeps } from './ec2-activity-deps';
import { PreChangeState } from './pre-change-state';
import { EC2_CALLS_IN_FLIGHT, inParallel } from './rate-limit/in-parallel';

export interface ProtectInstancesSummary {
  instances: string[];
  /** Volumes switched to survive termination by this call. */
  volumesKept: string[];
}

/**
 * Termination protection on, and every attached volume kept on termination: the evidence must outlive a mistake.
 * Per instance, protection first and volumes second, so a retry can skip what an earlier attempt finished without
 * spending a call on it: an instance whose volumes were deleted-on-termination before the incident (the pre-change
 * state says so) and are kept now was protected first. Termination protection itself cannot be read from the
 * instance listing, so any other instance is simply set again (desired state).
 */
export async function protectInstances(deps: Ec2ActivityDeps, rawInput: unknown): Promise<ProtectInstancesSummary> {
  const { incidentId, deployment } = parseDisconnectInput(rawInput);
  const ec2 = deps.ec2For(deployment.region);
  const { instances } = await describeDeploymentInstances(ec2, deployment);
  const stored = await findPreChangeState(deps.db, incidentId, deployment.id);
  const before = new Map(
    (stored ? PreChangeState.parse(stored.state).instances : []).map((i) => [i.instanceId, i] as const),
  );
  const summary: ProtectInstancesSummary = { instances: [], volumesKept: [] };
  await inParallel(instances, EC2_CALLS_IN_FLIGHT, async (instance) => {
    const instanceId = instance.InstanceId!;
    const original = before.get(instanceId);
    const volumes = attachedVolumes(instance);
    const toKeep = volumes.filter((v) => v.deleteOnTermination);
    const keptByUs =
      toKeep.length === 0 && original?.volumes.some((v) => v.deleteOnTermination && volumes.some((now) => now.volumeId === v.volumeId));
    summary.instances.push(instanceId);
    if (!original?.terminationProtection && !keptByUs) {
      await ec2.send(new ModifyInstanceAttributeCommand({ InstanceId: instanceId, DisableApiTermination: { Value: true } }));
    }
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
