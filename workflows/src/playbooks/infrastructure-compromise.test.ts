import type { Activities } from '@firebreak/activities';
import { type DecisionRequest, FAILURE, incidentWorkflowId } from '@firebreak/domain';
import { ApplicationFailure } from '@temporalio/activity';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { decideUpdate, incidentStateQuery, infrastructureCompromise } from '../index';
import { eventually, playbookInput, WorkflowTestBed } from '../testing/workflow-test-bed';

let bed: WorkflowTestBed;
// A server per test: time skipping is global to a server, and a workflow a test terminates can leave it unable to skip.
beforeEach(async () => {
  bed = await WorkflowTestBed.start(estateActivities());
});
afterEach(() => bed?.teardown());

const HOUR = 3600_000;

/**
 * The EC2 side of containment and recovery, answering as a one-instance deployment would. The disconnect reads only
 * the instances, addresses, ACL and isolation group from these answers; the rest goes to the timeline as it is.
 */
function estateActivities(): Partial<Activities> {
  const summary = (value: object) => async () => value as never;
  return {
    denyDirectorySubnetTraffic: summary({ subnets: [] }),
    releaseDeploymentAddresses: summary({ released: [] }),
    captureDeploymentState: summary({ instances: 1, elasticIps: [], autoAssignedPublicIps: [], untaggedInterfaces: [] }),
    denySubnetTraffic: summary({ networkAclId: 'acl-0c0de1' }),
    suspendAutoScaling: summary({ groups: [] }),
    deregisterTargets: summary({ targetGroups: [] }),
    removeAutoAssignedAddresses: summary({ requested: [] }),
    releasePublicAddresses: summary({ released: [] }),
    isolateNetworkInterfaces: summary({ isolationGroupId: 'sg-0150' }),
    protectInstances: summary({ protected: ['i-0c0de1'] }),
    snapshotVolumes: summary({ snapshots: [] }),
    tagContainedResources: summary({ tagged: 1 }),
    checkIsolation: summary({ clean: true, problems: [], evidence: { untaggedInterfaces: [] } }),
    createCleanNetwork: summary({
      vpcId: 'vpc-0c1ea2',
      subnetIds: ['subnet-0c1ea2'],
      internetGatewayId: 'igw-0c1ea2',
      routeTableId: 'rtb-0c1ea2',
    }),
    createCleanFirewall: summary({ securityGroupId: 'sg-0c1ea2', rules: [] }),
    launchCleanInstances: summary({ instanceIds: ['i-0c1ea2'] }),
    attachCleanAddresses: summary({
      addresses: [{ allocationId: 'eipalloc-0c1ea2', publicIp: '198.51.100.20', instanceId: 'i-0c1ea2' }],
      keptProductionAddress: [],
    }),
    enableHeightenedMonitoring: summary({ flowLogIds: [], detailedMonitoring: 'enabled' }),
    checkCleanEnvironment: async () => ({ checkedAt: new Date().toISOString(), healthy: true, findings: [] }),
    removeCleanEnvironment: summary({ removed: [] }),
  };
}

function backupDecision(choice: 'yes' | 'no'): DecisionRequest {
  return {
    decisionId: `backup-safe-${choice}`,
    gate: 'backup-safe',
    choice,
    reason: choice === 'yes' ? 'the known-good image predates the compromise' : 'the image cannot be trusted yet',
    actor: { kind: 'user', id: 'user-2', name: 'Robin Engineer' },
    role: 'on-call',
  };
}

async function startContained() {
  const input = playbookInput({ playbook: 'infrastructure-compromise' });
  const handle = await bed.env.client.workflow.start(infrastructureCompromise, {
    args: [input],
    taskQueue: bed.taskQueue,
    workflowId: incidentWorkflowId(input.incidentId),
  });
  const state = await eventually(
    () => handle.query(incidentStateQuery),
    (s) => s.pendingDecisions.some((p) => p.gate === 'backup-safe'),
    'the incident is contained and the backup-safe gate is open',
  );
  return { handle, state, declaredAt: Date.parse(state.facts.declaredAt as string) };
}

const clockOf = async (handle: Awaited<ReturnType<typeof startContained>>['handle']) =>
  (await handle.query(incidentStateQuery)).clocks.find((c) => c.name === 'backup-instance')!;

describe('infrastructure compromise', () => {
  it('warns at 18 h and breaches at 24 h while no backup is built, then records the backup as met late', async () => {
    const { handle, state, declaredAt } = await startContained();
    expect(state.status).toBe('contained');
    expect(state.clocks.find((c) => c.name === 'backup-instance')).toMatchObject({
      status: 'running',
      deadline: new Date(declaredAt + 24 * HOUR).toISOString(),
    });

    await bed.env.sleep('19 hours');
    expect((await clockOf(handle)).status).toBe('warned');
    await bed.env.sleep('6 hours');
    expect((await clockOf(handle)).status).toBe('breached');
    expect(bed.recorded.alerts.map((a) => a.key)).toEqual(['clock-warning-backup-instance', 'clock-breach-backup-instance']);

    await handle.executeUpdate(decideUpdate, { args: [backupDecision('yes')] });
    await eventually(
      () => handle.query(incidentStateQuery),
      (s) => s.status === 'monitoring',
      'the clean environment is built and watched',
    );
    const outcomes = bed.recorded.events.filter((e) => e.details.clock === 'backup-instance').map((e) => e.details.outcome);
    expect(outcomes).toEqual(['warned', 'breached', 'met-late']);
    const kinds = bed.recorded.noticeBatches.map((b) => b.notices[0]!.content.kind);
    expect(kinds).toEqual(['incident-details', 'backup-environment-ready', 'risk-communication']);
    await handle.terminate('the test has seen the backup built');
  });

  it('tells operations when a step fails for good, and waits, failed, for an engineer to close it', async () => {
    bed.use({
      createCleanNetwork: async () => {
        throw ApplicationFailure.create({ type: FAILURE.DEPLOYMENT_INCOMPLETE, message: 'no known-good image', nonRetryable: true });
      },
    });
    const { handle } = await startContained();
    await handle.executeUpdate(decideUpdate, { args: [backupDecision('yes')] });
    const state = await eventually(
      () => handle.query(incidentStateQuery),
      (s) => s.status === 'failed',
      'the incident has failed',
    );
    expect(state.status).toBe('failed');
    await eventually(
      async () => bed.recorded.alerts,
      (alerts) => alerts.some((a) => a.key === 'incident-failed'),
      'operations are alerted',
    );
    const alert = bed.recorded.alerts.find((a) => a.key === 'incident-failed')!;
    expect(alert.subject).toContain('no known-good image');
    await handle.terminate('the test has seen the failure reported');
  });

  it('stops the backup clock without a verdict when no backup is deemed safe, and closes after the risk notice', async () => {
    const { handle } = await startContained();
    await handle.executeUpdate(decideUpdate, { args: [backupDecision('no')] });
    const state = await handle.result();
    expect(state.status).toBe('closed');
    expect(state.clocks.find((c) => c.name === 'backup-instance')!.status).toBe('cancelled');
    const kinds = bed.recorded.noticeBatches.map((b) => b.notices[0]!.content.kind);
    expect(kinds).toEqual(['incident-details', 'risk-communication', 'incident-closed']);
  });
});
