import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  DescribeSecurityGroupsCommand,
  type EC2Client,
  type IpPermission,
} from '@aws-sdk/client-ec2';

import type { DemoDeploymentSpec } from './demo-directory';
import { demoFilters, demoTags, demoTagSpec, isAwsError } from './demo-tags';
import { required } from './ensure-network';
import { transferFirewallRules } from './transfer-firewall';

const ROLE = 'transfer-firewall';

/** The deployment's firewall, found by tag or created, with every documented inbound rule present. */
export async function ensureTransferSecurityGroup(ec2: EC2Client, spec: DemoDeploymentSpec, vpcId: string): Promise<string> {
  const found = await ec2.send(
    new DescribeSecurityGroupsCommand({ Filters: [...demoFilters(spec.id, ROLE), { Name: 'vpc-id', Values: [vpcId] }] }),
  );
  const group = found.SecurityGroups?.[0];
  let groupId = group?.GroupId;
  if (!groupId) {
    const created = await ec2.send(
      new CreateSecurityGroupCommand({
        VpcId: vpcId,
        GroupName: `${spec.id}-transfer`,
        Description: 'Transfer server: 33001 tcp/udp, node API from the application host, SSH 3001 from the allow-list',
        TagSpecifications: demoTagSpec('security-group', demoTags(spec.id, ROLE, `${spec.id}-transfer`)),
      }),
    );
    groupId = required(created.GroupId, 'CreateSecurityGroup returned no GroupId');
  }
  const present = new Set((group?.IpPermissions ?? []).flatMap(ruleKeys));
  for (const rule of transferFirewallRules(spec)) {
    const missing = (rule.IpRanges ?? []).filter((range) => !present.has(ruleKey(rule, range.CidrIp)));
    if (missing.length === 0) continue;
    try {
      await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: groupId, IpPermissions: [{ ...rule, IpRanges: missing }] }));
    } catch (error) {
      if (!isAwsError(error, 'InvalidPermission.Duplicate')) throw error;
    }
  }
  return groupId;
}

function ruleKeys(rule: IpPermission): string[] {
  return (rule.IpRanges ?? []).map((range) => ruleKey(rule, range.CidrIp));
}

function ruleKey(rule: IpPermission, cidr: string | undefined): string {
  return `${rule.IpProtocol}:${rule.FromPort}:${rule.ToPort}:${cidr}`;
}
