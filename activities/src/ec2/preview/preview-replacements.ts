import { type EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import type { Deployment, DryRunCheck, MaintenanceChanges } from '@firebreak/domain';

import { describeDeploymentInstances } from '../shared/describe-deployment-instances';
import { type DryRunOptions, tryDryRun } from './dry-run';

export interface ReplacementsPreview {
  instances: MaintenanceChanges['instances'];
  permissions: DryRunCheck[];
}

/**
 * The instances an upgrade would replace, and whether EC2 would launch their successors. The patched image is
 * known only once the fix is released, so the launch is tried with the image the instances run now.
 */
export async function previewReplacements(ec2: EC2Client, deployment: Deployment, options: DryRunOptions): Promise<ReplacementsPreview> {
  const { instances } = await describeDeploymentInstances(ec2, deployment);
  const first = instances[0];
  const imageId = first?.ImageId ?? deployment.knownGoodImageId;
  const check = await tryDryRun(
    {
      action: 'RunInstances',
      target: first && imageId ? imageId : null,
      nothingToTry: 'The deployment has no instance to replace.',
      send: () =>
        ec2.send(
          new RunInstancesCommand({
            ImageId: imageId,
            InstanceType: first!.InstanceType,
            SubnetId: first!.SubnetId,
            MinCount: 1,
            MaxCount: 1,
            DryRun: true,
          }),
        ),
    },
    options,
  );
  return {
    instances: instances.map((i) => ({ instanceId: i.InstanceId!, state: i.State?.Name ?? 'unknown', imageId: i.ImageId ?? null })),
    permissions: [check],
  };
}
