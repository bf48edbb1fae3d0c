import type { Activities } from '@firebreak/activities';
import { type DecisionRequest, FAILURE, incidentWorkflowId } from '@firebreak/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { decideUpdate, incidentStateQuery, suspiciousActivity } from '../index';
import { eventually, playbookInput, refusalOf, WorkflowTestBed } from '../testing/workflow-test-bed';

let bed: WorkflowTestBed;
// A server per test: time skipping is global to a server, and a workflow a test terminates can leave it unable to skip.
beforeEach(async () => {
  bed = await WorkflowTestBed.start(activitiesOfThisFile());
});
afterEach(() => bed?.teardown());

const sourceAddress = '203.0.113.7';

function blockActivities(calls: string[]): Partial<Activities> {
  return {
    async blockSourceAddress({ deployment }) {
      calls.push(`block ${deployment.id}`);
      return { cidr: `${sourceAddress}/32`, entries: [] };
    },
    async unblockSourceAddress({ deployment }) {
      calls.push(`unblock ${deployment.id}`);
      return { cidr: `${sourceAddress}/32`, removed: 1, kept: 0 };
    },
  };
}

function decision(overrides: Partial<DecisionRequest> = {}): DecisionRequest {
  return {
    decisionId: 'decision-0001',
    gate: 'keep-block',
    choice: 'keep',
    reason: 'the source is a known scanner',
    actor: { kind: 'user', id: 'user-2', name: 'Robin Engineer' },
    role: 'on-call',
    ...overrides,
  };
}

async function startBlocked(input = playbookInput({ playbook: 'suspicious-activity', sourceAddress })) {
  const handle = await bed.env.client.workflow.start(suspiciousActivity, {
    args: [input],
    taskQueue: bed.taskQueue,
    workflowId: incidentWorkflowId(input.incidentId),
  });
  await eventually(
    () => handle.query(incidentStateQuery),
    (s) => s.pendingDecisions.some((p) => p.gate === 'keep-block'),
    'the keep-block gate is open',
  );
  return handle;
}

describe('suspicious activity', () => {
  it('lifts the block when the policy’s 24 hours pass without a decision', async () => {
    const calls: string[] = [];
    const state = await bed.withActivities(blockActivities(calls), async () => {
      const handle = await startBlocked();
      return handle.result();
    });
    expect(calls).toEqual(['block acme-single', 'unblock acme-single']);
    expect(state.status).toBe('closed');
    expect(state.pendingDecisions).toEqual([]);
    const expired = bed.eventsAbout('No decision on keep-block in time');
    expect(expired).toHaveLength(1);
    // The gate closed at the policy's block lifetime after it opened, in workflow time.
    const opened = bed.eventsAbout('Waiting for a decision')[0]!;
    expect(Date.parse(expired[0]!.at) - Date.parse(opened.at)).toBeGreaterThanOrEqual(24 * 3600 * 1000);
    expect(bed.recorded.alerts.map((a) => a.key)).toEqual(['source-blocked']);
  });

  it('keeps the block when an engineer decides so, and a repeated decision id is answered once', async () => {
    const calls: string[] = [];
    const { first, repeat, state } = await bed.withActivities(blockActivities(calls), async () => {
      const handle = await startBlocked();
      const request = decision();
      const first = await handle.executeUpdate(decideUpdate, { args: [request], updateId: request.decisionId });
      const repeat = await handle.executeUpdate(decideUpdate, { args: [request], updateId: request.decisionId });
      return { first, repeat, state: await handle.result() };
    });
    expect(first).toEqual(repeat);
    expect(first).toMatchObject({ gate: 'keep-block', choice: 'keep' });
    expect(state.decisions).toHaveLength(1);
    expect(calls).toEqual(['block acme-single']);
    expect(state.status).toBe('closed');
  });

  it('refuses a decision that is invalid, not offered, by a role not allowed, or for a gate not pending', async () => {
    await bed.withActivities(blockActivities([]), async () => {
      const handle = await startBlocked();
      const decide = (request: DecisionRequest) => handle.executeUpdate(decideUpdate, { args: [request] });

      const invalid = await refusalOf(decide(decision({ reason: ' ' })));
      expect(invalid.type).toBe(FAILURE.DECISION_INVALID);
      expect(invalid.details?.[0]).toMatchObject({ fieldErrors: [{ path: 'reason' }] });

      const notOffered = await refusalOf(decide(decision({ choice: 'maybe' })));
      expect(notOffered.type).toBe(FAILURE.CHOICE_NOT_OFFERED);

      const wrongRole = await refusalOf(decide(decision({ role: 'contact' })));
      expect(wrongRole.type).toBe(FAILURE.ROLE_NOT_ALLOWED);

      const notPending = await refusalOf(decide(decision({ gate: 'fix-released', choice: 'released' })));
      expect(notPending.type).toBe(FAILURE.GATE_NOT_PENDING);

      // None of them moved the incident: the gate is still open and nothing was decided.
      const state = await handle.query(incidentStateQuery);
      expect(state.decisions).toEqual([]);
      expect(state.pendingDecisions.map((p) => p.gate)).toEqual(['keep-block']);
      await handle.executeUpdate(decideUpdate, { args: [decision({ choice: 'lift-now', decisionId: 'decision-0002' })] });
      await handle.result();
    });
  });
});

/** Every activity this file's workflows call besides the recorders; each test changes them with withActivities(). */
function activitiesOfThisFile() {
  return blockActivities([]);
}
