import type { DisconnectChanges } from '@firebreak/domain';

import { CONTAINMENT_GROUP_DESCRIPTIONS, containmentGroupName, denyAllAclName } from '../disconnect/incident-tags';
import type { DisconnectTargets } from './read-disconnect-targets';

/** Stands for the id the incident will get, in the names of what it creates. */
export const PREVIEW_INCIDENT_ID = '{incident}';

/**
 * What the disconnect will do to a deployment as it is now: every instance, interface, address, subnet and volume
 * the containment activities act on, and what they create. Pure, so it can be checked against a known state.
 */
export function disconnectChangesOf(state: DisconnectTargets): DisconnectChanges {
  const key = { incidentId: PREVIEW_INCIDENT_ID, deploymentId: state.deploymentId };
  return {
    kind: 'disconnect',
    vpcId: state.vpcId,
    instances: state.instances.map(({ instanceId, state: instanceState, subnetId, securityGroupIds, terminationProtection }) => ({
      instanceId,
      state: instanceState,
      subnetId,
      securityGroupIds,
      terminationProtection,
    })),
    networkInterfaces: state.networkInterfaces.map((eni) => ({ ...eni })),
    elasticIps: state.elasticIps.map(({ allocationId, publicIp, instanceId, networkInterfaceId }) => ({
      allocationId,
      publicIp,
      instanceId,
      networkInterfaceId,
    })),
    subnets: state.subnets.map(({ subnetId, networkAclId }) => ({ subnetId, networkAclId })),
    created: [
      {
        resource: 'network-acl',
        role: 'deny-all',
        name: denyAllAclName(PREVIEW_INCIDENT_ID),
        purpose: 'Denies all traffic both ways; the subnets move onto it, which cuts established connections',
      },
      {
        resource: 'security-group',
        role: 'allow-all',
        name: containmentGroupName({ ...key, role: 'allow-all' }),
        purpose: CONTAINMENT_GROUP_DESCRIPTIONS.allowAll,
      },
      {
        resource: 'security-group',
        role: 'isolation',
        name: containmentGroupName({ ...key, role: 'isolation' }),
        purpose: CONTAINMENT_GROUP_DESCRIPTIONS.isolation,
      },
    ],
    volumes: state.instances.flatMap((instance) => instance.volumes.map((volume) => ({ ...volume, instanceId: instance.instanceId }))),
    autoAssignedAddresses: state.autoAssignedAddresses.map((a) => ({ ...a })),
    ipv6Blocks: [...state.ipv6Blocks],
    untaggedInterfaces: state.untaggedInterfaces.map(({ networkInterfaceId, subnetId, owner, description }) => ({
      networkInterfaceId,
      subnetId,
      owner,
      description,
    })),
    autoScalingGroups: [...state.autoScalingGroups],
    targetGroups: [...new Set(state.targetRegistrations.map((r) => r.targetGroupArn))].map((targetGroupArn) => ({
      targetGroupArn,
      targets: state.targetRegistrations.filter((r) => r.targetGroupArn === targetGroupArn).length,
    })),
  };
}
