import { ModifyInstanceAttributeCommand } from '@aws-sdk/client-ec2';
import { attachedVolumes, describeDeploymentInstances } from './describe-deployment-instances';
import { parseDisconnectInput } from './disconnect-input';
import type { Ec2ActivityDeps } from './ec2-activity-deps';

export interface ProtectInstancesSummary {
  instances: string[];
  /** Volumes switched to survive termination by this call. */
  volumesKept: string[];
}

/** Termination protection on, and every attached volume kept on termination: the evidence must outlive a mistake. */
export async function protectInstances(deps: Ec2ActivityDeps, rawInput: unknown): Promise<ProtectInstancesSummary> {
  const { deployment } = parseDisconnectInput(rawInput);
  const ec2 = deps.ec2For(deployment.region);
  const { instances } = await describeDeploymentInstances(ec2, deployment);
  const summary: ProtectInstancesSummary = { instances: [], volumesKept: [] };
  for (const instance of instances) {
    const instanceId = instance.InstanceId!;
    // Desired state: setting it again is harmless, reading it first would cost the same call.
    await ec2.send(new ModifyInstanceAttributeCommand({ InstanceId: instanceId, DisableApiTermination: { Value: true } }));
    summary.instances.push(instanceId);
    const toKeep = attachedVolumes(instance).filter((v) => v.deleteOnTermination);
    if (toKeep.length === 0) continue;
    await ec2.send(
      new ModifyInstanceAttributeCommand({
        InstanceId: instanceId,
        BlockDeviceMappings: toKeep.map((v) => ({ DeviceName: v.deviceName, Ebs: { DeleteOnTermination: false } })),
      }),
    );
    summary.volumesKept.push(...toKeep.map((v) => v.volumeId));
  }
  return summary;
}
