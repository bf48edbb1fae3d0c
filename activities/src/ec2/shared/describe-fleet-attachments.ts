import { DescribeAutoScalingGroupsCommand, DescribeAutoScalingInstancesCommand } from '@aws-sdk/client-auto-scaling';
import type { EC2Client } from '@aws-sdk/client-ec2';
import { DescribeTargetHealthCommand, paginateDescribeTargetGroups } from '@aws-sdk/client-elastic-load-balancing-v2';
import { fleetClientsOf } from '@firebreak/aws';

import { chunk } from './aws-errors';

/** DescribeAutoScalingInstances and DescribeAutoScalingGroups take at most 50 ids or names per call. */
const AUTO_SCALING_IDS_MAX = 50;

export interface AutoScalingGroupRecord {
  name: string;
  /** Processes already suspended before the incident: restore leaves these suspended. */
  suspendedProcesses: string[];
}

export interface TargetRegistration {
  targetGroupArn: string;
  instanceId: string;
  port: number | null;
}

/** The Auto Scaling groups the instances belong to, with the processes each had suspended. */
export async function describeAutoScalingGroupsOf(ec2: EC2Client, instanceIds: readonly string[]): Promise<AutoScalingGroupRecord[]> {
  const { autoScaling } = fleetClientsOf(ec2);
  const members = await Promise.all(
    chunk(instanceIds, AUTO_SCALING_IDS_MAX).map((ids) => autoScaling.send(new DescribeAutoScalingInstancesCommand({ InstanceIds: ids }))),
  );
  const names = [
    ...new Set(
      members.flatMap((m) => (m.AutoScalingInstances ?? []).flatMap((i) => (i.AutoScalingGroupName ? [i.AutoScalingGroupName] : []))),
    ),
  ].sort();
  const groups = await Promise.all(
    chunk(names, AUTO_SCALING_IDS_MAX).map((batch) =>
      autoScaling.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: batch })),
    ),
  );
  return groups
    .flatMap((g) => g.AutoScalingGroups ?? [])
    .map((group) => ({
      name: group.AutoScalingGroupName!,
      suspendedProcesses: (group.SuspendedProcesses ?? []).flatMap((p) => (p.ProcessName ? [p.ProcessName] : [])).sort(),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Where the instances are registered as load balancer targets, in the VPC's target groups. */
export async function describeTargetRegistrations(
  ec2: EC2Client,
  vpcId: string,
  instanceIds: readonly string[],
): Promise<TargetRegistration[]> {
  const { loadBalancing } = fleetClientsOf(ec2);
  const wanted = new Set(instanceIds);
  const groupArns: string[] = [];
  for await (const page of paginateDescribeTargetGroups({ client: loadBalancing }, {})) {
    for (const group of page.TargetGroups ?? []) {
      if (group.VpcId === vpcId && group.TargetType !== 'ip' && group.TargetGroupArn) groupArns.push(group.TargetGroupArn);
    }
  }
  const health = await Promise.all(
    groupArns.map(async (targetGroupArn) => ({
      targetGroupArn,
      targets:
        (await loadBalancing.send(new DescribeTargetHealthCommand({ TargetGroupArn: targetGroupArn }))).TargetHealthDescriptions ?? [],
    })),
  );
  return health
    .flatMap(({ targetGroupArn, targets }) =>
      targets.flatMap((t) =>
        t.Target?.Id && wanted.has(t.Target.Id) ? [{ targetGroupArn, instanceId: t.Target.Id, port: t.Target.Port ?? null }] : [],
      ),
    )
    .sort((a, b) => `${a.targetGroupArn} ${a.instanceId}`.localeCompare(`${b.targetGroupArn} ${b.instanceId}`));
}
