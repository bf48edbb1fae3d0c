import { z } from 'zod';

import { Vulnerability } from './incident';
import { NoticeKind } from './notice';

const base = {
  incidentId: z.string(),
  customerName: z.string(),
  playbookTitle: z.string(),
  severity: z.string(),
};

const DeploymentRef = z.object({ id: z.string(), name: z.string() });

/**
 * What each notice says, by kind. The playbook builds one per customer (only that customer's deployments appear)
 * and the mail activities render it; the rendered subject and body are never built inside a workflow.
 */
export const NoticeContent = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('incident-details'),
    ...base,
    summary: z.string(),
    declaredAt: z.iso.datetime(),
    containedAt: z.iso.datetime(),
    deployments: z.array(
      DeploymentRef.extend({
        instancesIsolated: z.number().int().min(0),
        addressesReleased: z.number().int().min(0),
        /** Paths to the internet the final check still found, one sentence each; empty when the deployment is cut off. */
        remaining: z.array(z.string()).default([]),
      }),
    ),
  }),
  z.object({
    kind: z.literal('backup-environment-ready'),
    ...base,
    readyAt: z.iso.datetime(),
    environments: z.array(
      DeploymentRef.extend({ region: z.string(), publicAddresses: z.array(z.string()), purpose: z.enum(['backup', 'recreate']) }),
    ),
  }),
  z.object({
    kind: z.literal('risk-communication'),
    ...base,
    summary: z.string(),
    /** What the engineers concluded, in their words (the recorded decision's reason). */
    assessment: z.string(),
    preserved: z.array(z.string()),
    deployments: z.array(DeploymentRef),
  }),
  z.object({
    kind: z.literal('monitoring-sign-off-request'),
    ...base,
    monitoringSince: z.iso.datetime(),
    checksRun: z.number().int().min(0),
    lastFindings: z.array(z.string()),
  }),
  z.object({
    kind: z.literal('incident-closed'),
    ...base,
    closedAt: z.iso.datetime(),
    closedBy: z.string(),
    outcome: z.string(),
  }),
  z.object({
    kind: z.literal('service-restored'),
    ...base,
    restoredAt: z.iso.datetime(),
    /** Why on-call concluded it was a false positive, in their words. */
    reason: z.string(),
    deployments: z.array(DeploymentRef.extend({ differences: z.array(z.string()) })),
  }),
  z.object({ kind: z.literal('bulletin-exploitable'), ...base, vulnerability: Vulnerability, fixExpectedBy: z.iso.datetime() }),
  z.object({ kind: z.literal('bulletin-not-exploitable'), ...base, vulnerability: Vulnerability }),
  z.object({
    kind: z.literal('maintenance-schedule'),
    ...base,
    reference: z.string(),
    version: z.string(),
    deployments: z.array(
      DeploymentRef.extend({
        tenancy: z.enum(['single', 'multi']),
        window: z.iso.datetime(),
        /** Single-tenant only: the latest time the customer may ask to move the window to. */
        deferrableUntil: z.iso.datetime().optional(),
      }),
    ),
  }),
  z.object({
    kind: z.literal('deferral-confirmation'),
    ...base,
    deployment: DeploymentRef,
    agreedWindow: z.iso.datetime(),
    requestedBy: z.string(),
    reason: z.string(),
  }),
  z.object({
    kind: z.literal('reminder'),
    ...base,
    /** What is coming, e.g. the maintenance window of a deployment. */
    about: z.string(),
    at: z.iso.datetime(),
    /** Set when this reminds of an unacknowledged notice: its link opens (and acknowledges) that notice. */
    regarding: z.object({ kind: NoticeKind, revision: z.number().int().min(1) }).optional(),
  }),
]);
export type NoticeContent = z.infer<typeof NoticeContent>;
export type NoticeContentOf<K extends NoticeContent['kind']> = Extract<NoticeContent, { kind: K }>;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * A notice as a playbook writes it for one customer. The customer's name is filled in from the directory when the
 * notice is sent, so a round over thousands of customers never carries the directory through the workflow.
 */
export type CustomerNoticeContent = DistributiveOmit<NoticeContent, 'customerName'>;

/** An alert to the operations team (clock warnings and breaches, blocked sources, failed notices). */
export const OperationsAlert = z.object({
  incidentId: z.string(),
  /** Unique within the incident: the same key is sent once. */
  key: z.string().min(1).max(120),
  subject: z.string().min(1).max(200),
  lines: z.array(z.string().max(2000)).min(1),
});
export type OperationsAlert = z.infer<typeof OperationsAlert>;
