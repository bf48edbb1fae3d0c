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
import { ANY_IPV4, ANY_IPV6, vpcIpv6Blocks } from '../shared/vpc-ipv6';
import { findSecurityGroups } from './find-by-tag';
import { CONTAINMENT_GROUP_DESCRIPTIONS, containmentGroupName, type ContainmentKey, containmentTagSpec } from './incident-tags';

const EVERYTHING_IPV4: IpPermission = { IpProtocol: '-1', IpRanges: [{ CidrIp: ANY_IPV4 }] };
const EVERYTHING_IPV6: IpPermission = { IpProtocol: '-1', Ipv6Ranges: [{ CidrIpv6: ANY_IPV6 }] };

/**
 * The incident's allow-all group: all traffic both ways (IPv6 too in a dual-stack VPC), so the first swap turns every
 * flow into an untracked one.
 */
export async function ensureAllowAllGroup(ec2: EC2Client, incidentId: string, deploymentId: string, vpcId: string): Promise<string> {
  const key: ContainmentKey = { incidentId, deploymentId, role: 'allow-all' };
  const [group, ipv6Blocks] = await Promise.all([
    ensureGroup(ec2, key, vpcId, CONTAINMENT_GROUP_DESCRIPTIONS.allowAll),
    vpcIpv6Blocks(ec2, vpcId),
  ]);
  const wanted = ipv6Blocks.length > 0 ? [EVERYTHING_IPV4, EVERYTHING_IPV6] : [EVERYTHING_IPV4];
  const missingIn = wanted.filter((p) => !allows(group.IpPermissions, p));
  const missingOut = wanted.filter((p) => !allows(group.IpPermissionsEgress, p));
  if (missingIn.length > 0) {
    await tolerateDuplicate(ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: group.GroupId, IpPermissions: missingIn })));
  }
  if (missingOut.length > 0) {
    await tolerateDuplicate(ec2.send(new AuthorizeSecurityGroupEgressCommand({ GroupId: group.GroupId, IpPermissions: missingOut })));
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

/** Whether the rules allow all traffic from or to the permission's range (IPv4 or IPv6). */
function allows(permissions: IpPermission[] | undefined, wanted: IpPermission): boolean {
  const everywhere = (p: IpPermission) =>
    wanted.IpRanges ? p.IpRanges?.some((r) => r.CidrIp === ANY_IPV4) : p.Ipv6Ranges?.some((r) => r.CidrIpv6 === ANY_IPV6);
  return (permissions ?? []).some((p) => p.IpProtocol === '-1' && everywhere(p));
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
