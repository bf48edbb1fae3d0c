import {
  AllocateAddressCommand,
  AssociateAddressCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DescribeImagesCommand,
  type EC2Client,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { type FirebreakDb, upsertCustomer, upsertDeployment } from '@firebreak/db';
import { type Deployment, TAG } from '@firebreak/domain';

export interface LargeDeploymentSpec {
  name: string;
  /** Second octet of the VPC's 10.x.0.0/16, so several deployments never overlap. */
  octet: number;
  subnets: number;
  instancesPerSubnet: number;
  /** Elastic IPs per subnet, on the first instances of each. */
  elasticIpsPerSubnet: number;
}

export interface LargeDeployment {
  deployment: Deployment;
  allocationIds: string[];
  instanceIds: string[];
}

/** A deployment of many instances across subnets, straight into moto (not through the throttling proxy). */
export async function seedLargeDeployment(ec2: EC2Client, db: FirebreakDb, spec: LargeDeploymentSpec): Promise<LargeDeployment> {
  const image = (
    await ec2.send(new DescribeImagesCommand({ Owners: ['amazon'], Filters: [{ Name: 'name', Values: ['amzn2-ami-hvm-*-x86_64-gp2'] }] }))
  ).Images?.[0];
  if (!image?.ImageId) throw new Error('moto offers no Amazon Linux 2 image');
  const vpc = await ec2.send(new CreateVpcCommand({ CidrBlock: `10.${spec.octet}.0.0/16` }));
  const vpcId = vpc.Vpc!.VpcId!;
  const subnetIds: string[] = [];
  const instanceIds: string[] = [];
  const allocationIds: string[] = [];
  for (let s = 0; s < spec.subnets; s++) {
    const subnet = await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: `10.${spec.octet}.${s}.0/24` }));
    const subnetId = subnet.Subnet!.SubnetId!;
    subnetIds.push(subnetId);
    const run = await ec2.send(
      new RunInstancesCommand({
        ImageId: image.ImageId,
        InstanceType: 't3.micro',
        MinCount: spec.instancesPerSubnet,
        MaxCount: spec.instancesPerSubnet,
        SubnetId: subnetId,
        TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: TAG.deployment, Value: spec.name }] }],
      }),
    );
    const ids = (run.Instances ?? []).map((i) => i.InstanceId!);
    instanceIds.push(...ids);
    for (const instanceId of ids.slice(0, spec.elasticIpsPerSubnet)) {
      const address = await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }));
      await ec2.send(new AssociateAddressCommand({ AllocationId: address.AllocationId!, InstanceId: instanceId }));
      allocationIds.push(address.AllocationId!);
    }
  }
  const customerId = `${spec.name}-owner`;
  await upsertCustomer(db, {
    id: customerId,
    name: `Owner of ${spec.name}`,
    tenancy: 'single',
    contacts: [{ id: `${customerId}-tech`, name: 'Bench Tech', email: `tech@${spec.name}.example`, role: 'designated-technical' }],
  });
  const deployment: Deployment = {
    id: spec.name,
    name: `Benchmark ${spec.name}`,
    tenancy: 'single',
    customerIds: [customerId],
    region: 'us-east-1',
    vpcId,
    subnetIds,
    applicationKind: 'files',
    instanceTag: spec.name,
    allowListedSources: [],
  };
  await upsertDeployment(db, deployment);
  return { deployment, allocationIds, instanceIds };
}
