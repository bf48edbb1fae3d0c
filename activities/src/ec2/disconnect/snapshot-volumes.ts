import { CreateSnapshotCommand } from '@aws-sdk/client-ec2';

import { EC2_CALLS_IN_FLIGHT, inParallel } from '../rate-limit/in-parallel';
import { attachedVolumes, describeDeploymentInstances } from '../shared/describe-deployment-instances';
import type { Ec2ActivityDeps } from '../shared/ec2-activity-deps';
import { parseDisconnectInput } from './disconnect-input';
import { findSnapshots } from './find-by-tag';
import { type ContainmentKey, containmentTagSpec } from './incident-tags';

export interface SnapshotVolumesSummary {
  snapshots: { volumeId: string; instanceId: string; snapshotId: string; created: boolean }[];
}

/** One forensic snapshot per attached volume, found by the incident's tags and the volume before it is taken. */
export async function snapshotVolumes(deps: Ec2ActivityDeps, rawInput: unknown): Promise<SnapshotVolumesSummary> {
  const { incidentId, deployment } = parseDisconnectInput(rawInput);
  const ec2 = deps.ec2For(deployment.region);
  const key: ContainmentKey = { incidentId, deploymentId: deployment.id, role: 'forensic-snapshot' };
  const { instances } = await describeDeploymentInstances(ec2, deployment);
  const existing = new Map<string, string>();
  for (const snapshot of await findSnapshots(ec2, key)) {
    if (snapshot.VolumeId && !existing.has(snapshot.VolumeId)) existing.set(snapshot.VolumeId, snapshot.SnapshotId!);
  }

  const volumes = instances.flatMap((instance) => attachedVolumes(instance).map((v) => ({ ...v, instanceId: instance.InstanceId! })));
  // Each volume is looked up (above) before its snapshot is taken, and no two lanes share a volume.
  const snapshots = await inParallel(volumes, EC2_CALLS_IN_FLIGHT, async ({ volumeId, deviceName, instanceId }) => {
    const found = existing.get(volumeId);
    if (found) return { volumeId, instanceId, snapshotId: found, created: false };
    const name = `firebreak-${incidentId}-${volumeId}`;
    const taken = await ec2.send(
      new CreateSnapshotCommand({
        VolumeId: volumeId,
        Description: `Forensic snapshot for incident ${incidentId}: ${instanceId} ${deviceName}`,
        TagSpecifications: containmentTagSpec('snapshot', key, name),
      }),
    );
    if (!taken.SnapshotId) throw new Error(`CreateSnapshot for ${volumeId} returned no SnapshotId`);
    return { volumeId, instanceId, snapshotId: taken.SnapshotId, created: true };
  });
  return { snapshots };
}
