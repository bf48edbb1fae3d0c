import {
  AuthorizeSecurityGroupIngressCommand,
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
 * The obvious script an engineer would write: the same EC2 work as Firebreak's containment until every interface is
 * isolated (deny ACL on every subnet, Elastic IPs detached, every interface through an allow-all group and then onto
 * an empty isolation group, so tracked flows are cut), one call after the other, with the SDK's own retries (raised
 * to 10 attempts so throttling does not simply kill it).
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
        new CreateNetworkAclEntryCommand({
          NetworkAclId: aclId,
          RuleNumber: 1,
          Protocol: '-1',
          RuleAction: 'deny',
          Egress,
          CidrBlock: '0.0.0.0/0',
        }),
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

    const everything = [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }];
    // A new group already allows all outbound traffic: allow-all needs the inbound rule, isolation loses the outbound.
    const allowAll = await ec2.send(
      new CreateSecurityGroupCommand({ VpcId: deployment.vpcId, GroupName: `plain-allow-all-${deployment.id}`, Description: 'allow all' }),
    );
    const allowAllId = allowAll.GroupId!;
    await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: allowAllId, IpPermissions: everything }));
    const isolation = await ec2.send(
      new CreateSecurityGroupCommand({ VpcId: deployment.vpcId, GroupName: `plain-isolation-${deployment.id}`, Description: 'isolation' }),
    );
    const isolationId = isolation.GroupId!;
    await ec2.send(new RevokeSecurityGroupEgressCommand({ GroupId: isolationId, IpPermissions: everything }));
    for (const instance of instances) {
      const interfaces = instance.NetworkInterfaces ?? [];
      // Through allow-all first: tracked flows become untracked, then the isolation group stops them.
      for (const eni of interfaces) {
        await ec2.send(new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: eni.NetworkInterfaceId!, Groups: [allowAllId] }));
      }
      for (const eni of interfaces) {
        await ec2.send(new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: eni.NetworkInterfaceId!, Groups: [isolationId] }));
      }
      // The emulator reports an interface's groups with its instance's: the same call Firebreak has to make.
      if (interfaces.length === 1) {
        await ec2.send(new ModifyInstanceAttributeCommand({ InstanceId: instance.InstanceId!, Groups: [isolationId] }));
      }
    }
    return { publicPathGoneMs, isolatedMs: Date.now() - started };
  } finally {
    ec2.destroy();
  }
}
