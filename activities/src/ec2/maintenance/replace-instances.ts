import { type EC2Client, waitUntilInstanceRunning } from '@aws-sdk/client-ec2';
import { FAILURE } from '@firebreak/domain';
import { ApplicationFailure, Context } from '@temporalio/activity';

import type { Ec2ActivityDeps } from '../shared/ec2-activity-deps';
import { describeLaunchImage, type LaunchImage } from './describe-launch-image';
import { handOverGroupMembership } from './hand-over-group-membership';
import { launchReplacement } from './launch-replacement';
import { parseMaintenanceInput } from './maintenance-input';
import { describeInstanceAddresses, moveElasticIps } from './move-elastic-ips';
import { type PendingReplacement, planReplacements } from './plan-replacements';
import { retireInstance } from './retire-instance';

export const UNSUPPORTED_TOPOLOGY = FAILURE.UNSUPPORTED_TOPOLOGY;

/** Bounded: a replacement that is not running by then fails the attempt, and the retry finds it by tag. */
const RUNNING_WAIT_SECONDS = 300;

export interface ReplacedInstance {
  oldInstanceId: string;
  newInstanceId: string;
  allocationId?: string;
  publicIp?: string;
}

export interface ReplaceInstancesSummary {
  /** Replacements completed by this call. */
  replaced: ReplacedInstance[];
  /** Instances that run the image already. */
  upToDate: string[];
  /** Instances still to replace (when `batch` stopped this call short); call again until 0. */
  remaining: number;
}

/**
 * Immutable upgrade: every instance of the deployment is replaced by a new one from the patched image, which takes
 * over its Elastic IP; then the old one leaves the deployment and is terminated. The plan is read from EC2 on
 * every call, so a run interrupted at any point converges on the next, with one replacement per instance.
 */
export async function replaceInstances(deps: Ec2ActivityDeps, rawInput: unknown): Promise<ReplaceInstancesSummary> {
  const { incidentId, deployment, imageId, batch } = parseMaintenanceInput(rawInput);
  const ec2 = deps.ec2For(deployment.region);
  const image = await describeLaunchImage(ec2, imageId);
  const plan = await planReplacements(ec2, { incidentId, deployment, imageId });
  const now = plan.pending.slice(0, batch ?? plan.pending.length);
  const replaced: ReplacedInstance[] = [];
  for (const item of now) {
    replaced.push(await replaceInstance(ec2, { incidentId, instanceTag: deployment.instanceTag, image, item }));
    heartbeatIfInActivity(replaced.length);
  }
  return { replaced, upToDate: plan.upToDate, remaining: plan.pending.length - now.length };
}

/** Every step is desired state or found by tag, so running it again after a crash at any point is safe. */
export async function replaceInstance(
  ec2: EC2Client,
  { incidentId, instanceTag, image, item }: { incidentId: string; instanceTag: string; image: LaunchImage; item: PendingReplacement },
): Promise<ReplacedInstance> {
  const oldId = item.old.InstanceId!;
  let replacement = item.replacement;
  if (!replacement) {
    // Checked before anything is launched: one address per instance is all a replacement can take over.
    if ((await describeInstanceAddresses(ec2, [oldId])).length > 1) {
      throw ApplicationFailure.create({
        type: UNSUPPORTED_TOPOLOGY,
        message: `instance ${oldId} holds more than one Elastic IP; replace it by hand`,
        nonRetryable: true,
      });
    }
    replacement = await launchReplacement(ec2, { incidentId, instanceTag, image, old: item.old, attempt: item.failedLaunches });
  }
  const newId = replacement.InstanceId!;
  await waitUntilInstanceRunning({ client: ec2, maxWaitTime: RUNNING_WAIT_SECONDS, minDelay: 5, maxDelay: 15 }, { InstanceIds: [newId] });
  const duplicateIds = item.duplicates.map((d) => d.InstanceId!);
  const address = await moveElasticIps(ec2, [oldId, ...duplicateIds], newId);
  // Before the old instance goes: a group would otherwise launch an unpatched instance in its place.
  await handOverGroupMembership(ec2, oldId, newId, image.imageId);
  for (const id of [oldId, ...duplicateIds]) await retireInstance(ec2, id, newId);
  return { oldInstanceId: oldId, newInstanceId: newId, ...address };
}

function heartbeatIfInActivity(details: unknown): void {
  let context: Context | undefined;
  try {
    context = Context.current();
  } catch {
    return; // called outside an activity: a script or a test
  }
  context.heartbeat(details);
}
