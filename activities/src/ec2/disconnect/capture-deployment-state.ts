import type { EC2Client } from '@aws-sdk/client-ec2';
import {
  findOriginalElasticIps,
  findOriginalSubnetAcls,
  findPreChangeState,
  type OriginalElasticIp,
  savePreChangeStateOnce,
} from '@firebreak/db';
import type { Deployment } from '@firebreak/domain';

import {
  attachedVolumes,
  autoAssignedPublicIpOf,
  deploymentInstanceOf,
  deploymentNetworkInterfaceOf,
  describeDeploymentInstances,
  ipv6AddressesOf,
  untaggedInterfaceOf,
} from '../shared/describe-deployment-instances';
import { describeAssociatedElasticIps } from '../shared/describe-elastic-ips';
import { describeAutoScalingGroupsOf, describeTargetRegistrations } from '../shared/describe-fleet-attachments';
import type { Ec2ActivityDeps } from '../shared/ec2-activity-deps';
import { elasticIpRecordOf, PreChangeState, type PreChangeStateSummary, summarizePreChangeState } from '../shared/pre-change-state';
import { describeSubnetAcls, type SubnetAclAssociation } from './describe-subnet-acls';
import { parseDisconnectInput } from './disconnect-input';

/**
 * Records the deployment as it is before any change. The first capture wins: a retry that runs after later steps
 * already changed things must return the original, never overwrite it.
 */
export async function captureDeploymentState(deps: Ec2ActivityDeps, rawInput: unknown): Promise<PreChangeStateSummary> {
  const { incidentId, deployment } = parseDisconnectInput(rawInput);
  const stored = await findPreChangeState(deps.db, incidentId, deployment.id);
  if (stored) return summarizePreChangeState(PreChangeState.parse(stored.state));

  // Subnets the deny step already moved, and addresses the early release already detached, were recorded by those
  // steps right before: their originals come from those records.
  const [recorded, recordedAddresses] = await Promise.all([
    findOriginalSubnetAcls(deps.db, incidentId, deployment.id),
    findOriginalElasticIps(deps.db, incidentId, deployment.id),
  ]);
  const state = await readPreChangeState(deps.ec2For(deployment.region), deployment, recorded, recordedAddresses);
  const kept = await savePreChangeStateOnce(deps.db, {
    incidentId,
    deploymentId: deployment.id,
    state,
    at: state.capturedAt,
  });
  return summarizePreChangeState(PreChangeState.parse(kept));
}

/**
 * The deployment as EC2 holds it now, with the reads that do not depend on each other side by side: the directory's
 * subnets' ACLs while the instances are listed, then the addresses with the ACLs of any subnet the directory missed.
 * Termination protection is not read here: one call per instance would hold the deny ACL back on a large
 * deployment, so the protection step records it right before changing it (protect-instances.ts).
 * `recorded` holds the original ACL associations of subnets already moved onto the deny ACL; only the others are read.
 * `recordedAddresses` holds the original associations of addresses already detached: they are kept as recorded, and
 * an address found associated now is added only if no record names its allocation.
 */
export async function readPreChangeState(
  ec2: EC2Client,
  deployment: Deployment,
  recorded: readonly SubnetAclAssociation[] = [],
  recordedAddresses: readonly OriginalElasticIp[] = [],
): Promise<PreChangeState> {
  const capturedAt = new Date().toISOString();
  const isRecorded = (subnetId: string) => recorded.some((r) => r.subnetId === subnetId);
  const unrecordedDirectorySubnetIds = deployment.subnetIds.filter((id) => !isRecorded(id));
  const [{ instances, interfaces, subnetIds, untaggedInterfaces }, directorySubnets] = await Promise.all([
    describeDeploymentInstances(ec2, deployment),
    unrecordedDirectorySubnetIds.length > 0 ? describeSubnetAcls(ec2, unrecordedDirectorySubnetIds) : Promise.resolve([]),
  ]);
  const undeclaredSubnetIds = subnetIds.filter((id) => !deployment.subnetIds.includes(id) && !isRecorded(id));
  const instanceIds = instances.map((i) => i.InstanceId!);
  const [addresses, undeclaredSubnets, autoScalingGroups, targetRegistrations] = await Promise.all([
    describeAssociatedElasticIps(
      ec2,
      instances.map((i) => i.InstanceId!),
      interfaces.map((i) => i.NetworkInterfaceId!),
    ),
    undeclaredSubnetIds.length > 0 ? describeSubnetAcls(ec2, undeclaredSubnetIds) : Promise.resolve([]),
    describeAutoScalingGroupsOf(ec2, instanceIds),
    describeTargetRegistrations(ec2, deployment.vpcId, instanceIds),
  ]);
  const isRecordedAddress = (allocationId: string) => recordedAddresses.some((r) => r.allocationId === allocationId);
  const elasticIps = [
    ...recordedAddresses,
    ...addresses.filter((address) => !isRecordedAddress(address.AllocationId!)).map(elasticIpRecordOf),
  ].sort((a, b) => a.allocationId.localeCompare(b.allocationId));
  const subnets = [...recorded, ...directorySubnets, ...undeclaredSubnets].sort((a, b) => a.subnetId.localeCompare(b.subnetId));

  return PreChangeState.parse({
    deploymentId: deployment.id,
    region: deployment.region,
    vpcId: deployment.vpcId,
    capturedAt,
    instances: instances.map((instance) => ({ ...deploymentInstanceOf(instance), volumes: attachedVolumes(instance) })),
    networkInterfaces: interfaces.map((eni) => ({
      ...deploymentNetworkInterfaceOf(eni),
      deviceIndex: eni.Attachment?.DeviceIndex ?? null,
      autoAssignedPublicIp: autoAssignedPublicIpOf(eni),
      ipv6Addresses: ipv6AddressesOf(eni),
    })),
    elasticIps,
    subnets,
    untaggedInterfaces: untaggedInterfaces.map(untaggedInterfaceOf),
    autoScalingGroups,
    targetRegistrations,
  });
}
