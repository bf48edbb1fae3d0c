import {
  AssociateRouteTableCommand,
  AttachInternetGatewayCommand,
  CreateInternetGatewayCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DescribeInternetGatewaysCommand,
  DescribeRouteTablesCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  type EC2Client,
  ModifySubnetAttributeCommand,
} from '@aws-sdk/client-ec2';

import type { DemoDeploymentSpec } from './demo-directory';
import { demoFilters, demoTags, demoTagSpec } from './demo-tags';

export interface DemoNetwork {
  vpcId: string;
  subnetIds: string[];
}

/** VPC, internet gateway, public subnets and their route table; each found by tag before it is created. */
export async function ensureNetwork(ec2: EC2Client, spec: DemoDeploymentSpec, region: string): Promise<DemoNetwork> {
  const vpcId = await ensureVpc(ec2, spec);
  const igwId = await ensureInternetGateway(ec2, spec, vpcId);
  const subnetIds: string[] = [];
  for (const [index, subnet] of spec.subnets.entries()) {
    subnetIds.push(await ensureSubnet(ec2, spec, vpcId, index, subnet.cidr, `${region}${subnet.availabilityZoneSuffix}`));
  }
  await ensurePublicRouteTable(ec2, spec, vpcId, igwId, subnetIds);
  return { vpcId, subnetIds };
}

async function ensureVpc(ec2: EC2Client, spec: DemoDeploymentSpec): Promise<string> {
  const found = await ec2.send(new DescribeVpcsCommand({ Filters: demoFilters(spec.id, 'vpc') }));
  const existing = found.Vpcs?.[0]?.VpcId;
  if (existing) return existing;
  const created = await ec2.send(
    new CreateVpcCommand({
      CidrBlock: spec.vpcCidr,
      TagSpecifications: demoTagSpec('vpc', demoTags(spec.id, 'vpc', spec.id)),
    }),
  );
  return required(created.Vpc?.VpcId, 'CreateVpc returned no VpcId');
}

async function ensureInternetGateway(ec2: EC2Client, spec: DemoDeploymentSpec, vpcId: string): Promise<string> {
  const found = await ec2.send(new DescribeInternetGatewaysCommand({ Filters: demoFilters(spec.id, 'internet-gateway') }));
  let gateway = found.InternetGateways?.[0];
  if (!gateway) {
    const created = await ec2.send(
      new CreateInternetGatewayCommand({
        TagSpecifications: demoTagSpec('internet-gateway', demoTags(spec.id, 'internet-gateway', `${spec.id}-igw`)),
      }),
    );
    gateway = created.InternetGateway;
  }
  const igwId = required(gateway?.InternetGatewayId, 'CreateInternetGateway returned no id');
  if (!gateway?.Attachments?.some((a) => a.VpcId === vpcId)) {
    await ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: igwId, VpcId: vpcId }));
  }
  return igwId;
}

async function ensureSubnet(
  ec2: EC2Client,
  spec: DemoDeploymentSpec,
  vpcId: string,
  index: number,
  cidr: string,
  availabilityZone: string,
): Promise<string> {
  const role = `public-subnet-${index + 1}`;
  const found = await ec2.send(new DescribeSubnetsCommand({ Filters: demoFilters(spec.id, role) }));
  let subnetId = found.Subnets?.[0]?.SubnetId;
  if (!subnetId) {
    const created = await ec2.send(
      new CreateSubnetCommand({
        VpcId: vpcId,
        CidrBlock: cidr,
        AvailabilityZone: availabilityZone,
        TagSpecifications: demoTagSpec('subnet', demoTags(spec.id, role, `${spec.id}-${role}`)),
      }),
    );
    subnetId = required(created.Subnet?.SubnetId, 'CreateSubnet returned no SubnetId');
  }
  // The public address of an instance is its Elastic IP, which disconnect can take away; an auto-assigned one could not be.
  await ec2.send(new ModifySubnetAttributeCommand({ SubnetId: subnetId, MapPublicIpOnLaunch: { Value: false } }));
  return subnetId;
}

async function ensurePublicRouteTable(
  ec2: EC2Client,
  spec: DemoDeploymentSpec,
  vpcId: string,
  igwId: string,
  subnetIds: string[],
): Promise<void> {
  const found = await ec2.send(new DescribeRouteTablesCommand({ Filters: demoFilters(spec.id, 'public-route-table') }));
  let table = found.RouteTables?.[0];
  if (!table) {
    const created = await ec2.send(
      new CreateRouteTableCommand({
        VpcId: vpcId,
        TagSpecifications: demoTagSpec('route-table', demoTags(spec.id, 'public-route-table', `${spec.id}-public`)),
      }),
    );
    table = created.RouteTable;
  }
  const routeTableId = required(table?.RouteTableId, 'CreateRouteTable returned no id');
  if (!table?.Routes?.some((r) => r.DestinationCidrBlock === '0.0.0.0/0' && r.GatewayId === igwId)) {
    await ec2.send(new CreateRouteCommand({ RouteTableId: routeTableId, DestinationCidrBlock: '0.0.0.0/0', GatewayId: igwId }));
  }
  const associated = new Set(table?.Associations?.map((a) => a.SubnetId));
  for (const subnetId of subnetIds) {
    if (!associated.has(subnetId)) {
      await ec2.send(new AssociateRouteTableCommand({ RouteTableId: routeTableId, SubnetId: subnetId }));
    }
  }
}

export function required<T>(value: T | undefined | null, message: string): T {
  if (value === undefined || value === null) throw new Error(message);
  return value;
}
