import { CreateAutoScalingGroupCommand, DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import {
  AttachNetworkInterfaceCommand,
  CreateLaunchTemplateCommand,
  CreateNetworkInterfaceCommand,
  DescribeLaunchTemplatesCommand,
  DescribeNetworkInterfacesCommand,
  type EC2Client,
  type NetworkInterface,
} from '@aws-sdk/client-ec2';
import { CreateTargetGroupCommand, DescribeTargetGroupsCommand, RegisterTargetsCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { fleetClientsOf } from '@firebreak/aws';
import { TAG } from '@firebreak/domain';

import type { DemoDeploymentSpec } from './demo-directory';
import { demoFilters, demoTags, demoTagSpec, isAwsError } from './demo-tags';
import type { TransferImage } from './ensure-instances';
import { required } from './ensure-network';

/** The transfer port (TCP), which the deployment's target group forwards. */
const TRANSFER_PORT = 33001;

/** A second (third, ...) interface on the first node, in its subnet and firewall, as multi-homed hosts have. */
export async function ensureExtraInterfaces(
  ec2: EC2Client,
  spec: DemoDeploymentSpec,
  instanceId: string,
  subnetId: string,
  securityGroupId: string,
) {
  const count = spec.estate?.extraInterfacesOnFirstInstance ?? 0;
  for (let index = 1; index <= count; index++) {
    const role = `transfer-node-1-eth${index}`;
    const eni = await ensureInterface(ec2, spec, role, subnetId, securityGroupId, `${spec.id} transfer node 1, eth${index}`);
    if (eni.Attachment?.InstanceId !== instanceId) {
      await ec2.send(
        new AttachNetworkInterfaceCommand({ NetworkInterfaceId: eni.NetworkInterfaceId!, InstanceId: instanceId, DeviceIndex: index }),
      );
    }
  }
}

/**
 * Interfaces in the deployment's first subnet that belong to no instance: what a load balancer's or a VPC endpoint's
 * interfaces look like to the EC2 API. Containment leaves them to the subnet ACL and names them for on-call.
 */
export async function ensureServiceInterfaces(ec2: EC2Client, spec: DemoDeploymentSpec, subnetId: string, securityGroupId: string) {
  for (const [index, { description }] of (spec.estate?.serviceInterfaces ?? []).entries()) {
    await ensureInterface(ec2, spec, `service-interface-${index + 1}`, subnetId, securityGroupId, description);
  }
}

async function ensureInterface(
  ec2: EC2Client,
  spec: DemoDeploymentSpec,
  role: string,
  subnetId: string,
  securityGroupId: string,
  description: string,
): Promise<NetworkInterface> {
  const found = await ec2.send(new DescribeNetworkInterfacesCommand({ Filters: demoFilters(spec.id, role) }));
  const existing = found.NetworkInterfaces?.[0];
  if (existing) return existing;
  const created = await ec2.send(
    new CreateNetworkInterfaceCommand({
      SubnetId: subnetId,
      Groups: [securityGroupId],
      Description: description,
      ...(spec.estate?.dualStack ? { Ipv6AddressCount: 1 } : {}),
      TagSpecifications: demoTagSpec('network-interface', demoTags(spec.id, role, `${spec.id}-${role}`)),
    }),
  );
  return required(created.NetworkInterface, 'CreateNetworkInterface returned no interface');
}

/**
 * An Auto Scaling group over the deployment's subnets, launching from a template with the transfer firewall and an
 * auto-assigned public address, whose instances carry the deployment's tag. Returns the group's instance ids.
 */
export async function ensureAutoScalingGroup(
  ec2: EC2Client,
  spec: DemoDeploymentSpec,
  image: TransferImage,
  subnetIds: string[],
  securityGroupId: string,
): Promise<string[]> {
  const size = spec.estate?.autoScalingGroupSize ?? 0;
  if (size === 0) return [];
  const name = `${spec.id}-transfer`;
  const { autoScaling } = fleetClientsOf(ec2);
  const found = await autoScaling.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [name] }));
  let group = found.AutoScalingGroups?.[0];
  if (!group) {
    const templateId = await ensureLaunchTemplate(ec2, spec, image, securityGroupId);
    await autoScaling.send(
      new CreateAutoScalingGroupCommand({
        AutoScalingGroupName: name,
        LaunchTemplate: { LaunchTemplateId: templateId, Version: '$Latest' },
        MinSize: size,
        MaxSize: size,
        DesiredCapacity: size,
        VPCZoneIdentifier: subnetIds.join(','),
        Tags: [
          { Key: TAG.deployment, Value: spec.id, PropagateAtLaunch: true },
          { Key: TAG.role, Value: 'transfer-node-scaled', PropagateAtLaunch: true },
        ],
      }),
    );
    group = (await autoScaling.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [name] }))).AutoScalingGroups?.[0];
  }
  return (group?.Instances ?? []).flatMap((i) => (i.InstanceId ? [i.InstanceId] : [])).sort();
}

async function ensureLaunchTemplate(
  ec2: EC2Client,
  spec: DemoDeploymentSpec,
  image: TransferImage,
  securityGroupId: string,
): Promise<string> {
  const found = await ec2.send(new DescribeLaunchTemplatesCommand({ Filters: demoFilters(spec.id, 'launch-template') }));
  const existing = found.LaunchTemplates?.[0]?.LaunchTemplateId;
  if (existing) return existing;
  const created = await ec2.send(
    new CreateLaunchTemplateCommand({
      LaunchTemplateName: `${spec.id}-transfer`,
      LaunchTemplateData: {
        ImageId: image.imageId,
        InstanceType: 't3.large',
        NetworkInterfaces: [{ DeviceIndex: 0, AssociatePublicIpAddress: true, Groups: [securityGroupId], DeleteOnTermination: true }],
        MetadataOptions: { HttpTokens: 'required' },
      },
      TagSpecifications: demoTagSpec('launch-template', demoTags(spec.id, 'launch-template', `${spec.id}-transfer`)),
    }),
  );
  return required(created.LaunchTemplate?.LaunchTemplateId, 'CreateLaunchTemplate returned no id');
}

/** A target group on the transfer port with every node of the deployment registered, as behind a load balancer. */
export async function ensureTargetGroup(ec2: EC2Client, spec: DemoDeploymentSpec, vpcId: string, instanceIds: string[]): Promise<void> {
  if (!spec.estate?.targetGroup) return;
  const { loadBalancing } = fleetClientsOf(ec2);
  const name = `${spec.id}-transfer`;
  let targetGroupArn: string | undefined;
  try {
    targetGroupArn = (await loadBalancing.send(new DescribeTargetGroupsCommand({ Names: [name] }))).TargetGroups?.[0]?.TargetGroupArn;
  } catch (error) {
    if (!isAwsError(error, 'TargetGroupNotFound', 'TargetGroupNotFoundException')) throw error;
  }
  if (!targetGroupArn) {
    const created = await loadBalancing.send(
      new CreateTargetGroupCommand({ Name: name, Protocol: 'TCP', Port: TRANSFER_PORT, VpcId: vpcId, TargetType: 'instance' }),
    );
    targetGroupArn = required(created.TargetGroups?.[0]?.TargetGroupArn, 'CreateTargetGroup returned no ARN');
  }
  // Registering a registered target changes nothing.
  await loadBalancing.send(
    new RegisterTargetsCommand({ TargetGroupArn: targetGroupArn, Targets: instanceIds.map((Id) => ({ Id, Port: TRANSFER_PORT })) }),
  );
}
