import {
  AttachInstancesCommand,
  DescribeAutoScalingGroupsCommand,
  DescribeAutoScalingInstancesCommand,
  DetachInstancesCommand,
} from '@aws-sdk/client-auto-scaling';
import { CreateLaunchTemplateVersionCommand, DescribeLaunchTemplateVersionsCommand, type EC2Client } from '@aws-sdk/client-ec2';
import { fleetClientsOf } from '@firebreak/aws';

/**
 * When the replaced instance belongs to an Auto Scaling group, its successor takes its place in the group (the old one
 * detached with the desired capacity lowered, then the new one attached, which raises it again), so the group neither shrinks nor
 * launches an unpatched instance in its stead; and the group's launch template gets a version with the patched
 * image, so what it launches later is patched too. Nothing happens for an instance outside any group. Each step
 * checks the group first, so running it again changes nothing.
 */
export async function handOverGroupMembership(ec2: EC2Client, oldId: string, newId: string, imageId: string): Promise<string | undefined> {
  const { autoScaling } = fleetClientsOf(ec2);
  const members = await autoScaling.send(new DescribeAutoScalingInstancesCommand({ InstanceIds: [oldId, newId] }));
  const groupName = members.AutoScalingInstances?.find((m) => m.AutoScalingGroupName)?.AutoScalingGroupName;
  if (!groupName) return undefined;
  const [group] =
    (await autoScaling.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [groupName] }))).AutoScalingGroups ?? [];
  const inGroup = new Set((group?.Instances ?? []).map((i) => i.InstanceId));
  // Detached first with the desired capacity lowered, so the group launches nothing meanwhile and the attach never
  // takes it past its maximum size; the attach raises the capacity back.
  if (inGroup.has(oldId)) {
    await autoScaling.send(
      new DetachInstancesCommand({ AutoScalingGroupName: groupName, InstanceIds: [oldId], ShouldDecrementDesiredCapacity: true }),
    );
  }
  if (!inGroup.has(newId)) await autoScaling.send(new AttachInstancesCommand({ AutoScalingGroupName: groupName, InstanceIds: [newId] }));
  const templateId = group?.LaunchTemplate?.LaunchTemplateId;
  if (templateId) await ensureTemplateImage(ec2, templateId, imageId);
  return groupName;
}

/** A new latest version of the launch template with the patched image, unless the latest has it already. */
async function ensureTemplateImage(ec2: EC2Client, launchTemplateId: string, imageId: string): Promise<void> {
  const latest = await ec2.send(new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateId: launchTemplateId, Versions: ['$Latest'] }));
  if (latest.LaunchTemplateVersions?.[0]?.LaunchTemplateData?.ImageId === imageId) return;
  await ec2.send(
    new CreateLaunchTemplateVersionCommand({
      LaunchTemplateId: launchTemplateId,
      SourceVersion: '$Latest',
      VersionDescription: `patched image ${imageId}`,
      LaunchTemplateData: { ImageId: imageId },
    }),
  );
}
