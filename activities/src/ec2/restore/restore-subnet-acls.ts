import { ReplaceNetworkAclAssociationCommand } from '@aws-sdk/client-ec2';

import { describeSubnetAcls } from '../disconnect/describe-subnet-acls';
import { EC2_CALLS_IN_FLIGHT, inParallel } from '../rate-limit/in-parallel';
import type { Ec2ActivityDeps } from '../shared/ec2-activity-deps';
import { restoreContext } from './restore-input';

export interface RestoreSubnetAclsSummary {
  /** Subnets moved back onto the network ACL they were on before the incident. */
  restored: { subnetId: string; networkAclId: string }[];
}

/**
 * Moves each subnet back onto its original network ACL, which opens the deployment to traffic again: it runs after
 * the groups and addresses are back. The deny ACL itself stays, unassociated and tagged, for the record.
 */
export async function restoreSubnetAcls(deps: Ec2ActivityDeps, rawInput: unknown): Promise<RestoreSubnetAclsSummary> {
  const { ec2, state } = await restoreContext(deps, rawInput);
  const current = await describeSubnetAcls(
    ec2,
    state.subnets.map((s) => s.subnetId),
  );
  const restored: RestoreSubnetAclsSummary['restored'] = [];
  await inParallel(state.subnets, EC2_CALLS_IN_FLIGHT, async (original) => {
    const now = current.find((c) => c.subnetId === original.subnetId);
    if (!now || now.networkAclId === original.networkAclId) return;
    await ec2.send(new ReplaceNetworkAclAssociationCommand({ AssociationId: now.associationId, NetworkAclId: original.networkAclId }));
    restored.push({ subnetId: original.subnetId, networkAclId: original.networkAclId });
  });
  return { restored: restored.sort((a, b) => a.subnetId.localeCompare(b.subnetId)) };
}
