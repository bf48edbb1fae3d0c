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

/** The deny-all network ACL's Name tag. */
export function denyAllAclName(incidentId: string): string {
  return `firebreak-${incidentId}-deny-all`;
}

/** A containment group's name: unique per incident, deployment and role, so a racing create cannot make two. */
export function containmentGroupName({ incidentId, deploymentId, role }: ContainmentKey): string {
  return `firebreak-${incidentId}-${deploymentId}-${role}`;
}

/** What each containment group is for, as its EC2 description says. */
export const CONTAINMENT_GROUP_DESCRIPTIONS = {
  allowAll: 'Firebreak containment step 1: allow all (tracked flows become untracked)',
  isolation: 'Firebreak containment: isolated, no traffic allowed',
} as const;

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
