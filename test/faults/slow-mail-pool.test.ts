import { listNotices, listTimeline, upsertCustomer } from '@firebreak/db';
import type { Deployment } from '@firebreak/domain';
import type { WorkflowHandle } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { manyCustomers } from '../support/many-customers';
import { incidentIdOf, waitForGate } from '../support/playbook-driver';
import { createTestContext, type TestContext } from '../support/test-context';
import { TEST_POLICY } from '../support/test-policy';
import { waitUntil } from '../support/wait-until';

/** Slow enough that a message queued behind one round waits longer than the 30 s heartbeat timeout. */
const MESSAGES_PER_SECOND = 3;

/**
 * A relay that takes three messages a second, and two incidents: the second one's bulletins wait their turn in the
 * worker's mail pool behind the first one's round, longer than the activity heartbeat timeout. Waiting must not look
 * like a crashed worker, or the page would be started again while its messages are still queued, and its contacts
 * would get the bulletin twice.
 */
describe('a notice round queued behind a slow mail pool', () => {
  let ctx: TestContext;
  const handles: WorkflowHandle[] = [];
  let stopWorker: () => Promise<void> = async () => {};

  beforeAll(async () => {
    ctx = await createTestContext('slow-mail-pool', { maxMessagesPerSecond: MESSAGES_PER_SECOND });
    stopWorker = (await ctx.startWorker()).stop;
  });

  afterAll(async () => {
    for (const handle of handles) await handle.terminate('fault test finished').catch(() => {});
    await stopWorker();
    await ctx?.close();
  });

  it('sends each bulletin once, in one attempt, however long it waits', { timeout: 300_000 }, async () => {
    const extra = manyCustomers('slow', 30);
    for (const customer of extra) await upsertCustomer(ctx.db, customer);
    const multi = ctx.fleet.deployments.find((d) => d.tenancy === 'multi')!;
    const single = ctx.fleet.deployments.find((d) => d.tenancy === 'single')!;
    const busy: Deployment = { ...multi, customerIds: [...multi.customerIds, ...extra.map((c) => c.id)] };
    const designatedOf = (deployment: Deployment) =>
      [...ctx.fleet.customers, ...extra]
        .filter((c) => deployment.customerIds.includes(c.id))
        .flatMap((c) => c.contacts)
        .filter((c) => c.role === 'designated-technical');
    const designated = [...designatedOf(busy), ...designatedOf(single)];
    // The first incident's round alone is more than 30 s of mail at this rate.
    expect(designatedOf(busy).length / MESSAGES_PER_SECOND).toBeGreaterThan(45);

    const declare = (deployment: Deployment, reference: string) =>
      ctx.declare('exploitable-vulnerability', [deployment], {
        vulnerability: { reference, title: 'Slow relay', component: 'asperanoded', discoveredAt: new Date().toISOString() },
        policy: { ...TEST_POLICY, bulletinTargetSeconds: 600, bulletinLimitSeconds: 1200, fixReleaseLimitSeconds: 1200 },
      });
    const first = await declare(busy, 'CVE-2026-40405');
    handles.push(first);
    await waitUntil('the first round is on its way', async () => ctx.smtp.ofKind('bulletin-exploitable').length > 0);
    // The second incident's bulletins queue behind the rest of the first round.
    const second = await declare(single, 'CVE-2026-40406');
    handles.push(second);
    await waitUntil('every bulletin is delivered', async () => ctx.smtp.ofKind('bulletin-exploitable').length >= designated.length, {
      timeoutMs: 180_000,
    });
    for (const handle of handles) await waitForGate(handle, 'fix-released');

    expect(
      ctx.smtp
        .ofKind('bulletin-exploitable')
        .map((m) => m.to)
        .sort(),
    ).toEqual(designated.map((c) => c.email).sort());
    for (const handle of handles) {
      const incidentId = incidentIdOf(handle);
      const notices = (await listNotices(ctx.db, incidentId)).filter((n) => n.kind === 'bulletin-exploitable');
      expect(notices.every((n) => n.status === 'sent' && n.attempts === 1)).toBe(true);
      expect((await listTimeline(ctx.db, incidentId)).filter((e) => e.summary.startsWith('Retrying notice'))).toEqual([]);
      // No page was taken for a crashed one and started again.
      const history = (await handle.fetchHistory()).events ?? [];
      const attempts = history.flatMap((e) => (e.activityTaskStartedEventAttributes ? [e.activityTaskStartedEventAttributes.attempt] : []));
      expect(attempts.length).toBeGreaterThan(0);
      expect(attempts.every((attempt) => attempt === 1)).toBe(true);
    }
  });
});
