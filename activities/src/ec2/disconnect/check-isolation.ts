import { DescribeRouteTablesCommand, type EC2Client, type RouteTable } from '@aws-sdk/client-ec2';

import { describeDeploymentInstances } from '../shared/describe-deployment-instances';
import { describeAssociatedElasticIps } from '../shared/describe-elastic-ips';
import type { Ec2ActivityDeps } from '../shared/ec2-activity-deps';
import { vpcIpv6Blocks } from '../shared/vpc-ipv6';
import { describeSubnetAcls } from './describe-subnet-acls';
import { parseDisconnectInput } from './disconnect-input';
import { findNetworkAcls, findSecurityGroups } from './find-by-tag';
import { buildIsolationReport, type IsolationReport } from './isolation-report';

/**
 * Re-reads EC2 after the disconnect and reports every public path that remains: an Elastic IP or auto-assigned
 * address still attached, an interface in any group but the isolation group, a subnet not on the deny ACL, IPv6 not
 * denied in a VPC that carries it. It reports rather than fails: what remains is for people to decide on (the
 * playbook alerts operations and asks), and the evidence goes on the timeline either way.
 */
export async function checkIsolation(deps: Ec2ActivityDeps, rawInput: unknown): Promise<IsolationReport> {
  const { incidentId, deployment } = parseDisconnectInput(rawInput);
  const ec2 = deps.ec2For(deployment.region);
  const key = { incidentId, deploymentId: deployment.id };
  const [[isolationGroup], [denyAcl], { instances, interfaces, subnetIds, untaggedInterfaces }, ipv6Blocks, routeTables] =
    await Promise.all([
      findSecurityGroups(ec2, { ...key, role: 'isolation' }, deployment.vpcId),
      findNetworkAcls(ec2, { ...key, role: 'deny-all' }, deployment.vpcId),
      describeDeploymentInstances(ec2, deployment),
      vpcIpv6Blocks(ec2, deployment.vpcId),
      describeVpcRouteTables(ec2, deployment.vpcId),
    ]);
  const [addresses, subnetAcls] = await Promise.all([
    describeAssociatedElasticIps(
      ec2,
      instances.map((i) => i.InstanceId!),
      interfaces.map((i) => i.NetworkInterfaceId!),
    ),
    describeSubnetAcls(ec2, subnetIds),
  ]);
  return buildIsolationReport({
    isolationGroup,
    denyAcl,
    instances,
    interfaces,
    addresses,
    subnetIds,
    subnetAcls,
    vpcIpv6Blocks: ipv6Blocks,
    routeTables,
    untaggedInterfaces,
  });
}

async function describeVpcRouteTables(ec2: EC2Client, vpcId: string): Promise<RouteTable[]> {
  const answer = await ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }));
  return answer.RouteTables ?? [];
}
