import { createHash } from 'node:crypto';

import { CreateFlowLogsCommand, type EC2Client, type Instance, MonitorInstancesCommand, type Vpc } from '@aws-sdk/client-ec2';

import { isAwsError } from '../shared/aws-errors';
import type { Ec2ActivityDeps } from '../shared/ec2-activity-deps';
import { required } from '../shared/required';
import { findCleanInstances, findCleanVpcs } from './find-clean-resources';
import { findFlowLogs } from './find-flow-logs';
import { RECOVERY_FAILURES, recoveryFailure } from './recovery-failures';
import { parseRecoveryInput } from './recovery-input';
import { type CleanEnvironmentKey, RECOVERY_ROLES, recoveryTagSpec } from './recovery-tags';

export interface HeightenedMonitoring {
  flowLogIds: string[];
  /** Per-minute CloudWatch metrics on every clean instance, or 'unavailable' where the EC2 API does not offer them. */
  detailedMonitoring: 'enabled' | 'unavailable';
}

/**
 * Turns on what the heightened-monitoring period watches: VPC flow logs of every accepted and rejected flow in
 * the clean VPC, to a CloudWatch log group named after the incident, and detailed monitoring of the clean
 * instances. Detailed monitoring is best-effort (the local emulator does not implement it): its absence is
 * reported, never a failure, since flow logs and the periodic checks still watch the environment.
 */
export async function enableHeightenedMonitoring(deps: Ec2ActivityDeps, rawInput: unknown): Promise<HeightenedMonitoring> {
  const { incidentId, deployment, purpose } = parseRecoveryInput(rawInput);
  const key: CleanEnvironmentKey = { incidentId, deploymentId: deployment.id, purpose };
  const ec2 = deps.ec2For(deployment.region);
  const vpc = (await findCleanVpcs(ec2, key))[0];
  const instances = await findCleanInstances(ec2, key);
  if (!vpc?.VpcId || instances.length === 0) {
    throw recoveryFailure(RECOVERY_FAILURES.cleanEnvironmentMissing, 'the clean environment is not built yet; nothing to monitor');
  }
  const flowLogIds = await ensureFlowLog(ec2, key, vpc, deployment.region);
  const detailedMonitoring = await ensureDetailedMonitoring(ec2, instances);
  return { flowLogIds, detailedMonitoring };
}

export function flowLogGroupName(key: CleanEnvironmentKey): string {
  return `/firebreak/incidents/${key.incidentId}/${key.deploymentId}/${key.purpose}/vpc-flow-logs`;
}

/**
 * The IAM role CloudWatch Logs delivery assumes. It is named, not created, here: IAM is outside the EC2 API, and
 * the role must exist in the account for delivery to succeed (the emulator accepts any name).
 */
export function flowLogRoleArn(accountId: string, region: string, incidentId: string): string {
  const partition = region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
  return `arn:${partition}:iam::${accountId}:role/firebreak-flow-logs-${incidentId}`;
}

async function ensureFlowLog(ec2: EC2Client, key: CleanEnvironmentKey, vpc: Vpc, region: string): Promise<string[]> {
  const logGroupName = flowLogGroupName(key);
  const ours = async () => (await findFlowLogs(ec2, [vpc.VpcId!])).filter((f) => f.LogGroupName === logGroupName);
  const existing = await ours();
  if (existing.length > 0) return existing.map((f) => f.FlowLogId!);

  const answer = await ec2.send(
    new CreateFlowLogsCommand({
      ResourceIds: [vpc.VpcId!],
      ResourceType: 'VPC',
      TrafficType: 'ALL',
      LogDestinationType: 'cloud-watch-logs',
      LogGroupName: logGroupName,
      DeliverLogsPermissionArn: flowLogRoleArn(required(vpc.OwnerId, 'the clean VPC names no owner account'), region, key.incidentId),
      ClientToken: createHash('sha256').update(`flow-log/${logGroupName}/${vpc.VpcId}`).digest('hex').slice(0, 64),
      TagSpecifications: recoveryTagSpec('vpc-flow-log', key, RECOVERY_ROLES.flowLog),
    }),
  );
  const failed = (answer.Unsuccessful ?? []).filter((u) => u.Error?.Code !== 'FlowLogAlreadyExists');
  if (failed.length > 0) {
    throw new Error(`flow log for ${vpc.VpcId} not created: ${failed.map((u) => `${u.Error?.Code} ${u.Error?.Message}`).join('; ')}`);
  }
  const created = await ours();
  return created.length > 0 ? created.map((f) => f.FlowLogId!) : (answer.FlowLogIds ?? []);
}

async function ensureDetailedMonitoring(ec2: EC2Client, instances: Instance[]): Promise<'enabled' | 'unavailable'> {
  const pending = instances.filter((i) => i.Monitoring?.State !== 'enabled' && i.Monitoring?.State !== 'pending');
  if (pending.length === 0) return 'enabled';
  try {
    await ec2.send(new MonitorInstancesCommand({ InstanceIds: pending.map((i) => i.InstanceId!) }));
    return 'enabled';
  } catch (error) {
    // Throttling is worth the activity's retry; anything else (not offered here) leaves flow logs and checks.
    if (isAwsError(error, 'RequestLimitExceeded', 'Throttling')) throw error;
    return 'unavailable';
  }
}
