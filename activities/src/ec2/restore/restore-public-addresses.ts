import {
  AssociateAddressCommand,
  DescribeAddressesCommand,
  DescribeNetworkInterfacesCommand,
  ModifyNetworkInterfaceAttributeCommand,
} from '@aws-sdk/client-ec2';

import { EC2_CALLS_IN_FLIGHT, inParallel } from '../rate-limit/in-parallel';
import { chunk, FILTER_VALUES_MAX } from '../shared/aws-errors';
import type { Ec2ActivityDeps } from '../shared/ec2-activity-deps';
import { restoreContext } from './restore-input';

export interface RestorePublicAddressesSummary {
  /** Elastic IPs associated again with the interface and private address they had. */
  reassociated: string[];
  /** Primary interfaces asked for an auto-assigned public IPv4 address again (AWS gives a new one). */
  autoAssignRequested: string[];
  /** Elastic IPs that something else holds now: not taken from it, for on-call to decide. */
  heldElsewhere: { publicIp: string; holder: string }[];
}

/**
 * Associates each recorded Elastic IP with the interface and private address it was on (never taking one that
 * something else holds now), and asks again for the auto-assigned public IPv4 address of each primary interface that
 * had one (AWS assigns a new address: the old one went back to its pool). Already-restored addresses are skipped.
 */
export async function restorePublicAddresses(deps: Ec2ActivityDeps, rawInput: unknown): Promise<RestorePublicAddressesSummary> {
  const { ec2, state } = await restoreContext(deps, rawInput);
  const summary: RestorePublicAddressesSummary = { reassociated: [], autoAssignRequested: [], heldElsewhere: [] };
  const allocationIds = state.elasticIps.map((e) => e.allocationId);
  const addresses =
    allocationIds.length > 0 ? ((await ec2.send(new DescribeAddressesCommand({ AllocationIds: allocationIds }))).Addresses ?? []) : [];
  await inParallel(state.elasticIps, EC2_CALLS_IN_FLIGHT, async (recorded) => {
    const now = addresses.find((a) => a.AllocationId === recorded.allocationId);
    if (now?.AssociationId) {
      const holder = now.NetworkInterfaceId ?? now.InstanceId ?? 'another resource';
      if (holder !== (recorded.networkInterfaceId ?? recorded.instanceId))
        summary.heldElsewhere.push({ publicIp: recorded.publicIp, holder });
      return;
    }
    // On an instance's primary interface the address goes back through the instance (the same association on AWS;
    // the emulator reports the instance only when it is named), elsewhere through the interface it was on.
    const primary = state.networkInterfaces.find((eni) => eni.networkInterfaceId === recorded.networkInterfaceId)?.deviceIndex === 0;
    const target =
      recorded.instanceId && (primary || !recorded.networkInterfaceId)
        ? { InstanceId: recorded.instanceId }
        : { NetworkInterfaceId: recorded.networkInterfaceId! };
    await ec2.send(
      new AssociateAddressCommand({
        AllocationId: recorded.allocationId,
        AllowReassociation: false,
        ...target,
        ...(recorded.privateIpAddress ? { PrivateIpAddress: recorded.privateIpAddress } : {}),
      }),
    );
    summary.reassociated.push(recorded.publicIp);
  });

  const autoAssigned = state.networkInterfaces.filter((eni) => eni.autoAssignedPublicIp && eni.deviceIndex === 0);
  const publicNow = new Map<string, string | undefined>();
  for (const batch of chunk(
    autoAssigned.map((eni) => eni.networkInterfaceId),
    FILTER_VALUES_MAX,
  )) {
    const found = await ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'network-interface-id', Values: batch }] }));
    for (const eni of found.NetworkInterfaces ?? []) publicNow.set(eni.NetworkInterfaceId!, eni.Association?.PublicIp);
  }
  await inParallel(autoAssigned, EC2_CALLS_IN_FLIGHT, async (eni) => {
    if (!publicNow.has(eni.networkInterfaceId) || publicNow.get(eni.networkInterfaceId)) return;
    await ec2.send(
      new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: eni.networkInterfaceId, AssociatePublicIpAddress: true }),
    );
    summary.autoAssignRequested.push(eni.networkInterfaceId);
  });
  summary.reassociated.sort();
  summary.autoAssignRequested.sort();
  return summary;
}
