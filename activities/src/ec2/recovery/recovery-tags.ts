import type { Filter, ResourceType, Tag, TagSpecification } from '@aws-sdk/client-ec2';
import { TAG } from '@firebreak/domain';

import type { RecoveryPurpose } from './recovery-input';

/** Tag keys only the recovery resources carry, beside the shared incident, deployment and role keys. */
export const RECOVERY_TAG = {
  /** `backup` or `recreate`: one incident may build both, and each is removed on its own. */
  purpose: 'firebreak:purpose',
  /** The position of an instance or address in the environment (1-based), so a retry finds the same one. */
  slot: 'firebreak:slot',
} as const;

export const RECOVERY_ROLES = {
  vpc: 'clean-vpc',
  subnet: 'clean-subnet',
  internetGateway: 'clean-internet-gateway',
  routeTable: 'clean-route-table',
  firewall: 'clean-firewall',
  instance: 'clean-instance',
  address: 'clean-address',
  flowLog: 'clean-flow-log',
} as const;
export type RecoveryRole = (typeof RECOVERY_ROLES)[keyof typeof RECOVERY_ROLES];

/** Which clean environment: one per incident, deployment and purpose. */
export interface CleanEnvironmentKey {
  incidentId: string;
  deploymentId: string;
  purpose: RecoveryPurpose;
}

export function cleanEnvironmentName(key: CleanEnvironmentKey): string {
  return `firebreak-${key.incidentId}-${key.deploymentId}-${key.purpose}`;
}

export function recoveryTags(key: CleanEnvironmentKey, role: RecoveryRole, slot?: number): Tag[] {
  const suffix = role.replace(/^clean-/, '') + (slot === undefined ? '' : `-${slot}`);
  return [
    { Key: TAG.incident, Value: key.incidentId },
    { Key: TAG.deployment, Value: key.deploymentId },
    { Key: TAG.role, Value: role },
    { Key: RECOVERY_TAG.purpose, Value: key.purpose },
    ...(slot === undefined ? [] : [{ Key: RECOVERY_TAG.slot, Value: String(slot) }]),
    { Key: 'Name', Value: `${cleanEnvironmentName(key)}-${suffix}` },
  ];
}

export function recoveryTagSpec(
  resourceType: ResourceType,
  key: CleanEnvironmentKey,
  role: RecoveryRole,
  slot?: number,
): TagSpecification[] {
  return [{ ResourceType: resourceType, Tags: recoveryTags(key, role, slot) }];
}

/** Filters matching the resources of this clean environment in this role (and, given a slot, that slot only). */
export function recoveryFilters(key: CleanEnvironmentKey, role: RecoveryRole, slot?: number): Filter[] {
  return [
    { Name: `tag:${TAG.incident}`, Values: [key.incidentId] },
    { Name: `tag:${TAG.deployment}`, Values: [key.deploymentId] },
    { Name: `tag:${TAG.role}`, Values: [role] },
    { Name: `tag:${RECOVERY_TAG.purpose}`, Values: [key.purpose] },
    ...(slot === undefined ? [] : [{ Name: `tag:${RECOVERY_TAG.slot}`, Values: [String(slot)] }]),
  ];
}

/** The slot a resource was tagged with, or undefined. */
export function slotOf(tags: Tag[] | undefined): number | undefined {
  const value = tags?.find((t) => t.Key === RECOVERY_TAG.slot)?.Value;
  const slot = value === undefined ? Number.NaN : Number(value);
  return Number.isInteger(slot) && slot > 0 ? slot : undefined;
}
