import { z } from 'zod';

import { AttachedVolume, DeploymentInstance, DeploymentNetworkInterface } from './deployment-resources';
import { ContactRole, Tenancy } from './directory';
import { NoticeKind } from './notice';
import { PlaybookId } from './playbook';

/**
 * What declaring an incident would change, read from EC2 (describe calls and DryRun) and the directory before
 * anything is started. Answered by `POST /api/v1/incidents/preview` and shown on the declare form.
 */

/**
 * How EC2 answered a mutating call sent with DryRun: `allowed` (DryRunOperation), `refused` (UnauthorizedOperation:
 * the credentials lack the permission), `not-checked` (nothing to try it on, or the endpoint is known to ignore
 * DryRun for this call), `failed` (any other error), `dry-run-ignored` (the endpoint performed the call).
 */
export const DryRunOutcome = z.enum(['allowed', 'refused', 'not-checked', 'failed', 'dry-run-ignored']);
export type DryRunOutcome = z.infer<typeof DryRunOutcome>;

export const DryRunCheck = z.object({
  /** The EC2 API action, e.g. `CreateNetworkAcl`. */
  action: z.string(),
  /** The resource it was tried on (a VPC, interface, address association, volume…), or null when there was none. */
  target: z.string().nullable(),
  outcome: DryRunOutcome,
  detail: z.string(),
});
export type DryRunCheck = z.infer<typeof DryRunCheck>;

/** Disconnect (both compromise playbooks): everything the containment will touch, as EC2 holds it now. */
export const DisconnectChanges = z.object({
  kind: z.literal('disconnect'),
  vpcId: z.string(),
  /** Each gets termination protection, its interfaces swapped to the isolation group, its volumes snapshotted. */
  instances: z.array(DeploymentInstance.extend({ terminationProtection: z.boolean() })),
  /** Moved through the allow-all group onto the isolation group. */
  networkInterfaces: z.array(DeploymentNetworkInterface),
  /** Detached from the deployment; the allocations are kept for the restore. */
  elasticIps: z.array(
    z.object({
      allocationId: z.string(),
      publicIp: z.string(),
      instanceId: z.string().nullable(),
      networkInterfaceId: z.string().nullable(),
    }),
  ),
  /** Each subnet's association moves from its current ACL to the new deny-all ACL. */
  subnets: z.array(z.object({ subnetId: z.string(), networkAclId: z.string() })),
  /** Created in the VPC: the deny-all network ACL, then the allow-all and isolation security groups. */
  created: z.array(
    z.object({
      resource: z.enum(['network-acl', 'security-group']),
      role: z.enum(['deny-all', 'allow-all', 'isolation']),
      name: z.string(),
      purpose: z.string(),
    }),
  ),
  /** One forensic snapshot each; volumes deleted on termination today are switched to be kept. */
  volumes: z.array(AttachedVolume.extend({ instanceId: z.string() })),
  /** Public IPv4 addresses AWS assigned at launch: each primary interface is asked to give its address up. */
  autoAssignedAddresses: z
    .array(z.object({ networkInterfaceId: z.string(), instanceId: z.string().nullable(), publicIp: z.string() }))
    .default([]),
  /** The VPC's IPv6 blocks: with one, the deny ACL and the allow-all hop cover ::/0 too. */
  ipv6Blocks: z.array(z.string()).default([]),
  /** Interfaces in the deployment's subnets that no tagged instance owns: cut off by the subnet ACL only. */
  untaggedInterfaces: z
    .array(
      z.object({
        networkInterfaceId: z.string(),
        subnetId: z.string().nullable(),
        owner: z.string().nullable(),
        description: z.string().nullable(),
      }),
    )
    .default([]),
  /** Auto Scaling groups of the instances: launches, replacements, rebalancing and health checks suspended first. */
  autoScalingGroups: z.array(z.string()).default([]),
  /** Load balancer target groups the instances are registered in: they are taken out. */
  targetGroups: z.array(z.object({ targetGroupArn: z.string(), targets: z.number().int() })).default([]),
});
export type DisconnectChanges = z.infer<typeof DisconnectChanges>;

/** Suspicious activity: the deny entries for the source on each ACL the deployment's subnets are on. */
export const SourceBlockChanges = z.object({
  kind: z.literal('source-block'),
  cidr: z.string(),
  entries: z.array(
    z.object({
      networkAclId: z.string(),
      subnetIds: z.array(z.string()),
      egress: z.boolean(),
      /** `add` a new deny, reuse one `already-there`, or `no-room` below the ACL's first allow rule (the block fails). */
      action: z.enum(['add', 'already-there', 'no-room']),
      ruleNumber: z.number().int().nullable(),
    }),
  ),
});
export type SourceBlockChanges = z.infer<typeof SourceBlockChanges>;

/** Vulnerability playbooks: when the deployment is upgraded, counted from the fix's release. */
export const MaintenanceChanges = z.object({
  kind: z.literal('maintenance'),
  tenancy: Tenancy,
  /** `at-fix-release`: upgraded as soon as the fix is out; `proposed-window`: a window the customer may move; `update-train`: with the next regular update. */
  schedule: z.enum(['at-fix-release', 'proposed-window', 'update-train']),
  windowAfterFixSeconds: z.number().int().min(0),
  /** Single-tenant only: how far past the window the customer may move it. */
  deferrableForSeconds: z.number().int().min(0).nullable(),
  /** Replaced, one by one, by instances from the patched image. */
  instances: z.array(z.object({ instanceId: z.string(), state: z.string(), imageId: z.string().nullable() })),
});
export type MaintenanceChanges = z.infer<typeof MaintenanceChanges>;

export const DeploymentChanges = z.discriminatedUnion('kind', [DisconnectChanges, SourceBlockChanges, MaintenanceChanges]);
export type DeploymentChanges = z.infer<typeof DeploymentChanges>;

export const DeploymentPreview = z.object({
  deploymentId: z.string(),
  name: z.string(),
  region: z.string(),
  tenancy: Tenancy,
  customerIds: z.array(z.string()),
  /** Null when EC2 could not be read for this deployment; `problem` then says why. */
  changes: DeploymentChanges.nullable(),
  problem: z.string().nullable(),
  permissions: z.array(DryRunCheck),
});
export type DeploymentPreview = z.infer<typeof DeploymentPreview>;

/** Who is told first, and with what. */
export const NoticePreview = z.object({
  kind: z.union([NoticeKind, z.literal('operations-alert')]),
  /** When it goes out, in words, e.g. "once the deployments are disconnected". */
  when: z.string(),
  recipientName: z.string(),
  recipientEmail: z.string(),
  /** Null for the operations team. */
  customerId: z.string().nullable(),
  customerName: z.string().nullable(),
  contactId: z.string().nullable(),
  role: ContactRole.nullable(),
});
export type NoticePreview = z.infer<typeof NoticePreview>;

export const IncidentPreview = z.object({
  playbook: PlaybookId,
  previewedAt: z.iso.datetime(),
  deployments: z.array(DeploymentPreview),
  notices: z.array(NoticePreview),
  /** What the engineer should know before running it: a customer nobody will hear from, a call EC2 would refuse… */
  warnings: z.array(z.string()),
});
export type IncidentPreview = z.infer<typeof IncidentPreview>;
