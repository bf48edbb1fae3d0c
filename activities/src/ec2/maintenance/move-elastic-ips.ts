import { type Address, AssociateAddressCommand, DescribeAddressesCommand, type EC2Client } from '@aws-sdk/client-ec2';

export interface MovedAddress {
  allocationId?: string;
  publicIp?: string;
}

/** Elastic IPs on any of the instances, read fresh. */
export async function describeInstanceAddresses(ec2: EC2Client, instanceIds: string[]): Promise<Address[]> {
  const found = await ec2.send(new DescribeAddressesCommand({ Filters: [{ Name: 'instance-id', Values: instanceIds }] }));
  return (found.Addresses ?? []).filter((a) => a.AllocationId);
}

/**
 * Moves the public address from the instances being retired to their successor, so clients keep the same IP.
 * AllowReassociation makes it one call and a desired-state one: a retry after the move finds it on `toId` already.
 */
export async function moveElasticIps(ec2: EC2Client, fromIds: string[], toId: string): Promise<MovedAddress> {
  const addresses = await describeInstanceAddresses(ec2, [...fromIds, toId]);
  const [toMove, ...others] = addresses.filter((a) => a.InstanceId && fromIds.includes(a.InstanceId));
  if (others.length > 0) throw new Error(`instances ${fromIds.join(', ')} hold more than one Elastic IP; replace them by hand`);
  if (!toMove) {
    const onNew = addresses.find((a) => a.InstanceId === toId);
    return onNew ? { allocationId: onNew.AllocationId, publicIp: onNew.PublicIp } : {};
  }
  await ec2.send(new AssociateAddressCommand({ AllocationId: toMove.AllocationId, InstanceId: toId, AllowReassociation: true }));
  return { allocationId: toMove.AllocationId, publicIp: toMove.PublicIp };
}
