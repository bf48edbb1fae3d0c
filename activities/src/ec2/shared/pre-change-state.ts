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
  networkInterfaces: z.array(
    DeploymentNetworkInterface.extend({
      /** 0 for an instance's primary interface, the only one that can carry an auto-assigned public IPv4 address. */
      deviceIndex: z.number().int().min(0).nullable(),
      /** The public IPv4 address AWS assigned at launch, which containment removes and restore asks for again. */
      autoAssignedPublicIp: z.string().nullable(),
      ipv6Addresses: z.array(z.string()),
    }),
  ),
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
  /** The Auto Scaling groups of the instances, with the processes already suspended before the incident. */
  autoScalingGroups: z.array(z.object({ name: z.string(), suspendedProcesses: z.array(z.string()) })),
  /** The instances' registrations as load balancer targets, which containment removes and restore puts back. */
  targetRegistrations: z.array(z.object({ targetGroupArn: z.string(), instanceId: z.string(), port: z.number().int().nullable() })),
  /** Interfaces in the deployment's subnets that no tagged instance owns: cut off by the subnet ACL only. */
  untaggedInterfaces: z.array(
    z.object({
      networkInterfaceId: z.string(),
      subnetId: z.string().nullable(),
      owner: z.string().nullable(),
      description: z.string().nullable(),
      attachedTo: z.string().nullable(),
    }),
  ),
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
  autoAssignedPublicIps: string[];
  subnets: number;
  untaggedInterfaces: PreChangeState['untaggedInterfaces'];
  autoScalingGroups: string[];
  targetRegistrations: number;
}

export function summarizePreChangeState(state: PreChangeState): PreChangeStateSummary {
  return {
    capturedAt: state.capturedAt,
    instances: state.instances.length,
    networkInterfaces: state.networkInterfaces.length,
    elasticIps: state.elasticIps.map((e) => e.publicIp),
    autoAssignedPublicIps: state.networkInterfaces.flatMap((eni) => (eni.autoAssignedPublicIp ? [eni.autoAssignedPublicIp] : [])),
    subnets: state.subnets.length,
    untaggedInterfaces: state.untaggedInterfaces,
    autoScalingGroups: state.autoScalingGroups.map((g) => g.name),
    targetRegistrations: state.targetRegistrations.length,
  };
}
