import type { DisconnectInput } from '../disconnect/disconnect-input';
import type { Ec2ActivityDeps } from '../shared/ec2-activity-deps';
import { compareWithPreChangeState } from './compare-with-pre-change-state';
import { restoreFleetAttachments } from './restore-fleet-attachments';
import { restoreInstanceProtection } from './restore-instance-protection';
import { restoreInterfaceGroups } from './restore-interface-groups';
import { restorePublicAddresses } from './restore-public-addresses';
import { restoreSubnetAcls } from './restore-subnet-acls';

/**
 * The EC2 side of "restore after a false positive", in the order the workflow runs them: instance settings, interface
 * groups, public addresses, subnet ACLs (which open the deployment again), load balancer targets and Auto Scaling,
 * then a comparison with the recorded pre-change state. Each takes { incidentId, deployment } and is safe to run again.
 */
export function createRestoreActivities(deps: Ec2ActivityDeps) {
  return {
    restoreInstanceProtection: (input: DisconnectInput) => restoreInstanceProtection(deps, input),
    restoreInterfaceGroups: (input: DisconnectInput) => restoreInterfaceGroups(deps, input),
    restorePublicAddresses: (input: DisconnectInput) => restorePublicAddresses(deps, input),
    restoreSubnetAcls: (input: DisconnectInput) => restoreSubnetAcls(deps, input),
    restoreFleetAttachments: (input: DisconnectInput) => restoreFleetAttachments(deps, input),
    compareWithPreChangeState: (input: DisconnectInput) => compareWithPreChangeState(deps, input),
  };
}

export type RestoreActivities = ReturnType<typeof createRestoreActivities>;
