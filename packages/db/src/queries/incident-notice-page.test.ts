import type { Customer, NoticeKind } from '@firebreak/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { type FirebreakDb, migrateToLatest, openDatabase } from '../open-database';
import { upsertCustomer } from './directory';
import { INCIDENT_NOTICE_PAGE_MAX, listIncidentNoticePage, summarizeIncidentNotices } from './incident-notice-page';
import { createIncident } from './incidents';
import { acknowledgeNotice, revokeLink } from './notice-links';
import { beginNotice, markNoticeFailed, markNoticeSent } from './notices';

const INCIDENT = 'inc-aaaaaaaaaaaa';
const customer = (n: number): Customer => ({
  id: `cust-${n}`,
  name: n === 7 ? 'Globex 100% Media' : `Customer ${n}`,
  tenancy: 'multi',
  contacts: [0, 1, 2].map((k) => ({
    id: `cust-${n}-c${k}`,
    name: `Contact ${k} of ${n}`,
    email: `c${k}@cust${n}.example`,
    role: 'designated-technical' as const,
  })),
});

describe('incident notice pages', () => {
  let db: FirebreakDb;
  beforeEach(async () => {
    db = openDatabase(':memory:');
    await migrateToLatest(db);
    for (let n = 0; n < 10; n++) await upsertCustomer(db, customer(n));
    for (const id of [INCIDENT, 'inc-bbbbbbbbbbbb']) {
      await createIncident(db, {
        id,
        playbook: 'exploitable-vulnerability',
        severity: 'critical',
        summary: id,
        deploymentIds: ['d1'],
        customerIds: ['cust-0'],
        workflowId: `incident-${id}`,
        declaredBy: { kind: 'user', id: 'u', name: 'U' },
        declaredAt: '2026-11-27T10:00:00.000Z',
        steps: ['notify'],
      });
    }
    // 30 bulletins (every 10th refused for good, every 4th delivered one acknowledged), 10 schedules still being sent.
    let i = 0;
    for (let n = 0; n < 10; n++) {
      for (let k = 0; k < 3; k++) {
        const key = { incidentId: INCIDENT, kind: 'bulletin-exploitable' as NoticeKind, contactId: `cust-${n}-c${k}`, revision: 1 };
        const at = new Date(Date.UTC(2026, 10, 27, 10, 1, i)).toISOString();
        await beginNotice(db, { ...key, recipientEmail: `c${k}@cust${n}.example`, subject: 'Bulletin', linkId: `link-${n}-${k}` }, at);
        if (i % 10 === 9) await markNoticeFailed(db, key, '550 mailbox unknown', at);
        else {
          await markNoticeSent(db, key, `<m${i}@x>`, at);
          if (i % 4 === 0) await acknowledgeNotice(db, key, { kind: 'contact', id: key.contactId, name: 'C' }, at);
        }
        i++;
      }
      const schedule = { incidentId: INCIDENT, kind: 'maintenance-schedule' as NoticeKind, contactId: `cust-${n}-c0`, revision: 1 };
      await beginNotice(db, { ...schedule, recipientEmail: `c0@cust${n}.example`, subject: 'Schedule' }, '2026-11-27T11:00:00.000Z');
    }
    // An operations alert and another incident's notice never count as a contact's unacknowledged notice here.
    const alert = { incidentId: INCIDENT, kind: 'operations-alert:clock-warning' as const, contactId: 'operations', revision: 1 };
    await beginNotice(db, { ...alert, recipientEmail: 'ops@provider.example', subject: 'Alert' }, '2026-11-27T10:00:30.000Z');
    await markNoticeSent(db, alert, '<ops@x>', '2026-11-27T10:00:31.000Z');
    const other = { incidentId: 'inc-bbbbbbbbbbbb', kind: 'bulletin-exploitable' as NoticeKind, contactId: 'cust-0-c0', revision: 1 };
    await beginNotice(db, { ...other, recipientEmail: 'c0@cust0.example', subject: 'Other' }, '2026-11-27T10:00:00.000Z');
  });
  afterEach(() => db.destroy());

  it('summarizes each kind in the order it was first sent', async () => {
    expect(await summarizeIncidentNotices(db, INCIDENT)).toEqual([
      { kind: 'operations-alert', written: 1, delivered: 1, failed: 0, acknowledged: 0, pending: 0 },
      { kind: 'bulletin-exploitable', written: 30, delivered: 27, failed: 3, acknowledged: 8, pending: 0 },
      { kind: 'maintenance-schedule', written: 10, delivered: 0, failed: 0, acknowledged: 0, pending: 10 },
    ]);
    expect(await summarizeIncidentNotices(db, 'inc-nothing')).toEqual([]);
  });

  it('pages in SQL with refused notices first, then those still being sent, then in the order written', async () => {
    const all = { status: 'all' as const };
    const first = await listIncidentNoticePage(db, INCIDENT, { filter: all, limit: 5, offset: 0 });
    expect(first.total).toBe(41);
    expect(first.notices.map((n) => n.status)).toEqual(['failed', 'failed', 'failed', 'pending', 'pending']);
    expect(first.notices[0]).toMatchObject({
      contactId: 'cust-3-c0',
      contactName: 'Contact 0 of 3',
      customerId: 'cust-3',
      customerName: 'Customer 3',
      error: '550 mailbox unknown',
      failedAt: '2026-11-27T10:01:09.000Z',
    });
    const pages = [];
    for (let offset = 0; offset < 41; offset += 10)
      pages.push(...(await listIncidentNoticePage(db, INCIDENT, { filter: all, limit: 10, offset })).notices);
    expect(new Set(pages.map((n) => `${n.kind}/${n.contactId}`)).size).toBe(41);
    expect((await listIncidentNoticePage(db, INCIDENT, { filter: all, limit: 10, offset: 40 })).notices).toHaveLength(1);
    // The operations alert has no contact in the directory.
    expect(pages.find((n) => n.contactId === 'operations')).toMatchObject({ contactName: null, customerId: null, customerName: null });
  });

  it('filters by status and by text on contact, address or customer, counting what matches', async () => {
    const failed = await listIncidentNoticePage(db, INCIDENT, { filter: { status: 'failed' }, limit: 100, offset: 0 });
    expect(failed.total).toBe(3);
    expect(failed.notices.every((n) => n.status === 'failed')).toBe(true);

    const unacknowledged = await listIncidentNoticePage(db, INCIDENT, { filter: { status: 'unacknowledged' }, limit: 100, offset: 0 });
    expect(unacknowledged.total).toBe(19);
    expect(unacknowledged.notices.every((n) => n.status === 'sent' && n.acknowledgedAt === null && n.contactId !== 'operations')).toBe(
      true,
    );

    const byCustomer = await listIncidentNoticePage(db, INCIDENT, { filter: { status: 'all', text: 'customer 4' }, limit: 100, offset: 0 });
    expect(byCustomer.notices.map((n) => n.contactId).sort()).toEqual(['cust-4-c0', 'cust-4-c0', 'cust-4-c1', 'cust-4-c2']);
    const byEmail = await listIncidentNoticePage(db, INCIDENT, { filter: { status: 'all', text: 'C2@CUST5' }, limit: 100, offset: 0 });
    expect(byEmail.notices.map((n) => n.contactId)).toEqual(['cust-5-c2']);
    const byContact = await listIncidentNoticePage(db, INCIDENT, {
      filter: { status: 'failed', text: 'contact 0 of 3' },
      limit: 100,
      offset: 0,
    });
    expect(byContact.notices.map((n) => n.contactId)).toEqual(['cust-3-c0']);
    // LIKE wildcards in the text match themselves.
    const literal = await listIncidentNoticePage(db, INCIDENT, { filter: { status: 'all', text: '100%' }, limit: 100, offset: 0 });
    expect(new Set(literal.notices.map((n) => n.customerId))).toEqual(new Set(['cust-7']));
    expect((await listIncidentNoticePage(db, INCIDENT, { filter: { status: 'all', text: '_' }, limit: 100, offset: 0 })).total).toBe(0);
  });

  it("shows each link's state and caps the page size", async () => {
    await revokeLink(db, { linkId: 'link-0-1', incidentId: INCIDENT, reason: 'revoked' });
    const page = await listIncidentNoticePage(db, INCIDENT, { filter: { status: 'all', text: 'cust-0-c' }, limit: 100, offset: 0 });
    const link = new Map(
      page.notices.filter((n) => n.kind === 'bulletin-exploitable').map((n) => [n.contactId, [n.linkId, n.linkRevocation]]),
    );
    expect(link.get('cust-0-c1')).toEqual(['link-0-1', 'revoked']);
    expect(link.get('cust-0-c2')).toEqual(['link-0-2', null]);
    expect(page.notices.find((n) => n.contactId === 'cust-0-c0' && n.kind === 'bulletin-exploitable')?.acknowledgedBy).toEqual({
      kind: 'contact',
      id: 'cust-0-c0',
      name: 'C',
    });
    const capped = await listIncidentNoticePage(db, INCIDENT, { filter: { status: 'all' }, limit: 10_000, offset: 0 });
    expect(capped.notices.length).toBeLessThanOrEqual(INCIDENT_NOTICE_PAGE_MAX);
  });
});
