import type { Address } from '@aws-sdk/client-ec2';
import { AttachedVolume, DeploymentInstance, DeploymentNetworkInterface } from '@firebreak/domain';
import { z } from 'zod';

/**
 * How a deployment looked before an incident changed it: what "reconnect" restores. Stored once per
 * (incident, deployment); the first capture wins.
 */
export const PreChangeState = z.object({
  deploymentId: z.string(),
  region: z.string(),
  vpcId: z.string(),
  capturedAt: z.iso.datetime(),
  /** Termination protection is not here: the protection step records it right before changing it. */
  instances: z.array(DeploymentInstance.extend({ volumes: z.array(AttachedVolume) })),
  networkInterfaces: z.array(DeploymentNetworkInterface),
  elasticIps: z.array(
    z.object({
      allocationId: z.string(),
      associationId: z.string(),
      publicIp: z.string(),
      instanceId: z.string().nullable(),
      networkInterfaceId: z.string().nullable(),
      privateIpAddress: z.string().nullable(),
    }),
  ),
  subnets: z.array(z.object({ subnetId: z.string(), networkAclId: z.string(), associationId: z.string() })),
});
export type PreChangeState = z.infer<typeof PreChangeState>;

export type ElasticIpRecord = PreChangeState['elasticIps'][number];

/** An associated address as the pre-change state keeps it: enough to put it back where it was. */
export function elasticIpRecordOf(address: Address): ElasticIpRecord {
  return {
    allocationId: address.AllocationId!,
    associationId: address.AssociationId!,
    publicIp: address.PublicIp ?? '',
    instanceId: address.InstanceId ?? null,
    networkInterfaceId: address.NetworkInterfaceId ?? null,
    privateIpAddress: address.PrivateIpAddress ?? null,
  };
}

export interface PreChangeStateSummary {
  capturedAt: string;
  instances: number;
  networkInterfaces: number;
  elasticIps: string[];
  subnets: number;
}

export function summarizePreChangeState(state: PreChangeState): PreChangeStateSummary {
  return {
    capturedAt: state.capturedAt,
    instances: state.instances.length,
    networkInterfaces: state.networkInterfaces.length,
    elasticIps: state.elasticIps.map((e) => e.publicIp),
    subnets: state.subnets.length,
  };
}
