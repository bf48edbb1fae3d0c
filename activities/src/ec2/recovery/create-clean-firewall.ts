import {
  AuthorizeSecurityGroupIngressCommand,
  type EC2Client,
  RevokeSecurityGroupIngressCommand,
  type SecurityGroup,
} from '@aws-sdk/client-ec2';
import type { Deployment } from '@firebreak/domain';

import { isAwsError } from '../shared/aws-errors';
import type { Ec2ActivityDeps } from '../shared/ec2-activity-deps';
import { findOrCreateSecurityGroup } from '../shared/find-or-create-security-group';
import {
  cleanFirewallRules,
  extraPermissions,
  type FirewallRule,
  FirewallRuleError,
  missingRules,
  toIpPermission,
} from './clean-firewall-rules';
import { findCleanFirewalls, findCleanVpcs } from './find-clean-resources';
import { RECOVERY_FAILURES, recoveryFailure } from './recovery-failures';
import { parseRecoveryInput } from './recovery-input';
import { type CleanEnvironmentKey, cleanEnvironmentName, RECOVERY_ROLES, recoveryTagSpec } from './recovery-tags';

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

/** The clean environment's group in its VPC; its name is unique to the environment. */
function ensureGroup(ec2: EC2Client, key: CleanEnvironmentKey, vpcId: string): Promise<SecurityGroup> {
  return findOrCreateSecurityGroup(ec2, {
    vpcId,
    groupName: `${cleanEnvironmentName(key)}-firewall`,
    description: 'Firebreak clean environment: transfers 33001, node API from the application host, SSH 3001 from the allow-list',
    tags: recoveryTagSpec('security-group', key, RECOVERY_ROLES.firewall),
    findExisting: async () => (await findCleanFirewalls(ec2, key)).find((g) => g.VpcId === vpcId),
  });
}
