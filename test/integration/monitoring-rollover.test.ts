import { listTimeline } from '@firebreak/db';
import type { MonitoringInput, MonitoringResult } from '@firebreak/workflows';
import { describe, expect, it } from 'vitest';

import { decide, incidentIdOf, waitForGate, waitForStatus } from '../support/playbook-driver';
import { useTestContextWithWorker } from '../support/test-context';
import { waitUntil } from '../support/wait-until';

/**
 * A weeks-long watch must not grow one endless history: the monitor rolls over with continue-as-new and carries
 * what it saw. The playbook's own watch rolls over every 200 checks; this one every 2, over the clean environment
 * the playbook built.
 */
describe('heightened monitoring across continue-as-new', () => {
  const context = useTestContextWithWorker('rollover');

  it('keeps counting checks across runs, turns monitoring on once, and stops on the signal', async () => {
    const ctx = context();
    const deployment = ctx.fleet.deployments.find((d) => d.tenancy === 'multi')!;
    const playbook = await ctx.declare('infrastructure-compromise', [deployment]);
    const incidentId = incidentIdOf(playbook);
    await waitForGate(playbook, 'backup-safe');
    await decide(playbook, 'backup-safe', 'yes', 'The known-good image is safe to run');
    await waitForStatus(ctx, playbook, 'monitoring');

    const workflowId = `${playbook.workflowId}/monitor-rollover`;
    const input: MonitoringInput = { incidentId, deployment, purpose: 'backup', intervalSeconds: 0.1, checksPerRun: 2 };
    const first = await ctx.client.workflow.start('heightenedMonitoring', { workflowId, taskQueue: ctx.taskQueue, args: [input] });
    const runIds = new Set([first.firstExecutionRunId]);
    const latest = ctx.client.workflow.getHandle(workflowId);
    await waitUntil('the watch has rolled over twice', async () => {
      runIds.add((await latest.describe()).runId);
      return runIds.size >= 3;
    });

    // Every run but the last ended by continuing as new, with the checks so far carried over.
    const firstRunEvents = (await ctx.client.workflow.getHandle(workflowId, first.firstExecutionRunId).fetchHistory()).events ?? [];
    expect(firstRunEvents.at(-1)?.workflowExecutionContinuedAsNewEventAttributes).toBeTruthy();

    const lastRunStarted = (await latest.describe()).startTime;
    await latest.signal('stopMonitoring');
    const result: MonitoringResult = await latest.result();
    expect(result.checksRun).toBeGreaterThanOrEqual(4);
    // The watch's start is carried over, not reset by each run.
    expect(Date.parse(result.since)).toBeLessThan(lastRunStarted.getTime());

    const timeline = await listTimeline(ctx.db, incidentId);
    // Monitoring was turned on once by the playbook's watch and once by this one, never again per run.
    expect(timeline.filter((e) => e.summary.startsWith('Heightened monitoring on'))).toHaveLength(2);

    await playbook.terminate('test finished');
  });
});
