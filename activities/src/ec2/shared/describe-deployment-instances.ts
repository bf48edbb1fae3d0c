import {
  type EC2Client,
  type Instance,
  type NetworkInterface,
  paginateDescribeInstances,
  paginateDescribeNetworkInterfaces,
} from '@aws-sdk/client-ec2';
import { type AttachedVolume, type Deployment, type DeploymentInstance, type DeploymentNetworkInterface, TAG } from '@firebreak/domain';

import { chunk, FILTER_VALUES_MAX } from './aws-errors';

export interface DeploymentInstances {
  instances: Instance[];
  /** Every interface attached to one of the instances, as the interface API reports it. */
  interfaces: NetworkInterface[];
  /** The directory's subnets plus any subnet an instance or interface actually sits in. */
  subnetIds: string[];
  /**
   * Interfaces in those subnets that belong to no tagged instance (a load balancer's, a VPC endpoint's, a NAT
   * gateway's, one left detached): the deny ACL cuts them off with their subnet, nothing else touches them.
   */
  untaggedInterfaces: NetworkInterface[];
}

const GONE_STATES = new Set(['terminated']);

/**
 * The deployment's instances: tagged with its instance tag AND inside its VPC, so a mistagged instance elsewhere
 * is never touched. Terminated instances are left out; they have nothing left to isolate.
 */
export async function describeDeploymentInstances(ec2: EC2Client, deployment: Deployment): Promise<DeploymentInstances> {
  // The VPC's interfaces are read while the instances are: on a large deployment each read takes about a second,
  // and the interface filter by instance id would have to wait for the instance list.
  const [listed, vpcInterfaces] = await Promise.all([
    describeTaggedInstances(ec2, deployment),
    describeVpcInterfaces(ec2, deployment.vpcId),
  ]);
  const instances = listed.sort((a, b) => a.InstanceId!.localeCompare(b.InstanceId!));
  const instanceIds = new Set(instances.map((i) => i.InstanceId!));
  const interfaces = vpcInterfaces
    .filter((eni) => eni.Attachment?.InstanceId !== undefined && instanceIds.has(eni.Attachment.InstanceId))
    .sort((a, b) => a.NetworkInterfaceId!.localeCompare(b.NetworkInterfaceId!));
  const subnetIds = new Set(deployment.subnetIds);
  for (const instance of instances) if (instance.SubnetId) subnetIds.add(instance.SubnetId);
  for (const eni of interfaces) if (eni.SubnetId) subnetIds.add(eni.SubnetId);
  const untaggedInterfaces = vpcInterfaces
    .filter((eni) => !interfaces.includes(eni) && eni.SubnetId !== undefined && subnetIds.has(eni.SubnetId))
    .sort((a, b) => a.NetworkInterfaceId!.localeCompare(b.NetworkInterfaceId!));
  return { instances, interfaces, subnetIds: [...subnetIds].sort(), untaggedInterfaces };
}

/** An interface's public IPv4 address that AWS assigned at launch (not an Elastic IP, which has an allocation). */
export function autoAssignedPublicIpOf(eni: NetworkInterface): string | null {
  return eni.Association?.PublicIp && !eni.Association.AllocationId ? eni.Association.PublicIp : null;
}

export function ipv6AddressesOf(eni: NetworkInterface): string[] {
  return (eni.Ipv6Addresses ?? []).flatMap((a) => (a.Ipv6Address ? [a.Ipv6Address] : [])).sort();
}

/**
 * An interface no tagged instance owns, as the preview and the timeline name it: who made it (the managing service's
 * requester id, e.g. an ELB's, or the owner's account), what for (its description), and what it is attached to.
 */
export function untaggedInterfaceOf(eni: NetworkInterface) {
  return {
    networkInterfaceId: eni.NetworkInterfaceId!,
    subnetId: eni.SubnetId ?? null,
    owner: eni.RequesterId ?? eni.OwnerId ?? null,
    description: eni.Description || null,
    attachedTo: eni.Attachment?.InstanceId ?? null,
  };
}

