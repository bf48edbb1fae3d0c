import { signNoticeLink } from '@firebreak/activities/links';
// The console reads its configuration on first use: these are imported before process.env points at this context.
import { acknowledgeAction, requestDeferralAction, signOffAction } from '@firebreak/console/app/n/[token]/actions';
import { openNoticeLink } from '@firebreak/console/server/notice-links/open-notice-link';
import { findStoredNotice, listAuditEntries, listTimeline, revokeLink } from '@firebreak/db';
import type { Deployment } from '@firebreak/domain';
import { beforeAll, describe, expect, inject, it } from 'vitest';

import { readDeploymentEvidence } from '../support/ec2-evidence';
import { ensurePatchedImage } from '../support/patched-image';
import { decide, incidentIdOf, queryState, recordHistoryIfAsked, waitForGate, waitForStatus } from '../support/playbook-driver';
import { type TestContext, useTestContextWithWorker } from '../support/test-context';
import { linkTokenIn, TEST_LINK_SECRET } from '../support/test-links';
import { TEST_POLICY } from '../support/test-policy';
import { waitUntil } from '../support/wait-until';

function form(values: Record<string, string> = {}): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) data.set(name, value);
  return data;
}

async function patchedImageFor(ctx: TestContext, deployment: Deployment): Promise<string> {
  const { instances } = await readDeploymentEvidence(ctx.ec2, deployment, 'none');
  return ensurePatchedImage(ctx.ec2, instances[0]!.InstanceId!);
}

