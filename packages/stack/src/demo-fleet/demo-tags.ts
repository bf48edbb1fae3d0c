import type { Filter, ResourceType, Tag, TagSpecification } from '@aws-sdk/client-ec2';
import { TAG } from '@firebreak/domain';

/** Every demo resource carries its deployment and its role in it, so a re-run finds it instead of creating another. */
export function demoTags(deploymentId: string, role: string, name: string): Tag[] {
  return [
    { Key: TAG.deployment, Value: deploymentId },
    { Key: TAG.role, Value: role },
    { Key: 'Name', Value: name },
  ];
}

export function demoTagSpec(resourceType: ResourceType, tags: Tag[]): TagSpecification[] {
  return [{ ResourceType: resourceType, Tags: tags }];
}

export function demoFilters(deploymentId: string, role: string): Filter[] {
  return [
    { Name: `tag:${TAG.deployment}`, Values: [deploymentId] },
    { Name: `tag:${TAG.role}`, Values: [role] },
  ];
}

export function isAwsError(error: unknown, ...names: string[]): boolean {
  return error instanceof Error && names.includes(error.name);
}
