import type { Activities, IsolationReport } from '@firebreak/activities';
import { type DecisionRequest, FAILURE, incidentWorkflowId } from '@firebreak/domain';
import { ApplicationFailure } from '@temporalio/activity';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { decideUpdate, incidentStateQuery, infrastructureCompromise } from '../index';
import { eventually, playbookInput, WorkflowTestBed } from '../testing/workflow-test-bed';

let bed: WorkflowTestBed;
// A server per test: time skipping is global to a server, and a workflow a test terminates can leave it unable to skip.
beforeEach(async () => {
  bed = await WorkflowTestBed.start(disconnectActivities());
});
afterEach(() => bed?.teardown());

const AUTO_ASSIGNED = 'instance i-0a070 still has the auto-assigned public address 198.51.100.70 on interface eni-0a070';

/** How often each EC2 step of the disconnect ran. */
const calls = new Map<string, number>();
const counted =
  <T>(name: string, answer: () => T) =>
  async () => {
    calls.set(name, (calls.get(name) ?? 0) + 1);
    return answer() as never;
  };

function report(problems: string[]): IsolationReport {
  return { clean: problems.length === 0, problems, evidence: { untaggedInterfaces: [] } as unknown as IsolationReport['evidence'] };
}

/** A one-instance deployment whose final check still finds the auto-assigned address (as the emulator keeps it). */
function disconnectActivities(): Partial<Activities> {
  calls.clear();
  return {
    denyDirectorySubnetTraffic: counted('denyDirectorySubnetTraffic', () => ({ subnets: [] })),
    releaseDeploymentAddresses: counted('releaseDeploymentAddresses', () => ({ released: [] })),
    captureDeploymentState: counted('captureDeploymentState', () => ({
      instances: 1,
      elasticIps: [],
      autoAssignedPublicIps: ['198.51.100.70'],
      untaggedInterfaces: [],
    })),
    denySubnetTraffic: counted('denySubnetTraffic', () => ({ networkAclId: 'acl-0a070' })),
    suspendAutoScaling: counted('suspendAutoScaling', () => ({ groups: [] })),
    deregisterTargets: counted('deregisterTargets', () => ({ targetGroups: [] })),
    removeAutoAssignedAddresses: counted('removeAutoAssignedAddresses', () => ({ requested: [] })),
    releasePublicAddresses: counted('releasePublicAddresses', () => ({ released: [] })),
    isolateNetworkInterfaces: counted('isolateNetworkInterfaces', () => ({ isolationGroupId: 'sg-0a070' })),
    protectInstances: counted('protectInstances', () => ({ protected: [] })),
    snapshotVolumes: counted('snapshotVolumes', () => ({ snapshots: [] })),
    tagContainedResources: counted('tagContainedResources', () => ({ tagged: 1 })),
    checkIsolation: counted('checkIsolation', () => report([AUTO_ASSIGNED])),
  };
}

function containmentDecision(choice: 'retry' | 'accept-residuals' | 'escalate', id: string): DecisionRequest {
  return {
    decisionId: `containment-${id}`,
    gate: 'containment-incomplete',
    choice,
    reason: choice === 'accept-residuals' ? 'the emulator cannot remove auto-assigned addresses; the subnet ACL denies all' : 'try again',
    actor: { kind: 'user', id: 'user-2', name: 'Robin Engineer' },
    role: 'on-call',
  };
}

async function startIncident() {
  const input = playbookInput({ playbook: 'infrastructure-compromise' });
  const handle = await bed.env.client.workflow.start(infrastructureCompromise, {
    args: [input],
    taskQueue: bed.taskQueue,
    workflowId: incidentWorkflowId(input.incidentId),
  });
  return { handle, input };
}

const gateOpen = (gate: string) => (s: { pendingDecisions: { gate: string }[] }) => s.pendingDecisions.some((p) => p.gate === gate);

