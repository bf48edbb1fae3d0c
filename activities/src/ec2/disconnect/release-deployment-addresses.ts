import { type Address, DescribeAddressesCommand, type EC2Client } from '@aws-sdk/client-ec2';
import { recordOriginalElasticIpsOnce } from '@firebreak/db';
import type { Deployment } from '@firebreak/domain';

import { deploymentInstanceIdsAmong, describeVpcInterfacesAmong } from '../shared/describe-deployment-instances';
import type { Ec2ActivityDeps } from '../shared/ec2-activity-deps';
import { elasticIpRecordOf } from '../shared/pre-change-state';
import { parseDisconnectInput } from './disconnect-input';
import { disassociateAddresses, type ReleasePublicAddressesSummary } from './release-public-addresses';

/**
 * The second change of a disconnect, before the full pre-change capture: the deployment's Elastic IPs are detached
 * without listing the deployment (the slow read on a large one). The region's associated addresses are read, and an
 * address counts as the deployment's by the rule the capture uses: it sits on one of the deployment's instances
 * (its instance tag, its VPC, not terminated) or on an interface in its VPC attached to one. Each association is
 * recorded first (first record wins) so the capture that follows still knows what restore must put back;
 * releasePublicAddresses later detaches anything this step missed.
 */
export async function releaseDeploymentAddresses(deps: Ec2ActivityDeps, rawInput: unknown): Promise<ReleasePublicAddressesSummary> {
  const { incidentId, deployment } = parseDisconnectInput(rawInput);
  const ec2 = deps.ec2For(deployment.region);
  const addresses = await deploymentAddresses(ec2, deployment);
  await recordOriginalElasticIpsOnce(deps.db, {
    incidentId,
    deploymentId: deployment.id,
    addresses: addresses.map(elasticIpRecordOf),
    at: new Date().toISOString(),
  });
  return { released: await disassociateAddresses(ec2, addresses) };
}

/** The region's associated addresses that belong to the deployment, sorted by allocation. */
export async function deploymentAddresses(ec2: EC2Client, deployment: Deployment): Promise<Address[]> {
  const answer = await ec2.send(new DescribeAddressesCommand({}));
  const associated = (answer.Addresses ?? []).filter((a) => a.AllocationId && a.AssociationId);
  if (associated.length === 0) return [];

  const instanceIdsOnAddresses = unique(associated.map((a) => a.InstanceId));
  const interfaceIds = unique(associated.map((a) => a.NetworkInterfaceId));
  // The instance ids the addresses name are checked while their interfaces are read; an interface attached to an
  // instance no address names (an address on a secondary interface) needs one more check after.
  const [interfaces, members] = await Promise.all([
    interfaceIds.length > 0 ? describeVpcInterfacesAmong(ec2, deployment.vpcId, interfaceIds) : Promise.resolve([]),
    instanceIdsOnAddresses.length > 0
      ? deploymentInstanceIdsAmong(ec2, deployment, instanceIdsOnAddresses)
      : Promise.resolve(new Set<string>()),
  ]);
  const attachedTo = new Map(interfaces.map((eni) => [eni.NetworkInterfaceId!, eni.Attachment?.InstanceId]));
  const unchecked = unique([...attachedTo.values()].filter((id) => id !== undefined && !instanceIdsOnAddresses.includes(id)));
  if (unchecked.length > 0) for (const id of await deploymentInstanceIdsAmong(ec2, deployment, unchecked)) members.add(id);

  const belongs = (address: Address) => {
    if (address.InstanceId && members.has(address.InstanceId)) return true;
    const instanceId = address.NetworkInterfaceId ? attachedTo.get(address.NetworkInterfaceId) : undefined;
    return instanceId !== undefined && members.has(instanceId);
  };
  return associated.filter(belongs).sort((a, b) => a.AllocationId!.localeCompare(b.AllocationId!));
}

function unique(ids: readonly (string | undefined)[]): string[] {
  return [...new Set(ids.filter((id): id is string => id !== undefined && id !== ''))].sort();
}
