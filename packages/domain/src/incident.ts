import { z } from 'zod';
import { Actor } from './actor';
import { CustomerId, DeploymentId, IncidentId } from './ids';
import { PlaybookId } from './playbook';

export const Severity = z.enum(['critical', 'high', 'medium', 'low']);
export type Severity = z.infer<typeof Severity>;

/**
 * Lifecycle of an incident. `declared` until the workflow starts work, `active` while steps run,
 * `contained` once the environment is cut off and contacts are told, `closed` when an engineer
 * closes it, `failed` when a step failed and needs an engineer.
 */
export const IncidentStatus = z.enum(['declared', 'active', 'contained', 'closed', 'failed']);
export type IncidentStatus = z.infer<typeof IncidentStatus>;

export const StepName = z.enum(['disconnect', 'notify', 'close']);
export type StepName = z.infer<typeof StepName>;

export const StepStatus = z.enum(['pending', 'running', 'completed', 'failed']);
export type StepStatus = z.infer<typeof StepStatus>;

export const IncidentStep = z.object({
  name: StepName,
  status: StepStatus,
  startedAt: z.iso.datetime().nullable(),
  completedAt: z.iso.datetime().nullable(),
  error: z.string().nullable(),
});
export type IncidentStep = z.infer<typeof IncidentStep>;

export const DeclareIncidentRequest = z.object({
  playbook: PlaybookId,
  deploymentIds: z
    .array(DeploymentId)
    .min(1, 'name at least one deployment')
    .max(100)
    .refine((ids) => new Set(ids).size === ids.length, 'each deployment may be named once'),
  severity: Severity,
  summary: z.string().trim().min(1, 'say what happened').max(2000),
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
