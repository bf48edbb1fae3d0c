import { DisassociateAddressCommand } from '@aws-sdk/client-ec2';
import { isAwsError } from './aws-errors';
import { describeDeploymentInstances } from './describe-deployment-instances';
import { describeAssociatedElasticIps } from './describe-elastic-ips';
import { parseDisconnectInput } from './disconnect-input';
import type { Ec2ActivityDeps } from './ec2-activity-deps';
import { EC2_CALLS_IN_FLIGHT, inParallel } from './rate-limit/in-parallel';

export interface ReleasePublicAddressesSummary {
  /** Addresses detached by this call; their allocations are kept (and in the pre-change state) for restore. */
  released: { allocationId: string; publicIp: string; instanceId: string | null; networkInterfaceId: string | null }[];
}

/** Detaches every Elastic IP from the deployment's instances and interfaces, keeping the allocations. */
export async function releasePublicAddresses(deps: Ec2ActivityDeps, rawInput: unknown): Promise<ReleasePublicAddressesSummary> {
  const { deployment } = parseDisconnectInput(rawInput);
  const ec2 = deps.ec2For(deployment.region);
  const { instances, interfaces } = await describeDeploymentInstances(ec2, deployment);
  const addresses = await describeAssociatedElasticIps(
    ec2,
    instances.map((i) => i.InstanceId!),
    interfaces.map((i) => i.NetworkInterfaceId!),
  );
  const summary: ReleasePublicAddressesSummary = { released: [] };
  await inParallel(addresses, EC2_CALLS_IN_FLIGHT, async (address) => {
    try {
      await ec2.send(new DisassociateAddressCommand({ AssociationId: address.AssociationId! }));
    } catch (error) {
      // Already gone between the describe and now: the desired state holds.
      if (!isAwsError(error, 'InvalidAssociationID.NotFound')) throw error;
      return;
    }
    summary.released.push({
      allocationId: address.AllocationId!,
      publicIp: address.PublicIp ?? '',
      instanceId: address.InstanceId ?? null,
      networkInterfaceId: address.NetworkInterfaceId ?? null,
    });
  });
  summary.released.sort((a, b) => a.allocationId.localeCompare(b.allocationId));
  return summary;
}
