import { DeregisterTargetsCommand, DescribeTargetHealthCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { fleetClientsOf } from '@firebreak/aws';

import { inParallel } from '../rate-limit/in-parallel';
import type { Ec2ActivityDeps } from '../shared/ec2-activity-deps';
import { parseDisconnectInput } from './disconnect-input';
import { recordedStateOrThrow } from './recorded-state';

const GROUPS_IN_FLIGHT = 4;

export interface DeregisterTargetsSummary {
  /** Target groups the deployment's instances were taken out of, with how many targets each. */
  targetGroups: { targetGroupArn: string; targets: number }[];
}

/**
 * Takes the deployment's instances out of every load balancer target group they were registered in (recorded in the
 * pre-change state for restore), so no traffic reaches them through a balancer in other subnets. Only targets still
 * registered are named (the emulator refuses to deregister one that is not), so a retry skips what is done.
 */
export async function deregisterTargets(deps: Ec2ActivityDeps, rawInput: unknown): Promise<DeregisterTargetsSummary> {
  const { incidentId, deployment } = parseDisconnectInput(rawInput);
  const state = await recordedStateOrThrow(deps, incidentId, deployment.id);
  const { loadBalancing } = fleetClientsOf(deps.ec2For(deployment.region));
  const byGroup = new Map<string, { Id: string; Port?: number }[]>();
  for (const r of state.targetRegistrations) {
    byGroup.set(r.targetGroupArn, [
      ...(byGroup.get(r.targetGroupArn) ?? []),
      { Id: r.instanceId, ...(r.port !== null ? { Port: r.port } : {}) },
    ]);
  }
  const targetGroups: DeregisterTargetsSummary['targetGroups'] = [];
  await inParallel([...byGroup], GROUPS_IN_FLIGHT, async ([targetGroupArn, recorded]) => {
    const health = await loadBalancing.send(new DescribeTargetHealthCommand({ TargetGroupArn: targetGroupArn }));
    const registered = new Set((health.TargetHealthDescriptions ?? []).map((t) => `${t.Target?.Id}:${t.Target?.Port ?? ''}`));
    const targets = recorded.filter((t) => registered.has(`${t.Id}:${t.Port ?? ''}`) || registered.has(`${t.Id}:`));
    if (targets.length === 0) return;
    await loadBalancing.send(new DeregisterTargetsCommand({ TargetGroupArn: targetGroupArn, Targets: targets }));
    targetGroups.push({ targetGroupArn, targets: targets.length });
  });
  return { targetGroups: targetGroups.sort((a, b) => a.targetGroupArn.localeCompare(b.targetGroupArn)) };
}
