import type { Address, Instance, NetworkAcl, NetworkInterface, SecurityGroup } from '@aws-sdk/client-ec2';

import { groupIds } from '../shared/describe-deployment-instances';
import type { SubnetAclAssociation } from './describe-subnet-acls';

/** What EC2 reports after containment, gathered by verifyIsolation. */
export interface IsolationObservation {
  isolationGroup: SecurityGroup | undefined;
  denyAcl: NetworkAcl | undefined;
  instances: Instance[];
  interfaces: NetworkInterface[];
  /** Elastic IPs still associated with any instance or interface of the deployment. */
  addresses: Address[];
  subnetIds: string[];
  subnetAcls: SubnetAclAssociation[];
}

export interface IsolationReport {
  clean: boolean;
  /** One sentence per remaining public path; empty when clean. */
  problems: string[];
  evidence: {
    isolationGroupId: string | null;
    networkAclId: string | null;
    instances: string[];
    interfaces: { networkInterfaceId: string; groupIds: string[] }[];
    subnets: { subnetId: string; networkAclId: string | null }[];
    elasticIps: { publicIp: string; instanceId: string | null; networkInterfaceId: string | null }[];
  };
}

/** Decides from describe output alone whether any public path to the deployment remains. */
export function buildIsolationReport(seen: IsolationObservation): IsolationReport {
  const problems: string[] = [];
  const isolationGroupId = seen.isolationGroup?.GroupId ?? null;
  const networkAclId = seen.denyAcl?.NetworkAclId ?? null;

  if (!isolationGroupId) problems.push('the isolation security group does not exist');
  else if (seen.isolationGroup?.IpPermissions?.length || seen.isolationGroup?.IpPermissionsEgress?.length) {
    problems.push(`isolation group ${isolationGroupId} has rules; it must allow nothing`);
  }
  if (!networkAclId) problems.push('the deny-all network ACL does not exist');
  else {
    const allows = (seen.denyAcl?.Entries ?? []).filter((e) => e.RuleAction === 'allow' && (e.RuleNumber ?? 0) < 32767);
    if (allows.length > 0) problems.push(`deny ACL ${networkAclId} has ${allows.length} allow entries`);
  }

  for (const address of seen.addresses) {
    problems.push(
      `Elastic IP ${address.PublicIp} is still associated with ${address.InstanceId ?? address.NetworkInterfaceId ?? 'a resource'}`,
    );
  }
  for (const instance of seen.instances) {
    if (instance.PublicIpAddress) problems.push(`instance ${instance.InstanceId} still has public address ${instance.PublicIpAddress}`);
  }
  for (const eni of seen.interfaces) {
    const groups = groupIds(eni.Groups);
    if (!isolationGroupId || groups.length !== 1 || groups[0] !== isolationGroupId) {
      problems.push(`interface ${eni.NetworkInterfaceId} is in groups [${groups.join(', ')}], not only the isolation group`);
    }
    if (eni.Association?.PublicIp)
      problems.push(`interface ${eni.NetworkInterfaceId} still has public address ${eni.Association.PublicIp}`);
  }
  const aclBySubnet = new Map(seen.subnetAcls.map((a) => [a.subnetId, a.networkAclId]));
  for (const subnetId of seen.subnetIds) {
    const on = aclBySubnet.get(subnetId);
    if (!networkAclId || on !== networkAclId) problems.push(`subnet ${subnetId} is on ACL ${on ?? '(none)'}, not the deny ACL`);
  }

  return {
    clean: problems.length === 0,
    problems,
    evidence: {
      isolationGroupId,
      networkAclId,
      instances: seen.instances.map((i) => i.InstanceId ?? ''),
      interfaces: seen.interfaces.map((eni) => ({ networkInterfaceId: eni.NetworkInterfaceId ?? '', groupIds: groupIds(eni.Groups) })),
      subnets: seen.subnetIds.map((subnetId) => ({ subnetId, networkAclId: aclBySubnet.get(subnetId) ?? null })),
      elasticIps: seen.addresses.map((a) => ({
        publicIp: a.PublicIp ?? '',
        instanceId: a.InstanceId ?? null,
        networkInterfaceId: a.NetworkInterfaceId ?? null,
      })),
    },
  };
}

const PROBLEMS_IN_MESSAGE = 10;

export function describeProblems(deploymentId: string, problems: string[]): string {
  const shown = problems.slice(0, PROBLEMS_IN_MESSAGE).join('; ');
  const more = problems.length > PROBLEMS_IN_MESSAGE ? `; and ${problems.length - PROBLEMS_IN_MESSAGE} more` : '';
  return `a public path to deployment ${deploymentId} remains: ${shown}${more}`;
}
