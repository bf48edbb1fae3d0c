import { createEc2ClientFactory, EC2_DEFAULT_BUCKETS, Ec2RateLimiter } from '@firebreak/aws';
import { findIncident } from '@firebreak/db';
import type { WorkflowHandle } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { incidentIdOf } from '../support/playbook-driver';
import { createTestContext, type TestContext } from '../support/test-context';
import { waitUntil } from '../support/wait-until';

/** Longer than the EC2 activities' heartbeat timeout (30 s), and than the start-to-close they used to have. */
const TOKEN_INTERVAL_SECONDS = 40;

describe('an activity queued on a busy bucket for longer than its heartbeat timeout', () => {
  let ctx: TestContext;
  let handle: WorkflowHandle | undefined;
  let stopWorker: () => Promise<void> = async () => {};

  beforeAll(async () => {
    // A mutating bucket of one token that comes back every 40 s: the block's second ACL entry waits that long.
    const limiter = new Ec2RateLimiter({ ...EC2_DEFAULT_BUCKETS, mutating: { capacity: 1, refillPerSecond: 1 / TOKEN_INTERVAL_SECONDS } });
    ctx = await createTestContext('limiter-queue', {
      workerEc2For: createEc2ClientFactory({ endpoint: inject('motoEndpoint'), rateLimit: true, limiterFor: () => limiter }),
    });
    stopWorker = (await ctx.startWorker()).stop;
  });

  afterAll(async () => {
    await handle?.terminate('fault test finished').catch(() => {});
    await stopWorker();
    await ctx?.close();
  });

  it('keeps its first attempt alive by heartbeating, so nothing is retried or spent twice', { timeout: 180_000 }, async () => {
    const deployment = ctx.fleet.deployments[0]!;
    handle = await ctx.declare('suspicious-activity', [deployment], { sourceAddress: '198.51.100.23' });
    const started = Date.now();
    await waitUntil('the source is blocked', async () => (await findIncident(ctx.db, incidentIdOf(handle!)))?.status === 'blocked', {
      timeoutMs: 150_000,
    });
    expect(Date.now() - started).toBeGreaterThan((TOKEN_INTERVAL_SECONDS - 5) * 1000);

    const { events } = await handle.fetchHistory();
    const scheduled = (events ?? []).filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'blockSourceAddress');
    const scheduledIds = new Set(scheduled.map((e) => String(e.eventId)));
    const attempts = (events ?? [])
      .filter((e) => scheduledIds.has(String(e.activityTaskStartedEventAttributes?.scheduledEventId)))
      .map((e) => e.activityTaskStartedEventAttributes?.attempt);
    expect(scheduled).toHaveLength(1);
    expect(attempts).toEqual([1]);
    expect((events ?? []).some((e) => e.activityTaskTimedOutEventAttributes)).toBe(false);
  });
});
