import {
  CreateSecurityGroupCommand,
  DescribeSecurityGroupsCommand,
  type EC2Client,
  type SecurityGroup,
  type TagSpecification,
} from '@aws-sdk/client-ec2';

import { isAwsError } from './aws-errors';

export interface SecurityGroupToEnsure {
  vpcId: string;
  /** Unique to the group's owner (an incident's deployment, a clean environment): a racing create cannot make two. */
  groupName: string;
  description: string;
  tags: TagSpecification[];
  /** The group as the owner's tags find it, if it exists already. */
  findExisting: () => Promise<SecurityGroup | undefined>;
}

/**
 * The owner's security group, found by tag, else created. A create that loses a race answers InvalidGroup.Duplicate
 * and reads the winner's group back by name, so every caller gets the one group with its current rules, which is what
 * each of them reconciles.
 */
export async function findOrCreateSecurityGroup(ec2: EC2Client, wanted: SecurityGroupToEnsure): Promise<SecurityGroup> {
  const existing = await wanted.findExisting();
  if (existing) return existing;
  const { vpcId, groupName } = wanted;
  try {
    await ec2.send(
      new CreateSecurityGroupCommand({
        VpcId: vpcId,
        GroupName: groupName,
        Description: wanted.description,
        TagSpecifications: wanted.tags,
      }),
    );
  } catch (error) {
    if (!isAwsError(error, 'InvalidGroup.Duplicate')) throw error;
  }
  const found = await ec2.send(
    new DescribeSecurityGroupsCommand({
      Filters: [
        { Name: 'group-name', Values: [groupName] },
        { Name: 'vpc-id', Values: [vpcId] },
      ],
    }),
  );
  const group = found.SecurityGroups?.[0];
  if (!group?.GroupId) throw new Error(`security group ${groupName} was created but cannot be read back`);
  return group;
}
