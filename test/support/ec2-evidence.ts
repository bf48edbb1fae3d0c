import {
  DescribeAddressesCommand,
  DescribeInstancesCommand,
  DescribeNetworkAclsCommand,
  DescribeSecurityGroupsCommand,
  DescribeSnapshotsCommand,
  DescribeVpcsCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { type Deployment, TAG } from '@firebreak/domain';

/**
 * What EC2 itself says about a deployment, read with plain describe calls and none of Firebreak's code,
 * so tests check the end state independently of the activities that produced it.
 */
export async function readDeploymentEvidence(ec2: EC2Client, deployment: Deployment, incidentId: string) {
  const reservations = await ec2.send(
    new DescribeInstancesCommand({
      Filters: [
        { Name: `tag:${TAG.deployment}`, Values: [deployment.instanceTag] },
        { Name: 'vpc-id', Values: [deployment.vpcId] },
      ],
    }),
  );
  const instances = (reservations.Reservations ?? []).flatMap((r) => r.Instances ?? []);
  const instanceIds = instances.map((i) => i.InstanceId!);
  const interfaces = instances.flatMap((i) =>
    (i.NetworkInterfaces ?? []).map((n) => ({
      instanceId: i.InstanceId!,
      interfaceId: n.NetworkInterfaceId!,
      groupIds: (n.Groups ?? []).map((g) => g.GroupId!).sort(),
      publicIp: n.Association?.PublicIp,
    })),
  );
  const addresses = (await ec2.send(new DescribeAddressesCommand({}))).Addresses ?? [];
  const associatedAddresses = addresses.filter((a) => a.InstanceId && instanceIds.includes(a.InstanceId));
  const acls =
    (await ec2.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: 'vpc-id', Values: [deployment.vpcId] }] }))).NetworkAcls ?? [];
  const aclBySubnet = new Map<string, string>();
  for (const acl of acls) for (const a of acl.Associations ?? []) aclBySubnet.set(a.SubnetId!, acl.NetworkAclId!);
  const incidentAcls = acls.filter((acl) => acl.Tags?.some((t) => t.Key === TAG.incident && t.Value === incidentId));
  const groups =
    (await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [deployment.vpcId] }] }))).SecurityGroups ?? [];
  const incidentGroups = groups.filter((g) => g.Tags?.some((t) => t.Key === TAG.incident && t.Value === incidentId));
  const snapshots = (await ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'] }))).Snapshots ?? [];
  const incidentSnapshots = snapshots.filter((s) => s.Tags?.some((t) => t.Key === TAG.incident && t.Value === incidentId));
  const volumeIds = instances.flatMap((i) => (i.BlockDeviceMappings ?? []).flatMap((b) => (b.Ebs?.VolumeId ? [b.Ebs.VolumeId] : [])));
  return {
    instances,
    interfaces,
    associatedAddresses,
    allAddresses: addresses,
    aclBySubnet,
    incidentAcls,
    incidentGroups,
    incidentSnapshots,
    volumeIds,
  };
}

/** The clean environment a rebuild created for an incident and deployment, read with plain describe calls. */
export async function readCleanEnvironment(ec2: EC2Client, incidentId: string, deploymentId: string) {
  const byIncident = [
    { Name: `tag:${TAG.incident}`, Values: [incidentId] },
    { Name: `tag:${TAG.deployment}`, Values: [deploymentId] },
  ];
  const vpcs =
    (await ec2.send(new DescribeVpcsCommand({ Filters: [...byIncident, { Name: `tag:${TAG.role}`, Values: ['clean-vpc'] }] }))).Vpcs ?? [];
  const vpcIds = vpcs.map((v) => v.VpcId!);
  if (vpcIds.length === 0) return { vpcIds, instances: [], firewallRules: [] };
  const reservations = await ec2.send(
    new DescribeInstancesCommand({
      Filters: [
        { Name: 'vpc-id', Values: vpcIds },
        { Name: 'instance-state-name', Values: ['pending', 'running'] },
      ],
    }),
  );
  const instances = (reservations.Reservations ?? []).flatMap((r) => r.Instances ?? []);
  const groups =
    (await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: vpcIds }] }))).SecurityGroups ?? [];
  const firewall = groups.filter((g) => g.GroupName !== 'default');
  return { vpcIds, instances, firewallRules: firewall.flatMap((g) => g.IpPermissions ?? []) };
}

/** Deny entries for a CIDR on the network ACLs of a deployment's subnets, as EC2 reports them. */
export async function denyEntriesFor(ec2: EC2Client, deployment: Deployment, cidr: string) {
  const acls =
    (await ec2.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: 'association.subnet-id', Values: deployment.subnetIds }] })))
      .NetworkAcls ?? [];
  return acls.flatMap((acl) => (acl.Entries ?? []).filter((e) => e.CidrBlock === cidr && e.RuleAction === 'deny'));
}
