import {
  DescribeAddressesCommand,
  DescribeNetworkAclsCommand,
  DescribeSecurityGroupsCommand,
  type EC2Client,
  paginateDescribeNetworkInterfaces,
} from '@aws-sdk/client-ec2';
import type { Deployment } from '@firebreak/domain';

/** No public path: every subnet on an ACL whose lowest rules deny everything both ways, and no Elastic IP attached. */
export async function publicPathGone(ec2: EC2Client, deployment: Deployment, allocationIds: string[]): Promise<boolean> {
  const acls =
    (await ec2.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: 'vpc-id', Values: [deployment.vpcId] }] }))).NetworkAcls ?? [];
  for (const subnetId of deployment.subnetIds) {
    const acl = acls.find((a) => a.Associations?.some((s) => s.SubnetId === subnetId));
    const denies = (egress: boolean) => acl?.Entries?.filter((e) => e.Egress === egress).sort((a, b) => a.RuleNumber! - b.RuleNumber!)[0];
    for (const egress of [false, true]) {
      const first = denies(egress);
      if (!(first?.RuleAction === 'deny' && first.CidrBlock === '0.0.0.0/0' && first.Protocol === '-1')) return false;
    }
  }
  const addresses = (await ec2.send(new DescribeAddressesCommand({ AllocationIds: allocationIds }))).Addresses ?? [];
  return addresses.every((a) => !a.AssociationId);
}

/** The security group in the deployment's VPC with this name, once it exists. */
export async function groupNamed(
  ec2: EC2Client,
  deployment: Deployment,
  name: (groupName: string) => boolean,
): Promise<string | undefined> {
  const groups =
    (await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [deployment.vpcId] }] }))).SecurityGroups ?? [];
  return groups.find((g) => name(g.GroupName ?? ''))?.GroupId;
}

/** Every interface in the deployment's VPC (at least `expected` of them) carries the isolation group and nothing else. */
export async function allInterfacesIsolated(
  ec2: EC2Client,
  deployment: Deployment,
  expected: number,
  isolationGroupName: (groupName: string) => boolean,
): Promise<boolean> {
  const isolationGroupId = await groupNamed(ec2, deployment, isolationGroupName);
  if (!isolationGroupId) return false;
  let count = 0;
  for await (const page of paginateDescribeNetworkInterfaces(
    { client: ec2 },
    { Filters: [{ Name: 'vpc-id', Values: [deployment.vpcId] }] },
  )) {
    for (const eni of page.NetworkInterfaces ?? []) {
      count += 1;
      if (eni.Groups?.length !== 1 || eni.Groups[0]!.GroupId !== isolationGroupId) return false;
    }
  }
  return count >= expected;
}
