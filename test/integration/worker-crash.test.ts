import type { ChildProcess } from 'node:child_process';

import { findIncident, listNotices, listTimeline } from '@firebreak/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { readDeploymentEvidence } from '../support/ec2-evidence';
import { createTestContext, type TestContext } from '../support/test-context';
import { TEST_POLICY } from '../support/test-policy';
import { waitUntil } from '../support/wait-until';
import { killWorkerProcess, startWorkerProcess } from '../support/worker-process';

describe('a worker killed in the middle of a playbook', () => {
  let ctx: TestContext;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    ctx = await createTestContext('crash');
  });

  afterAll(async () => {
    for (const child of children) await killWorkerProcess(child);
    await ctx?.close();
  });

  // Three workers start and two attempts time out on the way, so this one is given longer than the default.
  it('is replaced by another that finishes with the same end state and no second email', { timeout: 480_000 }, async () => {
    const deployment = ctx.fleet.deployments.find((d) => d.tenancy === 'multi')!;
    const handle = await ctx.declare('infrastructure-compromise', [deployment]);
    const incidentId = handle.workflowId.replace(/^incident-/, '');
    const logName = `worker-crash-${incidentId}`;

    // First worker: killed once the subnets are denied, in the middle of the disconnect step.
    const first = startWorkerProcess(ctx, { logName });
    children.push(first);
    await waitUntil('the subnets are denied', async () =>
      (await listTimeline(ctx.db, incidentId)).some((e) => e.summary.startsWith('Denied all traffic')),
    );
    await killWorkerProcess(first);

    // Second worker: killed once the first notice has been sent, in the middle of the notify step. The SMTP server
    // defers the rest meanwhile, so the kill cannot land between another message's acceptance and its record.
    ctx.smtp.hold(1);
    const second = startWorkerProcess(ctx, { logName });
    children.push(second);
    await waitUntil('a notice has been sent', async () => (await listNotices(ctx.db, incidentId)).some((n) => n.status === 'sent'), {
      timeoutMs: 200_000,
    });
    await killWorkerProcess(second);
    ctx.smtp.release();

    // Third worker: finishes the playbook.
    children.push(startWorkerProcess(ctx, { logName }));
    await waitUntil('the incident is contained', async () => (await findIncident(ctx.db, incidentId))?.status === 'contained', {
      timeoutMs: 300_000,
    });

    const evidence = await readDeploymentEvidence(ctx.ec2, deployment, incidentId);
    expect(evidence.associatedAddresses).toEqual([]);
    expect(evidence.incidentAcls).toHaveLength(1);
    expect(evidence.incidentGroups).toHaveLength(2); // the allow-all group and the isolation group, once each
    expect(evidence.incidentSnapshots).toHaveLength(evidence.volumeIds.length);
    const isolationGroupIds = new Set(evidence.interfaces.flatMap((i) => i.groupIds));
    expect(isolationGroupIds.size).toBe(1);

    const designated = ctx.fleet.customers
      .filter((c) => deployment.customerIds.includes(c.id))
      .flatMap((c) => c.contacts.filter((k) => k.role === 'designated-technical'));
    // The customers' notices; on-call may also have been alerted meanwhile (the backup clock's 30 s run out while
    // workers were being replaced), which is mail to operations, not a second notice.
    const notices = (await listNotices(ctx.db, incidentId)).filter((n) => n.kind === 'incident-details');
    expect(notices.filter((n) => n.status === 'sent')).toHaveLength(designated.length);
    const toContacts = ctx.smtp.messages.filter((m) => m.to !== TEST_POLICY.operationsEmail);
    const perRecipient = new Map<string, number>();
    for (const m of toContacts) perRecipient.set(m.to, (perRecipient.get(m.to) ?? 0) + 1);
    expect([...perRecipient.keys()].sort()).toEqual(designated.map((c) => c.email).sort());
    expect([...perRecipient.values()].every((n) => n === 1)).toBe(true);
  });
});
