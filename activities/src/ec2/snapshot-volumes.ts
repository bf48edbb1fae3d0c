import { CreateSnapshotCommand } from '@aws-sdk/client-ec2';
import { attachedVolumes, describeDeploymentInstances } from './describe-deployment-instances';
import { parseDisconnectInput } from './disconnect-input';
import type { Ec2ActivityDeps } from './ec2-activity-deps';
import { findSnapshots } from './find-by-tag';
import { containmentTagSpec, type ContainmentKey } from './incident-tags';

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

  const summary: SnapshotVolumesSummary = { snapshots: [] };
  for (const instance of instances) {
    const instanceId = instance.InstanceId!;
    for (const { volumeId, deviceName } of attachedVolumes(instance)) {
      const found = existing.get(volumeId);
      if (found) {
        summary.snapshots.push({ volumeId, instanceId, snapshotId: found, created: false });
        continue;
      }
      const name = `firebreak-${incidentId}-${volumeId}`;
      const taken = await ec2.send(
        new CreateSnapshotCommand({
          VolumeId: volumeId,
          Description: `Forensic snapshot for incident ${incidentId}: ${instanceId} ${deviceName}`,
          TagSpecifications: containmentTagSpec('snapshot', key, name),
        }),
      );
      if (!taken.SnapshotId) throw new Error(`CreateSnapshot for ${volumeId} returned no SnapshotId`);
      summary.snapshots.push({ volumeId, instanceId, snapshotId: taken.SnapshotId, created: true });
    }
  }
  return summary;
}
