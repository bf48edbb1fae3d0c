import { type Address, DisassociateAddressCommand, type EC2Client } from '@aws-sdk/client-ec2';
import { findPreChangeState } from '@firebreak/db';
import type { Deployment } from '@firebreak/domain';

import { EC2_CALLS_IN_FLIGHT, inParallel } from '../rate-limit/in-parallel';
import { isAwsError } from '../shared/aws-errors';
import { describeDeploymentInstances } from '../shared/describe-deployment-instances';
import { describeAssociatedElasticIps } from '../shared/describe-elastic-ips';
import type { Ec2ActivityDeps } from '../shared/ec2-activity-deps';
import { PreChangeState } from '../shared/pre-change-state';
import { parseDisconnectInput } from './disconnect-input';

export interface ReleasePublicAddressesSummary {
  /** Addresses detached by this call; their allocations are kept (and in the pre-change state) for restore. */
  released: { allocationId: string; publicIp: string; instanceId: string | null; networkInterfaceId: string | null }[];
}

/** Detaches every Elastic IP from the deployment's instances and interfaces, keeping the allocations. */
export async function releasePublicAddresses(deps: Ec2ActivityDeps, rawInput: unknown): Promise<ReleasePublicAddressesSummary> {
  const { incidentId, deployment } = parseDisconnectInput(rawInput);
  const ec2 = deps.ec2For(deployment.region);
  const { instanceIds, interfaceIds } = await deploymentMembers(deps, incidentId, deployment);
  const addresses = await describeAssociatedElasticIps(ec2, instanceIds, interfaceIds);
  return { released: await disassociateAddresses(ec2, addresses) };
}

/** Detaches each address (desired state: one already detached counts as done); returns those this call detached. */
export async function disassociateAddresses(
  ec2: EC2Client,
  addresses: readonly Address[],
): Promise<ReleasePublicAddressesSummary['released']> {
  const released: ReleasePublicAddressesSummary['released'] = [];
  await inParallel(addresses, EC2_CALLS_IN_FLIGHT, async (address) => {
    try {
      await ec2.send(new DisassociateAddressCommand({ AssociationId: address.AssociationId! }));
    } catch (error) {
      // Already gone between the describe and now: the desired state holds.
      if (!isAwsError(error, 'InvalidAssociationID.NotFound')) throw error;
      return;
    }
    released.push({
      allocationId: address.AllocationId!,
      publicIp: address.PublicIp ?? '',
      instanceId: address.InstanceId ?? null,
      networkInterfaceId: address.NetworkInterfaceId ?? null,
    });
  });
  return released.sort((a, b) => a.allocationId.localeCompare(b.allocationId));
}

/**
 * The instances and interfaces whose addresses go: as the pre-change capture (which always runs first in a
 * disconnect) found them seconds ago, since listing a large deployment again would keep its addresses public that
 * much longer. The addresses themselves are read now. Without a capture, the instances are listed.
 */
async function deploymentMembers(
  deps: Ec2ActivityDeps,
  incidentId: string,
  deployment: Deployment,
): Promise<{ instanceIds: string[]; interfaceIds: string[] }> {
  const stored = await findPreChangeState(deps.db, incidentId, deployment.id);
  if (stored) {
    const state = PreChangeState.parse(stored.state);
    return {
      instanceIds: state.instances.map((i) => i.instanceId),
      interfaceIds: state.networkInterfaces.map((i) => i.networkInterfaceId),
    };
  }
  const { instances, interfaces } = await describeDeploymentInstances(deps.ec2For(deployment.region), deployment);
  return { instanceIds: instances.map((i) => i.InstanceId!), interfaceIds: interfaces.map((i) => i.NetworkInterfaceId!) };
}
