import type { Activities } from '@firebreak/activities';
import { DEFAULT_POLICY } from '@firebreak/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { heightenedMonitoring, stopMonitoringSignal } from '../index';
import { deployment, WorkflowTestBed } from '../testing/workflow-test-bed';

let bed: WorkflowTestBed;
const checks: number[] = [];
beforeEach(async () => {
  checks.length = 0;
  bed = await WorkflowTestBed.start(monitoringActivities());
});
afterEach(() => bed?.teardown());

function monitoringActivities(): Partial<Activities> {
  return {
    async enableHeightenedMonitoring() {
      return { flowLogIds: ['fl-0a1b'], detailedMonitoring: 'enabled' };
    },
    async checkCleanEnvironment() {
      checks.push(checks.length + 1);
      // The fourth check finds a change; the others see the environment as built.
      const findings = checks.length === 4 ? ['i-0c1ea2 no longer requires IMDSv2'] : [];
      return { checkedAt: new Date().toISOString(), healthy: findings.length === 0, findings };
    },
  };
}

describe('heightened monitoring', () => {
  it('checks every 15 minutes, rolls its history over with continue-as-new, and stops on the signal', async () => {
    const workflowId = `monitoring-${Math.random()}`;
    const handle = await bed.env.client.workflow.start(heightenedMonitoring, {
      taskQueue: bed.taskQueue,
      workflowId,
      args: [
        {
          incidentId: 'inc-0a1b2c3d4e5f',
          deployment: deployment({ id: 'acme-single', tenancy: 'single', customerIds: ['acme'] }),
          purpose: 'backup',
          intervalSeconds: DEFAULT_POLICY.monitoringCheckIntervalSeconds,
          checksPerRun: 3,
        },
      ],
    });
    // 2 h at the policy's 15-minute interval: 8 or 9 checks, so at least two roll-overs at three checks per run.
    await bed.env.sleep('2 hours');
    await bed.env.client.workflow.getHandle(workflowId).signal(stopMonitoringSignal);
    const result = await handle.result();

    expect(checks.length).toBeGreaterThanOrEqual(8);
    expect(result.checksRun).toBe(checks.length);
    expect(result.lastFindings).toEqual([]);
    const description = await bed.env.client.workflow.getHandle(workflowId).describe();
    expect(description.runId).not.toBe(handle.firstExecutionRunId);
    // Monitoring was switched on once, not again in each continued run; the start is carried over.
    expect(bed.eventsAbout('Heightened monitoring on')).toHaveLength(1);
    // The first check, the finding and the return to healthy are recorded; unchanged healthy checks are not.
    const recordedChecks = bed.eventsAbout('Monitoring check of').map((e) => e.details.checksRun);
    expect(recordedChecks).toEqual([1, 4, 5]);
  });
});
