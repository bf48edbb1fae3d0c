import type { ChildProcess } from 'node:child_process';

import { findIncident, listNotices, listTimeline } from '@firebreak/db';
import type { WorkflowHandle } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { FaultySmtpServer } from '../support/faulty-smtp-server';
import { incidentIdOf } from '../support/playbook-driver';
import type { ReceivedMessage } from '../support/smtp-sink';
import { createTestContext, type TestContext } from '../support/test-context';
import { waitUntil } from '../support/wait-until';
import { killWorkerProcess, startWorkerProcess } from '../support/worker-process';

describe('a worker killed right after the SMTP server accepted a notice', () => {
  let smtp: FaultySmtpServer;
  let ctx: TestContext;
  let handle: WorkflowHandle | undefined;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    smtp = await FaultySmtpServer.start();
    ctx = await createTestContext('notice-crash', { smtpPort: smtp.port });
  });

  afterAll(async () => {
    for (const worker of workers) await killWorkerProcess(worker);
    await handle?.terminate('fault test finished').catch(() => {});
    await ctx?.close();
    await smtp?.stop();
  });

  it(
    'ends with one sent notice per contact; only the interrupted one arrives twice, under one Message-ID, and says so',
    { timeout: 400_000 },
    async () => {
      const deployment = ctx.fleet.deployments.find((d) => d.tenancy === 'multi')!;
      handle = await ctx.declare('infrastructure-compromise', [deployment]);
      const incidentId = incidentIdOf(handle);
      const worker = (logName: string) =>
        startWorkerProcess(ctx, { logName: `notice-crash-${incidentId}-${logName}`, smtpPort: smtp.port });

      const first = worker('first');
      workers.push(first);
      let interrupted: ReceivedMessage | undefined;
      // The worst instant: the relay has the message and its 250 is on the wire, the worker has not read it. The worker
      // is stopped before the reply is written (so it cannot record the message as sent) and killed right after.
      const killed = new Promise<void>((resolve) => {
        smtp.beforeReply((message) => {
          if (interrupted) return;
          interrupted = message;
          // Every other message is deferred from now on, so this is the only one in the window.
          smtp.setDeferAfter(smtp.messages.length);
          first.kill('SIGSTOP');
        });
        smtp.afterAccept((message) => {
          if (message !== interrupted) return;
          first.kill('SIGKILL');
          resolve();
        });
      });
      await killed;
      await killWorkerProcess(first);
      smtp.beforeReply(undefined);
      smtp.afterAccept(undefined);
      smtp.setDeferAfter(Number.POSITIVE_INFINITY);

      workers.push(worker('second'));
      await waitUntil('the incident is contained', async () => (await findIncident(ctx.db, incidentId))?.status === 'contained', {
        timeoutMs: 300_000,
      });

      const designated = ctx.fleet.customers
        .filter((c) => deployment.customerIds.includes(c.id))
        .flatMap((c) => c.contacts.filter((k) => k.role === 'designated-technical'));
      const notices = (await listNotices(ctx.db, incidentId)).filter((n) => n.kind === 'incident-details');
      expect(notices.map((n) => n.contactId).sort()).toEqual(designated.map((c) => c.id).sort());
      expect(notices.every((n) => n.status === 'sent')).toBe(true);

      const received = smtp.messages.filter((m) => m.headers.get('x-firebreak-notice') === 'incident-details');
      for (const contact of designated) {
        const copies = received.filter((m) => m.to === contact.email);
        expect(new Set(copies.map((m) => m.messageId)).size, contact.email).toBe(1);
        // The residual window of ARCHITECTURE.md ("Exactly-once notices"): the message whose acceptance the worker
        // never heard of is sent again, under the same Message-ID. Every other contact gets exactly one.
        expect(copies.length, contact.email).toBe(contact.email === interrupted!.to ? 2 : 1);
      }
      const unknownOutcome = (await listTimeline(ctx.db, incidentId)).filter(
        (e) => e.summary.startsWith('Retrying notice') && e.details.outcomeUnknown === true,
      );
      // The second copy is never silent: the timeline names the notice whose attempt ended without an answer (and
      // those of the other attempts the kill cut short, which the retry cannot tell apart).
      const interruptedContact = designated.find((c) => c.email === interrupted!.to)!;
      expect(unknownOutcome.map((e) => e.details.contactId)).toContain(interruptedContact.id);
      console.log(
        `notice crash: interrupted ${interrupted!.to}; copies ${JSON.stringify(designated.map((c) => [c.email, received.filter((m) => m.to === c.email).length]))}`,
      );
    },
  );
});
