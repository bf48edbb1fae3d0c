import { DescribeInstanceAttributeCommand, type EC2Client, type Instance } from '@aws-sdk/client-ec2';
import { findPreChangeState, savePreChangeStateOnce } from '@firebreak/db';
import type { Deployment } from '@firebreak/domain';
import { attachedVolumes, describeDeploymentInstances, groupIds } from './describe-deployment-instances';
import { describeAssociatedElasticIps } from './describe-elastic-ips';
import { describeSubnetAcls } from './describe-subnet-acls';
import { parseDisconnectInput } from './disconnect-input';
import type { Ec2ActivityDeps } from './ec2-activity-deps';
import { PreChangeState, summarizePreChangeState, type PreChangeStateSummary } from './pre-change-state';

/**
 * Records the deployment as it is before any change. The first capture wins: a retry that runs after later steps
 * already changed things must return the original, never overwrite it.
 */
export async function captureDeploymentState(deps: Ec2ActivityDeps, rawInput: unknown): Promise<PreChangeStateSummary> {
  const { incidentId, deployment } = parseDisconnectInput(rawInput);
  const stored = await findPreChangeState(deps.db, incidentId, deployment.id);
  if (stored) return summarizePreChangeState(PreChangeState.parse(stored.state));

  const state = await readPreChangeState(deps.ec2For(deployment.region), deployment);
  const kept = await savePreChangeStateOnce(deps.db, {
    incidentId,
    deploymentId: deployment.id,
    state,
    at: state.capturedAt,
  });
  return summarizePreChangeState(PreChangeState.parse(kept));
}

export async function readPreChangeState(ec2: EC2Client, deployment: Deployment): Promise<PreChangeState> {
  const capturedAt = new Date().toISOString();
  const { instances, interfaces, subnetIds } = await describeDeploymentInstances(ec2, deployment);
  const instanceIds = instances.map((i) => i.InstanceId!);
  const addresses = await describeAssociatedElasticIps(
    ec2,
    instanceIds,
    interfaces.map((i) => i.NetworkInterfaceId!),
  );
  const subnets = await describeSubnetAcls(ec2, subnetIds);
  const protections = new Map<string, boolean>();
  for (const instanceId of instanceIds) protections.set(instanceId, await readTerminationProtection(ec2, instanceId));

  return PreChangeState.parse({
    deploymentId: deployment.id,
    region: deployment.region,
    vpcId: deployment.vpcId,
    capturedAt,
    instances: instances.map((instance: Instance) => ({
      instanceId: instance.InstanceId!,
      state: instance.State?.Name ?? 'unknown',
      subnetId: instance.SubnetId ?? null,
      terminationProtection: protections.get(instance.InstanceId!) ?? false,
      securityGroupIds: groupIds(instance.SecurityGroups),
      volumes: attachedVolumes(instance),
    })),
    networkInterfaces: interfaces.map((eni) => ({
      networkInterfaceId: eni.NetworkInterfaceId!,
      instanceId: eni.Attachment?.InstanceId ?? null,
      subnetId: eni.SubnetId ?? null,
      securityGroupIds: groupIds(eni.Groups),
    })),
    elasticIps: addresses.map((address) => ({
      allocationId: address.AllocationId!,
      associationId: address.AssociationId!,
      publicIp: address.PublicIp ?? '',
      instanceId: address.InstanceId ?? null,
      networkInterfaceId: address.NetworkInterfaceId ?? null,
      privateIpAddress: address.PrivateIpAddress ?? null,
    })),
    subnets,
  });
}

async function readTerminationProtection(ec2: EC2Client, instanceId: string): Promise<boolean> {
  const answer = await ec2.send(new DescribeInstanceAttributeCommand({ InstanceId: instanceId, Attribute: 'disableApiTermination' }));
  return answer.DisableApiTermination?.Value ?? false;
}
