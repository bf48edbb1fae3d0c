import {
  CreateNetworkAclCommand,
  CreateNetworkAclEntryCommand,
  type EC2Client,
  type NetworkAcl,
  type NetworkAclEntry,
  ReplaceNetworkAclAssociationCommand,
  ReplaceNetworkAclEntryCommand,
} from '@aws-sdk/client-ec2';
import { findPreChangeState } from '@firebreak/db';
import type { Deployment } from '@firebreak/domain';

import { EC2_CALLS_IN_FLIGHT, inParallel } from '../rate-limit/in-parallel';
import { isAwsError } from '../shared/aws-errors';
import { describeDeploymentInstances } from '../shared/describe-deployment-instances';
import type { Ec2ActivityDeps } from '../shared/ec2-activity-deps';
import { PreChangeState } from '../shared/pre-change-state';
import { ANY_IPV4, ANY_IPV6, vpcIpv6Blocks } from '../shared/vpc-ipv6';
import { describeSubnetAcls, type SubnetAclAssociation } from './describe-subnet-acls';
import { parseDisconnectInput } from './disconnect-input';
import { findNetworkAcls } from './find-by-tag';
import { type ContainmentKey, containmentTagSpec, denyAllAclName } from './incident-tags';

export interface DenySubnetTrafficSummary {
  networkAclId: string;
  /** Subnets moved onto the deny ACL by this call. */
  associated: string[];
  /** Subnets that were already on it (a retry, or a second run). */
  alreadyDenied: string[];
}

/**
 * Puts every subnet of the deployment on a network ACL that denies all traffic both ways. Runs first: an ACL is
 * stateless, so unlike a security-group change it cuts connections already established, and it costs one call per
 * subnet rather than per instance.
 */
export async function denySubnetTraffic(deps: Ec2ActivityDeps, rawInput: unknown): Promise<DenySubnetTrafficSummary> {
  const { incidentId, deployment } = parseDisconnectInput(rawInput);
  const ec2 = deps.ec2For(deployment.region);
  // The ACL is made ready while the subnets are read: neither needs the other.
  const [networkAclId, { subnetIds, current }] = await Promise.all([
    ensureDenyAllAcl(ec2, { incidentId, deploymentId: deployment.id, role: 'deny-all' }, deployment.vpcId),
    deploymentSubnetIds(deps, incidentId, deployment).then(async (subnetIds) => ({
      subnetIds,
      current: await describeSubnetAcls(ec2, subnetIds),
    })),
  ]);
  return moveSubnetsOntoAcl(ec2, networkAclId, subnetIds, current);
}

/**
 * Every subnet the deployment sits in: the directory's plus those its instances and interfaces were found in by the
 * pre-change capture, which always runs before this step; listing a large deployment's instances again would hold
 * the deny back by seconds. Without a capture (never in a disconnect), the instances are listed.
 */
async function deploymentSubnetIds(deps: Ec2ActivityDeps, incidentId: string, deployment: Deployment): Promise<string[]> {
  const stored = await findPreChangeState(deps.db, incidentId, deployment.id);
  if (!stored) return (await describeDeploymentInstances(deps.ec2For(deployment.region), deployment)).subnetIds;
  const state = PreChangeState.parse(stored.state);
  const subnetIds = new Set([...deployment.subnetIds, ...state.subnets.map((s) => s.subnetId)]);
  for (const instance of state.instances) if (instance.subnetId) subnetIds.add(instance.subnetId);
  for (const eni of state.networkInterfaces) if (eni.subnetId) subnetIds.add(eni.subnetId);
  return [...subnetIds].sort();
}

