import type { Deployment } from '@firebreak/domain';

import { ec2, slowEc2 } from '../support/activity-proxies';
import { describeFailure, recordEvent } from '../support/incident-journal';

export interface RebuildInput {
  incidentId: string;
  deployment: Deployment;
  purpose: 'backup' | 'recreate';
}

export interface CleanEnvironment {
  deploymentId: string;
  deploymentName: string;
  region: string;
  purpose: 'backup' | 'recreate';
  vpcId: string;
  subnetIds: string[];
  securityGroupId: string;
  instanceIds: string[];
  publicAddresses: string[];
}

/**
 * Builds a clean environment on new infrastructure: a new VPC and subnets, a firewall that denies by default and
 * allows only the documented flows, instances from the known-good image (IMDSv2 required, encrypted volumes), new
 * public addresses. If any step fails for good, everything built so far for it is removed (saga), so a failed
 * rebuild never leaves half an environment behind; the failure is then rethrown for the playbook to record.
 */
export async function rebuildCleanEnvironment(input: RebuildInput): Promise<CleanEnvironment> {
  const { incidentId, deployment, purpose } = input;
  const on = { deploymentId: deployment.id, purpose };
  try {
    const network = await ec2.createCleanNetwork(input);
    await recordEvent(incidentId, 'ec2-change', `Created a clean network for ${deployment.name}`, { ...on, ...network });
    const firewall = await ec2.createCleanFirewall(input);
    await recordEvent(incidentId, 'ec2-change', `Created the clean firewall for ${deployment.name}`, { ...on, ...firewall });
    const instances = await slowEc2.launchCleanInstances(input);
    await recordEvent(incidentId, 'ec2-change', `Launched clean instances for ${deployment.name}`, { ...on, ...instances });
    const addresses = await ec2.attachCleanAddresses(input);
    await recordEvent(incidentId, 'ec2-change', `Gave the clean instances of ${deployment.name} new public addresses`, {
      ...on,
      ...addresses,
    });
    return {
      deploymentId: deployment.id,
      deploymentName: deployment.name,
      region: deployment.region,
      purpose,
      vpcId: network.vpcId,
      subnetIds: network.subnetIds,
      securityGroupId: firewall.securityGroupId,
      instanceIds: instances.instanceIds,
      publicAddresses: addresses.addresses.map((a) => a.publicIp),
    };
  } catch (error) {
    await recordEvent(incidentId, 'ec2-change', `Rebuild of ${deployment.name} failed; removing what was built`, {
      ...on,
      error: describeFailure(error),
    });
    const removed = await slowEc2.removeCleanEnvironment(input);
    await recordEvent(incidentId, 'ec2-change', `Removed the partial clean environment of ${deployment.name}`, { ...on, ...removed });
    throw error;
  }
}
