import { DescribeInstanceAttributeCommand, type EC2Client } from '@aws-sdk/client-ec2';
import type { Deployment } from '@firebreak/domain';
import { attachedVolumes, describeDeploymentInstances, groupIds } from '../shared/describe-deployment-instances';
import { describeAssociatedElasticIps } from '../shared/describe-elastic-ips';
import { describeSubnetAcls, type SubnetAclAssociation } from '../disconnect/describe-subnet-acls';

/** Everything the disconnect acts on, read with the same describe calls its activities make. */
export interface DisconnectTargets {
  deploymentId: string;
  vpcId: string;
  instances: {
    instanceId: string;
    state: string;
    subnetId: string | null;
    securityGroupIds: string[];
    terminationProtection: boolean;
    volumes: { volumeId: string; deviceName: string; deleteOnTermination: boolean }[];
  }[];
  networkInterfaces: { networkInterfaceId: string; instanceId: string | null; subnetId: string | null; securityGroupIds: string[] }[];
  elasticIps: { allocationId: string; associationId: string; publicIp: string; instanceId: string | null; networkInterfaceId: string | null }[];
  subnets: SubnetAclAssociation[];
}

export async function readDisconnectTargets(ec2: EC2Client, deployment: Deployment): Promise<DisconnectTargets> {
  const { instances, interfaces, subnetIds } = await describeDeploymentInstances(ec2, deployment);
  const instanceIds = instances.map((i) => i.InstanceId!);
  const addresses = await describeAssociatedElasticIps(
    ec2,
    instanceIds,
    interfaces.map((i) => i.NetworkInterfaceId!),
  );
  const subnets = await describeSubnetAcls(ec2, subnetIds);
  const protections = new Map<string, boolean>();
  for (const instanceId of instanceIds) protections.set(instanceId, await readTerminationProtection(ec2, instanceId));
  return {
    deploymentId: deployment.id,
    vpcId: deployment.vpcId,
    instances: instances.map((instance) => ({
      instanceId: instance.InstanceId!,
      state: instance.State?.Name ?? 'unknown',
      subnetId: instance.SubnetId ?? null,
      securityGroupIds: groupIds(instance.SecurityGroups),
      terminationProtection: protections.get(instance.InstanceId!) ?? false,
      volumes: attachedVolumes(instance),
    })),
    networkInterfaces: interfaces.map((eni) => ({
      networkInterfaceId: eni.NetworkInterfaceId!,
      instanceId: eni.Attachment?.InstanceId ?? null,
      subnetId: eni.SubnetId ?? null,
      securityGroupIds: groupIds(eni.Groups),
    })),
    elasticIps: addresses.map((address) => ({
      allocationId: address.AllocationId!,
      associationId: address.AssociationId!,
      publicIp: address.PublicIp ?? '',
      instanceId: address.InstanceId ?? null,
      networkInterfaceId: address.NetworkInterfaceId ?? null,
    })),
    subnets,
  };
}

// Not in the instance listing: one describe call per instance.
async function readTerminationProtection(ec2: EC2Client, instanceId: string): Promise<boolean> {
  const answer = await ec2.send(new DescribeInstanceAttributeCommand({ InstanceId: instanceId, Attribute: 'disableApiTermination' }));
  return answer.DisableApiTermination?.Value ?? false;
}
