import { signNoticeLink } from '@firebreak/activities/links';
// The console reads its configuration on first use: these are imported before process.env points at this context.
import { GET as getCustomerNotices } from '@firebreak/console/app/api/v1/customers/[id]/notices/route';
import { acknowledgeAction, signOffAction } from '@firebreak/console/app/n/[token]/actions';
import { CustomerNotices } from '@firebreak/console/server/api/schemas';
import { type Caller, requireActor } from '@firebreak/console/server/auth/require-actor';
import { revokeNoticeLink } from '@firebreak/console/server/notice-links/revoke-notice-link';
import { viewNoticeLink } from '@firebreak/console/server/notice-links/view-notice-link';
import { getNoticeMessage } from '@firebreak/console/server/notices/get-notice-message';
import { listCustomerNotices } from '@firebreak/console/server/notices/list-customer-notices';
import { listIncidentNoticePage } from '@firebreak/console/server/notices/list-incident-notice-page';
import { type AuditEntry, createApiToken, findStoredNotice, listAuditEntries, listTimeline } from '@firebreak/db';
import { FirebreakError } from '@firebreak/domain';
import { beforeAll, describe, expect, inject, it } from 'vitest';

import { decide, incidentIdOf, queryState, waitForGate, waitForStatus } from '../support/playbook-driver';
import { useTestContextWithWorker } from '../support/test-context';
import { linkTokenIn, TEST_LINK_SECRET } from '../support/test-links';
import { waitUntil } from '../support/wait-until';

function form(values: Record<string, string> = {}): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) data.set(name, value);
  return data;
}

