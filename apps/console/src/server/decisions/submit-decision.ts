import { randomUUID } from 'node:crypto';

import {
  type Actor,
  DecisionBody,
  DecisionOutcome,
  DecisionRequest,
  FirebreakError,
  type Incident,
  INCIDENT_UPDATES,
  refusalCodesOf,
} from '@firebreak/domain';
import { WorkflowNotFoundError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';

import { toFieldErrors } from '../api/field-errors';
import { recordAudit } from '../audit/record-audit';
import { CallTimedOutError, callWithTimeout } from '../call-with-timeout';
import { findIncidentOrThrow } from '../incidents/get-incident';
import { updateRefusalOf, withTemporal } from '../temporal-errors';
import { type CallerRole, deciderRoleOf } from './decider-role';
import { decisionRefusal } from './decision-refusal';
import { recordRefusedDecision } from './record-refused-decision';

/** How long a caller waits for a playbook worker to accept or refuse a decision. */
export const DECISION_TIMEOUT_MS = 10_000;

export interface DecisionCommand {
  incidentId: string;
  /** The unvalidated body: { gate, choice, reason, decisionId? }. */
  body: unknown;
  actor: Actor;
  role: CallerRole;
  timeoutMs?: number;
}

/** Codes that mean "the decision was refused", as opposed to "it could not be asked" (unreachable, internal). */
const REFUSALS = new Set<string>(['VALIDATION_FAILED', 'FORBIDDEN', 'INCIDENT_NOT_OPEN', ...refusalCodesOf('decide')]);

/**
 * Takes a decision at one of the incident's gates. The playbook's update validator accepts or refuses it at once;
 * the decision id is the update id, so a repeated request is answered with the first outcome and changes nothing.
 * Every refusal is put on the timeline; accepted decisions are recorded by the playbook.
 */
export async function submitDecision(command: DecisionCommand): Promise<DecisionOutcome> {
  const incident = await findIncidentOrThrow(command.incidentId);
  try {
    const outcome = await decide(incident, command);
    await recordAudit({
      severity: 'notice',
      eventType: 'decision.taken',
      actor: command.actor,
      details: { incidentId: incident.id, role: command.role, gate: outcome.gate, choice: outcome.choice, decisionId: outcome.decisionId },
    });
    return outcome;
  } catch (error) {
    if (error instanceof FirebreakError && REFUSALS.has(error.code)) {
      await recordRefusedDecision({
        incidentId: incident.id,
        body: command.body,
        actor: command.actor,
        role: command.role,
        refusal: error,
      });
      await recordAudit({
        severity: 'warning',
        eventType: 'decision.refused',
        actor: command.actor,
        details: { incidentId: incident.id, role: command.role, refusal: error.code },
      });
    }
    throw error;
  }
}

async function decide(
  incident: Incident,
  { body, actor, role, timeoutMs = DECISION_TIMEOUT_MS }: DecisionCommand,
): Promise<DecisionOutcome> {
  const deciderRole = deciderRoleOf(role);
  if (!deciderRole) {
    throw new FirebreakError('FORBIDDEN', `The ${role} role does not take decisions. Ask an on-call engineer or an administrator.`);
  }
  const parsed = DecisionBody.safeParse(body);
  if (!parsed.success) throw new FirebreakError('VALIDATION_FAILED', 'The decision is not valid.', toFieldErrors(parsed.error));
  if (incident.status === 'closed') throw new FirebreakError('INCIDENT_NOT_OPEN', 'The incident is closed: it takes no more decisions.');

  const decisionId = parsed.data.decisionId ?? randomUUID();
  const request = DecisionRequest.parse({ ...parsed.data, decisionId, actor, role: deciderRole });
  const result = await withTemporal(async (client) => {
    try {
      return await callWithTimeout(client, timeoutMs, () =>
        client.workflow.getHandle(incident.workflowId).executeUpdate<unknown, [DecisionRequest]>(INCIDENT_UPDATES.decide, {
          args: [request],
          updateId: decisionId,
        }),
      );
    } catch (error) {
      throw updateError(error, decisionId, timeoutMs);
    }
  });
  const outcome = DecisionOutcome.safeParse(result);
  if (!outcome.success) throw new Error(`the playbook answered decision ${decisionId} with an unexpected shape: ${outcome.error.message}`);
  return { ...outcome.data, decisionId };
}

function updateError(error: unknown, decisionId: string, timeoutMs: number): unknown {
  if (error instanceof WorkflowUpdateFailedError) return decisionRefusal(updateRefusalOf(error));
  if (error instanceof WorkflowNotFoundError) {
    return new FirebreakError('INCIDENT_NOT_OPEN', 'The incident has no running playbook to take the decision.');
  }
  if (error instanceof CallTimedOutError || error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
    return new FirebreakError(
      'ORCHESTRATOR_UNAVAILABLE',
      `No playbook worker answered within ${Math.round(timeoutMs / 1000)} s, so the outcome is not known yet. ` +
        `Send the same request again with "decisionId": "${decisionId}" to learn it; it is never applied twice.`,
    );
  }
  return error;
}
