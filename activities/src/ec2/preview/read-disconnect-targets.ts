import type { EC2Client } from '@aws-sdk/client-ec2';
import type { AttachedVolume, Deployment, DeploymentInstance, DeploymentNetworkInterface } from '@firebreak/domain';

import { describeSubnetAcls, type SubnetAclAssociation } from '../disconnect/describe-subnet-acls';
import {
  attachedVolumes,
  deploymentInstanceOf,
  deploymentNetworkInterfaceOf,
  describeDeploymentInstances,
} from '../shared/describe-deployment-instances';
import { describeAssociatedElasticIps } from '../shared/describe-elastic-ips';
import { readTerminationProtection } from '../shared/read-termination-protection';

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
  };
}
