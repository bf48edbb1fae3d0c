import type { EC2Client } from '@aws-sdk/client-ec2';
import type { AttachedVolume, Deployment, DeploymentInstance, DeploymentNetworkInterface } from '@firebreak/domain';

import { describeSubnetAcls, type SubnetAclAssociation } from '../disconnect/describe-subnet-acls';
import {
  attachedVolumes,
  autoAssignedPublicIpOf,
  deploymentInstanceOf,
  deploymentNetworkInterfaceOf,
  describeDeploymentInstances,
  untaggedInterfaceOf,
} from '../shared/describe-deployment-instances';
import { describeAssociatedElasticIps } from '../shared/describe-elastic-ips';
import { describeAutoScalingGroupsOf, describeTargetRegistrations, type TargetRegistration } from '../shared/describe-fleet-attachments';
import { readTerminationProtection } from '../shared/read-termination-protection';
import { vpcIpv6Blocks } from '../shared/vpc-ipv6';

/** Everything the disconnect acts on, read with the same describe calls its activities make. */
export interface DisconnectTargets {
  deploymentId: string;
  vpcId: string;
  instances: (DeploymentInstance & { terminationProtection: boolean; volumes: AttachedVolume[] })[];
  networkInterfaces: DeploymentNetworkInterface[];
  elasticIps: {
    allocationId: string;
    associationId: string;
    publicIp: string;
    instanceId: string | null;
    networkInterfaceId: string | null;
  }[];
  subnets: SubnetAclAssociation[];
  autoAssignedAddresses: { networkInterfaceId: string; instanceId: string | null; publicIp: string }[];
  ipv6Blocks: string[];
  untaggedInterfaces: ReturnType<typeof untaggedInterfaceOf>[];
  autoScalingGroups: string[];
  targetRegistrations: TargetRegistration[];
}

export async function readDisconnectTargets(ec2: EC2Client, deployment: Deployment): Promise<DisconnectTargets> {
  const [{ instances, interfaces, subnetIds, untaggedInterfaces }, ipv6Blocks] = await Promise.all([
    describeDeploymentInstances(ec2, deployment),
    vpcIpv6Blocks(ec2, deployment.vpcId),
  ]);
  const instanceIds = instances.map((i) => i.InstanceId!);
  const [autoScalingGroups, targetRegistrations] = await Promise.all([
    describeAutoScalingGroupsOf(ec2, instanceIds),
    describeTargetRegistrations(ec2, deployment.vpcId, instanceIds),
  ]);
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
      ...deploymentInstanceOf(instance),
      terminationProtection: protections.get(instance.InstanceId!) ?? false,
      volumes: attachedVolumes(instance),
    })),
    networkInterfaces: interfaces.map(deploymentNetworkInterfaceOf),
    elasticIps: addresses.map((address) => ({
      allocationId: address.AllocationId!,
      associationId: address.AssociationId!,
      publicIp: address.PublicIp ?? '',
      instanceId: address.InstanceId ?? null,
      networkInterfaceId: address.NetworkInterfaceId ?? null,
    })),
    subnets,
    autoAssignedAddresses: interfaces.flatMap((eni) => {
      const publicIp = autoAssignedPublicIpOf(eni);
      return publicIp && eni.Attachment?.DeviceIndex === 0
        ? [{ networkInterfaceId: eni.NetworkInterfaceId!, instanceId: eni.Attachment.InstanceId ?? null, publicIp }]
        : [];
    }),
    ipv6Blocks,
    untaggedInterfaces: untaggedInterfaces.map(untaggedInterfaceOf),
    autoScalingGroups: autoScalingGroups.map((g) => g.name),
    targetRegistrations,
  };
}
