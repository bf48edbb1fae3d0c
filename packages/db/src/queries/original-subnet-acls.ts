import type { FirebreakDb } from '../open-database';

export interface OriginalSubnetAcl {
  subnetId: string;
  networkAclId: string;
  associationId: string;
}

/**
 * Records the ACL association of each subnet as it was before Firebreak changed it, and returns every association
 * recorded for the deployment, sorted by subnet. The first record wins: a retry that runs after an earlier attempt
 * moved a subnet onto the deny ACL reads the deny ACL from EC2, and must never replace the original restore needs.
 */
export async function recordOriginalSubnetAclsOnce(
  db: FirebreakDb,
  input: { incidentId: string; deploymentId: string; associations: readonly OriginalSubnetAcl[]; at: string },
): Promise<OriginalSubnetAcl[]> {
  if (input.associations.length > 0) {
    await db
      .insertInto('original_subnet_acls')
      .values(
        input.associations.map((a) => ({
          incident_id: input.incidentId,
          deployment_id: input.deploymentId,
          subnet_id: a.subnetId,
          network_acl_id: a.networkAclId,
          association_id: a.associationId,
          recorded_at: input.at,
        })),
      )
      .onConflict((oc) => oc.columns(['incident_id', 'deployment_id', 'subnet_id']).doNothing())
      .execute();
  }
  return findOriginalSubnetAcls(db, input.incidentId, input.deploymentId);
}

/** The recorded original ACL associations of a deployment's subnets, sorted by subnet. */
export async function findOriginalSubnetAcls(db: FirebreakDb, incidentId: string, deploymentId: string): Promise<OriginalSubnetAcl[]> {
  const rows = await db
    .selectFrom('original_subnet_acls')
    .select(['subnet_id', 'network_acl_id', 'association_id'])
    .where('incident_id', '=', incidentId)
    .where('deployment_id', '=', deploymentId)
    .orderBy('subnet_id')
    .execute();
  return rows.map((r) => ({ subnetId: r.subnet_id, networkAclId: r.network_acl_id, associationId: r.association_id }));
}
