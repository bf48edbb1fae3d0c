import { type EC2Client, type NetworkInterface, paginateDescribeNetworkInterfaces } from '@aws-sdk/client-ec2';

import { chunk, FILTER_VALUES_MAX } from '../shared/aws-errors';
import type { Ec2ActivityDeps } from '../shared/ec2-activity-deps';
import { assessCleanEnvironment } from './clean-environment-health';
import { expectedCleanFirewallRules } from './create-clean-firewall';
import { findCleanFirewalls, findCleanInstances, NOT_TERMINATED_STATES } from './find-clean-resources';
import { originalInstances } from './original-instances';
import { parseRecoveryInput } from './recovery-input';
import type { CleanEnvironmentKey } from './recovery-tags';

export interface CleanEnvironmentCheck {
  checkedAt: string;
  healthy: boolean;
  /** One sentence per difference from the environment as built; empty when healthy. */
  findings: string[];
}

/**
 * One periodic check of the clean environment during heightened monitoring: every instance running with IMDSv2
 * still required, every interface in the clean firewall group only, and the firewall's inbound rules still
 * exactly the documented set. An unhealthy environment is a result for the timeline, not an activity failure.
 */
export async function checkCleanEnvironment(deps: Ec2ActivityDeps, rawInput: unknown): Promise<CleanEnvironmentCheck> {
  const { incidentId, deployment, purpose } = parseRecoveryInput(rawInput);
  const key: CleanEnvironmentKey = { incidentId, deploymentId: deployment.id, purpose };
  const expectedRules = expectedCleanFirewallRules(deployment);
  const ec2 = deps.ec2For(deployment.region);
  const checkedAt = new Date().toISOString();
  const firewall = (await findCleanFirewalls(ec2, key))[0];
  const instances = await findCleanInstances(ec2, key, NOT_TERMINATED_STATES);
  const interfaces = await describeAttachedInterfaces(
    ec2,
    instances.map((i) => i.InstanceId!),
  );
  const expectedInstances = (await originalInstances(deps, incidentId, deployment)).length;
  const findings = assessCleanEnvironment({ expectedInstances, expectedRules, firewall, instances, interfaces });
  return { checkedAt, healthy: findings.length === 0, findings };
}

async function describeAttachedInterfaces(ec2: EC2Client, instanceIds: string[]): Promise<NetworkInterface[]> {
  const interfaces: NetworkInterface[] = [];
  for (const ids of chunk(instanceIds, FILTER_VALUES_MAX)) {
    const pages = paginateDescribeNetworkInterfaces({ client: ec2 }, { Filters: [{ Name: 'attachment.instance-id', Values: ids }] });
    for await (const page of pages) interfaces.push(...(page.NetworkInterfaces ?? []).filter((n) => n.NetworkInterfaceId));
  }
  return interfaces.sort((a, b) => a.NetworkInterfaceId!.localeCompare(b.NetworkInterfaceId!));
}
