import { findIncident, listTimeline } from '@firebreak/db';
import { describe, expect, it } from 'vitest';

import { denyEntriesFor } from '../../support/ec2-evidence';
import { decide, incidentIdOf, recordHistoryIfAsked, refusal, waitForGate, waitForStatus } from '../../support/playbook-driver';
import { useTestContextWithWorker } from '../../support/test-context';
import { TEST_POLICY } from '../../support/test-policy';
import { waitUntil } from '../../support/wait-until';

describe('suspicious-activity playbook, end to end', () => {
  const context = useTestContextWithWorker('suspicious');

  it('blocks the source at once, alerts operations, and lifts the block when its time runs out', async () => {
    const ctx = context();
    const deployment = ctx.fleet.deployments.find((d) => d.tenancy === 'single')!;
    const handle = await ctx.declare('suspicious-activity', [deployment], {
      summary: '40 failed SSH logins in a minute',
      sourceAddress: '203.0.113.45',
    });
    await waitForStatus(ctx, handle, 'blocked');
    const entries = await denyEntriesFor(ctx.ec2, deployment, '203.0.113.45/32');
    expect(entries.map((e) => e.Egress).sort()).toEqual([false, true]);

    const alert = (await ctx.smtp.waitForMessages(1))[0]!;
    expect(alert.to).toBe(TEST_POLICY.operationsEmail);
    expect(alert.subject).toContain('blocked 203.0.113.45');

    await handle.result();
    const incident = await findIncident(ctx.db, incidentIdOf(handle));
    expect(incident?.status).toBe('closed');
    expect(await denyEntriesFor(ctx.ec2, deployment, '203.0.113.45/32')).toEqual([]);
    const summaries = (await listTimeline(ctx.db, incidentIdOf(handle))).map((e) => e.summary);
    expect(summaries.some((s) => s.startsWith('No decision on keep-block in time'))).toBe(true);
    expect(summaries.some((s) => s.startsWith('Unblocked 203.0.113.45'))).toBe(true);
    await recordHistoryIfAsked(ctx, handle.workflowId, 'suspicious-activity.json');
  });

  it('keeps the block when an engineer decides so', async () => {
    const ctx = context();
    const deployment = ctx.fleet.deployments.find((d) => d.tenancy === 'multi')!;
    const handle = await ctx.declare('suspicious-activity', [deployment], {
      summary: 'credential stuffing against the web application',
      sourceAddress: '198.51.100.0/24',
      policy: { ...TEST_POLICY, blockTtlSeconds: 120 },
    });
    await waitForGate(handle, 'keep-block');
    expect(await refusal(decide(handle, 'keep-block', 'forever', 'x'))).toMatch(/^CHOICE_NOT_OFFERED/);
    await decide(handle, 'keep-block', 'keep', 'known botnet range; keep it blocked');
    await handle.result();
    expect((await denyEntriesFor(ctx.ec2, deployment, '198.51.100.0/24')).length).toBeGreaterThanOrEqual(2);
    await waitUntil('closed', async () => (await findIncident(ctx.db, incidentIdOf(handle)))?.status === 'closed');
  });
});
