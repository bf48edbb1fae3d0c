import { z } from 'zod';

import { Actor } from './actor';
import { CustomerId, DeploymentId, IncidentId } from './ids';
import { IncidentStep } from './incident-step';
import { PlaybookId } from './playbook';

export const Severity = z.enum(['critical', 'high', 'medium', 'low']);
export type Severity = z.infer<typeof Severity>;

/**
 * Lifecycle of an incident. `declared` until the workflow starts work, `active` while steps run, `contained` once
 * the environment is cut off and contacts are told, `recovering` while clean infrastructure is built, `monitoring`
 * until both sides sign off, `maintenance` while fixes roll out, `blocked` while a suspicious source is blocked,
 * `closed` at the end, `failed` when a step failed and needs an engineer.
 */
export const IncidentStatus = z.enum([
  'declared',
  'active',
  'contained',
  'recovering',
  'monitoring',
  'maintenance',
  'blocked',
  'closed',
  'failed',
]);
export type IncidentStatus = z.infer<typeof IncidentStatus>;

/** What a vulnerability playbook is about. */
export const Vulnerability = z.object({
  /** A CVE id or the provider's bulletin id. */
  reference: z.string().trim().min(1).max(100),
  title: z.string().trim().min(1).max(300),
  component: z.string().trim().min(1).max(200),
  discoveredAt: z.iso.datetime(),
  /** For a vulnerability that is not exploitable: why, in words customers understand. */
  notExploitableBecause: z.string().trim().min(1).max(4000).optional(),
});
export type Vulnerability = z.infer<typeof Vulnerability>;

/**
 * An IPv4 address or CIDR block, e.g. from a monitoring system's alert. IPv6 is refused until the block activities
 * write IPv6 ACL entries: accepting it would start a playbook that can only fail.
 */
export const SourceAddress = z.union([z.ipv4(), z.cidrv4()], { error: 'give an IPv4 address or CIDR block' });

export const DeclareIncidentRequest = z
  .object({
    playbook: PlaybookId,
    deploymentIds: z
      .array(DeploymentId)
      .min(1, 'name at least one deployment')
      .max(100)
      .refine((ids) => new Set(ids).size === ids.length, 'each deployment may be named once'),
    severity: Severity,
    summary: z.string().trim().min(1, 'say what happened').max(2000),
    /** suspicious-activity: the address to block. */
    sourceAddress: SourceAddress.optional(),
    /** exploitable-vulnerability, non-exploitable-vulnerability: what was found. */
    vulnerability: Vulnerability.optional(),
  })
  .superRefine((request, ctx) => {
    if (request.playbook === 'suspicious-activity' && !request.sourceAddress) {
      ctx.addIssue({ code: 'custom', path: ['sourceAddress'], message: 'give the source address to block' });
    }
    if (request.playbook === 'exploitable-vulnerability' || request.playbook === 'non-exploitable-vulnerability') {
      if (!request.vulnerability) {
        ctx.addIssue({ code: 'custom', path: ['vulnerability'], message: 'describe the vulnerability' });
      } else if (request.playbook === 'non-exploitable-vulnerability' && !request.vulnerability.notExploitableBecause) {
        ctx.addIssue({
          code: 'custom',
          path: ['vulnerability', 'notExploitableBecause'],
          message: 'explain why it is not exploitable',
        });
      }
    }
  });
export type DeclareIncidentRequest = z.infer<typeof DeclareIncidentRequest>;

export const Incident = z.object({
  id: IncidentId,
  playbook: PlaybookId,
  status: IncidentStatus,
  severity: Severity,
  summary: z.string(),
  deploymentIds: z.array(DeploymentId),
  customerIds: z.array(CustomerId),
  workflowId: z.string(),
  declaredBy: Actor,
  declaredAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  closedAt: z.iso.datetime().nullable(),
  steps: z.array(IncidentStep),
});
export type Incident = z.infer<typeof Incident>;

export const CloseIncidentRequest = z.object({
  actor: Actor,
  reason: z.string().trim().min(1, 'give a reason').max(2000),
});
export type CloseIncidentRequest = z.infer<typeof CloseIncidentRequest>;
