import { describeDeploymentInstances } from '../shared/describe-deployment-instances';
import type { Ec2ActivityDeps } from '../shared/ec2-activity-deps';
import { parseDeploymentImagesInput } from './maintenance-input';

export interface DeploymentImages {
  instances: { instanceId: string; imageId: string; state: string }[];
  /** Whether every instance runs the image asked about; null when none was given. */
  allOnImage: boolean | null;
}

/** Which image each current instance of the deployment runs: the check after an upgrade. */
export async function describeDeploymentImages(deps: Ec2ActivityDeps, rawInput: unknown): Promise<DeploymentImages> {
  const { deployment, imageId } = parseDeploymentImagesInput(rawInput);
  const { instances } = await describeDeploymentInstances(deps.ec2For(deployment.region), deployment);
  const described = instances.map((i) => ({ instanceId: i.InstanceId!, imageId: i.ImageId ?? '', state: i.State?.Name ?? 'unknown' }));
  return {
    instances: described,
    allOnImage: imageId === undefined ? null : described.length > 0 && described.every((i) => i.imageId === imageId),
  };
}
