import { type Address, AllocateAddressCommand, AssociateAddressCommand, type EC2Client } from '@aws-sdk/client-ec2';
import { findPreChangeState } from '@firebreak/db';

import { describeAssociatedElasticIps } from '../shared/describe-elastic-ips';
import type { Ec2ActivityDeps } from '../shared/ec2-activity-deps';
import { PreChangeState } from '../shared/pre-change-state';
import { required } from '../shared/required';
import { findCleanAddresses, findCleanInstances } from './find-clean-resources';
import { RECOVERY_FAILURES, recoveryFailure } from './recovery-failures';
import { parseRecoveryInput } from './recovery-input';
import { type CleanEnvironmentKey, RECOVERY_ROLES, recoveryTagSpec, slotOf } from './recovery-tags';

export interface CleanAddresses {
  /** One new Elastic IP per clean instance, in slot order. */
  addresses: { allocationId: string; publicIp: string; instanceId: string }[];
  /** Clean instances left alone because production's own address already moved onto them (reestablishProduction). */
  keptProductionAddress: string[];
}

/**
 * Gives each clean instance a NEW Elastic IP of its own, never one the compromised environment had: those
 * addresses are what the attacker knows, and what reestablishProduction hands back once the customer agrees.
 * Each address is found by its tags before one is allocated; associating is a desired-state call.
 */
export async function attachCleanAddresses(deps: Ec2ActivityDeps, rawInput: unknown): Promise<CleanAddresses> {
  const { incidentId, deployment, purpose } = parseRecoveryInput(rawInput);
  const key: CleanEnvironmentKey = { incidentId, deploymentId: deployment.id, purpose };
  const ec2 = deps.ec2For(deployment.region);
  const instances = await findCleanInstances(ec2, key);
  if (instances.length === 0) {
    throw recoveryFailure(RECOVERY_FAILURES.cleanEnvironmentMissing, 'there are no clean instances yet; launch them first');
  }
  const stored = await findPreChangeState(deps.db, incidentId, deployment.id);
  const production = new Set(stored ? PreChangeState.parse(stored.state).elasticIps.map((e) => e.allocationId) : []);
  const held = await describeAssociatedElasticIps(
    ec2,
    instances.map((i) => i.InstanceId!),
    [],
  );
  const ownAddresses = new Map<number, Address>();
  for (const address of await findCleanAddresses(ec2, key)) {
    const slot = slotOf(address.Tags);
    if (slot !== undefined && !ownAddresses.has(slot)) ownAddresses.set(slot, address);
  }

  const result: CleanAddresses = { addresses: [], keptProductionAddress: [] };
  for (const instance of instances) {
    const instanceId = instance.InstanceId!;
    const slot = slotOf(instance.Tags);
    if (slot === undefined) continue;
    // After cutover the production address is the one that must stay; putting the clean one back would undo it.
    if (held.some((a) => a.InstanceId === instanceId && production.has(a.AllocationId!))) {
      result.keptProductionAddress.push(instanceId);
      continue;
    }
    const address = ownAddresses.get(slot) ?? (await allocate(ec2, key, slot));
    const allocationId = required(address.AllocationId, 'AllocateAddress returned no AllocationId');
    if (production.has(allocationId)) throw new Error(`address ${allocationId} is tagged clean but belongs to production`);
    if (address.InstanceId !== instanceId) {
      // Reassociation allowed: the address is this environment's own, tagged for this slot.
      await ec2.send(new AssociateAddressCommand({ AllocationId: allocationId, InstanceId: instanceId, AllowReassociation: true }));
    }
    result.addresses.push({ allocationId, publicIp: address.PublicIp ?? '', instanceId });
  }
  return result;
}

async function allocate(ec2: EC2Client, key: CleanEnvironmentKey, slot: number): Promise<Address> {
  const allocated = await ec2.send(
    new AllocateAddressCommand({ Domain: 'vpc', TagSpecifications: recoveryTagSpec('elastic-ip', key, RECOVERY_ROLES.address, slot) }),
  );
  return { AllocationId: allocated.AllocationId, PublicIp: allocated.PublicIp };
}
