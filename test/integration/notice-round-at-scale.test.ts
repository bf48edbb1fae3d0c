import { createActivities, createMailTransport } from '@firebreak/activities';
import { listNotices, listTimeline, upsertCustomer } from '@firebreak/db';
import type { Deployment } from '@firebreak/domain';
import type { temporal } from '@temporalio/proto';
import { describe, expect, it } from 'vitest';

import { manyCustomers } from '../support/many-customers';
import { incidentIdOf, waitForGate } from '../support/playbook-driver';
import { useTestContextWithWorker } from '../support/test-context';
import { TEST_POLICY } from '../support/test-policy';

const EXTRA_CUSTOMERS = 60;
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

function payloadBytes(payloads: temporal.api.common.v1.IPayloads | null | undefined): number {
  return (payloads?.payloads ?? []).reduce((sum, p) => sum + (p.data?.length ?? 0), 0);
}

/** Every payload the workflow's history carries: its input, and each activity's input and result. */
function largestPayload(events: HistoryEvent[]): number {
  return Math.max(
    ...events.map((e) =>
      Math.max(
        payloadBytes(e.workflowExecutionStartedEventAttributes?.input),
        payloadBytes(e.activityTaskScheduledEventAttributes?.input),
        payloadBytes(e.activityTaskCompletedEventAttributes?.result),
      ),
    ),
  );
}

/**
 * A bulletin to more contacts than a single page or send window holds, through the real worker, Temporal and SMTP:
 * every contact gets exactly one, the history stays a few events per page of customers, running every page again
 * sends nothing new, and the reminders and the escalation that follow stay as small.
 */
