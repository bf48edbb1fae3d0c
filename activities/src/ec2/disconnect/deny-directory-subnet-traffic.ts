import { recordOriginalSubnetAclsOnce } from '@firebreak/db';

import type { Ec2ActivityDeps } from '../shared/ec2-activity-deps';
import { type DenySubnetTrafficSummary, ensureDenyAllAcl, moveSubnetsOntoAcl } from './deny-subnet-traffic';
import { describeSubnetAcls } from './describe-subnet-acls';
import { parseDisconnectInput } from './disconnect-input';

/**
 * The first change of a disconnect: the subnets the directory names go onto the deny-all ACL before anything else is
 * read. It needs no instance listing (the slow read on a large deployment), only the subnets' current ACLs, which it
 * records first (first record wins) so the pre-change capture that follows still knows what restore must put back.
 * Subnets the directory missed are found by that capture and denied by denySubnetTraffic right after it.
 */
export async function denyDirectorySubnetTraffic(deps: Ec2ActivityDeps, rawInput: unknown): Promise<DenySubnetTrafficSummary> {
  const { incidentId, deployment } = parseDisconnectInput(rawInput);
  const ec2 = deps.ec2For(deployment.region);
  const [networkAclId, current] = await Promise.all([
    ensureDenyAllAcl(ec2, { incidentId, deploymentId: deployment.id, role: 'deny-all' }, deployment.vpcId),
    describeSubnetAcls(ec2, deployment.subnetIds),
  ]);
  // A retry after some subnets moved reads the deny ACL for them: recorded as original it would lock them out on
  // restore, and the earlier attempt's record of them is kept anyway.
  await recordOriginalSubnetAclsOnce(deps.db, {
    incidentId,
    deploymentId: deployment.id,
    associations: current.filter((a) => a.networkAclId !== networkAclId),
    at: new Date().toISOString(),
  });
  return moveSubnetsOntoAcl(ec2, networkAclId, deployment.subnetIds, current);
}
