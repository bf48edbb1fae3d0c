import { type EC2Client, type Filter, type Instance, paginateDescribeInstances } from '@aws-sdk/client-ec2';
import type { Deployment } from '@firebreak/domain';

import { chunk, FILTER_VALUES_MAX } from '../shared/aws-errors';
import { describeDeploymentInstances } from '../shared/describe-deployment-instances';
import { replacedInstanceId, replacementFilters } from './replacement-tags';

const LIVE_STATES = new Set(['pending', 'running', 'stopping', 'stopped']);

export interface PendingReplacement {
  /** The instance to replace and retire; still alive. */
  old: Instance;
  /** Its replacement for this incident, when an earlier attempt already launched one. */
  replacement?: Instance;
  /** Further live replacements of the same instance (a race); retired once the first is in service. */
  duplicates: Instance[];
  /** Replacements that died before going into service; the next launch is a new attempt with a new token. */
  failedLaunches: number;
}

export interface ReplacementPlan {
  pending: PendingReplacement[];
  /** Instances of the deployment that run the image and need nothing more (including finished replacements). */
  upToDate: string[];
}

/**
 * What is left to do, read from EC2 alone so that any interrupted run picks up where it stopped: the deployment's
 * instances that are not this incident's replacements, plus old instances already taken out of the deployment but
 * not yet terminated (found through their replacement's `firebreak:replaces` tag).
 */
export async function planReplacements(
  ec2: EC2Client,
  { incidentId, deployment, imageId }: { incidentId: string; deployment: Deployment; imageId: string },
): Promise<ReplacementPlan> {
  const { instances } = await describeDeploymentInstances(ec2, deployment);
  const replacements = await describeInstances(ec2, [...replacementFilters(incidentId), { Name: 'vpc-id', Values: [deployment.vpcId] }]);
  const replacementIds = new Set(replacements.map((r) => r.InstanceId!));
  const liveByOld = new Map<string, Instance[]>();
  const deadByOld = new Map<string, number>();
  for (const replacement of replacements) {
    const oldId = replacedInstanceId(replacement);
    if (!oldId) continue;
    if (isLive(replacement)) liveByOld.set(oldId, [...(liveByOld.get(oldId) ?? []), replacement]);
    else deadByOld.set(oldId, (deadByOld.get(oldId) ?? 0) + 1);
  }

  const olds = instances.filter((i) => !replacementIds.has(i.InstanceId!) && isLive(i));
  const inDeployment = new Set(olds.map((i) => i.InstanceId!));
  const leftOver = [...liveByOld.keys()].filter((id) => !inDeployment.has(id));
  const untagged = (await describeInstancesById(ec2, leftOver)).filter(isLive);

  const plan: ReplacementPlan = { pending: [], upToDate: [] };
  for (const old of [...olds, ...untagged].sort((a, b) => a.InstanceId!.localeCompare(b.InstanceId!))) {
    const oldId = old.InstanceId!;
    const [replacement, ...duplicates] = liveByOld.get(oldId) ?? [];
    if (replacement || old.ImageId !== imageId) {
      plan.pending.push({ old, replacement, duplicates, failedLaunches: deadByOld.get(oldId) ?? 0 });
    }
  }
  const inProgress = new Set(
    plan.pending.flatMap((p) => [p.old, ...(p.replacement ? [p.replacement] : []), ...p.duplicates]).map((i) => i.InstanceId!),
  );
  plan.upToDate = instances.filter((i) => isLive(i) && i.ImageId === imageId && !inProgress.has(i.InstanceId!)).map((i) => i.InstanceId!);
  return plan;
}

export function isLive(instance: Instance): boolean {
  return LIVE_STATES.has(instance.State?.Name ?? '');
}

async function describeInstancesById(ec2: EC2Client, instanceIds: string[]): Promise<Instance[]> {
  const found: Instance[] = [];
  // A filter, not InstanceIds: an instance that has vanished meanwhile is simply absent.
  for (const ids of chunk(instanceIds, FILTER_VALUES_MAX))
    found.push(...(await describeInstances(ec2, [{ Name: 'instance-id', Values: ids }])));
  return found;
}

/** Sorted by id, so that every caller picks the same first replacement. */
async function describeInstances(ec2: EC2Client, filters: Filter[]): Promise<Instance[]> {
  const found: Instance[] = [];
  for await (const page of paginateDescribeInstances({ client: ec2 }, { Filters: filters })) {
    for (const reservation of page.Reservations ?? []) found.push(...(reservation.Instances ?? []).filter((i) => i.InstanceId));
  }
  return found.sort((a, b) => a.InstanceId!.localeCompare(b.InstanceId!));
}
