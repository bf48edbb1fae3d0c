import type { Deployment } from '@firebreak/domain';

import { ec2 } from '../support/activity-proxies';
import { JournalQueue } from '../support/incident-journal';

export interface DisconnectDeploymentInput {
  incidentId: string;
  deployment: Deployment;
}

export interface DisconnectDeploymentResult {
  deploymentId: string;
  instancesIsolated: number;
  addressesReleased: number;
  networkAclId: string;
  isolationGroupId: string;
}

/**
 * Cuts one deployment off the public internet, following AWS's containment practice. The public path goes before
 * anything slow: the directory's subnets onto the deny ACL first (it cuts tracked connections at once, for O(subnets)
 * calls; their original ACLs recorded by that step, right before the change), then the deployment's Elastic IPs, found
 * without listing the deployment (their associations recorded first), then the rest of the pre-change state and any
 * subnet the directory missed, any address the early release missed, the per-interface isolation, and only then the
 * slow per-instance protection; verification re-reads EC2. Every activity is a desired-state change, so a replay after
 * a crash converges on the same end state. Timeline writes run alongside the next EC2 step, in order, and are all done
 * before the result is returned.
 */
export async function disconnectDeployment(input: DisconnectDeploymentInput): Promise<DisconnectDeploymentResult> {
  const { deployment } = input;
  const on = { deploymentId: deployment.id };
  const journal = new JournalQueue(input.incidentId);
  const change = (summary: string, details: object) => journal.add('ec2-change', summary, { ...on, ...details });
  try {
    const directoryAcl = await ec2.denyDirectorySubnetTraffic(input);
    change(`Denied all traffic on the directory's subnets of ${deployment.name} (their original ACLs recorded first)`, directoryAcl);

    const detached = await ec2.releaseDeploymentAddresses(input);
    change(`Released the public addresses of ${deployment.name} (their associations recorded first)`, detached);

    const captured = await ec2.captureDeploymentState(input);
    change(`Recorded the pre-change state of ${deployment.name}`, captured);

    const acl = await ec2.denySubnetTraffic(input);
    change(`Denied all traffic on the subnets of ${deployment.name}`, acl);

    // The safety net: any address the early release missed (associated since, or on an instance it did not see).
    const released = await ec2.releasePublicAddresses(input);
    change(`Released the remaining public addresses of ${deployment.name}`, released);

    const isolated = await ec2.isolateNetworkInterfaces(input);
    change(`Moved every interface of ${deployment.name} to the isolation group`, isolated);

    const protection = await ec2.protectInstances(input);
    change(`Protected instances and volumes of ${deployment.name} from termination`, protection);

    const snapshots = await ec2.snapshotVolumes(input);
    change(`Took forensic snapshots of ${deployment.name}`, snapshots);

    const tagged = await ec2.tagContainedResources(input);
    change(`Tagged the contained resources of ${deployment.name}`, tagged);

    const evidence = await ec2.verifyIsolation(input);
    change(`Verified: no public path remains to ${deployment.name}`, evidence);

    return {
      deploymentId: deployment.id,
      instancesIsolated: captured.instances,
      addressesReleased: captured.elasticIps.length,
      networkAclId: acl.networkAclId,
      isolationGroupId: isolated.isolationGroupId,
    };
  } finally {
    // A failing step still leaves every change made so far on the timeline.
    await journal.drain();
  }
}
