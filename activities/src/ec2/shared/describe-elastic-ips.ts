import { type Address, DescribeAddressesCommand, type EC2Client } from '@aws-sdk/client-ec2';

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
  const queries = [
    ...chunk(instanceIds, FILTER_VALUES_MAX).map((ids) => ({ Name: 'instance-id', Values: ids })),
    ...chunk(interfaceIds, FILTER_VALUES_MAX).map((ids) => ({ Name: 'network-interface-id', Values: ids })),
  ];
  // All at once: the rate limiter paces them, and the answers are merged by allocation.
  const answers = await Promise.all(queries.map((filter) => ec2.send(new DescribeAddressesCommand({ Filters: [filter] }))));
  const byAllocation = new Map<string, Address>();
  for (const answer of answers) {
    for (const address of answer.Addresses ?? []) {
      if (address.AllocationId && address.AssociationId) byAllocation.set(address.AllocationId, address);
    }
  }
  return [...byAllocation.values()].sort((a, b) => a.AllocationId!.localeCompare(b.AllocationId!));
}
