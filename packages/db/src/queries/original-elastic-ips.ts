import type { FirebreakDb } from '../open-database';

export interface OriginalElasticIp {
  allocationId: string;
  associationId: string;
  publicIp: string;
  instanceId: string | null;
  networkInterfaceId: string | null;
  privateIpAddress: string | null;
}

/**
 * Records the association of each Elastic IP as it was before Firebreak detached it, and returns every association
 * recorded for the deployment, sorted by allocation. The first record wins: a retry after an earlier attempt detached
 * an address no longer sees it associated, and must never replace the original that restore needs.
 */
export async function recordOriginalElasticIpsOnce(
  db: FirebreakDb,
  input: { incidentId: string; deploymentId: string; addresses: readonly OriginalElasticIp[]; at: string },
): Promise<OriginalElasticIp[]> {
  if (input.addresses.length > 0) {
    await db
      .insertInto('original_elastic_ips')
      .values(
        input.addresses.map((a) => ({
          incident_id: input.incidentId,
          deployment_id: input.deploymentId,
          allocation_id: a.allocationId,
          association_id: a.associationId,
          public_ip: a.publicIp,
          instance_id: a.instanceId,
          network_interface_id: a.networkInterfaceId,
          private_ip_address: a.privateIpAddress,
          recorded_at: input.at,
        })),
      )
      .onConflict((oc) => oc.columns(['incident_id', 'deployment_id', 'allocation_id']).doNothing())
      .execute();
  }
  return findOriginalElasticIps(db, input.incidentId, input.deploymentId);
}

/** The recorded original associations of a deployment's Elastic IPs, sorted by allocation. */
export async function findOriginalElasticIps(db: FirebreakDb, incidentId: string, deploymentId: string): Promise<OriginalElasticIp[]> {
  const rows = await db
    .selectFrom('original_elastic_ips')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .where('deployment_id', '=', deploymentId)
    .orderBy('allocation_id')
    .execute();
  return rows.map((r) => ({
    allocationId: r.allocation_id,
    associationId: r.association_id,
    publicIp: r.public_ip,
    instanceId: r.instance_id,
    networkInterfaceId: r.network_interface_id,
    privateIpAddress: r.private_ip_address,
  }));
}