function apiCall(path: string, token?: string): Request {
  return new Request(`http://console.test/api/v1${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
}

async function callerWith(token: string): Promise<Caller> {
  return requireActor(apiCall('/incidents', token), 'incidents:read');
}

async function refusalOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FirebreakError) return error.code;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('signed links seen from the console: sign-off, revocation, audit, and the customer notices page', () => {
  const context = useTestContextWithWorker('notice-links-console');
  const tokens = { onCall: '', viewer: '' };
  beforeAll(async () => {
    const ctx = context();
    process.env.FIREBREAK_DATABASE_PATH = ctx.databasePath;
    process.env.TEMPORAL_ADDRESS = inject('temporalAddress');
    process.env.TEMPORAL_NAMESPACE = 'default';
    process.env.FIREBREAK_LINK_SECRET = TEST_LINK_SECRET;
    tokens.onCall = (await createApiToken(ctx.db, { name: 'on-call engineer', role: 'on-call' })).token;
    tokens.viewer = (await createApiToken(ctx.db, { name: 'viewer', role: 'viewer' })).token;
  });

  async function auditSince(afterSeq: number): Promise<AuditEntry[]> {
    return (await listAuditEntries(context().db, { limit: 500 })).filter((e) => e.seq > afterSeq).reverse();
  }

  it('takes "we are satisfied" through the link as the contact\'s decision, once; a withdrawn link acts no more', async () => {
    const ctx = context();
    ctx.smtp.clear();
    const deployment = ctx.fleet.deployments.find((d) => d.tenancy === 'multi')!;
    const customers = ctx.fleet.customers.filter((c) => deployment.customerIds.includes(c.id));
    const designated = customers.flatMap((c) => c.contacts.filter((k) => k.role === 'designated-technical'));
    const handle = await ctx.declare('infrastructure-compromise', [deployment]);
    const incidentId = incidentIdOf(handle);
    await waitForGate(handle, 'backup-safe');
    await decide(handle, 'backup-safe', 'yes', 'The known-good image is safe to rebuild from.');
    await waitForStatus(ctx, handle, 'monitoring');
    const requests = await waitUntil('every designated contact is asked to sign monitoring off', async () => {
      const sent = ctx.smtp.ofKind('monitoring-sign-off-request');
      return sent.length === designated.length && sent;
    });
    const auditStart = (await listAuditEntries(ctx.db, { limit: 1 }))[0]?.seq ?? 0;

    const customerA = customers[0]!;
    const customerB = customers[1]!;
    const contactOf = (customer: typeof customerA) => customer.contacts.find((k) => k.role === 'designated-technical')!;
    const contactA = contactOf(customerA);
    const contactB = contactOf(customerB);
    const tokenA = linkTokenIn(requests.find((m) => m.to === contactA.email)!.text);
    const tokenB = linkTokenIn(requests.find((m) => m.to === contactB.email)!.text);
    const actorA = { kind: 'contact', id: contactA.id, name: contactA.name };
    const actorB = { kind: 'contact', id: contactB.id, name: contactB.name };

    // The page opens the sign-off request of this contact.
    const opened = await viewNoticeLink(tokenA);
    if (!opened.ok) throw new Error(`link refused: ${opened.problem}`);
    expect(opened.link.notice.kind).toBe('monitoring-sign-off-request');
    expect(opened.link.actor).toEqual(actorA);

    // "We are satisfied": the playbook's customer-satisfied gate for this customer, decided by the contact.
    await waitForGate(handle, 'customer-satisfied', customerA.id);
    const signedOff = await signOffAction(tokenA, undefined, form({ reason: 'Our own scans of the new environment are clean.' }));
    expect(signedOff).toEqual({ ok: true, message: expect.stringMatching(/sign-off is recorded/) });
    // Decisions taken (not the playbook's "waiting for a decision" entries).
    const decisionsFor = async (customerId: string) =>
      (await listTimeline(ctx.db, incidentId)).filter(
        (e) =>
          e.kind === 'decision' &&
          e.details.gate === 'customer-satisfied' &&
          e.details.customerId === customerId &&
          e.details.choice !== undefined,
      );
    const [decision, ...more] = await decisionsFor(customerA.id);
    expect(more).toEqual([]);
    expect(decision!.actor).toEqual(actorA);
    expect(decision!.details).toMatchObject({
      choice: 'satisfied',
      role: 'contact',
      reason: 'Our own scans of the new environment are clean.',
    });
    const pending = (await queryState(handle)).pendingDecisions;
    expect(pending.some((p) => p.gate === 'customer-satisfied' && p.customerId === customerA.id)).toBe(false);
    expect(pending.some((p) => p.gate === 'customer-satisfied' && p.customerId === customerB.id)).toBe(true);
    const signOffKey = (contactId: string) => ({ incidentId, kind: 'monitoring-sign-off-request' as const, contactId, revision: 1 });
    expect((await findStoredNotice(ctx.db, signOffKey(contactA.id)))?.acknowledgedBy).toEqual(actorA);

    // The link is spent: a second use says so and changes nothing.
    expect(await signOffAction(tokenA, undefined, form())).toEqual({ ok: false, message: expect.stringMatching(/already been used/) });
    expect(await decisionsFor(customerA.id)).toHaveLength(1);
    expect(await viewNoticeLink(tokenA)).toEqual({ ok: false, problem: 'used' });

    // An on-call engineer withdraws customer B's link, with a reason; a viewer may not, nor may anyone without one.
    const onCall = await callerWith(tokens.onCall);
    const viewer = await callerWith(tokens.viewer);
    const reason = 'The request was forwarded to a former employee.';
    expect(await refusalOf(revokeNoticeLink(viewer, { ...signOffKey(contactB.id), reason }))).toBe('FORBIDDEN');
    expect(await refusalOf(revokeNoticeLink(onCall, { ...signOffKey(contactB.id), reason: '  ' }))).toBe('VALIDATION_FAILED');
    expect(await revokeNoticeLink(onCall, { ...signOffKey(contactB.id), reason })).toEqual({
      changed: true,
      revokedAt: expect.any(String),
    });
    expect(await revokeNoticeLink(onCall, { ...signOffKey(contactB.id), reason })).toMatchObject({ changed: false, state: 'revoked' });
    expect(await revokeNoticeLink(onCall, { ...signOffKey(contactA.id), reason })).toMatchObject({ changed: false, state: 'used' });
    const withdrawals = (await listTimeline(ctx.db, incidentId)).filter((e) => e.id.startsWith('link-revoked-'));
    expect(withdrawals).toHaveLength(1);
    expect(withdrawals[0]).toMatchObject({ actor: onCall.actor, kind: 'notice', details: { contactId: contactB.id, reason } });
    expect(withdrawals[0]!.summary).toContain(reason);

    // The withdrawn link shows its message and changes nothing.
    expect(await signOffAction(tokenB, undefined, form())).toEqual({ ok: false, message: expect.stringMatching(/withdrawn/) });
    expect(await viewNoticeLink(tokenB)).toEqual({ ok: false, problem: 'revoked' });
    expect(await decisionsFor(customerB.id)).toEqual([]);
    expect((await queryState(handle)).pendingDecisions.some((p) => p.gate === 'customer-satisfied' && p.customerId === customerB.id)).toBe(
      true,
    );
    const links = new Map(
      (await listIncidentNoticePage(viewer, incidentId, {})).notices
        .filter((n) => n.kind === 'monitoring-sign-off-request')
        .map((n) => [n.contactId, n.link]),
    );
    expect([links.get(contactA.id), links.get(contactB.id)]).toEqual(['used', 'revoked']);
    expect([...links.values()].filter((state) => state === 'issued')).toHaveLength(designated.length - 2);

    // Altered and expired links are refused and audited too; an expired one still names its contact.
    const contactC = designated.find((k) => k.id !== contactA.id && k.id !== contactB.id)!;
    const detailsKey = { incidentId, kind: 'incident-details' as const, contactId: contactC.id, revision: 1 };
    const expired = await signNoticeLink(detailsKey, { secret: TEST_LINK_SECRET, ttlSeconds: 1, now: new Date(Date.now() - 60_000) });
    expect(await acknowledgeAction(expired.token, undefined, form())).toEqual({ ok: false, message: expect.stringMatching(/expired/) });
    const altered = `${tokenB.slice(0, -3)}${tokenB.endsWith('AAA') ? 'BBB' : 'AAA'}`;
    expect(await viewNoticeLink(altered)).toEqual({ ok: false, problem: 'invalid' });
    const detailsToken = linkTokenIn(ctx.smtp.ofKind('incident-details').find((m) => m.to === contactC.email)!.text);
    expect(await acknowledgeAction(detailsToken, undefined, form())).toMatchObject({ ok: true });

    // The audit log holds every link action with the contact as actor, and never a token.
    const audited = (await auditSince(auditStart)).filter(
      (e) => e.eventType.startsWith('notice-link.') || e.eventType.startsWith('decision.'),
    );
    const summary = audited.map((e) => [e.eventType, e.actor.id, e.details.problem ?? e.details.outcome ?? null]);
    expect(summary).toEqual([
      ['notice-link.opened', contactA.id, null],
      ['decision.taken', contactA.id, null],
      ['notice-link.satisfied', contactA.id, 'accepted'],
      ['notice-link.refused', contactA.id, 'used'],
      ['notice-link.refused', contactA.id, 'used'],
      ['notice-link.revoked', onCall.actor.id, null],
      ['notice-link.refused', contactB.id, 'revoked'],
      ['notice-link.refused', contactB.id, 'revoked'],
      ['notice-link.refused', contactC.id, 'expired'],
      ['notice-link.refused', 'unverified-link', 'invalid'],
      ['notice-link.acknowledged', contactC.id, null],
    ]);
    expect(audited.find((e) => e.eventType === 'notice-link.satisfied')).toMatchObject({
      actor: actorA,
      details: { incidentId, kind: 'monitoring-sign-off-request', contactId: contactA.id, customerId: customerA.id },
    });
    expect(audited.find((e) => e.eventType === 'notice-link.revoked')).toMatchObject({
      actor: onCall.actor,
      details: { reason, contactId: contactB.id },
    });
    expect(audited.filter((e) => e.details.problem === 'revoked').every((e) => e.details.action && e.actor.name === actorB.name)).toBe(
      true,
    );
    const everything = JSON.stringify(await listAuditEntries(ctx.db, { limit: 500 }));
    for (const token of [tokenA, tokenB, expired.token, altered, detailsToken]) {
      expect(everything).not.toContain(token);
      expect(everything).not.toContain(token.split('.')[2]!);
    }

    // The customer's page: every notice its contacts received, per contact, with its times (any staff role).
    const response = await getCustomerNotices(apiCall(`/customers/${customerA.id}/notices`, tokens.viewer), {
      params: Promise.resolve({ id: customerA.id }),
    });
    expect(response.status).toBe(200);
    const body = CustomerNotices.parse(await response.json());
    expect(body.customer).toEqual({ id: customerA.id, name: customerA.name, tenancy: customerA.tenancy });
    const ofA = customerA.contacts.map((k) => k.id);
    expect(body.notices.every((n) => ofA.includes(n.contactId) && n.incidentId === incidentId)).toBe(true);
    const kindsOfA = body.notices
      .filter((n) => n.contactId === contactA.id)
      .map((n) => n.kind)
      .sort();
    expect(kindsOfA).toEqual(['backup-environment-ready', 'incident-details', 'monitoring-sign-off-request', 'risk-communication']);
    const request = body.notices.find((n) => n.contactId === contactA.id && n.kind === 'monitoring-sign-off-request')!;
    expect(request).toMatchObject({ status: 'sent', deliveredAt: expect.any(String), failedAt: null, acknowledgedAt: expect.any(String) });
    expect(Date.parse(request.deliveredAt!)).toBeGreaterThanOrEqual(Date.parse(request.queuedAt));
    // Per contact: the rows of one contact are together.
    const order = body.notices.map((n) => n.contactId).filter((id, i, all) => id !== all[i - 1]);
    expect(new Set(order).size).toBe(order.length);
    expect((await listCustomerNotices(viewer, customerA.id)).notices).toHaveLength(body.notices.length);
    const unknown = await getCustomerNotices(apiCall('/customers/nobody-here/notices', tokens.viewer), {
      params: Promise.resolve({ id: 'nobody-here' }),
    });
    expect(unknown.status).toBe(404);
    const anonymous = await getCustomerNotices(apiCall(`/customers/${customerA.id}/notices`), {
      params: Promise.resolve({ id: customerA.id }),
    });
    expect(anonymous.status).toBe(401);

    // The rendered message it links to: as the contact read it, without their personal link.
    const message = await getNoticeMessage(viewer, { ...signOffKey(contactA.id), revision: '1' });
    expect(message).toMatchObject({ subject: request.subject, customerId: customerA.id, recipientEmail: contactA.email });
    expect(message.text).toContain(contactA.name);
    expect(message.text).not.toContain('/n/');
    expect(await refusalOf(getNoticeMessage(viewer, { ...signOffKey(contactA.id), kind: 'bulletin-exploitable' }))).toBe('NOT_FOUND');

    await handle.terminate('test finished');
  });
});
