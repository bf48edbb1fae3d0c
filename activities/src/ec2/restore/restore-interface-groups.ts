import {
  DescribeNetworkInterfacesCommand,
  ModifyInstanceAttributeCommand,
  ModifyNetworkInterfaceAttributeCommand,
} from '@aws-sdk/client-ec2';

import { EC2_CALLS_IN_FLIGHT, inParallel } from '../rate-limit/in-parallel';
import { chunk, FILTER_VALUES_MAX } from '../shared/aws-errors';
import { groupIds } from '../shared/describe-deployment-instances';
import type { Ec2ActivityDeps } from '../shared/ec2-activity-deps';
import { restoreContext } from './restore-input';

export interface RestoreInterfaceGroupsSummary {
  /** Interfaces put back on their original groups by this call. */
  restored: string[];
}

/**
 * Puts every interface of the deployment back on the security groups it had before the incident. An instance with a
 * single interface gets the same groups at the instance level too (the emulator reports an interface's groups as the
 * union of both, and the disconnect set both). Interfaces already on their groups are left alone.
 */
export async function restoreInterfaceGroups(deps: Ec2ActivityDeps, rawInput: unknown): Promise<RestoreInterfaceGroupsSummary> {
  const { ec2, state } = await restoreContext(deps, rawInput);
  const ids = state.networkInterfaces.map((eni) => eni.networkInterfaceId);
  const current = new Map<string, string[]>();
  for (const batch of chunk(ids, FILTER_VALUES_MAX)) {
    const found = await ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'network-interface-id', Values: batch }] }));
    for (const eni of found.NetworkInterfaces ?? []) current.set(eni.NetworkInterfaceId!, groupIds(eni.Groups));
  }
  const interfacesOf = (instanceId: string | null) => state.networkInterfaces.filter((eni) => eni.instanceId === instanceId).length;
  const restored: string[] = [];
  await inParallel(state.networkInterfaces, EC2_CALLS_IN_FLIGHT, async (eni) => {
    const now = current.get(eni.networkInterfaceId);
    if (!now || sameGroups(now, eni.securityGroupIds)) return;
    await ec2.send(
      new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: eni.networkInterfaceId, Groups: eni.securityGroupIds }),
    );
    if (eni.instanceId && interfacesOf(eni.instanceId) === 1) {
      await ec2.send(new ModifyInstanceAttributeCommand({ InstanceId: eni.instanceId, Groups: eni.securityGroupIds }));
    }
    restored.push(eni.networkInterfaceId);
  });
  return { restored: restored.sort() };
}

function sameGroups(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().every((id, i) => id === [...b].sort()[i]);
}
