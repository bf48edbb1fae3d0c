import {
  type Address,
  DescribeAddressesCommand,
  DescribeInternetGatewaysCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  type EC2Client,
  type Instance,
  type InternetGateway,
  paginateDescribeInstances,
  type RouteTable,
  type SecurityGroup,
  type Subnet,
  type Vpc,
} from '@aws-sdk/client-ec2';

import { type CleanEnvironmentKey, RECOVERY_ROLES, recoveryFilters, slotOf } from './recovery-tags';

// Everything a clean environment holds is found by its tags. Results are sorted (by slot, then id) so that,
// should a race ever leave two, every caller picks the same one.

export async function findCleanVpcs(ec2: EC2Client, key: CleanEnvironmentKey): Promise<Vpc[]> {
  const found = await ec2.send(new DescribeVpcsCommand({ Filters: recoveryFilters(key, RECOVERY_ROLES.vpc) }));
  return byId(found.Vpcs, (v) => v.VpcId);
}

export async function findCleanSubnets(ec2: EC2Client, key: CleanEnvironmentKey): Promise<Subnet[]> {
  const found = await ec2.send(new DescribeSubnetsCommand({ Filters: recoveryFilters(key, RECOVERY_ROLES.subnet) }));
  return bySlot(found.Subnets, (s) => s.SubnetId);
}

export async function findCleanInternetGateways(ec2: EC2Client, key: CleanEnvironmentKey): Promise<InternetGateway[]> {
  const found = await ec2.send(new DescribeInternetGatewaysCommand({ Filters: recoveryFilters(key, RECOVERY_ROLES.internetGateway) }));
  return byId(found.InternetGateways, (g) => g.InternetGatewayId);
}

export async function findCleanRouteTables(ec2: EC2Client, key: CleanEnvironmentKey): Promise<RouteTable[]> {
  const found = await ec2.send(new DescribeRouteTablesCommand({ Filters: recoveryFilters(key, RECOVERY_ROLES.routeTable) }));
  return byId(found.RouteTables, (t) => t.RouteTableId);
}

export async function findCleanFirewalls(ec2: EC2Client, key: CleanEnvironmentKey): Promise<SecurityGroup[]> {
  const found = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: recoveryFilters(key, RECOVERY_ROLES.firewall) }));
  return byId(found.SecurityGroups, (g) => g.GroupId);
}

export async function findCleanAddresses(ec2: EC2Client, key: CleanEnvironmentKey): Promise<Address[]> {
  const found = await ec2.send(new DescribeAddressesCommand({ Filters: recoveryFilters(key, RECOVERY_ROLES.address) }));
  return bySlot(found.Addresses, (a) => a.AllocationId);
}

/** Instances that exist or are on their way: what a launch must not duplicate. */
export const LIVE_STATES = ['pending', 'running', 'stopping', 'stopped'];
/** Everything not yet terminated: what a removal must finish off. */
export const NOT_TERMINATED_STATES = [...LIVE_STATES, 'shutting-down'];

export async function findCleanInstances(
  ec2: EC2Client,
  key: CleanEnvironmentKey,
  states: readonly string[] = LIVE_STATES,
): Promise<Instance[]> {
  const instances: Instance[] = [];
  const pages = paginateDescribeInstances(
    { client: ec2 },
    { Filters: [...recoveryFilters(key, RECOVERY_ROLES.instance), { Name: 'instance-state-name', Values: [...states] }] },
  );
  for await (const page of pages) {
    for (const reservation of page.Reservations ?? []) instances.push(...(reservation.Instances ?? []));
  }
  return bySlot(instances, (i) => i.InstanceId);
}

function byId<T>(items: T[] | undefined, id: (item: T) => string | undefined): T[] {
  return (items ?? []).filter((item) => id(item)).sort((a, b) => id(a)!.localeCompare(id(b)!));
}

function bySlot<T extends { Tags?: { Key?: string; Value?: string }[] }>(items: T[] | undefined, id: (item: T) => string | undefined): T[] {
  const slot = (item: T) => slotOf(item.Tags) ?? Number.MAX_SAFE_INTEGER;
  return byId(items, id).sort((a, b) => slot(a) - slot(b));
}
