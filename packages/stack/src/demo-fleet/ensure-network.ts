import {
  AssociateRouteTableCommand,
  AssociateSubnetCidrBlockCommand,
  AssociateVpcCidrBlockCommand,
  AttachInternetGatewayCommand,
  CreateEgressOnlyInternetGatewayCommand,
  CreateInternetGatewayCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DescribeEgressOnlyInternetGatewaysCommand,
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

/**
 * VPC, internet gateway, public subnets and their route table; each found by tag before it is created. A dual-stack
 * deployment also gets an IPv6 block on the VPC and on each subnet, and an egress-only internet gateway for `::/0`.
 */
export async function ensureNetwork(ec2: EC2Client, spec: DemoDeploymentSpec, region: string): Promise<DemoNetwork> {
  const dualStack = spec.estate?.dualStack ?? false;
  const { vpcId, ipv6Block } = await ensureVpc(ec2, spec, dualStack);
  const igwId = await ensureInternetGateway(ec2, spec, vpcId);
  const subnetIds: string[] = [];
  for (const [index, subnet] of spec.subnets.entries()) {
    const ipv6Cidr = ipv6Block ? subnetIpv6Block(ipv6Block, index) : undefined;
    subnetIds.push(await ensureSubnet(ec2, spec, vpcId, index, subnet.cidr, `${region}${subnet.availabilityZoneSuffix}`, ipv6Cidr));
  }
  const eigwId = dualStack ? await ensureEgressOnlyGateway(ec2, spec, vpcId) : undefined;
  await ensurePublicRouteTable(ec2, spec, vpcId, igwId, subnetIds, eigwId);
  return { vpcId, subnetIds };
}

async function ensureVpc(ec2: EC2Client, spec: DemoDeploymentSpec, dualStack: boolean): Promise<{ vpcId: string; ipv6Block?: string }> {
  const found = await ec2.send(new DescribeVpcsCommand({ Filters: demoFilters(spec.id, 'vpc') }));
  let vpc = found.Vpcs?.[0];
  if (!vpc) {
    const created = await ec2.send(
      new CreateVpcCommand({
        CidrBlock: spec.vpcCidr,
        ...(dualStack ? { AmazonProvidedIpv6CidrBlock: true } : {}),
        TagSpecifications: demoTagSpec('vpc', demoTags(spec.id, 'vpc', spec.id)),
      }),
    );
    vpc = created.Vpc;
  }
  const vpcId = required(vpc?.VpcId, 'CreateVpc returned no VpcId');
  if (!dualStack) return { vpcId };
  let ipv6Block = vpc?.Ipv6CidrBlockAssociationSet?.find((b) => b.Ipv6CidrBlock)?.Ipv6CidrBlock;
  if (!ipv6Block) {
    const associated = await ec2.send(new AssociateVpcCidrBlockCommand({ VpcId: vpcId, AmazonProvidedIpv6CidrBlock: true }));
    ipv6Block = required(associated.Ipv6CidrBlockAssociation?.Ipv6CidrBlock, 'AssociateVpcCidrBlock returned no IPv6 block');
  }
  return { vpcId, ipv6Block };
}

/** The index-th /64 of a VPC's /56 IPv6 block (AWS gives VPCs a /56 and subnets a /64 of it). */
export function subnetIpv6Block(vpcBlock: string, index: number): string {
  const [prefix] = vpcBlock.split('::');
  const hextets = required(prefix, `not an IPv6 block: ${vpcBlock}`).split(':');
  while (hextets.length < 4) hextets.push('0');
  const fourth = (parseInt(hextets[3]!, 16) & 0xff00) | (index & 0xff);
  return `${hextets.slice(0, 3).join(':')}:${fourth.toString(16)}::/64`;
}

async function ensureEgressOnlyGateway(ec2: EC2Client, spec: DemoDeploymentSpec, vpcId: string): Promise<string> {
  const found = await ec2.send(new DescribeEgressOnlyInternetGatewaysCommand({ Filters: demoFilters(spec.id, 'egress-only-gateway') }));
  const existing = found.EgressOnlyInternetGateways?.find((g) => g.Attachments?.some((a) => a.VpcId === vpcId));
  if (existing?.EgressOnlyInternetGatewayId) return existing.EgressOnlyInternetGatewayId;
  const created = await ec2.send(
    new CreateEgressOnlyInternetGatewayCommand({
      VpcId: vpcId,
      TagSpecifications: demoTagSpec('egress-only-internet-gateway', demoTags(spec.id, 'egress-only-gateway', `${spec.id}-eigw`)),
    }),
  );
  return required(created.EgressOnlyInternetGateway?.EgressOnlyInternetGatewayId, 'CreateEgressOnlyInternetGateway returned no id');
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
  ipv6Cidr: string | undefined,
): Promise<string> {
  const role = `public-subnet-${index + 1}`;
  const found = await ec2.send(new DescribeSubnetsCommand({ Filters: demoFilters(spec.id, role) }));
  let subnet = found.Subnets?.[0];
  if (!subnet) {
    const created = await ec2.send(
      new CreateSubnetCommand({
        VpcId: vpcId,
        CidrBlock: cidr,
        ...(ipv6Cidr ? { Ipv6CidrBlock: ipv6Cidr } : {}),
        AvailabilityZone: availabilityZone,
        TagSpecifications: demoTagSpec('subnet', demoTags(spec.id, role, `${spec.id}-${role}`)),
      }),
    );
    subnet = created.Subnet;
  }
  const subnetId = required(subnet?.SubnetId, 'CreateSubnet returned no SubnetId');
  if (ipv6Cidr && !subnet?.Ipv6CidrBlockAssociationSet?.some((b) => b.Ipv6CidrBlock)) {
    await ec2.send(new AssociateSubnetCidrBlockCommand({ SubnetId: subnetId, Ipv6CidrBlock: ipv6Cidr }));
  }
  // Instances get a public address at launch only where the estate asks for it (per interface, see ensure-instances).
  await ec2.send(new ModifySubnetAttributeCommand({ SubnetId: subnetId, MapPublicIpOnLaunch: { Value: false } }));
  return subnetId;
}

async function ensurePublicRouteTable(
  ec2: EC2Client,
  spec: DemoDeploymentSpec,
  vpcId: string,
  igwId: string,
  subnetIds: string[],
  eigwId: string | undefined,
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
  if (eigwId && !table?.Routes?.some((r) => r.DestinationIpv6CidrBlock === '::/0' && r.EgressOnlyInternetGatewayId === eigwId)) {
    await ec2.send(
      new CreateRouteCommand({ RouteTableId: routeTableId, DestinationIpv6CidrBlock: '::/0', EgressOnlyInternetGatewayId: eigwId }),
    );
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
