import type { EC2Client } from '@aws-sdk/client-ec2';
import { type FirebreakDb, upsertCustomer, upsertDeployment } from '@firebreak/db';
import { Customer, Deployment } from '@firebreak/domain';

import { DEMO_CUSTOMERS, DEMO_DEPLOYMENTS, type DemoDeploymentSpec } from './demo-directory';
import { ensureAutoScalingGroup, ensureExtraInterfaces, ensureServiceInterfaces, ensureTargetGroup } from './ensure-estate-shapes';
import { elasticIpNodes, ensureElasticIps, ensureInstances, findTransferImage, type TransferImage } from './ensure-instances';
import { ensureNetwork } from './ensure-network';
import { ensureTransferSecurityGroup } from './ensure-security-group';

export interface SeedDemoFleetOptions {
  ec2: EC2Client;
  db: FirebreakDb;
  region: string;
}

export interface DemoFleet {
  deployments: Deployment[];
  customers: Customer[];
}

/**
 * Builds the sandbox's fleet in the EC2 API and writes its directory to the database. Every resource is found by
 * its tags before it is created, so running this again (every `npm start`) changes nothing.
 */
export async function seedDemoFleet({ ec2, db, region }: SeedDemoFleetOptions): Promise<DemoFleet> {
  const customers = DEMO_CUSTOMERS.map((customer) => Customer.parse(customer));
  for (const customer of customers) await upsertCustomer(db, customer);

  const image = await findTransferImage(ec2);
  const deployments: Deployment[] = [];
  for (const spec of DEMO_DEPLOYMENTS) {
    const deployment = await seedDeployment(ec2, spec, image, region);
    await upsertDeployment(db, deployment);
    deployments.push(deployment);
  }
  return { deployments, customers };
}

async function seedDeployment(ec2: EC2Client, spec: DemoDeploymentSpec, image: TransferImage, region: string): Promise<Deployment> {
  const network = await ensureNetwork(ec2, spec, region);
  const securityGroupId = await ensureTransferSecurityGroup(ec2, spec, network.vpcId);
  const instanceIds = await ensureInstances(ec2, spec, image, network.subnetIds, securityGroupId);
  await ensureElasticIps(ec2, spec, elasticIpNodes(spec, instanceIds));
  const [firstInstance, firstSubnet] = [instanceIds[0], network.subnetIds[0]];
  if (firstInstance && firstSubnet) {
    await ensureExtraInterfaces(ec2, spec, firstInstance, firstSubnet, securityGroupId);
    await ensureServiceInterfaces(ec2, spec, firstSubnet, securityGroupId);
  }
  const scaledIds = await ensureAutoScalingGroup(ec2, spec, image, network.subnetIds, securityGroupId);
  await ensureTargetGroup(ec2, spec, network.vpcId, [...instanceIds, ...scaledIds]);
  return Deployment.parse({
    id: spec.id,
    name: spec.name,
    tenancy: spec.tenancy,
    customerIds: spec.customerIds,
    region,
    vpcId: network.vpcId,
    subnetIds: network.subnetIds,
    applicationKind: spec.applicationKind,
    instanceTag: spec.id,
    // What a rebuild needs: the firewall's sources as the fleet already uses them, and the image it launched from.
    applicationHostCidr: spec.applicationHostCidr,
    allowListedSources: spec.sshAllowList,
    knownGoodImageId: image.imageId,
  });
}
