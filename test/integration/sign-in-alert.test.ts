import { randomBytes } from 'node:crypto';

import { SOURCE_FACTOR } from '@firebreak/accounts';
import { currentPolicy } from '@firebreak/db';
import { DEFAULT_SECURITY_SETTINGS, signInAlertWorkflowId, TASK_QUEUE } from '@firebreak/domain';
import { findFreePort } from '@firebreak/stack';
import type { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { createTestContext, type TestContext } from '../support/test-context';
import { waitUntil } from '../support/wait-until';

const ORIGIN = 'http://console.test';
const ATTEMPTS_TO_BLOCK = DEFAULT_SECURITY_SETTINGS.lockout.maxFailedAttempts * SOURCE_FACTOR;
const suffix = randomBytes(3).toString('hex');

let ctx: TestContext;
let worker: Worker;
let running: Promise<void>;

beforeAll(async () => {
  // The console starts its workflows on the real task queue, so this file's worker polls that one.
  ctx = await createTestContext('sign-in-alert', { taskQueue: TASK_QUEUE });
  ({ worker, running } = await ctx.startWorker());
  Object.assign(process.env, {
    FIREBREAK_DATABASE_PATH: ctx.databasePath,
    CONSOLE_PUBLIC_URL: ORIGIN,
    TEMPORAL_ADDRESS: ctx.temporalAddress,
  });
});

afterAll(async () => {
  worker?.shutdown();
  await running;
  await ctx?.close();
});

/** Fails sign-in from `source` until the console blocks it, through the form's route handler. */
async function sprayFrom(source: string): Promise<void> {
  const { POST } = await import('@firebreak/console/app/auth/sign-in/route');
  for (let i = 0; i < ATTEMPTS_TO_BLOCK; i++) {
    const body = new URLSearchParams({ username: `guess-${i}-${suffix}`, password: `wrong ${suffix}` });
    const response = await POST(
      new Request(`${ORIGIN}/auth/sign-in`, { method: 'POST', headers: { Origin: ORIGIN, 'X-Forwarded-For': source }, body }),
    );
    expect(response.headers.get('location')).toBe('/sign-in?failed=1');
  }
}

async function auditOf(source: string): Promise<Array<{ eventType: string; details: Record<string, unknown> }>> {
  const rows = await ctx.db
    .selectFrom('audit_log')
    .select(['event_type', 'details'])
    .where('source_address', '=', source)
    .orderBy('seq')
    .execute();
  return rows.map((row) => ({ eventType: row.event_type, details: JSON.parse(row.details) as Record<string, unknown> }));
}

// Other test files block sources too, and their alert workflows share the console's task queue: count only this source's.
const alertsAbout = (source: string) =>
  ctx.smtp.messages.filter((m) => m.headers.get('x-firebreak-alert') === 'sign-in-source-blocked' && m.subject.endsWith(` ${source}`));

describe('a blocked sign-in source', () => {
  it('alerts operations by email through the worker, once per block', async () => {
    const source = '203.0.113.7';
    await sprayFrom(source);
    const [alert] = await waitUntil('the alert about this source arrives', async () => {
      const arrived = alertsAbout(source);
      return arrived.length > 0 && arrived;
    });
    expect(alert!.to).toBe((await currentPolicy(ctx.db)).operationsEmail);
    expect(alert!.subject).toBe(`[Firebreak] Sign-in blocked from ${source}`);
    expect(alert!.text).toContain(`${ATTEMPTS_TO_BLOCK} failed sign-ins to the console came from ${source}`);
    const events = await auditOf(source);
    const blocked = events.find((e) => e.eventType === 'sign-in.source-blocked')!;
    const alerted = events.find((e) => e.eventType === 'operations.alerted')!;
    expect(alerted.details).toMatchObject({
      about: 'sign-in.source-blocked',
      workflowId: signInAlertWorkflowId({ sourceAddress: source, blockedUntil: String(blocked.details.until) }),
    });

    // Asking again for the same block starts nothing new: the workflow id is the block's.
    const handle = ctx.client.workflow.getHandle(String(alerted.details.workflowId));
    await handle.result();
    const { runId } = await handle.describe();
    const { alertSourceBlocked } = await import('@firebreak/console/server/auth/alert-source-blocked');
    await alertSourceBlocked({ sourceAddress: source, blockedUntil: String(blocked.details.until), failures: ATTEMPTS_TO_BLOCK });
    expect((await handle.describe()).runId).toBe(runId);
    // More failures from the blocked source are refused without counting, so no second block and no second alert.
    await sprayFrom(source);
    expect((await auditOf(source)).filter((e) => e.eventType === 'sign-in.source-blocked')).toHaveLength(1);
    expect(alertsAbout(source)).toHaveLength(1);
  });

  it('says in the audit log when the alert could not be handed to the orchestrator', async () => {
    vi.resetModules();
    // A fresh module graph reads the configuration again: Temporal is now a port nobody listens on.
    process.env.TEMPORAL_ADDRESS = `127.0.0.1:${await findFreePort()}`;
    try {
      const source = '203.0.113.8';
      await sprayFrom(source);
      const failed = (await auditOf(source)).find((e) => e.eventType === 'operations.alert-failed');
      expect(failed?.details).toMatchObject({ about: 'sign-in.source-blocked', reason: 'ORCHESTRATOR_UNAVAILABLE' });
      expect((await auditOf(source)).some((e) => e.eventType === 'sign-in.source-blocked')).toBe(true);
    } finally {
      vi.resetModules();
      process.env.TEMPORAL_ADDRESS = ctx.temporalAddress;
    }
  });
});