describe('a notice round to hundreds of contacts', () => {
  const context = useTestContextWithWorker('notice-scale');

  it('reaches each designated contact once, records each, and keeps the history small', async () => {
    const ctx = context();
    ctx.smtp.clear();
    const extra = manyCustomers('scale', EXTRA_CUSTOMERS);
    for (const customer of extra) await upsertCustomer(ctx.db, customer);
    const refused = extra[EXTRA_CUSTOMERS - 1]!.contacts[2]!;
    ctx.smtp.refuseMailbox(refused.email);

    const multi = ctx.fleet.deployments.find((d) => d.tenancy === 'multi')!;
    const deployment: Deployment = { ...multi, customerIds: [...multi.customerIds, ...extra.map((c) => c.id)] };
    const designated = [...ctx.fleet.customers.filter((c) => multi.customerIds.includes(c.id)), ...extra]
      .flatMap((c) => c.contacts)
      .filter((c) => c.role === 'designated-technical');
    const delivered = designated.filter((c) => c.id !== refused.id);
    expect(designated.length).toBeGreaterThan(200);

    const handle = await ctx.declare('exploitable-vulnerability', [deployment], {
      vulnerability: {
        reference: 'CVE-2026-40404',
        title: 'Header injection in the transfer API',
        component: 'asperanoded',
        discoveredAt: new Date().toISOString(),
      },
      policy: {
        ...TEST_POLICY,
        bulletinTargetSeconds: 600,
        bulletinLimitSeconds: 1200,
        fixReleaseLimitSeconds: 1200,
        reminderDelaySeconds: 3,
      },
    });
    const incidentId = incidentIdOf(handle);
    try {
      await waitForGate(handle, 'fix-released');

      // Each designated contact exactly once, nobody from management, each written for its own customer.
      const bulletins = ctx.smtp.ofKind('bulletin-exploitable');
      expect(bulletins.map((m) => m.to).sort()).toEqual(delivered.map((c) => c.email).sort());
      const stored = await ctx.db
        .selectFrom('notices')
        .select('content')
        .where('incident_id', '=', incidentId)
        .where('contact_id', '=', 'scale-customer-0042-tech-1')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(String(stored.content))).toMatchObject({ kind: 'bulletin-exploitable', customerName: 'Scale Customer 0042' });

      // The outbox and the timeline hold every contact; the refused one is recorded and operations are told.
      const notices = (await listNotices(ctx.db, incidentId)).filter((n) => n.kind === 'bulletin-exploitable');
      expect(notices.filter((n) => n.status === 'sent')).toHaveLength(delivered.length);
      expect(notices.filter((n) => n.status === 'failed').map((n) => n.contactId)).toEqual([refused.id]);
      const timeline = await listTimeline(ctx.db, incidentId);
      const sentEvents = timeline.filter((e) => e.summary.startsWith('Notice bulletin-exploitable sent to'));
      expect(sentEvents).toHaveLength(delivered.length);
      expect(timeline.filter((e) => e.summary.startsWith(`A notice could not be delivered to ${refused.id}: `))).toHaveLength(1);
      const alert = ctx.smtp.messages.find((m) => m.to === TEST_POLICY.operationsEmail && m.text.includes(refused.id));
      expect(alert?.subject).toMatch(/a customer notice could not be delivered/);

      // A few events per page of customers, not several per contact; no payload near Temporal's limits.
      const events = (await handle.fetchHistory()).events ?? [];
      expect(events.length).toBeLessThan(designated.length / 2);
      expect(largestPayload(events)).toBeLessThan(64 * 1024);

      // Every page run again, as a retried activity would: nothing is sent or recorded twice.
      const pages = events
        .filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'sendNoticeBatch')
        .map((e) => JSON.parse(Buffer.from(e.activityTaskScheduledEventAttributes!.input!.payloads![0]!.data!).toString('utf8')));
      expect(pages.length).toBeGreaterThan(1);
      const transport = createMailTransport({ host: '127.0.0.1', port: ctx.smtp.port, requireTls: false, maxMessagesPerSecond: 100 });
      try {
        const activities = createActivities({
          db: ctx.db,
          ec2For: () => ctx.ec2,
          transport,
          mailFrom: 'Firebreak <firebreak@example.org>',
        });
        const repeated = await Promise.all(pages.map((page) => activities.sendNoticeBatch(page)));
        expect(repeated.reduce((n, r) => n + r.sent, 0)).toBe(0);
        expect(repeated.reduce((n, r) => n + r.alreadySent, 0)).toBe(delivered.length);
        expect(repeated.flatMap((r) => r.failed.map((f) => f.contactId))).toEqual([refused.id]);
      } finally {
        transport.close();
      }
      expect(ctx.smtp.ofKind('bulletin-exploitable')).toHaveLength(delivered.length);
      const bulletinEvents = async () =>
        (await listTimeline(ctx.db, incidentId)).filter((e) => /^(Notice bulletin-exploitable|A notice could not)/.test(e.summary));
      expect(await bulletinEvents()).toHaveLength(delivered.length + 1);

      // Nobody acknowledges: each is reminded once, a page at a time, then on-call gets one alert that names the first
      // contacts and counts the rest.
      const followUp = ctx.client.workflow.getHandle(`${handle.workflowId}-follow-up-bulletin-exploitable-1`);
      expect(await followUp.result()).toEqual({ reminded: delivered.length, escalated: delivered.length });
      expect(
        ctx.smtp
          .ofKind('reminder')
          .map((m) => m.to)
          .sort(),
      ).toEqual(delivered.map((c) => c.email).sort());
      const escalations = ctx.smtp.messages.filter((m) => m.to === TEST_POLICY.operationsEmail && m.subject.includes('not acknowledged'));
      expect(escalations).toHaveLength(1);
      expect(escalations[0]!.subject).toContain(`${delivered.length} contact(s) have not acknowledged the security bulletin`);
      expect(escalations[0]!.text).toContain(`and ${delivered.length - 200} more`);
      const followUpEvents = (await followUp.fetchHistory()).events ?? [];
      expect(followUpEvents.filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'sendRemindersPage')).toHaveLength(
        2,
      );
      expect(followUpEvents.length).toBeLessThan(delivered.length / 5);
    } finally {
      await handle.terminate('test finished');
    }
  });
});
