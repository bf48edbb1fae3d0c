import { findOriginalTerminationProtection } from '@firebreak/db';

import { readPreChangeState } from '../disconnect/capture-deployment-state';
import { EC2_CALLS_IN_FLIGHT, inParallel } from '../rate-limit/in-parallel';
import type { Ec2ActivityDeps } from '../shared/ec2-activity-deps';
import type { PreChangeState } from '../shared/pre-change-state';
import { readTerminationProtection } from '../shared/read-termination-protection';
import { restoreContext } from './restore-input';

export interface RestoreComparison {
  /** True when EC2 holds the recorded pre-change state again, apart from what restore documents it keeps. */
  matches: boolean;
  /** One sentence per field that differs from the record. */
  differences: string[];
}

/**
 * Re-reads the deployment from EC2, Auto Scaling and the load balancers, and compares it field by field with the
 * pre-change state. Ignored, because restore cannot or does not put them back: association ids (each association
 * is new), the value of an auto-assigned public address (AWS assigns a new one; that there is one is compared),
 * and what containment leaves for the forensic record (isolation group, deny ACL, snapshots, incident tags).
 */
export async function compareWithPreChangeState(deps: Ec2ActivityDeps, rawInput: unknown): Promise<RestoreComparison> {
  const { incidentId, deployment, ec2, state: recorded } = await restoreContext(deps, rawInput);
  const [now, originals] = await Promise.all([
    readPreChangeState(ec2, deployment),
    findOriginalTerminationProtection(deps.db, incidentId, deployment.id),
  ]);
  const differences = diffStates(recorded, now);
  await inParallel([...originals], EC2_CALLS_IN_FLIGHT, async ([instanceId, wasProtected]) => {
    if (!now.instances.some((i) => i.instanceId === instanceId)) return;
    const isProtected = await readTerminationProtection(ec2, instanceId);
    if (isProtected !== wasProtected) {
      differences.push(
        `instance ${instanceId}: termination protection is ${isProtected ? 'on' : 'off'}, was ${wasProtected ? 'on' : 'off'}`,
      );
    }
  });
  differences.sort();
  return { matches: differences.length === 0, differences };
}

/** The differences between two pre-change states, field by field, in words. */
export function diffStates(recorded: PreChangeState, now: PreChangeState): string[] {
  const differences: string[] = [];
  const same = (a: readonly string[], b: readonly string[]) => [...a].sort().join(',') === [...b].sort().join(',');
  for (const instance of recorded.instances) {
    const current = now.instances.find((i) => i.instanceId === instance.instanceId);
    if (!current) {
      differences.push(`instance ${instance.instanceId} is gone`);
      continue;
    }
    for (const volume of instance.volumes) {
      const v = current.volumes.find((c) => c.volumeId === volume.volumeId);
      if (v && v.deleteOnTermination !== volume.deleteOnTermination) {
        differences.push(`volume ${volume.volumeId}: delete on termination is ${v.deleteOnTermination}, was ${volume.deleteOnTermination}`);
      }
    }
  }
  for (const eni of recorded.networkInterfaces) {
    const current = now.networkInterfaces.find((c) => c.networkInterfaceId === eni.networkInterfaceId);
    if (!current) {
      differences.push(`interface ${eni.networkInterfaceId} is gone`);
      continue;
    }
    if (!same(current.securityGroupIds, eni.securityGroupIds)) {
      differences.push(
        `interface ${eni.networkInterfaceId} is in [${current.securityGroupIds.join(', ')}], was in [${eni.securityGroupIds.join(', ')}]`,
      );
    }
    if (Boolean(eni.autoAssignedPublicIp) !== Boolean(current.autoAssignedPublicIp)) {
      differences.push(
        `interface ${eni.networkInterfaceId} ${current.autoAssignedPublicIp ? 'has' : 'has no'} auto-assigned public address, ${eni.autoAssignedPublicIp ? 'had one' : 'had none'}`,
      );
    }
  }
  for (const address of recorded.elasticIps) {
    const current = now.elasticIps.find((c) => c.allocationId === address.allocationId);
    if (!current)
      differences.push(`Elastic IP ${address.publicIp} is not associated, was on ${address.networkInterfaceId ?? address.instanceId}`);
    else if (current.networkInterfaceId !== address.networkInterfaceId || current.privateIpAddress !== address.privateIpAddress) {
      differences.push(
        `Elastic IP ${address.publicIp} is on ${current.networkInterfaceId} ${current.privateIpAddress}, was on ${address.networkInterfaceId} ${address.privateIpAddress}`,
      );
    }
  }
  for (const subnet of recorded.subnets) {
    const current = now.subnets.find((c) => c.subnetId === subnet.subnetId);
    if (current?.networkAclId !== subnet.networkAclId) {
      differences.push(`subnet ${subnet.subnetId} is on ACL ${current?.networkAclId ?? '(none)'}, was on ${subnet.networkAclId}`);
    }
  }
  for (const group of recorded.autoScalingGroups) {
    const current = now.autoScalingGroups.find((g) => g.name === group.name);
    if (current && !same(current.suspendedProcesses, group.suspendedProcesses)) {
      differences.push(
        `Auto Scaling group ${group.name} has [${current.suspendedProcesses.join(', ')}] suspended, had [${group.suspendedProcesses.join(', ')}]`,
      );
    }
  }
  const key = (r: PreChangeState['targetRegistrations'][number]) => `${r.targetGroupArn} ${r.instanceId}:${r.port ?? ''}`;
  const registeredNow = new Set(now.targetRegistrations.map(key));
  for (const registration of recorded.targetRegistrations) {
    if (!registeredNow.has(key(registration))) {
      differences.push(`instance ${registration.instanceId} is not registered in target group ${registration.targetGroupArn}`);
    }
  }
  return differences;
}
