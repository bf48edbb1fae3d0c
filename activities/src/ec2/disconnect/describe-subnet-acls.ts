import { type EC2Client, paginateDescribeNetworkAcls } from '@aws-sdk/client-ec2';

import { chunk, FILTER_VALUES_MAX } from '../shared/aws-errors';

export interface SubnetAclAssociation {
  subnetId: string;
  networkAclId: string;
  associationId: string;
}

/** The network ACL each subnet is on now (every subnet is on exactly one), with the association to replace. */
export async function describeSubnetAcls(ec2: EC2Client, subnetIds: readonly string[]): Promise<SubnetAclAssociation[]> {
  const wanted = new Set(subnetIds);
  const associations: SubnetAclAssociation[] = [];
  await Promise.all(
    chunk(subnetIds, FILTER_VALUES_MAX).map(async (ids) => {
      const pages = paginateDescribeNetworkAcls({ client: ec2 }, { Filters: [{ Name: 'association.subnet-id', Values: ids }] });
      for await (const page of pages) {
        for (const acl of page.NetworkAcls ?? []) {
          for (const a of acl.Associations ?? []) {
            if (a.SubnetId && wanted.has(a.SubnetId) && a.NetworkAclAssociationId && acl.NetworkAclId) {
              associations.push({ subnetId: a.SubnetId, networkAclId: acl.NetworkAclId, associationId: a.NetworkAclAssociationId });
            }
          }
        }
      }
    }),
  );
  return associations.sort((a, b) => a.subnetId.localeCompare(b.subnetId));
}