/** Moves each subnet onto the ACL unless it is on it already; every subnet must have an association. */
export async function moveSubnetsOntoAcl(
  ec2: EC2Client,
  networkAclId: string,
  subnetIds: readonly string[],
  current: readonly SubnetAclAssociation[],
): Promise<DenySubnetTrafficSummary> {
  const summary: DenySubnetTrafficSummary = { networkAclId, associated: [], alreadyDenied: [] };
  await inParallel(current, EC2_CALLS_IN_FLIGHT, async (association) => {
    if (association.networkAclId === networkAclId) {
      summary.alreadyDenied.push(association.subnetId);
      return;
    }
    await ec2.send(new ReplaceNetworkAclAssociationCommand({ AssociationId: association.associationId, NetworkAclId: networkAclId }));
    summary.associated.push(association.subnetId);
  });
  summary.associated.sort();
  summary.alreadyDenied.sort();
  const missing = subnetIds.filter((id) => !current.some((a) => a.subnetId === id));
  if (missing.length > 0) throw new Error(`no network ACL association found for subnets ${missing.join(', ')}`);
  return summary;
}

/** The incident's deny-all ACL in the VPC, found by tag or created, with explicit deny entries both ways. */
export async function ensureDenyAllAcl(ec2: EC2Client, key: ContainmentKey, vpcId: string): Promise<string> {
  // Whether the VPC speaks IPv6 is read while the ACL is found: neither waits for the other.
  const [found, ipv6Blocks] = await Promise.all([findNetworkAcls(ec2, key, vpcId), vpcIpv6Blocks(ec2, vpcId)]);
  let acl: NetworkAcl | undefined = found[0];
  if (!acl) {
    const created = await ec2.send(
      new CreateNetworkAclCommand({
        VpcId: vpcId,
        TagSpecifications: containmentTagSpec('network-acl', key, denyAllAclName(key.incidentId)),
      }),
    );
    acl = created.NetworkAcl;
  }
  const networkAclId = acl?.NetworkAclId;
  if (!networkAclId) throw new Error('CreateNetworkAcl returned no NetworkAclId');
  // Inbound and outbound, IPv4 and (in a dual-stack VPC) IPv6 entries, side by side.
  const wanted = [
    ...denyEntries(DENY_RULE_NUMBER, { CidrBlock: ANY_IPV4 }),
    ...(ipv6Blocks.length > 0 ? denyEntries(DENY_IPV6_RULE_NUMBER, { Ipv6CidrBlock: ANY_IPV6 }) : []),
  ];
  await Promise.all(wanted.map((entry) => ensureDenyEntry(ec2, networkAclId, acl?.Entries ?? [], entry)));
  return networkAclId;
}

/** The deny ACL's rules: all IPv4 traffic first, all IPv6 traffic next, both ways. */
export const DENY_RULE_NUMBER = 1;
export const DENY_IPV6_RULE_NUMBER = 2;

type DenyEntry = { RuleNumber: number; Egress: boolean } & ({ CidrBlock: string } | { Ipv6CidrBlock: string });

function denyEntries(ruleNumber: number, range: { CidrBlock: string } | { Ipv6CidrBlock: string }): DenyEntry[] {
  return [false, true].map((egress) => ({ RuleNumber: ruleNumber, Egress: egress, ...range }));
}

async function ensureDenyEntry(
  ec2: EC2Client,
  networkAclId: string,
  entries: readonly NetworkAclEntry[],
  wanted: DenyEntry,
): Promise<void> {
  const existing = entries.find((e) => e.RuleNumber === wanted.RuleNumber && e.Egress === wanted.Egress);
  const sameRange = 'CidrBlock' in wanted ? existing?.CidrBlock === wanted.CidrBlock : existing?.Ipv6CidrBlock === wanted.Ipv6CidrBlock;
  if (existing?.RuleAction === 'deny' && existing.Protocol === '-1' && sameRange) return;
  const entry = { NetworkAclId: networkAclId, Protocol: '-1', RuleAction: 'deny' as const, ...wanted };
  if (existing) {
    await ec2.send(new ReplaceNetworkAclEntryCommand(entry));
    return;
  }
  try {
    await ec2.send(new CreateNetworkAclEntryCommand(entry));
  } catch (error) {
    if (!isAwsError(error, 'NetworkAclEntryAlreadyExists')) throw error;
  }
}
