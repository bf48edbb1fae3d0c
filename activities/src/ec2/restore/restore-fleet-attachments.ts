import { ResumeProcessesCommand } from '@aws-sdk/client-auto-scaling';
import { RegisterTargetsCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { fleetClientsOf } from '@firebreak/aws';

import { CONTAINMENT_SUSPENDED_PROCESSES } from '../disconnect/suspend-auto-scaling';
import type { Ec2ActivityDeps } from '../shared/ec2-activity-deps';
import { restoreContext } from './restore-input';

export interface RestoreFleetAttachmentsSummary {
  /** Target groups the instances were registered in again. */
  targetGroups: string[];
  /** Auto Scaling groups whose containment processes were resumed (those suspended before stay suspended). */
  autoScalingGroups: { name: string; resumed: string[] }[];
}

/**
 * Registers the instances again in the target groups they were in, then resumes on each Auto Scaling group the
 * processes containment suspended — never one the group had suspended before the incident. Last, so a group does
 * not act on instances that are still being put back. Registering a registered target and resuming a running
 * process change nothing.
 */
export async function restoreFleetAttachments(deps: Ec2ActivityDeps, rawInput: unknown): Promise<RestoreFleetAttachmentsSummary> {
  const { ec2, state } = await restoreContext(deps, rawInput);
  const { autoScaling, loadBalancing } = fleetClientsOf(ec2);
  const byGroup = new Map<string, { Id: string; Port?: number }[]>();
  for (const r of state.targetRegistrations) {
    byGroup.set(r.targetGroupArn, [
      ...(byGroup.get(r.targetGroupArn) ?? []),
      { Id: r.instanceId, ...(r.port !== null ? { Port: r.port } : {}) },
    ]);
  }
  for (const [targetGroupArn, targets] of byGroup) {
    await loadBalancing.send(new RegisterTargetsCommand({ TargetGroupArn: targetGroupArn, Targets: targets }));
  }
  const autoScalingGroups: RestoreFleetAttachmentsSummary['autoScalingGroups'] = [];
  for (const group of state.autoScalingGroups) {
    const resumed = CONTAINMENT_SUSPENDED_PROCESSES.filter((p) => !group.suspendedProcesses.includes(p));
    if (resumed.length === 0) continue;
    await autoScaling.send(new ResumeProcessesCommand({ AutoScalingGroupName: group.name, ScalingProcesses: [...resumed] }));
    autoScalingGroups.push({ name: group.name, resumed });
  }
  return { targetGroups: [...byGroup.keys()].sort(), autoScalingGroups };
}
