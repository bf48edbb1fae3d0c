import type { IsolationReport, PreChangeStateSummary } from '@firebreak/activities';
import type { Deployment } from '@firebreak/domain';

import { ec2 } from '../support/activity-proxies';
import { describeFailure, JournalQueue } from '../support/incident-journal';

export interface DisconnectDeploymentInput {
  incidentId: string;
  deployment: Deployment;
}

export type UntaggedInterface = IsolationReport['evidence']['untaggedInterfaces'][number];

export interface DisconnectDeploymentResult {
  deploymentId: string;
  instancesIsolated: number;
  addressesReleased: number;
  networkAclId: string | null;
  isolationGroupId: string | null;
  /**
   * What still connects the deployment to the internet, one sentence each naming the instance, interface or address
   * (the final check's findings), and every step AWS refused; empty when the deployment is cut off.
   */
  remaining: string[];
  /** Interfaces in its subnets that no tagged instance owns: cut off by the subnet ACL only, for on-call to judge. */
  untaggedInterfaces: UntaggedInterface[];
}

/**
 * Cuts one deployment off the public internet, following AWS's containment practice. The public path goes before
 * anything slow: the directory's subnets onto the deny ACL first (it cuts tracked connections at once, for O(subnets)
 * calls; their original ACLs recorded by that step, right before the change), then the deployment's Elastic IPs, found
 * without listing the deployment (their associations recorded first), then the rest of the pre-change state and any
 * subnet the directory missed, Auto Scaling suspended and load balancer targets deregistered (before any instance is
 * touched), the auto-assigned addresses, any Elastic IP the early release missed, the
 * per-interface isolation, and only then the slow per-instance protection; a final check re-reads EC2.
 *
 * Every step is tried even when one before it failed for good (AWS refused it): a refused address release must not
 * leave the interfaces in their groups. The exception is what restore could not undo without a record: with no
 * pre-change state, interfaces keep their groups and addresses, and that is reported as remaining. The result says
 * what remains rather than failing, so the playbook can tell people and ask what to do. Every activity is a
 * desired-state change, so a replay after a crash, or a retry of the whole disconnect, converges on the same end state.
 * Timeline writes run alongside the next EC2 step, in order, and are all done before the result is returned.
 */
export async function disconnectDeployment(input: DisconnectDeploymentInput): Promise<DisconnectDeploymentResult> {
  const { deployment } = input;
  const on = { deploymentId: deployment.id };
  const journal = new JournalQueue(input.incidentId);
  const refused: string[] = [];
  /** Runs one EC2 step; a failure that outlived its retries is put on the timeline and in `refused`. */
  const attempt = async <T>(what: string, run: () => Promise<T>, done: (result: T) => string): Promise<T | undefined> => {
    try {
      const result = await run();
      journal.add('ec2-change', done(result), { ...on, ...(result as object) });
      return result;
    } catch (error) {
      const reason = describeFailure(error);
      refused.push(`could not ${what}: ${reason}`);
      journal.add('ec2-change', `Could not ${what} on ${deployment.name}: ${reason}`, { ...on, step: what, error: reason });
      return undefined;
    }
  };
  try {
    await attempt(
      "deny all traffic on the directory's subnets",
      () => ec2.denyDirectorySubnetTraffic(input),
      () => `Denied all traffic on the directory's subnets of ${deployment.name} (their original ACLs recorded first)`,
    );
    await attempt(
      'release the public addresses',
      () => ec2.releaseDeploymentAddresses(input),
      () => `Released the public addresses of ${deployment.name} (their associations recorded first)`,
    );
    const captured: PreChangeStateSummary | undefined = await attempt(
      'record the pre-change state',
      () => ec2.captureDeploymentState(input),
      (state) => describeCapture(deployment.name, state),
    );
    const acl = await attempt(
      'deny all traffic on the subnets',
      () => ec2.denySubnetTraffic(input),
      () => `Denied all traffic on the subnets of ${deployment.name}`,
    );
    if (captured) {
      // Before any instance is touched: a group would replace an isolated instance with a fresh, connected one.
      await attempt(
        'suspend Auto Scaling',
        () => ec2.suspendAutoScaling(input),
        (result) =>
          `Suspended launches, replacements, rebalancing and health checks on ${result.groups.length} Auto Scaling group(s) of ${deployment.name}`,
      );
      await attempt(
        'take the instances out of their load balancers',
        () => ec2.deregisterTargets(input),
        (result) => `Took the instances of ${deployment.name} out of ${result.targetGroups.length} load balancer target group(s)`,
      );
      await attempt(
        'remove the auto-assigned public addresses',
        () => ec2.removeAutoAssignedAddresses(input),
        (removed) => `Asked AWS to remove ${removed.requested.length} auto-assigned public address(es) of ${deployment.name}`,
      );
    }
    // The safety net: any address the early release missed (associated since, or on an instance it did not see).
    await attempt(
      'release the remaining public addresses',
      () => ec2.releasePublicAddresses(input),
      () => `Released the remaining public addresses of ${deployment.name}`,
    );
    const isolated = captured
      ? await attempt(
          'move the interfaces to the isolation group',
          () => ec2.isolateNetworkInterfaces(input),
          () => `Moved every interface of ${deployment.name} to the isolation group`,
        )
      : undefined;
    await attempt(
      'protect instances and volumes from termination',
      () => ec2.protectInstances(input),
      () => `Protected instances and volumes of ${deployment.name} from termination`,
    );
    await attempt(
      'take forensic snapshots',
      () => ec2.snapshotVolumes(input),
      () => `Took forensic snapshots of ${deployment.name}`,
    );
    await attempt(
      'tag the contained resources',
      () => ec2.tagContainedResources(input),
      () => `Tagged the contained resources of ${deployment.name}`,
    );
    const report = await attempt(
      'check what remains connected',
      () => ec2.checkIsolation(input),
      (checked) =>
        checked.clean
          ? `Verified: no public path remains to ${deployment.name}`
          : `Still connected: ${checked.problems.length} public path(s) remain to ${deployment.name}`,
    );

    return {
      deploymentId: deployment.id,
      instancesIsolated: captured?.instances ?? 0,
      addressesReleased: captured?.elasticIps.length ?? 0,
      networkAclId: acl?.networkAclId ?? report?.evidence.networkAclId ?? null,
      isolationGroupId: isolated?.isolationGroupId ?? report?.evidence.isolationGroupId ?? null,
      remaining: [...(report?.problems ?? []), ...refused],
      untaggedInterfaces: report?.evidence.untaggedInterfaces ?? [],
    };
  } finally {
    // Every change made, and every refusal, is on the timeline before the result is.
    await journal.drain();
  }
}

function describeCapture(name: string, state: PreChangeStateSummary): string {
  const untagged = state.untaggedInterfaces.map((eni) => `${eni.networkInterfaceId} (${eni.description ?? eni.owner ?? 'no description'})`);
  return (
    `Recorded the pre-change state of ${name}` +
    (untagged.length > 0 ? `; cut off by the subnet ACL only, owned by no tagged instance: ${untagged.join(', ')}` : '')
  );
}
