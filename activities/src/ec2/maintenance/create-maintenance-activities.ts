import type { Ec2ActivityDeps } from '../shared/ec2-activity-deps';
import { describeDeploymentImages } from './describe-deployment-images';
import type { DeploymentImagesInput, MaintenanceInput } from './maintenance-input';
import { replaceInstances } from './replace-instances';

/** The EC2 side of maintenance: immutable replacement from a patched image, and the check that it happened. */
export function createMaintenanceActivities(deps: Ec2ActivityDeps) {
  return {
    replaceInstances: (input: MaintenanceInput) => replaceInstances(deps, input),
    describeDeploymentImages: (input: DeploymentImagesInput) => describeDeploymentImages(deps, input),
  };
}

export type MaintenanceActivities = ReturnType<typeof createMaintenanceActivities>;
