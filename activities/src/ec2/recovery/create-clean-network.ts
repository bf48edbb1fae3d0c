import {
  AssociateRouteTableCommand,
  AttachInternetGatewayCommand,
  CreateInternetGatewayCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  type EC2Client,
  ModifySubnetAttributeCommand,
  ReplaceRouteCommand,
  type Subnet,
} from '@aws-sdk/client-ec2';
import type { Deployment } from '@firebreak/domain';

import { isAwsError } from '../shared/aws-errors';
import type { Ec2ActivityDeps } from '../shared/ec2-activity-deps';
import { required } from '../shared/required';
import { type CleanNetworkPlan, planCleanNetwork } from './clean-network-plan';
import { findCleanInternetGateways, findCleanRouteTables, findCleanSubnets, findCleanVpcs } from './find-clean-resources';
import { RECOVERY_FAILURES, recoveryFailure } from './recovery-failures';
import { parseRecoveryInput } from './recovery-input';
import { type CleanEnvironmentKey, RECOVERY_ROLES, recoveryTagSpec, slotOf } from './recovery-tags';

export interface CleanNetwork {
  vpcId: string;
  /** In slot order: the clean subnet mirroring the deployment's first subnet comes first. */
  subnetIds: string[];
  internetGatewayId: string;
  routeTableId: string;
}

/**
 * A new VPC for the clean environment, never the compromised one: one public subnet per original subnet (same
 * zones), an internet gateway and a route table sending 0.0.0.0/0 through it. Each piece is found by its tags
 * before it is created, so a retry completes a partial network instead of building a second.
 */
export async function createCleanNetwork(deps: Ec2ActivityDeps, rawInput: unknown): Promise<CleanNetwork> {
  const { incidentId, deployment, purpose } = parseRecoveryInput(rawInput);
  const ec2 = deps.ec2For(deployment.region);
  const key: CleanEnvironmentKey = { incidentId, deploymentId: deployment.id, purpose };
  const plan = await planFor(ec2, key, deployment);

  const vpcId = await ensureVpc(ec2, key, plan.vpcCidr);
  const internetGatewayId = await ensureInternetGateway(ec2, key, vpcId);
  const subnetIds = await ensureSubnets(ec2, key, vpcId, plan);
  const routeTableId = await ensurePublicRouteTable(ec2, key, vpcId, internetGatewayId, subnetIds);
  return { vpcId, subnetIds, internetGatewayId, routeTableId };
}

/** The compromised network is evidence and is kept; if it is gone anyway, the directory is wrong and no retry helps. */
async function planFor(ec2: EC2Client, key: CleanEnvironmentKey, deployment: Deployment): Promise<CleanNetworkPlan> {
  const gone = (error: unknown) =>
    isAwsError(error, 'InvalidVpcID.NotFound', 'InvalidSubnetID.NotFound')
      ? recoveryFailure(RECOVERY_FAILURES.deploymentIncomplete, `the deployment's network cannot be described: ${(error as Error).message}`)
      : error;
  const vpcs = await ec2.send(new DescribeVpcsCommand({ VpcIds: [deployment.vpcId] })).catch((error: unknown) => {
    throw gone(error);
  });
  const vpc = vpcs.Vpcs?.[0];
  const cidrs = [vpc?.CidrBlock, ...(vpc?.CidrBlockAssociationSet ?? []).map((a) => a.CidrBlock)].filter((c): c is string => Boolean(c));
  if (cidrs.length === 0) {
    throw recoveryFailure(RECOVERY_FAILURES.deploymentIncomplete, `the compromised VPC ${deployment.vpcId} reports no CIDR block`);
  }
  const described = await ec2.send(new DescribeSubnetsCommand({ SubnetIds: deployment.subnetIds })).catch((error: unknown) => {
    throw gone(error);
  });
  const zoneOf = new Map((described.Subnets ?? []).map((s) => [s.SubnetId, s.AvailabilityZone]));
  const originals = deployment.subnetIds.map((subnetId) => ({ subnetId, availabilityZone: zoneOf.get(subnetId) ?? '' }));
  const unknown = originals.filter((s) => !s.availabilityZone).map((s) => s.subnetId);
  if (unknown.length > 0) {
    throw recoveryFailure(RECOVERY_FAILURES.deploymentIncomplete, `subnets ${unknown.join(', ')} of the deployment cannot be described`);
  }
  return planCleanNetwork(key, [...new Set(cidrs)], originals);
}

