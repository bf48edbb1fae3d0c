import { Deployment, IncidentId } from '@firebreak/domain';
import { z } from 'zod';

import { parseActivityInput } from '../shared/parse-activity-input';

const ImageId = z.string().regex(/^ami-[0-9a-f]+$/, 'not an image id');

export const MaintenanceInput = z.object({
  incidentId: IncidentId,
  deployment: Deployment,
  /** The patched image every instance of the deployment is to run. */
  imageId: ImageId,
  /** At most this many instances replaced by one call; the rest are left for the next. Default: all. */
  batch: z.number().int().min(1).max(1000).optional(),
});
export type MaintenanceInput = z.input<typeof MaintenanceInput>;

export const DeploymentImagesInput = z.object({
  incidentId: IncidentId.optional(),
  deployment: Deployment,
  /** When given, the answer says whether every instance already runs it. */
  imageId: ImageId.optional(),
});
export type DeploymentImagesInput = z.input<typeof DeploymentImagesInput>;

export function parseMaintenanceInput(input: unknown) {
  return parseActivityInput(MaintenanceInput, input, 'maintenance');
}

export function parseDeploymentImagesInput(input: unknown) {
  return parseActivityInput(DeploymentImagesInput, input, 'deployment images');
}
