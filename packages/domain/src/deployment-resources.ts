import { z } from 'zod';

// A deployment's instances, interfaces and volumes as Firebreak reads them from EC2 before changing anything. The
// pre-change state a reconnect restores and the preview shown on the declare form both hold them in these shapes.

export const DeploymentInstance = z.object({
  instanceId: z.string(),
  state: z.string(),
  subnetId: z.string().nullable(),
  /** Groups set on the instance itself (its primary interface, as EC2 reports it). */
  securityGroupIds: z.array(z.string()),
});
export type DeploymentInstance = z.infer<typeof DeploymentInstance>;

/** An interface attached to one of the deployment's instances, with the groups it carries. */
export const DeploymentNetworkInterface = z.object({
  networkInterfaceId: z.string(),
  instanceId: z.string().nullable(),
  subnetId: z.string().nullable(),
  securityGroupIds: z.array(z.string()),
});
export type DeploymentNetworkInterface = z.infer<typeof DeploymentNetworkInterface>;

export const AttachedVolume = z.object({ volumeId: z.string(), deviceName: z.string(), deleteOnTermination: z.boolean() });
export type AttachedVolume = z.infer<typeof AttachedVolume>;
