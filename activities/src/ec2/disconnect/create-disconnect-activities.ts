import type { Ec2ActivityDeps } from '../shared/ec2-activity-deps';
import { captureDeploymentState } from './capture-deployment-state';
import { checkIsolation } from './check-isolation';
import { denyDirectorySubnetTraffic } from './deny-directory-subnet-traffic';
import { denySubnetTraffic } from './deny-subnet-traffic';
import { deregisterTargets } from './deregister-targets';
import type { DisconnectInput } from './disconnect-input';
import { isolateNetworkInterfaces } from './isolate-network-interfaces';
import { protectInstances } from './protect-instances';
import { releaseDeploymentAddresses } from './release-deployment-addresses';
import { releasePublicAddresses } from './release-public-addresses';
import { removeAutoAssignedAddresses } from './remove-auto-assigned-addresses';
import { snapshotVolumes } from './snapshot-volumes';
import { suspendAutoScaling } from './suspend-auto-scaling';
import { tagContainedResources } from './tag-contained-resources';

/**
 * The EC2 side of "disconnect", in the order the workflow runs them: the directory's subnets onto the deny ACL
 * (their original ACLs recorded first), the deployment's Elastic IPs detached (their associations recorded first),
 * the rest of the pre-change state, the subnets the directory missed, Auto Scaling and load balancers, the
 * auto-assigned addresses, then the
 * per-instance work (O(instances)), then an independent check that reports what remains.
 * Each takes { incidentId, deployment } and is safe to run again.
 */
export function createDisconnectActivities(deps: Ec2ActivityDeps) {
  return {
    denyDirectorySubnetTraffic: (input: DisconnectInput) => denyDirectorySubnetTraffic(deps, input),
    releaseDeploymentAddresses: (input: DisconnectInput) => releaseDeploymentAddresses(deps, input),
    captureDeploymentState: (input: DisconnectInput) => captureDeploymentState(deps, input),
    denySubnetTraffic: (input: DisconnectInput) => denySubnetTraffic(deps, input),
    protectInstances: (input: DisconnectInput) => protectInstances(deps, input),
    suspendAutoScaling: (input: DisconnectInput) => suspendAutoScaling(deps, input),
    deregisterTargets: (input: DisconnectInput) => deregisterTargets(deps, input),
    removeAutoAssignedAddresses: (input: DisconnectInput) => removeAutoAssignedAddresses(deps, input),
    releasePublicAddresses: (input: DisconnectInput) => releasePublicAddresses(deps, input),
    isolateNetworkInterfaces: (input: DisconnectInput) => isolateNetworkInterfaces(deps, input),
    snapshotVolumes: (input: DisconnectInput) => snapshotVolumes(deps, input),
    tagContainedResources: (input: DisconnectInput) => tagContainedResources(deps, input),
    checkIsolation: (input: DisconnectInput) => checkIsolation(deps, input),
  };
}

export type DisconnectActivities = ReturnType<typeof createDisconnectActivities>;
