import {
  DeleteFlowLogsCommand,
  DeleteInternetGatewayCommand,
  DeleteRouteTableCommand,
  DeleteSecurityGroupCommand,
  DeleteSubnetCommand,
  DeleteVpcCommand,
  DetachInternetGatewayCommand,
  DisassociateAddressCommand,
  DisassociateRouteTableCommand,
  type EC2Client,
  ReleaseAddressCommand,
  TerminateInstancesCommand,
  waitUntilInstanceTerminated,
} from '@aws-sdk/client-ec2';
import { findPreChangeState } from '@firebreak/db';

import { chunk, isAwsError } from '../shared/aws-errors';
import type { Ec2ActivityDeps } from '../shared/ec2-activity-deps';
import { PreChangeState } from '../shared/pre-change-state';
import {
  findCleanAddresses,
  findCleanFirewalls,
  findCleanInstances,
  findCleanInternetGateways,
  findCleanRouteTables,
  findCleanSubnets,
  findCleanVpcs,
  NOT_TERMINATED_STATES,
} from './find-clean-resources';
import { findFlowLogs } from './find-flow-logs';
import { parseRecoveryInput } from './recovery-input';
import type { CleanEnvironmentKey } from './recovery-tags';

export interface RemovedCleanEnvironment {
  /** What this call removed; all empty when there was nothing (left) to remove. */
  removed: {
    addresses: string[];
    instances: string[];
    flowLogs: string[];
    securityGroups: string[];
    internetGateways: string[];
    subnets: string[];
    routeTables: string[];
    vpcs: string[];
  };
}

/** Bounds the wait for termination; the activity's start-to-close timeout must be longer. */
export const TERMINATED_WAIT_SECONDS = 300;
const INSTANCES_PER_CALL = 100;

/**
 * The rebuild's compensation: removes whatever the rebuild steps created for this incident, deployment and
 * purpose, found by tags, in dependency order. Safe when nothing or only part exists, and safe to repeat. It
 * cannot touch the compromised environment (nothing there carries these tags) and never releases an address the
 * pre-change state lists: those are the customer's. If AWS still holds a dependency (an interface of a just
 * terminated instance), the call fails and the retry finishes the job.
 */
export async function removeCleanEnvironment(deps: Ec2ActivityDeps, rawInput: unknown): Promise<RemovedCleanEnvironment> {
  const { incidentId, deployment, purpose } = parseRecoveryInput(rawInput);
  const key: CleanEnvironmentKey = { incidentId, deploymentId: deployment.id, purpose };
  const ec2 = deps.ec2For(deployment.region);
  const stored = await findPreChangeState(deps.db, incidentId, deployment.id);
  const production = new Set(stored ? PreChangeState.parse(stored.state).elasticIps.map((e) => e.allocationId) : []);
  const removed: RemovedCleanEnvironment['removed'] = {
    addresses: [],
    instances: [],
    flowLogs: [],
    securityGroups: [],
    internetGateways: [],
    subnets: [],
    routeTables: [],
    vpcs: [],
  };

  for (const address of await findCleanAddresses(ec2, key)) {
    if (production.has(address.AllocationId!)) continue;
    if (address.AssociationId) {
      await tolerate(ec2.send(new DisassociateAddressCommand({ AssociationId: address.AssociationId })), 'InvalidAssociationID.NotFound');
    }
    await tolerate(ec2.send(new ReleaseAddressCommand({ AllocationId: address.AllocationId })), 'InvalidAllocationID.NotFound');
    removed.addresses.push(address.AllocationId!);
  }

  removed.instances = await terminateInstances(ec2, key);

  const vpcs = await findCleanVpcs(ec2, key);
  const flowLogs = await findFlowLogs(
    ec2,
    vpcs.map((v) => v.VpcId!),
  );
  if (flowLogs.length > 0) {
    // Unsuccessful items are flow logs already gone.
    await ec2.send(new DeleteFlowLogsCommand({ FlowLogIds: flowLogs.map((f) => f.FlowLogId!) }));
    removed.flowLogs = flowLogs.map((f) => f.FlowLogId!);
  }

  for (const group of await findCleanFirewalls(ec2, key)) {
    await tolerate(ec2.send(new DeleteSecurityGroupCommand({ GroupId: group.GroupId })), 'InvalidGroup.NotFound');
    removed.securityGroups.push(group.GroupId!);
  }
  for (const gateway of await findCleanInternetGateways(ec2, key)) {
    const gatewayId = gateway.InternetGatewayId!;
    for (const attachment of gateway.Attachments ?? []) {
      await tolerate(
        ec2.send(new DetachInternetGatewayCommand({ InternetGatewayId: gatewayId, VpcId: attachment.VpcId })),
        'Gateway.NotAttached',
        'InvalidInternetGatewayID.NotFound',
      );
    }
    await tolerate(ec2.send(new DeleteInternetGatewayCommand({ InternetGatewayId: gatewayId })), 'InvalidInternetGatewayID.NotFound');
    removed.internetGateways.push(gatewayId);
  }
  // A subnet cannot go while a route table is associated with it, so the table goes first.
  for (const table of await findCleanRouteTables(ec2, key)) {
    for (const association of table.Associations ?? []) {
      if (association.Main || !association.RouteTableAssociationId) continue;
      await tolerate(
        ec2.send(new DisassociateRouteTableCommand({ AssociationId: association.RouteTableAssociationId })),
        'InvalidAssociationID.NotFound',
      );
    }
    await tolerate(ec2.send(new DeleteRouteTableCommand({ RouteTableId: table.RouteTableId })), 'InvalidRouteTableID.NotFound');
    removed.routeTables.push(table.RouteTableId!);
  }
  for (const subnet of await findCleanSubnets(ec2, key)) {
    await tolerate(ec2.send(new DeleteSubnetCommand({ SubnetId: subnet.SubnetId })), 'InvalidSubnetID.NotFound');
    removed.subnets.push(subnet.SubnetId!);
  }
  for (const vpc of vpcs) {
    await tolerate(ec2.send(new DeleteVpcCommand({ VpcId: vpc.VpcId })), 'InvalidVpcID.NotFound');
    removed.vpcs.push(vpc.VpcId!);
  }
  return { removed };
}

/** Terminates every clean instance not yet terminated, and waits until they are (bounded). */
async function terminateInstances(ec2: EC2Client, key: CleanEnvironmentKey): Promise<string[]> {
  const instanceIds = (await findCleanInstances(ec2, key, NOT_TERMINATED_STATES)).map((i) => i.InstanceId!);
  for (const ids of chunk(instanceIds, INSTANCES_PER_CALL)) {
    await tolerate(ec2.send(new TerminateInstancesCommand({ InstanceIds: ids })), 'InvalidInstanceID.NotFound');
  }
  if (instanceIds.length > 0) {
    await waitUntilInstanceTerminated({ client: ec2, maxWaitTime: TERMINATED_WAIT_SECONDS, minDelay: 5 }, { InstanceIds: instanceIds });
  }
  return instanceIds;
}

/** Already gone is the desired state; any other error is real. */
async function tolerate(call: Promise<unknown>, ...codes: string[]): Promise<void> {
  try {
    await call;
  } catch (error) {
    if (!isAwsError(error, ...codes)) throw error;
  }
}
