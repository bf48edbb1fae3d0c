import {
  Clock,
  Customer,
  DecisionBody,
  DecisionOutcome,
  DeclareIncidentRequest,
  Deployment,
  ERROR_CODES,
  Incident,
  PendingDecision,
  Policy,
  TimelineEvent,
  type ErrorCode,
} from '@firebreak/domain';
import { z } from 'zod';
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

export const Timeline = z.object({ events: z.array(TimelineEvent) });
export const DeploymentList = z.object({ deployments: z.array(Deployment) });
export const CustomerList = z.object({ customers: z.array(Customer) });

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
  Health,
  ErrorResponse,
} as const;
export type ApiSchemaName = keyof typeof API_SCHEMAS;
