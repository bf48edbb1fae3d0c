import { DescribeAddressesCommand, type Address, type EC2Client } from '@aws-sdk/client-ec2';
import { chunk, FILTER_VALUES_MAX } from './aws-errors';

/**
 * Elastic IPs associated with any of these instances or interfaces. Both filters are asked because an address can
 * sit on a secondary interface (no instance id reported) and an instance can have several interfaces.
 */
export async function describeAssociatedElasticIps(
  ec2: EC2Client,
  instanceIds: readonly string[],
  interfaceIds: readonly string[],
): Promise<Address[]> {
  const byAllocation = new Map<string, Address>();
  const ask = async (filterName: string, values: readonly string[]) => {
    for (const ids of chunk(values, FILTER_VALUES_MAX)) {
      const found = await ec2.send(new DescribeAddressesCommand({ Filters: [{ Name: filterName, Values: ids }] }));
      for (const address of found.Addresses ?? []) {
        if (address.AllocationId && address.AssociationId) byAllocation.set(address.AllocationId, address);
      }
    }
  };
  await ask('instance-id', instanceIds);
  await ask('network-interface-id', interfaceIds);
  return [...byAllocation.values()].sort((a, b) => a.AllocationId!.localeCompare(b.AllocationId!));
}
