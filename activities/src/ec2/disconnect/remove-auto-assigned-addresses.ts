import { ModifyNetworkInterfaceAttributeCommand } from '@aws-sdk/client-ec2';
import { findPreChangeState } from '@firebreak/db';

import { EC2_CALLS_IN_FLIGHT, inParallel } from '../rate-limit/in-parallel';
import { isAwsError } from '../shared/aws-errors';
import { autoAssignedPublicIpOf, describeDeploymentInstances } from '../shared/describe-deployment-instances';
import type { Ec2ActivityDeps } from '../shared/ec2-activity-deps';
import { PreChangeState } from '../shared/pre-change-state';
import { parseDisconnectInput } from './disconnect-input';

export interface RemoveAutoAssignedAddressesSummary {
  /** Primary interfaces asked to give up the public IPv4 address AWS assigned them at launch. */
  requested: { networkInterfaceId: string; instanceId: string | null; publicIp: string }[];
}

/**
 * Takes away each auto-assigned public IPv4 address (`ModifyNetworkInterfaceAttribute AssociatePublicIpAddress=false`
 * on the primary interface that has one). Unlike an Elastic IP it has no allocation to keep: once gone, AWS gives the
 * interface a different address if restore asks for one again, so the address is in the pre-change state first.
 * Asking again for an interface whose address is already gone changes nothing, so a retry repeats the calls.
 * The interfaces come from that record (taken seconds before), not from another listing of the deployment.
 */
export async function removeAutoAssignedAddresses(deps: Ec2ActivityDeps, rawInput: unknown): Promise<RemoveAutoAssignedAddressesSummary> {
  const { incidentId, deployment } = parseDisconnectInput(rawInput);
  const ec2 = deps.ec2For(deployment.region);
  const stored = await findPreChangeState(deps.db, incidentId, deployment.id);
  const targets = stored
    ? PreChangeState.parse(stored.state).networkInterfaces.flatMap((eni) =>
        eni.autoAssignedPublicIp && eni.deviceIndex === 0
          ? [{ networkInterfaceId: eni.networkInterfaceId, instanceId: eni.instanceId, publicIp: eni.autoAssignedPublicIp }]
          : [],
      )
    : (await describeDeploymentInstances(ec2, deployment)).interfaces.flatMap((eni) => {
        const publicIp = autoAssignedPublicIpOf(eni);
        return publicIp && eni.Attachment?.DeviceIndex === 0
          ? [{ networkInterfaceId: eni.NetworkInterfaceId!, instanceId: eni.Attachment.InstanceId ?? null, publicIp }]
          : [];
      });

  const requested: RemoveAutoAssignedAddressesSummary['requested'] = [];
  await inParallel(targets, EC2_CALLS_IN_FLIGHT, async (target) => {
    try {
      await ec2.send(
        new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: target.networkInterfaceId, AssociatePublicIpAddress: false }),
      );
    } catch (error) {
      // The instance was terminated since the record: nothing left to take the address from.
      if (isAwsError(error, 'InvalidNetworkInterfaceID.NotFound')) return;
      throw error;
    }
    requested.push(target);
  });
  return { requested: requested.sort((a, b) => a.networkInterfaceId.localeCompare(b.networkInterfaceId)) };
}
