import { CloseIncidentRequest, FirebreakError, type Incident, INCIDENT_UPDATES } from '@firebreak/domain';
import { WorkflowNotFoundError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';

import { toFieldErrors } from '../api/field-errors';
import { recordAudit } from '../audit/record-audit';
import { assertPermitted } from '../auth/permissions';
import type { Caller } from '../auth/require-actor';
import { CallTimedOutError, callWithTimeout } from '../call-with-timeout';
import { refusalError, type UpdateRefusal, updateRefusalOf, withTemporal } from '../temporal-errors';
import { findIncidentOrThrow } from './get-incident';

/** How long a caller waits for a playbook worker to accept or refuse the close. */
export const CLOSE_TIMEOUT_MS = 10_000;

export interface CloseIncidentInput {
  id: string;
  /** Unvalidated: why the incident is closed by hand. */
  reason: unknown;
  timeoutMs?: number;
}

/**
 * Asks the incident's workflow to close it. The workflow's update validator decides synchronously whether the
 * incident can close now; a refusal comes back as INCIDENT_NOT_OPEN with the validator's own words.
 */
export async function closeIncident(caller: Caller, { id, reason, timeoutMs = CLOSE_TIMEOUT_MS }: CloseIncidentInput): Promise<Incident> {
  assertPermitted(caller.role, 'incidents:close');
  const { actor } = caller;
  const parsed = CloseIncidentRequest.safeParse({ actor, reason });
  if (!parsed.success) {
    throw new FirebreakError('VALIDATION_FAILED', 'The close request is not valid.', toFieldErrors(parsed.error));
  }
  const incident = await findIncidentOrThrow(id);
  if (incident.status === 'closed') throw new FirebreakError('INCIDENT_NOT_OPEN', 'The incident is already closed.');

  await withTemporal(async (client) => {
    const handle = client.workflow.getHandle(incident.workflowId);
    try {
      await callWithTimeout(client, timeoutMs, () => handle.executeUpdate(INCIDENT_UPDATES.closeIncident, { args: [parsed.data] }));
    } catch (error) {
      if (error instanceof CallTimedOutError || error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
        throw new FirebreakError(
          'ORCHESTRATOR_UNAVAILABLE',
          `No playbook worker answered within ${Math.round(timeoutMs / 1000)} s. The close may still go through; look at the incident before you send it again.`,
        );
      }
      if (error instanceof WorkflowUpdateFailedError) throw closeRefusal(updateRefusalOf(error));
      if (error instanceof WorkflowNotFoundError) {
        throw new FirebreakError('INCIDENT_NOT_OPEN', 'The incident has no running playbook to close.');
      }
      throw error;
    }
  });
  await recordAudit({ severity: 'notice', eventType: 'incident.closed', actor, details: { incidentId: id, reason: parsed.data.reason } });
  return findIncidentOrThrow(id);
}

/** The API's error for a close the playbook refused: the registry's code for a typed refusal, words otherwise. */
function closeRefusal(refusal: UpdateRefusal): FirebreakError {
  if (refusal.kind === 'refused') return refusalError(refusal, `The incident cannot be closed now: ${refusal.message}.`);
  if (refusal.kind === 'unhandled') return new FirebreakError('INCIDENT_NOT_OPEN', "This incident's playbook cannot be closed by hand.");
  return new FirebreakError('INCIDENT_NOT_OPEN', refusal.message || 'The incident cannot be closed now.');
}
