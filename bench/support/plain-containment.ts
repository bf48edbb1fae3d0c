import {
  CreateNetworkAclCommand,
  CreateNetworkAclEntryCommand,
  CreateSecurityGroupCommand,
  DescribeAddressesCommand,
  DescribeInstancesCommand,
  DescribeNetworkAclsCommand,
  DisassociateAddressCommand,
  EC2Client,
  ModifyInstanceAttributeCommand,
  ModifyNetworkInterfaceAttributeCommand,
  ReplaceNetworkAclAssociationCommand,
  RevokeSecurityGroupEgressCommand,
} from '@aws-sdk/client-ec2';
import { type Deployment, TAG } from '@firebreak/domain';

export interface PlainTimes {
  publicPathGoneMs: number;
  isolatedMs: number;
}

/**
 * The obvious script an engineer would write: the same EC2 work as Firebreak's containment (deny ACL on every subnet,
 * Elastic IPs detached, every interface onto an empty group), one call after the other, with the SDK's own retries
 * (raised to 10 attempts so throttling does not simply kill it).
 */
export async function plainContainment(endpoint: string, deployment: Deployment, started: number): Promise<PlainTimes> {
  const ec2 = new EC2Client({
    region: deployment.region,
    endpoint,
    credentials: { accessKeyId: 'plain', secretAccessKey: 'plain' },
    maxAttempts: 10,
  });
  try {
    const acl = await ec2.send(new CreateNetworkAclCommand({ VpcId: deployment.vpcId }));
    const aclId = acl.NetworkAcl!.NetworkAclId!;
    for (const Egress of [false, true]) {
      await ec2.send(
        new CreateNetworkAclEntryCommand({ NetworkAclId: aclId, RuleNumber: 1, Protocol: '-1', RuleAction: 'deny', Egress, CidrBlock: '0.0.0.0/0' }),
      );
    }
    const acls = await ec2.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: 'vpc-id', Values: [deployment.vpcId] }] }));
    for (const subnetId of deployment.subnetIds) {
      const association = acls.NetworkAcls!.flatMap((a) => a.Associations ?? []).find((a) => a.SubnetId === subnetId)!;
      await ec2.send(new ReplaceNetworkAclAssociationCommand({ AssociationId: association.NetworkAclAssociationId!, NetworkAclId: aclId }));
    }
    const instances = [];
    let NextToken: string | undefined;
    do {
      const page = await ec2.send(
        new DescribeInstancesCommand({ Filters: [{ Name: `tag:${TAG.deployment}`, Values: [deployment.instanceTag] }], NextToken }),
      );
      instances.push(...(page.Reservations ?? []).flatMap((r) => r.Instances ?? []));
      NextToken = page.NextToken;
    } while (NextToken);
    const ids = new Set(instances.map((i) => i.InstanceId!));
    const addresses = (await ec2.send(new DescribeAddressesCommand({}))).Addresses ?? [];
    for (const address of addresses.filter((a) => a.InstanceId && ids.has(a.InstanceId) && a.AssociationId)) {
      await ec2.send(new DisassociateAddressCommand({ AssociationId: address.AssociationId! }));
    }
    const publicPathGoneMs = Date.now() - started;

    const group = await ec2.send(
      new CreateSecurityGroupCommand({ VpcId: deployment.vpcId, GroupName: `plain-isolation-${deployment.id}`, Description: 'isolation' }),
    );
    const groupId = group.GroupId!;
    await ec2.send(
      new RevokeSecurityGroupEgressCommand({ GroupId: groupId, IpPermissions: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }),
    );
    for (const instance of instances) {
      for (const eni of instance.NetworkInterfaces ?? []) {
        await ec2.send(new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: eni.NetworkInterfaceId!, Groups: [groupId] }));
      }
      // The emulator reports an interface's groups with its instance's: the same call Firebreak has to make.
      await ec2.send(new ModifyInstanceAttributeCommand({ InstanceId: instance.InstanceId!, Groups: [groupId] }));
    }
    return { publicPathGoneMs, isolatedMs: Date.now() - started };
  } finally {
    ec2.destroy();
  }
}
