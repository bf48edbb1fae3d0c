import type { Filter, ResourceType, Tag, TagSpecification } from '@aws-sdk/client-ec2';
import { TAG } from '@firebreak/domain';

/** What a resource Firebreak creates during a containment is for; part of the key it is found by. */
export const CONTAINMENT_ROLES = {
  denyAll: 'deny-all',
  allowAll: 'allow-all',
  isolation: 'isolation',
  forensicSnapshot: 'forensic-snapshot',
} as const;
export type ContainmentRole = (typeof CONTAINMENT_ROLES)[keyof typeof CONTAINMENT_ROLES];

export interface ContainmentKey {
  incidentId: string;
  deploymentId: string;
  role: ContainmentRole;
}

export function containmentTags({ incidentId, deploymentId, role }: ContainmentKey, name: string): Tag[] {
  return [
    { Key: TAG.incident, Value: incidentId },
    { Key: TAG.deployment, Value: deploymentId },
    { Key: TAG.role, Value: role },
    { Key: 'Name', Value: name },
  ];
}

export function containmentTagSpec(resourceType: ResourceType, key: ContainmentKey, name: string): TagSpecification[] {
  return [{ ResourceType: resourceType, Tags: containmentTags(key, name) }];
}

/** Filters matching the resource created for this incident, deployment and role (and nothing else). */
export function containmentFilters({ incidentId, deploymentId, role }: ContainmentKey): Filter[] {
  return [
    { Name: `tag:${TAG.incident}`, Values: [incidentId] },
    { Name: `tag:${TAG.deployment}`, Values: [deploymentId] },
    { Name: `tag:${TAG.role}`, Values: [role] },
  ];
}
