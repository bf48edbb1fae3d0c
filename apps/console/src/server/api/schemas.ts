import {
  Clock,
  ContactRole,
  Customer,
  DecisionBody,
  DecisionOutcome,
  DeclareIncidentRequest,
  Deployment,
  ERROR_CODES,
  type ErrorCode,
  Incident,
  IncidentPreview,
  Notice,
  NoticeKind,
  NoticeStatus,
  PendingDecision,
  PlaybookId,
  Policy,
  TimelineEvent,
} from '@firebreak/domain';
import { z } from 'zod';

import { CustomerPatch } from '../directory/customer-patch';
import { Health } from '../health/check-health';
import { CurrentPolicy, PolicyHistory, PolicyUpdateBody, PolicyVersion } from '../policy/policy-schemas';

/** Request and response bodies of /api/v1 that are not domain types themselves. */

export const CloseIncidentBody = z.object({
  reason: z.string().trim().min(1, 'give a reason').max(2000),
});

/** One incident as `GET /incidents/{id}` answers it: the record plus what its playbook waits for right now. */
export const IncidentDetail = Incident.extend({
  pendingDecisions: z.array(PendingDecision),
  clocks: z.array(Clock),
  /** False when the playbook did not answer (closed, or no worker): pendingDecisions and clocks are then empty. */
  live: z.boolean(),
});

export const IncidentList = z.object({
  incidents: z.array(Incident),
  nextBefore: z.iso.datetime().nullable(),
});

export const Timeline = z.object({
  events: z.array(TimelineEvent),
  /** Pass as `cursor` for the following events; null when this page reached the end. */
  nextCursor: z.string().nullable(),
});
export const DeploymentList = z.object({ deployments: z.array(Deployment) });
export const CustomerList = z.object({ customers: z.array(Customer) });
export const CustomerResponse = z.object({ customer: Customer });

export const DirectoryImportResult = z.object({
  imported: z.object({
    customers: z.number().int(),
    deployments: z.number().int(),
    /** Customers, contacts and deployments created, changed or (contacts) retired; each is in the audit log. */
    changes: z.number().int(),
  }),
});

/** One notice one of the customer's contacts received (`GET /customers/{id}/notices`). */
export const CustomerNotice = z.object({
  incidentId: z.string(),
  incidentSummary: z.string(),
  playbook: PlaybookId,
  kind: NoticeKind,
  revision: z.number().int().min(1),
  contactId: z.string(),
  contactName: z.string(),
  contactRole: ContactRole,
  /** Set when the contact has since been retired from the directory. */
  contactRetiredAt: z.iso.datetime().nullable(),
  recipientEmail: z.string(),
  subject: z.string(),
  status: NoticeStatus,
  attempts: z.number().int(),
  /** When Firebreak started sending it. */
  queuedAt: z.iso.datetime(),
  /** When the mail relay accepted it. */
  deliveredAt: z.iso.datetime().nullable(),
  failedAt: z.iso.datetime().nullable(),
  acknowledgedAt: z.iso.datetime().nullable(),
  error: z.string().nullable(),
});

export const CustomerNotices = z.object({
  customer: Customer.pick({ id: true, name: true, tenancy: true }),
  /** Per contact, newest first. */
  notices: z.array(CustomerNotice),
});

/** `GET /incidents/{id}/export.json`: everything recorded about an incident, as one document. */
export const IncidentExport = z.object({
  format: z.literal('firebreak-incident-export'),
  version: z.literal(1),
  exportedAt: z.iso.datetime(),
  incident: Incident,
  sla: z.object({ standing: z.enum(['on-track', 'warning', 'breached']), clocks: z.record(z.string(), z.string()) }),
  notices: z.array(Notice),
  timeline: z.array(TimelineEvent),
});

export const ErrorResponse = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]),
    message: z.string(),
    fieldErrors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    correlationId: z.string(),
  }),
});

/** Every schema the API document names, under the name it is published as. */
export const API_SCHEMAS = {
  DeclareIncidentRequest,
  CloseIncidentBody,
  Incident,
  IncidentDetail,
  IncidentList,
  IncidentPreview,
  PendingDecision,
  Clock,
  DecisionBody,
  DecisionOutcome,
  Policy,
  PolicyUpdateBody,
  PolicyVersion,
  CurrentPolicy,
  PolicyHistory,
  TimelineEvent,
  Timeline,
  Deployment,
  DeploymentList,
  Customer,
  CustomerList,
  CustomerPatch,
  CustomerResponse,
  CustomerNotice,
  CustomerNotices,
  DirectoryImportResult,
  IncidentExport,
  Health,
  ErrorResponse,
} as const;
export type ApiSchemaName = keyof typeof API_SCHEMAS;