describe('containment that does not reach a clean final check', () => {
  it('tells each contact once, alerts operations with the remaining path, and waits at the gate until accepted', async () => {
    const { handle } = await startIncident();
    const waiting = await eventually(
      () => handle.query(incidentStateQuery),
      gateOpen('containment-incomplete'),
      'the containment-incomplete gate is open',
    );
    expect(waiting.status).toBe('active');

    const notices = bed.recorded.noticeBatches.flatMap((b) => b.notices);
    expect(notices.map((n) => n.content.kind)).toEqual(['incident-details']);
    expect(notices[0]!.content).toMatchObject({ deployments: [{ remaining: [AUTO_ASSIGNED] }] });
    expect(bed.recorded.alerts).toEqual([expect.objectContaining({ key: 'containment-incomplete-1' })]);
    expect(bed.recorded.alerts[0]!.lines).toContain(`acme-single: ${AUTO_ASSIGNED}`);

    // A retry runs the whole disconnect again; the address is still there, so operations hear of it again.
    await handle.executeUpdate(decideUpdate, { args: [containmentDecision('retry', 'retry-1')] });
    await eventually(
      async () => bed.recorded.alerts.length,
      (n) => n === 2,
      'the second alert after the retry',
    );
    expect(calls.get('checkIsolation')).toBe(2);
    expect(calls.get('removeAutoAssignedAddresses')).toBe(2);
    expect(bed.recorded.alerts[1]!.key).toBe('containment-incomplete-2');

    await eventually(() => handle.query(incidentStateQuery), gateOpen('containment-incomplete'), 'the gate is open again');
    await handle.executeUpdate(decideUpdate, { args: [containmentDecision('accept-residuals', 'accept')] });
    const accepted = await eventually(() => handle.query(incidentStateQuery), gateOpen('backup-safe'), 'the playbook goes on');
    expect(accepted.status).toBe('contained');
    expect(accepted.facts.acceptedResiduals).toMatchObject({ remaining: [{ deploymentId: 'acme-single', remaining: [AUTO_ASSIGNED] }] });
    expect(accepted.clocks.find((c) => c.name === 'containment')!.status).toBe('cancelled');
    // Still one notice per contact: the retry did not send another.
    expect(bed.recorded.noticeBatches.flatMap((b) => b.notices).map((n) => n.content.kind)).toEqual(['incident-details']);
    await handle.terminate('the test has seen the playbook go on');
  });

  it('goes on with the other steps when AWS refuses one, names the refusal, and completes once a retry is clean', async () => {
    bed.use({
      releaseDeploymentAddresses: counted('releaseDeploymentAddresses', () => {
        throw ApplicationFailure.create({
          type: FAILURE.AWS_REQUEST_REFUSED,
          message: 'AWS refused DisassociateAddress: UnauthorizedOperation: You are not authorized to perform this operation.',
          nonRetryable: true,
        });
      }),
      checkIsolation: counted('checkIsolation', () => report([])),
    });
    const { handle } = await startIncident();
    await eventually(() => handle.query(incidentStateQuery), gateOpen('containment-incomplete'), 'the gate is open');
    // Refused once (non-retryable: no retry storm), and every later step still ran.
    expect(calls.get('releaseDeploymentAddresses')).toBe(1);
    expect(calls.get('isolateNetworkInterfaces')).toBe(1);
    expect(bed.recorded.alerts[0]!.lines.join('\n')).toContain('could not release the public addresses: AWS refused DisassociateAddress');
    expect(bed.eventsAbout('Could not release the public addresses')).toHaveLength(1);

    bed.use({ releaseDeploymentAddresses: counted('releaseDeploymentAddresses', () => ({ released: [] })) });
    await handle.executeUpdate(decideUpdate, { args: [containmentDecision('retry', 'retry-clean')] });
    const state = await eventually(() => handle.query(incidentStateQuery), gateOpen('backup-safe'), 'contained after the retry');
    expect(state.status).toBe('contained');
    expect(state.clocks.find((c) => c.name === 'containment')!.status).toBe('met');
    expect(bed.eventsAbout('Containment complete')).toHaveLength(1);
    await handle.terminate('the test has seen the retry succeed');
  });

  it('escalation alerts operations again and keeps the gate open', async () => {
    const { handle } = await startIncident();
    await eventually(() => handle.query(incidentStateQuery), gateOpen('containment-incomplete'), 'the gate is open');
    await handle.executeUpdate(decideUpdate, { args: [containmentDecision('escalate', 'escalate')] });
    const state = await eventually(
      () => handle.query(incidentStateQuery),
      gateOpen('containment-incomplete'),
      'the gate is open again after the escalation',
    );
    expect(state.status).toBe('active');
    expect(bed.recorded.alerts.map((a) => a.key)).toEqual(['containment-incomplete-1', 'containment-escalated-2']);
    expect(bed.recorded.alerts[1]!.lines[0]).toContain('Robin Engineer escalated');
    await handle.terminate('the test has seen the escalation');
  });

  it('warns on-call when containment is still stuck at the policy share of 15 minutes', async () => {
    bed.use({
      denySubnetTraffic: counted('denySubnetTraffic', () => {
        throw ApplicationFailure.create({ type: 'ServiceUnavailable', message: 'EC2 is unavailable' });
      }),
    });
    const { handle } = await startIncident();
    await bed.env.sleep('12 minutes');
    const state = await handle.query(incidentStateQuery);
    expect(state.clocks.find((c) => c.name === 'containment')).toMatchObject({ status: 'warned' });
    expect(bed.recorded.alerts.map((a) => a.key)).toContain('clock-warning-containment');
    expect(calls.get('denySubnetTraffic')).toBeGreaterThan(1);
    await handle.terminate('the test has seen the warning');
  });
});

describe('containment that reaches a clean final check', () => {
  it('meets the containment clock and goes straight on', async () => {
    bed.use({ checkIsolation: counted('checkIsolation', () => report([])) });
    const { handle } = await startIncident();
    const state = await eventually(() => handle.query(incidentStateQuery), gateOpen('backup-safe'), 'contained');
    expect(state.clocks.find((c) => c.name === 'containment')!.status).toBe('met');
    expect(bed.recorded.alerts).toEqual([]);
    expect(bed.recorded.noticeBatches.flatMap((b) => b.notices)[0]!.content).toMatchObject({ deployments: [{ remaining: [] }] });
    await handle.terminate('the test has seen containment complete');
  });
});
