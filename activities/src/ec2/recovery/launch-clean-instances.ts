import { createHash } from 'node:crypto';

import {
  type _InstanceType,
  DescribeImagesCommand,
  type EC2Client,
  type Image,
  RunInstancesCommand,
  waitUntilInstanceRunning,
} from '@aws-sdk/client-ec2';

import { isAwsError } from '../shared/aws-errors';
import type { Ec2ActivityDeps } from '../shared/ec2-activity-deps';
import { required } from '../shared/required';
import { findCleanFirewalls, findCleanInstances, findCleanSubnets, findCleanVpcs } from './find-clean-resources';
import { originalInstances } from './original-instances';
import { RECOVERY_FAILURES, recoveryFailure } from './recovery-failures';
import { type ParsedRecoveryInput, parseRecoveryInput } from './recovery-input';
import { type CleanEnvironmentKey, RECOVERY_ROLES, recoveryTagSpec, slotOf } from './recovery-tags';

export interface CleanInstances {
  /** In slot order: slot 1 replaces the compromised deployment's first instance. */
  instanceIds: string[];
}

/** Used when the compromised instance is gone and its type unknown. */
const FALLBACK_INSTANCE_TYPE = 't3.large';
/** Bounds the wait for "running"; the activity's start-to-close timeout must be longer. */
export const RUNNING_WAIT_SECONDS = 300;

interface Replacement {
  slot: number;
  instanceType: string;
  subnetId: string;
}

/**
 * One clean instance per compromised instance, launched from the deployment's known-good image with IMDSv2
 * required and an encrypted root volume, each with a ClientToken deterministic per environment, slot and attempt.
 * An instance already launched for a slot is found by its tags first (the emulator does not enforce ClientToken),
 * so a retry never launches a second. Returns once all are running.
 */
export async function launchCleanInstances(deps: Ec2ActivityDeps, rawInput: unknown): Promise<CleanInstances> {
  const input = parseRecoveryInput(rawInput);
  const { incidentId, deployment, purpose } = input;
  const key: CleanEnvironmentKey = { incidentId, deploymentId: deployment.id, purpose };
  const imageId = deployment.knownGoodImageId;
  if (!imageId) {
    throw recoveryFailure(
      RECOVERY_FAILURES.deploymentIncomplete,
      `deployment ${deployment.id} names no known-good image; a rebuild will not guess one`,
    );
  }
  const ec2 = deps.ec2For(deployment.region);
  const image = await describeImage(ec2, imageId);
  const cleanSubnetIds = await requireCleanSubnets(ec2, key);
  const firewallId = (await findCleanFirewalls(ec2, key))[0]?.GroupId;
  if (!firewallId)
    throw recoveryFailure(RECOVERY_FAILURES.cleanEnvironmentMissing, 'the clean firewall does not exist yet; create it first');
  const replacements = await planReplacements(deps, input, cleanSubnetIds);

  const launched = new Map<number, string>();
  for (const instance of await findCleanInstances(ec2, key)) {
    const slot = slotOf(instance.Tags);
    if (slot !== undefined && !launched.has(slot)) launched.set(slot, instance.InstanceId!);
  }
  for (const replacement of replacements) {
    if (launched.has(replacement.slot)) continue;
    launched.set(replacement.slot, await launch(ec2, key, input.attempt, image, firewallId, replacement));
  }

  const instanceIds = replacements.map((r) => launched.get(r.slot)!);
  await waitUntilInstanceRunning({ client: ec2, maxWaitTime: RUNNING_WAIT_SECONDS, minDelay: 5 }, { InstanceIds: instanceIds });
  return { instanceIds };
}

/** What to launch: one per original instance, of the same type, in the clean subnet mirroring its own. */
async function planReplacements(deps: Ec2ActivityDeps, input: ParsedRecoveryInput, cleanSubnetIds: string[]): Promise<Replacement[]> {
  const { deployment } = input;
  const originals = await originalInstances(deps, input.incidentId, deployment);
  if (originals.length === 0) {
    throw recoveryFailure(RECOVERY_FAILURES.nothingToRebuild, `deployment ${deployment.id} had no instance to rebuild`);
  }
  return originals.map((original, index) => {
    const mirrored = original.subnetId ? deployment.subnetIds.indexOf(original.subnetId) : -1;
    const subnetIndex = mirrored >= 0 && mirrored < cleanSubnetIds.length ? mirrored : index % cleanSubnetIds.length;
    return {
      slot: index + 1,
      instanceType: original.instanceType ?? FALLBACK_INSTANCE_TYPE,
      subnetId: cleanSubnetIds[subnetIndex]!,
    };
  });
}