async function ensureVpc(ec2: EC2Client, key: CleanEnvironmentKey, cidr: string): Promise<string> {
  const existing = (await findCleanVpcs(ec2, key))[0]?.VpcId;
  if (existing) return existing;
  const created = await ec2.send(
    new CreateVpcCommand({ CidrBlock: cidr, TagSpecifications: recoveryTagSpec('vpc', key, RECOVERY_ROLES.vpc) }),
  );
  return required(created.Vpc?.VpcId, 'CreateVpc returned no VpcId');
}

async function ensureInternetGateway(ec2: EC2Client, key: CleanEnvironmentKey, vpcId: string): Promise<string> {
  let gateway = (await findCleanInternetGateways(ec2, key))[0];
  if (!gateway) {
    const created = await ec2.send(
      new CreateInternetGatewayCommand({
        TagSpecifications: recoveryTagSpec('internet-gateway', key, RECOVERY_ROLES.internetGateway),
      }),
    );
    gateway = created.InternetGateway;
  }
  const gatewayId = required(gateway?.InternetGatewayId, 'CreateInternetGateway returned no id');
  if (!gateway?.Attachments?.some((a) => a.VpcId === vpcId)) {
    try {
      await ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: gatewayId, VpcId: vpcId }));
    } catch (error) {
      // Attached between the describe and now: the desired state holds.
      if (!isAwsError(error, 'Resource.AlreadyAssociated')) throw error;
    }
  }
  return gatewayId;
}

async function ensureSubnets(ec2: EC2Client, key: CleanEnvironmentKey, vpcId: string, plan: CleanNetworkPlan): Promise<string[]> {
  const existing = new Map<number, Subnet>();
  for (const subnet of await findCleanSubnets(ec2, key)) {
    const slot = slotOf(subnet.Tags);
    if (slot !== undefined && !existing.has(slot) && subnet.VpcId === vpcId) existing.set(slot, subnet);
  }
  const subnetIds: string[] = [];
  for (const planned of plan.subnets) {
    let subnet = existing.get(planned.slot);
    if (!subnet) {
      const created = await ec2.send(
        new CreateSubnetCommand({
          VpcId: vpcId,
          CidrBlock: planned.cidr,
          AvailabilityZone: planned.availabilityZone,
          TagSpecifications: recoveryTagSpec('subnet', key, RECOVERY_ROLES.subnet, planned.slot),
        }),
      );
      subnet = required(created.Subnet, 'CreateSubnet returned no subnet');
    }
    const subnetId = required(subnet.SubnetId, 'CreateSubnet returned no SubnetId');
    // An instance's public address is the Elastic IP Firebreak gives it, which can be taken away again; an
    // address assigned at launch could not be.
    if (subnet.MapPublicIpOnLaunch !== false) {
      await ec2.send(new ModifySubnetAttributeCommand({ SubnetId: subnetId, MapPublicIpOnLaunch: { Value: false } }));
    }
    subnetIds.push(subnetId);
  }
  return subnetIds;
}

async function ensurePublicRouteTable(
  ec2: EC2Client,
  key: CleanEnvironmentKey,
  vpcId: string,
  gatewayId: string,
  subnetIds: string[],
): Promise<string> {
  let table = (await findCleanRouteTables(ec2, key))[0];
  if (!table) {
    const created = await ec2.send(
      new CreateRouteTableCommand({ VpcId: vpcId, TagSpecifications: recoveryTagSpec('route-table', key, RECOVERY_ROLES.routeTable) }),
    );
    table = created.RouteTable;
  }
  const routeTableId = required(table?.RouteTableId, 'CreateRouteTable returned no id');
  const defaultRoute = table?.Routes?.find((r) => r.DestinationCidrBlock === '0.0.0.0/0');
  const route = { RouteTableId: routeTableId, DestinationCidrBlock: '0.0.0.0/0', GatewayId: gatewayId };
  if (!defaultRoute) await ec2.send(new CreateRouteCommand(route));
  else if (defaultRoute.GatewayId !== gatewayId) await ec2.send(new ReplaceRouteCommand(route));
  const associated = new Set(table?.Associations?.map((a) => a.SubnetId));
  for (const subnetId of subnetIds) {
    if (!associated.has(subnetId)) await ec2.send(new AssociateRouteTableCommand({ RouteTableId: routeTableId, SubnetId: subnetId }));
  }
  return routeTableId;
}
