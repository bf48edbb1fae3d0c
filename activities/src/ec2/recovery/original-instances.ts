import type { Instance } from '@aws-sdk/client-ec2';
import { findPreChangeState } from '@firebreak/db';
import type { Deployment } from '@firebreak/domain';

import { describeDeploymentInstances } from '../shared/describe-deployment-instances';
import type { Ec2ActivityDeps } from '../shared/ec2-activity-deps';
import { PreChangeState } from '../shared/pre-change-state';

export interface OriginalInstance {
  instanceId: string;
  subnetId: string | null;
  /** Undefined when the instance can no longer be described. */
  instanceType: string | undefined;
}

/**
 * The instances the deployment had when the incident began, which a clean environment replaces one for one: the
 * recorded pre-change state (by instance id), or a describe of the deployment when nothing was recorded.
 */
export async function originalInstances(deps: Ec2ActivityDeps, incidentId: string, deployment: Deployment): Promise<OriginalInstance[]> {
  const { instances } = await describeDeploymentInstances(deps.ec2For(deployment.region), deployment);
  const described = new Map<string, Instance>(instances.map((i) => [i.InstanceId!, i]));
  const stored = await findPreChangeState(deps.db, incidentId, deployment.id);
  const recorded = stored
    ? PreChangeState.parse(stored.state).instances.map((i) => ({ instanceId: i.instanceId, subnetId: i.subnetId }))
    : instances.map((i) => ({ instanceId: i.InstanceId!, subnetId: i.SubnetId ?? null }));
  return recorded.map((i) => ({ ...i, instanceType: described.get(i.instanceId)?.InstanceType }));
}
