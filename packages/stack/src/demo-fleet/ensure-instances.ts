import {
  AllocateAddressCommand,
  AssociateAddressCommand,
  DescribeAddressesCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  type EC2Client,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';

import type { DemoDeploymentSpec } from './demo-directory';
import { demoFilters, demoTags, demoTagSpec } from './demo-tags';
import { required } from './ensure-network';

/** Amazon Linux 2, which both AWS and the emulator's image catalogue know. */
const IMAGE_NAME_PATTERN = 'amzn2-ami-hvm-*-x86_64-gp2';
const INSTANCE_TYPE = 't3.large';
const LIVE_STATES = ['pending', 'running', 'stopping', 'stopped'];

export interface TransferImage {
  imageId: string;
  rootDeviceName: string;
}

export async function findTransferImage(ec2: EC2Client): Promise<TransferImage> {
  const found = await ec2.send(
    new DescribeImagesCommand({
      Owners: ['amazon'],
      Filters: [
        { Name: 'name', Values: [IMAGE_NAME_PATTERN] },
        { Name: 'state', Values: ['available'] },
      ],
    }),
  );
  const newest = (found.Images ?? [])
    .filter((image) => image.ImageId && image.RootDeviceName)
    .sort((a, b) => (b.CreationDate ?? b.Name ?? '').localeCompare(a.CreationDate ?? a.Name ?? ''))[0];
  if (!newest?.ImageId || !newest.RootDeviceName) throw new Error(`no available image named ${IMAGE_NAME_PATTERN}`);
  return { imageId: newest.ImageId, rootDeviceName: newest.RootDeviceName };
}

/**
 * The deployment's transfer nodes, spread over its subnets in turn, each with an EBS root volume. The last
 * `estate.autoAssignedAddresses` of them get a public IPv4 address at launch on their primary interface (the most
 * common shape there is); in a dual-stack deployment every node also asks for an IPv6 address.
 */
export async function ensureInstances(
  ec2: EC2Client,
  spec: DemoDeploymentSpec,
  image: TransferImage,
  subnetIds: string[],
  securityGroupId: string,
): Promise<string[]> {
  const instanceIds: string[] = [];
  const firstAutoAssigned = spec.instanceCount - (spec.estate?.autoAssignedAddresses ?? 0);
  const ipv6 = spec.estate?.dualStack ? { Ipv6AddressCount: 1 } : {};
  for (let index = 0; index < spec.instanceCount; index++) {
    const role = `transfer-node-${index + 1}`;
    const found = await ec2.send(
      new DescribeInstancesCommand({
        Filters: [...demoFilters(spec.id, role), { Name: 'instance-state-name', Values: LIVE_STATES }],
      }),
    );
    const existing = found.Reservations?.flatMap((r) => r.Instances ?? [])[0]?.InstanceId;
    if (existing) {
      instanceIds.push(existing);
      continue;
    }
    const tags = demoTags(spec.id, role, `${spec.id}-${role}`);
    const subnetId = required(subnetIds[index % subnetIds.length], 'deployment has no subnet');
    const autoAssigned = index >= firstAutoAssigned;
    // A node with more interfaces than its primary names its primary's groups on that interface, as a multi-homed
    // launch specification does (see ARCHITECTURE.md on how the emulator reports launch-time groups).
    const multiHomed = index === 0 && (spec.estate?.extraInterfacesOnFirstInstance ?? 0) > 0;
    const network =
      autoAssigned || multiHomed
        ? {
            NetworkInterfaces: [
              {
                DeviceIndex: 0,
                SubnetId: subnetId,
                Groups: [securityGroupId],
                ...(autoAssigned ? { AssociatePublicIpAddress: true } : {}),
                DeleteOnTermination: true,
                ...ipv6,
              },
            ],
          }
        : { SubnetId: subnetId, SecurityGroupIds: [securityGroupId], ...ipv6 };
    const launched = await ec2.send(
      new RunInstancesCommand({
        ImageId: image.imageId,
        InstanceType: INSTANCE_TYPE,
        MinCount: 1,
        MaxCount: 1,
        ...network,
        BlockDeviceMappings: [{ DeviceName: image.rootDeviceName, Ebs: { VolumeSize: 20, VolumeType: 'gp3', DeleteOnTermination: true } }],
        MetadataOptions: { HttpTokens: 'required' },
        // AWS refuses a second launch with the same token; the emulator does not, hence the look-up above.
        ClientToken: `${spec.id}-${role}`,
        TagSpecifications: [...demoTagSpec('instance', tags), ...demoTagSpec('volume', tags)],
      }),
    );
    instanceIds.push(required(launched.Instances?.[0]?.InstanceId, 'RunInstances returned no instance'));
  }
  return instanceIds;
}

/** The nodes whose public address is an Elastic IP: all but those with an auto-assigned one. */
export function elasticIpNodes(spec: DemoDeploymentSpec, instanceIds: string[]): string[] {
  return instanceIds.slice(0, spec.instanceCount - (spec.estate?.autoAssignedAddresses ?? 0));
}

/** One Elastic IP per instance: the instance's only public address. */
export async function ensureElasticIps(ec2: EC2Client, spec: DemoDeploymentSpec, instanceIds: string[]): Promise<void> {
  for (const [index, instanceId] of instanceIds.entries()) {
    const role = `transfer-node-${index + 1}-address`;
    const found = await ec2.send(new DescribeAddressesCommand({ Filters: demoFilters(spec.id, role) }));
    let address = found.Addresses?.[0];
    if (!address) {
      const allocated = await ec2.send(
        new AllocateAddressCommand({
          Domain: 'vpc',
          TagSpecifications: demoTagSpec('elastic-ip', demoTags(spec.id, role, `${spec.id}-${role}`)),
        }),
      );
      address = { AllocationId: allocated.AllocationId, PublicIp: allocated.PublicIp };
    }
    if (address.InstanceId !== instanceId) {
      await ec2.send(
        new AssociateAddressCommand({
          AllocationId: required(address.AllocationId, 'AllocateAddress returned no AllocationId'),
          InstanceId: instanceId,
        }),
      );
    }
  }
}
