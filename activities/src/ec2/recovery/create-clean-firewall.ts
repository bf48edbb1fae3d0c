import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  DescribeSecurityGroupsCommand,
  RevokeSecurityGroupIngressCommand,
  type EC2Client,
  type SecurityGroup,
} from '@aws-sdk/client-ec2';
import type { Deployment } from '@firebreak/domain';
import { isAwsError } from '../shared/aws-errors';
import { cleanFirewallRules, extraPermissions, FirewallRuleError, missingRules, toIpPermission, type FirewallRule } from './clean-firewall-rules';
import type { Ec2ActivityDeps } from '../shared/ec2-activity-deps';
import { findCleanFirewalls, findCleanVpcs } from './find-clean-resources';
import { recoveryFailure, RECOVERY_FAILURES } from './recovery-failures';
import { parseRecoveryInput } from './recovery-input';
import { cleanEnvironmentName, recoveryTagSpec, RECOVERY_ROLES, type CleanEnvironmentKey } from './recovery-tags';

export interface CleanFirewall {
  securityGroupId: string;
  /** The inbound rules the group now holds, exactly; nothing else is allowed in. */
  rules: FirewallRule[];
}

/**
 * The clean environment's security group, holding exactly the documented inbound rules: missing ones are added,
 * anything else (a rule added by hand, port 22) is revoked. Outbound keeps the group's default allow-all: the
 * instances must reach operating-system and application updates, and inbound is what an attacker would use.
 */
export async function createCleanFirewall(deps: Ec2ActivityDeps, rawInput: unknown): Promise<CleanFirewall> {
  const { incidentId, deployment, purpose } = parseRecoveryInput(rawInput);
  const key: CleanEnvironmentKey = { incidentId, deploymentId: deployment.id, purpose };
  const rules = expectedCleanFirewallRules(deployment);
  const ec2 = deps.ec2For(deployment.region);
  const vpcId = (await findCleanVpcs(ec2, key))[0]?.VpcId;
  if (!vpcId) throw recoveryFailure(RECOVERY_FAILURES.cleanEnvironmentMissing, 'the clean network does not exist yet; create it first');

  const group = await ensureGroup(ec2, key, vpcId);
  const extras = extraPermissions(group.IpPermissions, rules);
  if (extras.length > 0) {
    try {
      await ec2.send(new RevokeSecurityGroupIngressCommand({ GroupId: group.GroupId, IpPermissions: extras }));
    } catch (error) {
      if (!isAwsError(error, 'InvalidPermission.NotFound')) throw error;
    }
  }
  for (const rule of missingRules(group.IpPermissions, rules)) {
    try {
      await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: group.GroupId, IpPermissions: [toIpPermission(rule)] }));
    } catch (error) {
      if (!isAwsError(error, 'InvalidPermission.Duplicate')) throw error;
    }
  }
  return { securityGroupId: group.GroupId!, rules };
}

/** The deployment's documented rule set, or a non-retryable failure saying what the deployment lacks. */
export function expectedCleanFirewallRules(deployment: Deployment): FirewallRule[] {
  try {
    return cleanFirewallRules(deployment);
  } catch (error) {
    if (!(error instanceof FirewallRuleError)) throw error;
    const type = deployment.applicationHostCidr ? RECOVERY_FAILURES.invalidFirewall : RECOVERY_FAILURES.deploymentIncomplete;
    throw recoveryFailure(type, `deployment ${deployment.id}: ${error.message}`);
  }
}

/** Found by tag, else created under a name unique to the environment, so a racing create cannot make two. */
async function ensureGroup(ec2: EC2Client, key: CleanEnvironmentKey, vpcId: string): Promise<SecurityGroup> {
  const existing = (await findCleanFirewalls(ec2, key)).find((g) => g.VpcId === vpcId);
  if (existing) return existing;
  const groupName = `${cleanEnvironmentName(key)}-firewall`;
  try {
    await ec2.send(
      new CreateSecurityGroupCommand({
        VpcId: vpcId,
        GroupName: groupName,
        Description: 'Firebreak clean environment: transfers 33001, node API from the application host, SSH 3001 from the allow-list',
        TagSpecifications: recoveryTagSpec('security-group', key, RECOVERY_ROLES.firewall),
      }),
    );
  } catch (error) {
    if (!isAwsError(error, 'InvalidGroup.Duplicate')) throw error;
  }
  // Read it back: its current rules are what the caller reconciles.
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
