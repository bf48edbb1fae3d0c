import {
  paginateDescribeInstances,
  paginateDescribeNetworkInterfaces,
  type EC2Client,
  type Instance,
  type NetworkInterface,
} from '@aws-sdk/client-ec2';
import { TAG, type Deployment } from '@firebreak/domain';
import { chunk, FILTER_VALUES_MAX } from './aws-errors';

export interface DeploymentInstances {
  instances: Instance[];
  /** Every interface attached to one of the instances, as the interface API reports it. */
  interfaces: NetworkInterface[];
  /** The directory's subnets plus any subnet an instance or interface actually sits in. */
  subnetIds: string[];
}

const GONE_STATES = new Set(['terminated']);

/**
 * The deployment's instances: tagged with its instance tag AND inside its VPC, so a mistagged instance elsewhere
 * is never touched. Terminated instances are left out; they have nothing left to isolate.
 */
export async function describeDeploymentInstances(ec2: EC2Client, deployment: Deployment): Promise<DeploymentInstances> {
  const instances: Instance[] = [];
  const pages = paginateDescribeInstances(
    { client: ec2 },
    {
      Filters: [
        { Name: `tag:${TAG.deployment}`, Values: [deployment.instanceTag] },
        { Name: 'vpc-id', Values: [deployment.vpcId] },
      ],
    },
  );
  for await (const page of pages) {
    for (const reservation of page.Reservations ?? []) {
      for (const instance of reservation.Instances ?? []) {
        if (instance.InstanceId && !GONE_STATES.has(instance.State?.Name ?? '')) instances.push(instance);
      }
    }
  }
  instances.sort((a, b) => a.InstanceId!.localeCompare(b.InstanceId!));

  const interfaces = await describeAttachedInterfaces(
    ec2,
    deployment.vpcId,
    instances.map((i) => i.InstanceId!),
  );
  const subnetIds = new Set(deployment.subnetIds);
  for (const instance of instances) if (instance.SubnetId) subnetIds.add(instance.SubnetId);
  for (const eni of interfaces) if (eni.SubnetId) subnetIds.add(eni.SubnetId);
  return { instances, interfaces, subnetIds: [...subnetIds].sort() };
}

async function describeAttachedInterfaces(
  ec2: EC2Client,
  vpcId: string,
  instanceIds: string[],
): Promise<NetworkInterface[]> {
  // Chunks side by side: the rate limiter paces them.
  const chunks = await Promise.all(
    chunk(instanceIds, FILTER_VALUES_MAX).map(async (ids) => {
      const found: NetworkInterface[] = [];
      const pages = paginateDescribeNetworkInterfaces(
        { client: ec2 },
        {
          Filters: [
            { Name: 'attachment.instance-id', Values: ids },
            { Name: 'vpc-id', Values: [vpcId] },
          ],
        },
      );
      for await (const page of pages) {
        for (const eni of page.NetworkInterfaces ?? []) if (eni.NetworkInterfaceId) found.push(eni);
      }
      return found;
    }),
  );
  const interfaces = chunks.flat();
  return interfaces.sort((a, b) => a.NetworkInterfaceId!.localeCompare(b.NetworkInterfaceId!));
}

/** Volume ids attached to an instance, with their device and delete-on-termination flag. */
export function attachedVolumes(instance: Instance): { volumeId: string; deviceName: string; deleteOnTermination: boolean }[] {
  return (instance.BlockDeviceMappings ?? []).flatMap((mapping) =>
    mapping.Ebs?.VolumeId && mapping.DeviceName
      ? [{ volumeId: mapping.Ebs.VolumeId, deviceName: mapping.DeviceName, deleteOnTermination: mapping.Ebs.DeleteOnTermination ?? false }]
      : [],
  );
}

export function groupIds(groups: { GroupId?: string }[] | undefined): string[] {
  return (groups ?? []).flatMap((g) => (g.GroupId ? [g.GroupId] : [])).sort();
}
