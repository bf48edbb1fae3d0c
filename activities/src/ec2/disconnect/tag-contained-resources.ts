import { CreateTagsCommand } from '@aws-sdk/client-ec2';
import { TAG } from '@firebreak/domain';

import { EC2_CALLS_IN_FLIGHT, inParallel } from '../rate-limit/in-parallel';
import { chunk } from '../shared/aws-errors';
import { attachedVolumes, describeDeploymentInstances } from '../shared/describe-deployment-instances';
import type { Ec2ActivityDeps } from '../shared/ec2-activity-deps';
import { parseDisconnectInput } from './disconnect-input';

export interface TagContainedResourcesSummary {
  instances: number;
  networkInterfaces: number;
  volumes: number;
}

export const CONTAINMENT_STATE = 'isolated';
const RESOURCES_PER_CALL = 200;

/** Marks every instance, interface and volume with the incident and its containment state (CreateTags overwrites). */
export async function tagContainedResources(deps: Ec2ActivityDeps, rawInput: unknown): Promise<TagContainedResourcesSummary> {
  const { incidentId, deployment } = parseDisconnectInput(rawInput);
  const ec2 = deps.ec2For(deployment.region);
  const { instances, interfaces } = await describeDeploymentInstances(ec2, deployment);
  const instanceIds = instances.map((i) => i.InstanceId!);
  const interfaceIds = interfaces.map((i) => i.NetworkInterfaceId!);
  const volumeIds = instances.flatMap((i) => attachedVolumes(i).map((v) => v.volumeId));
  const tags = [
    { Key: TAG.incident, Value: incidentId },
    { Key: TAG.containment, Value: CONTAINMENT_STATE },
  ];
  await inParallel(chunk([...instanceIds, ...interfaceIds, ...volumeIds], RESOURCES_PER_CALL), EC2_CALLS_IN_FLIGHT, (resources) =>
    ec2.send(new CreateTagsCommand({ Resources: resources, Tags: tags })),
  );
  return { instances: instanceIds.length, networkInterfaces: interfaceIds.length, volumes: volumeIds.length };
}