async function launch(
  ec2: EC2Client,
  key: CleanEnvironmentKey,
  attempt: number,
  image: Image,
  firewallId: string,
  replacement: Replacement,
): Promise<string> {
  const rootSize = image.BlockDeviceMappings?.find((m) => m.DeviceName === image.RootDeviceName)?.Ebs?.VolumeSize;
  const answer = await ec2.send(
    new RunInstancesCommand({
      ImageId: image.ImageId,
      InstanceType: replacement.instanceType as _InstanceType,
      MinCount: 1,
      MaxCount: 1,
      SubnetId: replacement.subnetId,
      SecurityGroupIds: [firewallId],
      MetadataOptions: { HttpTokens: 'required', HttpEndpoint: 'enabled' },
      BlockDeviceMappings: [
        {
          DeviceName: image.RootDeviceName,
          // The image's own size, given explicitly because encrypting the root volume replaces the image's mapping.
          Ebs: { Encrypted: true, DeleteOnTermination: true, VolumeType: 'gp3', ...(rootSize ? { VolumeSize: rootSize } : {}) },
        },
      ],
      ClientToken: cleanInstanceClientToken(key, replacement.slot, attempt),
      TagSpecifications: [
        ...recoveryTagSpec('instance', key, RECOVERY_ROLES.instance, replacement.slot),
        ...recoveryTagSpec('volume', key, RECOVERY_ROLES.instance, replacement.slot),
        ...recoveryTagSpec('network-interface', key, RECOVERY_ROLES.instance, replacement.slot),
      ],
    }),
  );
  const instance = required(answer.Instances?.[0], 'RunInstances returned no instance');
  const state = instance.State?.Name ?? 'pending';
  // AWS answers a reused token with the instance it launched before, even when that one has since been removed.
  if (state !== 'pending' && state !== 'running') {
    throw recoveryFailure(
      RECOVERY_FAILURES.clientTokenSpent,
      `slot ${replacement.slot}'s launch token already launched ${instance.InstanceId}, now ${state}; build again with the next attempt number`,
    );
  }
  return required(instance.InstanceId, 'RunInstances returned no InstanceId');
}

/** At most 64 ASCII characters; the same environment, slot and attempt always give the same token. */
export function cleanInstanceClientToken(key: CleanEnvironmentKey, slot: number, attempt: number): string {
  const digest = createHash('sha256').update(`${key.incidentId}/${key.deploymentId}/${key.purpose}/${slot}/${attempt}`).digest('hex');
  return `firebreak-${digest.slice(0, 40)}`;
}

async function describeImage(ec2: EC2Client, imageId: string): Promise<Image> {
  let images: Image[] = [];
  try {
    images = (await ec2.send(new DescribeImagesCommand({ ImageIds: [imageId] }))).Images ?? [];
  } catch (error) {
    if (!isAwsError(error, 'InvalidAMIID.NotFound', 'InvalidAMIID.Malformed', 'InvalidAMIID.Unavailable')) throw error;
  }
  const image = images[0];
  if (!image?.ImageId || !image.RootDeviceName || image.State !== 'available') {
    throw recoveryFailure(RECOVERY_FAILURES.deploymentIncomplete, `the known-good image ${imageId} is not available`);
  }
  return image;
}

async function requireCleanSubnets(ec2: EC2Client, key: CleanEnvironmentKey): Promise<string[]> {
  const vpcId = (await findCleanVpcs(ec2, key))[0]?.VpcId;
  const bySlot = new Map<number, string>();
  for (const subnet of await findCleanSubnets(ec2, key)) {
    const slot = slotOf(subnet.Tags);
    if (subnet.VpcId === vpcId && slot !== undefined && !bySlot.has(slot)) bySlot.set(slot, subnet.SubnetId!);
  }
  if (!vpcId || bySlot.size === 0) {
    throw recoveryFailure(RECOVERY_FAILURES.cleanEnvironmentMissing, 'the clean network does not exist yet; create it first');
  }
  return [...bySlot.values()];
}
