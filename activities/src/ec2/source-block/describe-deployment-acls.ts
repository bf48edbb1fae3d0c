import { DescribeNetworkAclsCommand, type EC2Client, type NetworkAcl, paginateDescribeNetworkAcls } from '@aws-sdk/client-ec2';
import type { Deployment } from '@firebreak/domain';

import { chunk, FILTER_VALUES_MAX, isAwsError } from '../shared/aws-errors';
import { describeDeploymentInstances } from '../shared/describe-deployment-instances';

export interface DeploymentAcl {
  acl: NetworkAcl;
  networkAclId: string;
  /** The deployment's subnets associated with this ACL now. */
  subnetIds: string[];
}

/** The network ACLs the deployment's subnets are on now, with their entries; sorted by id. */
export async function describeDeploymentAcls(ec2: EC2Client, deployment: Deployment): Promise<DeploymentAcl[]> {
  const { subnetIds } = await describeDeploymentInstances(ec2, deployment);
  const wanted = new Set(subnetIds);
  const byId = new Map<string, DeploymentAcl>();
  for (const ids of chunk(subnetIds, FILTER_VALUES_MAX)) {
    const pages = paginateDescribeNetworkAcls({ client: ec2 }, { Filters: [{ Name: 'association.subnet-id', Values: ids }] });
    for await (const page of pages) {
      for (const acl of page.NetworkAcls ?? []) {
        if (!acl.NetworkAclId) continue;
        const found = byId.get(acl.NetworkAclId) ?? { acl, networkAclId: acl.NetworkAclId, subnetIds: [] };
        for (const a of acl.Associations ?? []) {
          if (a.SubnetId && wanted.has(a.SubnetId) && !found.subnetIds.includes(a.SubnetId)) found.subnetIds.push(a.SubnetId);
        }
        byId.set(found.networkAclId, found);
      }
    }
  }
  for (const found of byId.values()) found.subnetIds.sort();
  return [...byId.values()].sort((a, b) => a.networkAclId.localeCompare(b.networkAclId));
}

/** ACLs by id; an ACL deleted meanwhile is simply absent from the answer. */
export async function describeAclsById(ec2: EC2Client, networkAclIds: readonly string[]): Promise<Map<string, NetworkAcl>> {
  const acls = new Map<string, NetworkAcl>();
  for (const ids of chunk(networkAclIds, FILTER_VALUES_MAX)) {
    for (const acl of await describeAclsTolerantly(ec2, ids)) if (acl.NetworkAclId) acls.set(acl.NetworkAclId, acl);
  }
  return acls;
}

// By NetworkAclIds (the emulator lacks the network-acl-id filter): one missing id fails the whole call, so then
// each is asked for alone.
async function describeAclsTolerantly(ec2: EC2Client, ids: string[]): Promise<NetworkAcl[]> {
  if (ids.length === 0) return [];
  try {
    return (await ec2.send(new DescribeNetworkAclsCommand({ NetworkAclIds: ids }))).NetworkAcls ?? [];
  } catch (error) {
    if (!isAwsError(error, 'InvalidNetworkAclID.NotFound')) throw error;
    if (ids.length === 1) return [];
  }
  const found: NetworkAcl[] = [];
  for (const id of ids) found.push(...(await describeAclsTolerantly(ec2, [id])));
  return found;
}
