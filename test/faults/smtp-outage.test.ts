import { listNotices, listTimeline } from '@firebreak/db';
import type { WorkflowHandle } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { FaultySmtpServer } from '../support/faulty-smtp-server';
import { incidentIdOf, waitForStatus } from '../support/playbook-driver';
import { createTestContext, type TestContext } from '../support/test-context';
import { waitUntil } from '../support/wait-until';

describe('an SMTP relay that refuses connections, then answers 421, then comes back', () => {
  let smtp: FaultySmtpServer;
  let ctx: TestContext;
  let handle: WorkflowHandle | undefined;
  let stopWorker: () => Promise<void> = async () => {};

  beforeAll(async () => {
    smtp = await FaultySmtpServer.start();
    await smtp.setMode('refuse');
    ctx = await createTestContext('smtp-outage', { smtpPort: smtp.port });
    stopWorker = (await ctx.startWorker()).stop;
  });

  afterAll(async () => {
    await handle?.terminate('fault test finished').catch(() => {});
    await stopWorker();
    await ctx?.close();
    await smtp?.stop();
  });

  it('delivers every notice once, and the timeline shows the retries', async () => {
    const deployment = ctx.fleet.deployments.find((d) => d.tenancy === 'multi')!;
    handle = await ctx.declare('infrastructure-compromise', [deployment]);
    const incidentId = incidentIdOf(handle);
    const retries = async () => (await listTimeline(ctx.db, incidentId)).filter((e) => e.summary.startsWith('Retrying notice'));

    await waitUntil('a notice is retried after a refused connection', async () =>
      (await retries()).some((e) => /ECONNREFUSED|ECONNECTION/.test(e.summary)),
    );
    await smtp.setMode('unavailable');
    await waitUntil('a notice is retried after a 421 greeting', async () => (await retries()).some((e) => e.summary.includes('421')), {
      timeoutMs: 180_000,
    });
    expect(smtp.messages).toHaveLength(0);
    await smtp.setMode('accept');
    await waitForStatus(ctx, handle, 'contained', 240_000);

    const designated = ctx.fleet.customers
      .filter((c) => deployment.customerIds.includes(c.id))
      .flatMap((c) => c.contacts.filter((k) => k.role === 'designated-technical'));
    const notices = (await listNotices(ctx.db, incidentId)).filter((n) => n.kind === 'incident-details');
    expect(notices.map((n) => n.status)).toEqual(designated.map(() => 'sent'));
    const received = smtp.messages.filter((m) => m.headers.get('x-firebreak-notice') === 'incident-details');
    expect(received.map((m) => m.to).sort()).toEqual(designated.map((c) => c.email).sort());
    expect(smtp.faults.unavailable).toBeGreaterThan(0);

    const retried = await retries();
    // Every contact's notice was attempted during the outage, so each one's retries are on the timeline.
    for (const contact of designated) {
      expect(
        retried.some((e) => e.details.contactId === contact.id),
        contact.id,
      ).toBe(true);
    }
    // Each retry is recorded once (its id is the notice and attempt number).
    expect(new Set(retried.map((e) => e.id)).size).toBe(retried.length);
  });
});
