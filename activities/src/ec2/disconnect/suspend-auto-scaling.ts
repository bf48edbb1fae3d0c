import { SuspendProcessesCommand } from '@aws-sdk/client-auto-scaling';
import { fleetClientsOf } from '@firebreak/aws';

import { inParallel } from '../rate-limit/in-parallel';
import type { Ec2ActivityDeps } from '../shared/ec2-activity-deps';
import { parseDisconnectInput } from './disconnect-input';
import { recordedStateOrThrow } from './recorded-state';

/**
 * What a group must stop doing while its instances are contained: launching (a fresh, connected instance beside the
 * isolated one), replacing the isolated instance as unhealthy, rebalancing zones, and health checks that would mark it
 * unhealthy in the first place.
 */
export const CONTAINMENT_SUSPENDED_PROCESSES = ['Launch', 'ReplaceUnhealthy', 'AZRebalance', 'HealthCheck'] as const;

const GROUPS_IN_FLIGHT = 4;

export interface SuspendAutoScalingSummary {
  /** The deployment's groups, each with the processes suspended by this call (those not already suspended). */
  groups: { name: string; suspended: string[] }[];
}

/**
 * Suspends the containment processes on each Auto Scaling group of the deployment's instances, before any instance
 * is touched. The groups and the processes they already had suspended are in the pre-change state, so restore
 * resumes only what containment suspended. Suspending a suspended process changes nothing: a retry repeats the call.
 */
export async function suspendAutoScaling(deps: Ec2ActivityDeps, rawInput: unknown): Promise<SuspendAutoScalingSummary> {
  const { incidentId, deployment } = parseDisconnectInput(rawInput);
  const state = await recordedStateOrThrow(deps, incidentId, deployment.id);
  const { autoScaling } = fleetClientsOf(deps.ec2For(deployment.region));
  const groups: SuspendAutoScalingSummary['groups'] = [];
  await inParallel(state.autoScalingGroups, GROUPS_IN_FLIGHT, async (group) => {
    await autoScaling.send(
      new SuspendProcessesCommand({ AutoScalingGroupName: group.name, ScalingProcesses: [...CONTAINMENT_SUSPENDED_PROCESSES] }),
    );
    groups.push({ name: group.name, suspended: CONTAINMENT_SUSPENDED_PROCESSES.filter((p) => !group.suspendedProcesses.includes(p)) });
  });
  return { groups: groups.sort((a, b) => a.name.localeCompare(b.name)) };
}