async function describeTaggedInstances(ec2: EC2Client, deployment: Deployment, instanceIds?: readonly string[]): Promise<Instance[]> {
  const instances: Instance[] = [];
  const pages = paginateDescribeInstances(
    { client: ec2 },
    {
      Filters: [
        { Name: `tag:${TAG.deployment}`, Values: [deployment.instanceTag] },
        { Name: 'vpc-id', Values: [deployment.vpcId] },
        ...(instanceIds ? [{ Name: 'instance-id', Values: [...instanceIds] }] : []),
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
  return instances;
}

/**
 * Which of these instance ids belong to the deployment, by the same rule as describeDeploymentInstances (its
 * instance tag, its VPC, not terminated), asking only about these ids instead of listing the whole deployment.
 */
export async function deploymentInstanceIdsAmong(
  ec2: EC2Client,
  deployment: Deployment,
  instanceIds: readonly string[],
): Promise<Set<string>> {
  const answers = await Promise.all(chunk(instanceIds, FILTER_VALUES_MAX).map((ids) => describeTaggedInstances(ec2, deployment, ids)));
  return new Set(answers.flat().map((i) => i.InstanceId!));
}

/** Of these interface ids, those in the VPC, as the interface API reports them. */
export async function describeVpcInterfacesAmong(
  ec2: EC2Client,
  vpcId: string,
  interfaceIds: readonly string[],
): Promise<NetworkInterface[]> {
  const answers = await Promise.all(chunk(interfaceIds, FILTER_VALUES_MAX).map((ids) => describeVpcInterfaces(ec2, vpcId, ids)));
  return answers.flat();
}

/** Every interface in the VPC; the caller keeps those attached to the deployment's instances. */
async function describeVpcInterfaces(ec2: EC2Client, vpcId: string, interfaceIds?: readonly string[]): Promise<NetworkInterface[]> {
  const found: NetworkInterface[] = [];
  const pages = paginateDescribeNetworkInterfaces(
    { client: ec2 },
    {
      Filters: [
        { Name: 'vpc-id', Values: [vpcId] },
        ...(interfaceIds ? [{ Name: 'network-interface-id', Values: [...interfaceIds] }] : []),
      ],
    },
  );
  for await (const page of pages) {
    for (const eni of page.NetworkInterfaces ?? []) if (eni.NetworkInterfaceId) found.push(eni);
  }
  return found;
}

/** An instance as the pre-change state and the preview keep it. */
export function deploymentInstanceOf(instance: Instance): DeploymentInstance {
  return {
    instanceId: instance.InstanceId!,
    state: instance.State?.Name ?? 'unknown',
    subnetId: instance.SubnetId ?? null,
    securityGroupIds: instanceGroupIds(instance),
  };
}

/** An attached interface as the pre-change state and the preview keep it. */
export function deploymentNetworkInterfaceOf(eni: NetworkInterface): DeploymentNetworkInterface {
  return {
    networkInterfaceId: eni.NetworkInterfaceId!,
    instanceId: eni.Attachment?.InstanceId ?? null,
    subnetId: eni.SubnetId ?? null,
    securityGroupIds: groupIds(eni.Groups),
  };
}

/** Volume ids attached to an instance, with their device and delete-on-termination flag. */
export function attachedVolumes(instance: Instance): AttachedVolume[] {
  return (instance.BlockDeviceMappings ?? []).flatMap((mapping) =>
    mapping.Ebs?.VolumeId && mapping.DeviceName
      ? [{ volumeId: mapping.Ebs.VolumeId, deviceName: mapping.DeviceName, deleteOnTermination: mapping.Ebs.DeleteOnTermination ?? false }]
      : [],
  );
}

/**
 * An instance's groups, which are its primary interface's. The emulator reports them only on the interface for an
 * instance launched with an interface specification (see ARCHITECTURE.md), so the primary interface answers when the
 * instance is silent.
 */
export function instanceGroupIds(instance: Instance): string[] {
  const own = groupIds(instance.SecurityGroups);
  if (own.length > 0) return own;
  return groupIds(instance.NetworkInterfaces?.find((eni) => eni.Attachment?.DeviceIndex === 0)?.Groups);
}

export function groupIds(groups: { GroupId?: string }[] | undefined): string[] {
  return (groups ?? []).flatMap((g) => (g.GroupId ? [g.GroupId] : [])).sort();
}