describe('notice links: the contact page acknowledges, defers and signs off; reminders and escalation follow', () => {
  const context = useTestContextWithWorker('notice-links');
  beforeAll(() => {
    const ctx = context();
    process.env.FIREBREAK_DATABASE_PATH = ctx.databasePath;
    process.env.TEMPORAL_ADDRESS = inject('temporalAddress');
    process.env.TEMPORAL_NAMESPACE = 'default';
    process.env.FIREBREAK_LINK_SECRET = TEST_LINK_SECRET;
  });

  it('records an acknowledgement by the contact, reminds the others, then alerts on-call about whoever never answers', async () => {
    const ctx = context();
    ctx.smtp.clear();
    const shared = ctx.fleet.deployments.find((d) => d.tenancy === 'multi')!;
    const policy = { ...TEST_POLICY, reminderDelaySeconds: 6 };
    const handle = await ctx.declare('infrastructure-compromise', [shared], { policy });
    const incidentId = incidentIdOf(handle);
    await waitForGate(handle, 'backup-safe');
    const details = ctx.smtp.ofKind('incident-details');
    const designated = ctx.fleet.customers.flatMap((c) =>
      (shared.customerIds.includes(c.id) ? c.contacts : []).filter((k) => k.role === 'designated-technical'),
    );
    expect(details).toHaveLength(designated.length);
    expect(details.every((m) => m.text.includes('Acknowledge or respond: http://console.test/n/'))).toBe(true);

    const [first, second, ...others] = designated;
    const firstToken = linkTokenIn(details.find((m) => m.to === first!.email)!.text);

    // The page shows this contact's notice and nothing of another customer.
    const opened = await openNoticeLink(firstToken);
    if (!opened.ok) throw new Error(`link refused: ${opened.problem}`);
    expect(opened.link.contact.id).toBe(first!.id);
    const content = opened.link.content!;
    expect(content.kind).toBe('incident-details');
    expect(JSON.stringify(content)).toContain(opened.link.contact.customerName);
    for (const other of ctx.fleet.customers.filter((c) => c.id !== opened.link.contact.customerId)) {
      expect(JSON.stringify(content)).not.toContain(other.name);
    }

    // An altered link changes nothing.
    const altered = `${firstToken.slice(0, -2)}${firstToken.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(await acknowledgeAction(altered, undefined, form())).toEqual({ ok: false, message: expect.stringMatching(/not valid/) });
    expect(await acknowledgeAction(firstToken, undefined, form())).toEqual({
      ok: true,
      message: expect.stringMatching(/acknowledgement is recorded/),
    });
    // Acknowledging again is harmless and records nothing more.
    expect((await acknowledgeAction(firstToken, undefined, form()))?.ok).toBe(true);
    const key = { incidentId, kind: 'incident-details' as const, contactId: first!.id, revision: 1 };
    expect((await findStoredNotice(ctx.db, key))?.acknowledgedAt).toBeTruthy();
    const acknowledgements = (await listTimeline(ctx.db, incidentId)).filter((e) =>
      e.summary.includes('acknowledged the incident-details'),
    );
    expect(acknowledgements).toHaveLength(1);
    expect(acknowledgements[0]!.actor).toEqual({ kind: 'contact', id: first!.id, name: first!.name });

    // Everyone else is reminded once; a reminder's link opens (and acknowledges) the original notice.
    const reminders = await waitUntil(
      'the unacknowledged contacts are reminded',
      async () => {
        const sent = ctx.smtp.ofKind('reminder');
        return sent.length >= designated.length - 1 && sent;
      },
      { timeoutMs: 60_000 },
    );
    expect(reminders.map((m) => m.to).sort()).toEqual([second!, ...others].map((c) => c.email).sort());
    const reminderToken = linkTokenIn(reminders.find((m) => m.to === second!.email)!.text);
    expect(await acknowledgeAction(reminderToken, undefined, form())).toMatchObject({ ok: true });
    expect((await findStoredNotice(ctx.db, { ...key, contactId: second!.id }))?.acknowledgedAt).toBeTruthy();

    // Whoever still has not acknowledged is named to on-call, once.
    const alert = await waitUntil(
      'on-call is alerted',
      async () => ctx.smtp.messages.find((m) => m.to === policy.operationsEmail && m.subject.includes('not acknowledged')),
      {
        timeoutMs: 60_000,
      },
    );
    for (const contact of others) expect(alert.text).toContain(contact.email);
    expect(alert.text).not.toContain(first!.email);
    expect(alert.text).not.toContain(second!.email);
    await waitUntil('the escalation is on the timeline', async () =>
      (await listTimeline(ctx.db, incidentId)).some(
        (e) => e.summary.startsWith('Operations alerted') && e.summary.includes('not acknowledged'),
      ),
    );
    const followUp = ctx.client.workflow.getHandle(`${handle.workflowId}-follow-up-incident-details-1`);
    expect(await followUp.result()).toEqual({ reminded: designated.length - 1, escalated: designated.length - 2 });
    await recordHistoryIfAsked(ctx, followUp.workflowId, 'follow-up-notices.json');

    // Expired and revoked links open nothing and change nothing.
    const expired = await signNoticeLink(
      { ...key, contactId: others[0]!.id },
      { secret: TEST_LINK_SECRET, ttlSeconds: 1, now: new Date(Date.now() - 60_000) },
    );
    expect(await acknowledgeAction(expired.token, undefined, form())).toEqual({ ok: false, message: expect.stringMatching(/expired/) });
    const thirdToken = linkTokenIn(details.find((m) => m.to === others[0]!.email)!.text);
    await revokeLink(ctx.db, {
      linkId: (await findStoredNotice(ctx.db, { ...key, contactId: others[0]!.id }))!.linkId!,
      incidentId,
      reason: 'revoked',
    });
    expect(await acknowledgeAction(thirdToken, undefined, form())).toEqual({ ok: false, message: expect.stringMatching(/withdrawn/) });
    expect((await findStoredNotice(ctx.db, { ...key, contactId: others[0]!.id }))?.acknowledgedAt).toBeNull();
    expect(await openNoticeLink(reminderToken, { incidentId: 'inc-000000000000' })).toEqual({ ok: false, problem: 'wrong-incident' });
    // A notice that asks for no sign-off offers none.
    expect(await signOffAction(reminderToken, undefined, form())).toMatchObject({ ok: false });
    await handle.terminate('test finished');
  });

  it('lets a single-tenant contact move the maintenance window through the link, once', async () => {
    const ctx = context();
    ctx.smtp.clear();
    const single = ctx.fleet.deployments.find((d) => d.tenancy === 'single')!;
    const patchedImage = await patchedImageFor(ctx, single);
    const policy = {
      ...TEST_POLICY,
      fixReleaseLimitSeconds: 60,
      bulletinTargetSeconds: 30,
      bulletinLimitSeconds: 60,
      maintenanceNoticeSeconds: 30,
      deferralLimitSeconds: 120,
    };
    const handle = await ctx.declare('exploitable-vulnerability', [single], {
      vulnerability: {
        reference: 'CVE-2026-40404',
        title: 'Header smuggling',
        component: 'asperanoded',
        discoveredAt: new Date().toISOString(),
      },
      policy,
    });
    const incidentId = incidentIdOf(handle);
    await waitForGate(handle, 'fix-released');
    await decide(handle, 'fix-released', 'released', 'hotfix passed its checks', {
      parameters: { version: '4.4.3', imageId: patchedImage },
    });
    await waitForStatus(ctx, handle, 'maintenance');
    const schedules = await waitUntil(
      'the schedule is sent',
      async () => ctx.smtp.ofKind('maintenance-schedule').length > 0 && ctx.smtp.ofKind('maintenance-schedule'),
    );
    const contact = ctx.fleet.customers.find((c) => c.id === single.customerIds[0])!.contacts.find((k) => k.email === schedules[0]!.to)!;
    const token = linkTokenIn(schedules[0]!.text);

    const plan = () =>
      queryState(handle).then((s) =>
        (s.facts.maintenance as { deploymentId: string; window: string; deferrableUntil: string }[]).find(
          (p) => p.deploymentId === single.id,
        )!,
      );
    const before = await plan();
    const tooLate = new Date(Date.parse(before.deferrableUntil) + 60_000).toISOString();
    const refused = await requestDeferralAction(token, undefined, form({ deploymentId: single.id, until: tooLate, reason: 'quarter end' }));
    expect(refused).toEqual({ ok: false, message: expect.stringMatching(/latest window the policy allows/) });

    const agreed = new Date(Date.parse(before.window) + 40_000).toISOString();
    const moved = await requestDeferralAction(
      token,
      undefined,
      form({ deploymentId: single.id, until: agreed, reason: 'big delivery tonight' }),
    );
    expect(moved).toMatchObject({ ok: true });
    expect((await plan()).window).toBe(agreed);
    await waitUntil('the deferral is confirmed by email', async () => ctx.smtp.ofKind('deferral-confirmation').length > 0);
    const timeline = await listTimeline(ctx.db, incidentId);
    const decision = timeline.find((e) => e.summary.includes('moved the maintenance'))!;
    expect(decision.actor).toEqual({ kind: 'contact', id: contact.id, name: contact.name });
    expect(decision.details).toMatchObject({ reason: 'big delivery tonight', role: 'contact' });

    // The link's one-shot action is spent: using it again changes nothing.
    const again = await requestDeferralAction(
      token,
      undefined,
      form({ deploymentId: single.id, until: before.deferrableUntil, reason: 'again' }),
    );
    expect(again).toEqual({ ok: false, message: expect.stringMatching(/already been used/) });
    expect((await plan()).window).toBe(agreed);

    // Each request is audited with the contact as actor; the spent link's refusal too.
    const audited = (await listAuditEntries(ctx.db, { limit: 500 }))
      .reverse()
      .filter((e) => e.actor.id === contact.id && e.details.incidentId === incidentId && e.eventType.startsWith('notice-link.'));
    expect(audited.map((e) => [e.eventType, e.details.outcome ?? e.details.problem])).toEqual([
      ['notice-link.deferral-requested', 'refused'],
      ['notice-link.deferral-requested', 'accepted'],
      ['notice-link.refused', 'used'],
    ]);
    expect(audited[1]!.details).toMatchObject({ deploymentId: single.id, until: agreed, kind: 'maintenance-schedule' });
    expect(JSON.stringify(audited)).not.toContain(token);
    await handle.terminate('test finished');
  });
});
