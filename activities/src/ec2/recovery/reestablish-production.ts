import {
  type Address,
  AssociateAddressCommand,
  DescribeAddressesCommand,
  DisassociateAddressCommand,
  type EC2Client,
  type Instance,
  ReleaseAddressCommand,
} from '@aws-sdk/client-ec2';
import { findPreChangeState } from '@firebreak/db';
import { TAG } from '@firebreak/domain';

import { chunk, FILTER_VALUES_MAX, isAwsError } from '../shared/aws-errors';
import type { Ec2ActivityDeps } from '../shared/ec2-activity-deps';
import { PreChangeState } from '../shared/pre-change-state';
import { findCleanInstances } from './find-clean-resources';
import { RECOVERY_FAILURES, recoveryFailure } from './recovery-failures';
import { parseRestoreInput } from './recovery-input';
import { type CleanEnvironmentKey, RECOVERY_ROLES, recoveryFilters } from './recovery-tags';

export interface ReestablishedProduction {
  /** The customer's own addresses, each now on a clean instance (slot order). */
  addresses: { allocationId: string; publicIp: string; instanceId: string }[];
  /** Production addresses with no clean instance to take them (more addresses than instances). */
  notRestored: string[];
}

/**
 * The application-compromise cutover: the Elastic IPs the compromised environment had (from the recorded
 * pre-change state) move onto the recreated clean instances, so the customer's known addresses serve the clean
 * environment. Refuses for good to put one on a compromised instance. The clean environment's temporary address
 * on each target is released first. Desired state: a re-run finds every address already in place.
 */
export async function reestablishProduction(deps: Ec2ActivityDeps, rawInput: unknown): Promise<ReestablishedProduction> {
  const { incidentId, deployment } = parseRestoreInput(rawInput);
  const key: CleanEnvironmentKey = { incidentId, deploymentId: deployment.id, purpose: 'recreate' };
  const stored = await findPreChangeState(deps.db, incidentId, deployment.id);
  if (!stored) {
    throw recoveryFailure(
      RECOVERY_FAILURES.preChangeStateMissing,
      `no pre-change state was recorded for ${deployment.id}; nothing says which addresses are production's`,
    );
  }
  const state = PreChangeState.parse(stored.state);
  const ec2 = deps.ec2For(deployment.region);
  const targets = await findCleanInstances(ec2, key);
  if (targets.length === 0) {
    throw recoveryFailure(
      RECOVERY_FAILURES.cleanEnvironmentMissing,
      'the recreated environment has no instance to take production addresses',
    );
  }
  const compromised = new Set(state.instances.map((i) => i.instanceId));
  for (const target of targets) assertClean(target, deployment.vpcId, compromised);

  // Address i goes to the clean instance replacing the instance it was on; addresses of unknown instances follow.
  const slotOfOriginal = new Map(state.instances.map((i, index) => [i.instanceId, index]));
  const production = [...state.elasticIps].sort(
    (a, b) => (slotOfOriginal.get(a.instanceId ?? '') ?? Infinity) - (slotOfOriginal.get(b.instanceId ?? '') ?? Infinity),
  );
  const pairs = production.slice(0, targets.length).map((address, index) => ({ address, target: targets[index]! }));
  const current = await describeAllocations(
    ec2,
    production.map((e) => e.allocationId),
  );

  const result: ReestablishedProduction = { addresses: [], notRestored: production.slice(targets.length).map((e) => e.allocationId) };
  for (const { address, target } of pairs) {
    const instanceId = target.InstanceId!;
    const now = current.get(address.allocationId);
    if (now?.InstanceId !== instanceId) {
      if (now?.AssociationId) {
        throw recoveryFailure(
          RECOVERY_FAILURES.addressInUse,
          `production address ${address.publicIp} is associated with ${now.InstanceId ?? now.NetworkInterfaceId}, not free to move`,
        );
      }
      await releaseTemporaryAddresses(ec2, key, instanceId);
      await ec2.send(
        new AssociateAddressCommand({ AllocationId: address.allocationId, InstanceId: instanceId, AllowReassociation: false }),
      );
    }
    result.addresses.push({ allocationId: address.allocationId, publicIp: address.publicIp, instanceId });
  }
  return result;
}

/** The one check that must never be skipped: a compromised instance gets no public address back. */
function assertClean(instance: Instance, compromisedVpcId: string, compromised: Set<string>): void {
  const contained = instance.Tags?.some((t) => t.Key === TAG.containment);
  if (contained || instance.VpcId === compromisedVpcId || compromised.has(instance.InstanceId!)) {
    throw recoveryFailure(
      RECOVERY_FAILURES.wouldReconnectCompromised,
      `instance ${instance.InstanceId} belongs to the compromised environment; production addresses go to clean instances only`,
    );
  }
}

async function describeAllocations(ec2: EC2Client, allocationIds: string[]): Promise<Map<string, Address>> {
  const found = new Map<string, Address>();
  for (const ids of chunk(allocationIds, FILTER_VALUES_MAX)) {
    const answer = await ec2.send(new DescribeAddressesCommand({ Filters: [{ Name: 'allocation-id', Values: ids }] }));
    for (const address of answer.Addresses ?? []) if (address.AllocationId) found.set(address.AllocationId, address);
  }
  const missing = allocationIds.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw recoveryFailure(RECOVERY_FAILURES.addressInUse, `production allocations ${missing.join(', ')} no longer exist in the account`);
  }
  return found;
}

/** The clean environment's own address on the instance makes way for production's, and is given back. */
async function releaseTemporaryAddresses(ec2: EC2Client, key: CleanEnvironmentKey, instanceId: string): Promise<void> {
  const answer = await ec2.send(
    new DescribeAddressesCommand({
      Filters: [...recoveryFilters(key, RECOVERY_ROLES.address), { Name: 'instance-id', Values: [instanceId] }],
    }),
  );
  for (const address of answer.Addresses ?? []) {
    if (address.AssociationId) {
      await tolerate(ec2.send(new DisassociateAddressCommand({ AssociationId: address.AssociationId })), 'InvalidAssociationID.NotFound');
    }
    await tolerate(ec2.send(new ReleaseAddressCommand({ AllocationId: address.AllocationId })), 'InvalidAllocationID.NotFound');
  }
}

async function tolerate(call: Promise<unknown>, code: string): Promise<void> {
  try {
    await call;
  } catch (error) {
    if (!isAwsError(error, code)) throw error;
  }
}
