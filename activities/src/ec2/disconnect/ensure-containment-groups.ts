import {
  AuthorizeSecurityGroupEgressCommand,
  AuthorizeSecurityGroupIngressCommand,
  type EC2Client,
  type IpPermission,
  RevokeSecurityGroupEgressCommand,
  RevokeSecurityGroupIngressCommand,
  type SecurityGroup,
} from '@aws-sdk/client-ec2';

import { isAwsError } from '../shared/aws-errors';
import { findOrCreateSecurityGroup } from '../shared/find-or-create-security-group';
import { findSecurityGroups } from './find-by-tag';
import { CONTAINMENT_GROUP_DESCRIPTIONS, containmentGroupName, type ContainmentKey, containmentTagSpec } from './incident-tags';

const EVERYTHING: IpPermission = { IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] };

/** The incident's allow-all group: all traffic both ways, so the first swap turns every flow into an untracked one. */
export async function ensureAllowAllGroup(ec2: EC2Client, incidentId: string, deploymentId: string, vpcId: string): Promise<string> {
  const key: ContainmentKey = { incidentId, deploymentId, role: 'allow-all' };
  const group = await ensureGroup(ec2, key, vpcId, CONTAINMENT_GROUP_DESCRIPTIONS.allowAll);
  if (!hasEverything(group.IpPermissions)) {
    await tolerateDuplicate(ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: group.GroupId, IpPermissions: [EVERYTHING] })));
  }
  if (!hasEverything(group.IpPermissionsEgress)) {
    await tolerateDuplicate(ec2.send(new AuthorizeSecurityGroupEgressCommand({ GroupId: group.GroupId, IpPermissions: [EVERYTHING] })));
  }
  return group.GroupId!;
}

/** The incident's isolation group: no rule at all, so nothing in or out (the default outbound rule is revoked). */
export async function ensureIsolationGroup(ec2: EC2Client, incidentId: string, deploymentId: string, vpcId: string): Promise<string> {
  const key: ContainmentKey = { incidentId, deploymentId, role: 'isolation' };
  const group = await ensureGroup(ec2, key, vpcId, CONTAINMENT_GROUP_DESCRIPTIONS.isolation);
  if (group.IpPermissions?.length) {
    await tolerateNotFound(ec2.send(new RevokeSecurityGroupIngressCommand({ GroupId: group.GroupId, IpPermissions: group.IpPermissions })));
  }
  if (group.IpPermissionsEgress?.length) {
    await tolerateNotFound(
      ec2.send(new RevokeSecurityGroupEgressCommand({ GroupId: group.GroupId, IpPermissions: group.IpPermissionsEgress })),
    );
  }
  return group.GroupId!;
}

/** The incident's group of this role in the VPC; its name is unique per incident, deployment and role. */
function ensureGroup(ec2: EC2Client, key: ContainmentKey, vpcId: string, description: string): Promise<SecurityGroup> {
  const groupName = containmentGroupName(key);
  return findOrCreateSecurityGroup(ec2, {
    vpcId,
    groupName,
    description,
    tags: containmentTagSpec('security-group', key, groupName),
    findExisting: async () => (await findSecurityGroups(ec2, key, vpcId))[0],
  });
}

function hasEverything(permissions: IpPermission[] | undefined): boolean {
  return (permissions ?? []).some((p) => p.IpProtocol === '-1' && p.IpRanges?.some((r) => r.CidrIp === '0.0.0.0/0'));
}

async function tolerateDuplicate(call: Promise<unknown>): Promise<void> {
  try {
    await call;
  } catch (error) {
    if (!isAwsError(error, 'InvalidPermission.Duplicate')) throw error;
  }
}

async function tolerateNotFound(call: Promise<unknown>): Promise<void> {
  try {
    await call;
  } catch (error) {
    if (!isAwsError(error, 'InvalidPermission.NotFound')) throw error;
  }
}
