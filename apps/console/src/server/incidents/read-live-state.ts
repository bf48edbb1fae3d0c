import { Clock, type Incident, INCIDENT_QUERIES, PendingDecision } from '@firebreak/domain';
import { z } from 'zod';

import { callWithTimeout } from '../call-with-timeout';
import { getTemporalClient } from '../temporal-client';

/** A page render or an API read waits this long for the playbook to answer, then shows what the database knows. */
export const STATE_QUERY_TIMEOUT_MS = 2000;

/** The part of the playbook's state query the console shows; other fields are ignored. */
const QueriedState = z.object({
  pendingDecisions: z.array(PendingDecision).default([]),
  clocks: z.array(Clock).default([]),
});

export interface LiveState {
  pendingDecisions: PendingDecision[];
  clocks: Clock[];
  /** False when the playbook did not answer (closed, no worker, orchestrator down): the lists are then empty. */
  live: boolean;
}

const NOT_LIVE: LiveState = { pendingDecisions: [], clocks: [], live: false };

/**
 * What the incident's playbook is waiting for right now, asked of the workflow itself. Never throws: an incident
 * page must render even when the orchestrator does not answer.
 */
export async function readLiveState(incident: Incident, timeoutMs = STATE_QUERY_TIMEOUT_MS): Promise<LiveState> {
  if (incident.status === 'closed') return NOT_LIVE;
  try {
    const client = await getTemporalClient();
    const answer = await callWithTimeout(client, timeoutMs, () =>
      client.workflow.getHandle(incident.workflowId).query<unknown>(INCIDENT_QUERIES.state),
    );
    const state = QueriedState.safeParse(answer);
    if (!state.success) {
      console.error(`[incidents] ${incident.id}: unexpected state from the playbook:`, state.error.message);
      return NOT_LIVE;
    }
    return { ...state.data, live: true };
  } catch {
    // Not running, no worker or unreachable: all mean "nothing live to show", and the page says so.
    return NOT_LIVE;
  }
}
