import { createHash } from 'node:crypto';

import { type BlockDeviceMapping, DescribeVolumesCommand, type EC2Client, type Instance, RunInstancesCommand } from '@aws-sdk/client-ec2';

import { attachedVolumes, instanceGroupIds } from '../shared/describe-deployment-instances';
import type { LaunchImage } from './describe-launch-image';
import { replacementTags } from './replacement-tags';

export interface LaunchReplacementInput {
  incidentId: string;
  instanceTag: string;
  image: LaunchImage;
  old: Instance;
  /** 0 for the first launch; one more for each replacement that died, since AWS would answer a reused token with the dead one. */
  attempt: number;
}

/**
 * Launches the successor of `old` from the patched image: same subnet, security groups, type, key and profile;
 * IMDSv2 required; every EBS volume encrypted. The token is derived from (incident, old instance, attempt) so AWS
 * itself refuses a double launch; the caller looks up by tag first because the emulator does not.
 */
export async function launchReplacement(ec2: EC2Client, input: LaunchReplacementInput): Promise<Instance> {
  const { old, image } = input;
  const oldId = old.InstanceId!;
  if (!old.SubnetId) throw new Error(`instance ${oldId} reports no subnet`);
  const securityGroupIds = instanceGroupIds(old);
  if (securityGroupIds.length === 0) throw new Error(`instance ${oldId} reports no security group`);
  const tags = replacementTags(old, input.incidentId, input.instanceTag);
  const launched = await ec2.send(
    new RunInstancesCommand({
      ImageId: image.imageId,
      InstanceType: old.InstanceType,
      MinCount: 1,
      MaxCount: 1,
      SubnetId: old.SubnetId,
      SecurityGroupIds: securityGroupIds,
      KeyName: old.KeyName,
      IamInstanceProfile: old.IamInstanceProfile?.Arn ? { Arn: old.IamInstanceProfile.Arn } : undefined,
      MetadataOptions: { HttpTokens: 'required', HttpEndpoint: 'enabled' },
      BlockDeviceMappings: encryptedMappings(image, await rootVolumeSize(ec2, old)),
      ClientToken: replacementClientToken(input.incidentId, oldId, input.attempt),
      TagSpecifications: [
        { ResourceType: 'instance', Tags: tags },
        { ResourceType: 'volume', Tags: tags },
      ],
    }),
  );
  const instance = launched.Instances?.[0];
  if (!instance?.InstanceId) throw new Error(`RunInstances returned no instance replacing ${oldId}`);
  return instance;
}

/** At most 64 ASCII characters, as EC2 requires, and the same for the same (incident, instance, attempt). */
export function replacementClientToken(incidentId: string, oldInstanceId: string, attempt: number): string {
  return `fb-replace-${createHash('sha256').update(`${incidentId}/${oldInstanceId}/${attempt}`).digest('hex').slice(0, 48)}`;
}

/**
 * The image's EBS volumes, each encrypted and deleted with the instance (a replaced node keeps no state of its
 * own); the root keeps at least the old root's size so the upgrade never shrinks a disk.
 */
export function encryptedMappings(image: LaunchImage, oldRootSize: number | undefined): BlockDeviceMapping[] {
  const mappings = image.blockDeviceMappings.filter((m) => m.DeviceName && m.Ebs);
  if (!mappings.some((m) => m.DeviceName === image.rootDeviceName)) mappings.unshift({ DeviceName: image.rootDeviceName, Ebs: {} });
  return mappings.map((m) => {
    const isRoot = m.DeviceName === image.rootDeviceName;
    const sizes = [m.Ebs?.VolumeSize, isRoot ? oldRootSize : undefined].filter((s): s is number => s !== undefined);
    return {
      DeviceName: m.DeviceName,
      Ebs: {
        Encrypted: true,
        DeleteOnTermination: true,
        VolumeType: 'gp3',
        VolumeSize: sizes.length > 0 ? Math.max(...sizes) : undefined,
      },
    };
  });
}

async function rootVolumeSize(ec2: EC2Client, old: Instance): Promise<number | undefined> {
  const root = attachedVolumes(old).find((v) => v.deviceName === old.RootDeviceName);
  if (!root) return undefined;
  const found = await ec2.send(new DescribeVolumesCommand({ Filters: [{ Name: 'volume-id', Values: [root.volumeId] }] }));
  return found.Volumes?.[0]?.Size;
}
