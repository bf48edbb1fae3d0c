import type { Activities } from '@firebreak/activities';
import { DEFAULT_POLICY, incidentWorkflowId } from '@firebreak/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { followUpNotices, incidentStateQuery, nonExploitableVulnerability } from '../index';
import { deployment, eventually, playbookInput, WorkflowTestBed } from '../testing/workflow-test-bed';

let bed: WorkflowTestBed;
beforeEach(async () => {
  bed = await WorkflowTestBed.start();
});
afterEach(() => bed?.teardown());

const HOUR = 3600_000;

/** The follow-up a notice round starts, with the default policy's 4-hour reminder delay. */
function runFollowUp() {
  return bed.env.client.workflow.execute(followUpNotices, {
    taskQueue: bed.taskQueue,
    workflowId: `follow-up-${Math.random()}`,
    args: [
      {
        incidentId: 'inc-0a1b2c3d4e5f',
        kind: 'incident-details',
        revision: 1,
        playbookTitle: 'Application compromise',
        severity: 'high',
        delaySeconds: DEFAULT_POLICY.reminderDelaySeconds,
        operationsEmail: DEFAULT_POLICY.operationsEmail,
        linkTtlSeconds: DEFAULT_POLICY.linkTtlSeconds,
      },
    ],
  });
}

describe('notice rounds in pages', () => {
  it('sends a round to 60 customers in pages of 25, each customer once', async () => {
    const customerIds = Array.from({ length: 60 }, (_, i) => `customer-${String(i + 1).padStart(2, '0')}`);
    const input = playbookInput({
      playbook: 'non-exploitable-vulnerability',
      deployments: [deployment({ id: 'shared-eu', tenancy: 'multi', customerIds })],
      vulnerability: {
        reference: 'CVE-2026-0002',
        title: 'Information disclosure in the admin page',
        component: 'admin page',
        discoveredAt: new Date(await bed.env.currentTimeMs()).toISOString(),
        notExploitableBecause: 'the page is reachable only from the provider network',
      },
    });
    const handle = await bed.env.client.workflow.start(nonExploitableVulnerability, {
      args: [input],
      taskQueue: bed.taskQueue,
      workflowId: incidentWorkflowId(input.incidentId),
    });
    await eventually(
      () => handle.query(incidentStateQuery),
      (s) => s.pendingDecisions.some((p) => p.gate === 'fix-released'),
      'the bulletin is out and the fix-released gate is open',
    );
    const pages = bed.recorded.noticeBatches.map((b) => b.notices.map((n) => n.customerId));
    // Pages go out up to four at a time, so they may arrive in any order.
    expect(pages.map((p) => p.length).sort((a, b) => a - b)).toEqual([10, 25, 25]);
    expect(pages.flat().sort()).toEqual(customerIds);
    await handle.terminate('the test has seen the round');
  });

  it('reminds after the policy’s 4 hours page by page, then names the unacknowledged to on-call 4 hours later', async () => {
    const pages: { afterContactId?: string; at: number }[] = [];
    const alerts: number[] = [];
    const next: Record<string, string | null> = { start: 'contact-0250', 'contact-0250': 'contact-0500', 'contact-0500': null };
    bed.use({
      async sendRemindersPage(page) {
        pages.push({ ...(page.afterContactId ? { afterContactId: page.afterContactId } : {}), at: await bed.env.currentTimeMs() });
        const nextAfter = next[page.afterContactId ?? 'start'] ?? null;
        return { reminded: nextAfter ? page.limit : 10, failed: 0, nextAfter };
      },
      async alertUnacknowledged() {
        alerts.push(await bed.env.currentTimeMs());
        return { escalated: 12 };
      },
    } satisfies Partial<Activities>);
    const startedAt = await bed.env.currentTimeMs();
    const result = await runFollowUp();
    expect(pages.map((p) => p.afterContactId)).toEqual([undefined, 'contact-0250', 'contact-0500']);
    expect(pages[0]!.at - startedAt).toBeGreaterThanOrEqual(4 * HOUR);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]! - pages[0]!.at).toBeGreaterThanOrEqual(4 * HOUR);
    expect(result).toEqual({ reminded: 510, escalated: 12 });
  });

  it('alerts no one when every contact acknowledged before the reminder', async () => {
    let alerted = false;
    bed.use({
      async alertUnacknowledged() {
        alerted = true;
        return { escalated: 0 };
      },
    });
    const result = await runFollowUp();
    expect(result).toEqual({ reminded: 0, escalated: 0 });
    expect(alerted).toBe(false);
  });
});
