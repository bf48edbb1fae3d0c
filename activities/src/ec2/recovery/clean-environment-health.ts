import type { Instance, NetworkInterface, SecurityGroup } from '@aws-sdk/client-ec2';

import { groupIds } from '../shared/describe-deployment-instances';
import { actualRuleKeys, expectedRuleKeys, extraPermissions, type FirewallRule, opensForbiddenPort } from './clean-firewall-rules';

/** What one periodic check reads from EC2 about a clean environment. */
export interface CleanEnvironmentObservation {
  expectedInstances: number;
  expectedRules: readonly FirewallRule[];
  firewall: SecurityGroup | undefined;
  /** The environment's instances that are not terminated. */
  instances: readonly Instance[];
  /** Every interface attached to one of them. */
  interfaces: readonly NetworkInterface[];
}

/**
 * Compares the environment with how it was built, from describe output alone. Every difference is a finding,
 * phrased for the incident's timeline; no finding means healthy.
 */
export function assessCleanEnvironment(seen: CleanEnvironmentObservation): string[] {
  const findings: string[] = [];
  const firewallId = seen.firewall?.GroupId;

  if (seen.instances.length !== seen.expectedInstances) {
    findings.push(`${seen.instances.length} clean instances found, ${seen.expectedInstances} expected`);
  }
  for (const instance of seen.instances) {
    const state = instance.State?.Name ?? 'unknown';
    if (state !== 'running') findings.push(`instance ${instance.InstanceId} is ${state}, not running`);
    if (instance.MetadataOptions?.HttpTokens !== 'required') {
      findings.push(
        `instance ${instance.InstanceId} no longer requires IMDSv2 (HttpTokens ${instance.MetadataOptions?.HttpTokens ?? 'unknown'})`,
      );
    }
  }
  for (const eni of seen.interfaces) {
    const groups = groupIds(eni.Groups);
    if (!firewallId || groups.length !== 1 || groups[0] !== firewallId) {
      findings.push(`interface ${eni.NetworkInterfaceId} is in groups [${groups.join(', ')}], not only the clean firewall`);
    }
  }
  for (const instance of seen.instances) {
    if (!seen.interfaces.some((eni) => eni.Attachment?.InstanceId === instance.InstanceId)) {
      findings.push(`instance ${instance.InstanceId} has no network interface to check`);
    }
  }

  if (!seen.firewall || !firewallId) {
    findings.push('the clean firewall group does not exist');
    return findings;
  }
  for (const p of seen.firewall.IpPermissions ?? []) {
    if (opensForbiddenPort(p))
      findings.push(`firewall ${firewallId} opens port 22 (${p.IpProtocol} ${p.FromPort ?? '*'}-${p.ToPort ?? '*'})`);
  }
  const expected = expectedRuleKeys(seen.expectedRules);
  const actual = new Set(actualRuleKeys(seen.firewall.IpPermissions));
  for (const extra of actualRuleKeys(extraPermissions(seen.firewall.IpPermissions, seen.expectedRules))) {
    findings.push(`firewall ${firewallId} allows ${extra}, which is not in the documented rule set`);
  }
  for (const key of expected) if (!actual.has(key)) findings.push(`firewall ${firewallId} lost the rule ${key}`);
  return findings;
}
