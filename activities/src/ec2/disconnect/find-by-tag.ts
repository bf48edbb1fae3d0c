import {
  DescribeNetworkAclsCommand,
  DescribeSecurityGroupsCommand,
  type EC2Client,
  type Filter,
  type NetworkAcl,
  paginateDescribeSnapshots,
  type SecurityGroup,
  type Snapshot,
} from '@aws-sdk/client-ec2';

import { containmentFilters, type ContainmentKey } from './incident-tags';

// Results are sorted by id so that, should a race ever leave two, every caller picks the same one.

export async function findNetworkAcls(ec2: EC2Client, key: ContainmentKey, vpcId: string): Promise<NetworkAcl[]> {
  const found = await ec2.send(
    new DescribeNetworkAclsCommand({ Filters: [...containmentFilters(key), { Name: 'vpc-id', Values: [vpcId] }] }),
  );
  return (found.NetworkAcls ?? []).filter((a) => a.NetworkAclId).sort((a, b) => a.NetworkAclId!.localeCompare(b.NetworkAclId!));
}

export async function findSecurityGroups(ec2: EC2Client, key: ContainmentKey, vpcId: string): Promise<SecurityGroup[]> {
  const found = await ec2.send(
    new DescribeSecurityGroupsCommand({ Filters: [...containmentFilters(key), { Name: 'vpc-id', Values: [vpcId] }] }),
  );
  return (found.SecurityGroups ?? []).filter((g) => g.GroupId).sort((a, b) => a.GroupId!.localeCompare(b.GroupId!));
}

export async function findSnapshots(ec2: EC2Client, key: ContainmentKey, extra: Filter[] = []): Promise<Snapshot[]> {
  const snapshots: Snapshot[] = [];
  const pages = paginateDescribeSnapshots({ client: ec2 }, { OwnerIds: ['self'], Filters: [...containmentFilters(key), ...extra] });
  for await (const page of pages) snapshots.push(...(page.Snapshots ?? []).filter((s) => s.SnapshotId));
  return snapshots.sort((a, b) => a.SnapshotId!.localeCompare(b.SnapshotId!));
}
