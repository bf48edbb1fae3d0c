import type { Filter, Instance, Tag } from '@aws-sdk/client-ec2';
import { TAG } from '@firebreak/domain';

/** On a replacement: the instance it replaces. With the incident tag, the key a replacement is found by. */
export const REPLACES_TAG = 'firebreak:replaces';
/** On a replaced instance: its successor, for whoever looks at it before it is gone. */
export const REPLACED_BY_TAG = 'firebreak:replaced-by';

/** Tags that describe the old instance's history rather than its purpose; a replacement does not inherit them. */
const NOT_INHERITED = new Set<string>([TAG.incident, TAG.containment, REPLACES_TAG, REPLACED_BY_TAG]);

/** The old instance's own tags (name, role, ...), then the deployment, incident and lineage. */
export function replacementTags(old: Instance, incidentId: string, instanceTag: string): Tag[] {
  const inherited = (old.Tags ?? []).filter(
    (t) => t.Key && !t.Key.startsWith('aws:') && !NOT_INHERITED.has(t.Key) && t.Key !== TAG.deployment,
  );
  return [
    ...inherited,
    { Key: TAG.deployment, Value: instanceTag },
    { Key: TAG.incident, Value: incidentId },
    { Key: REPLACES_TAG, Value: old.InstanceId! },
  ];
}

export function replacementFilters(incidentId: string, oldInstanceIds?: string[]): Filter[] {
  return [
    { Name: `tag:${TAG.incident}`, Values: [incidentId] },
    oldInstanceIds ? { Name: `tag:${REPLACES_TAG}`, Values: oldInstanceIds } : { Name: 'tag-key', Values: [REPLACES_TAG] },
  ];
}

export function replacedInstanceId(instance: Instance): string | undefined {
  return instance.Tags?.find((t) => t.Key === REPLACES_TAG)?.Value;
}
