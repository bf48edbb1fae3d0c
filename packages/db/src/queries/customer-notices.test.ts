import type { Customer } from '@firebreak/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { type FirebreakDb, migrateToLatest, openDatabase } from '../open-database';
import { findCustomerSummary, listCustomerNotices } from './customer-notices';
import { upsertCustomer } from './directory';
import { createIncident } from './incidents';
import { acknowledgeNotice } from './notice-links';
import { beginNotice, markNoticeFailed, markNoticeSent } from './notices';

const acme: Customer = {
  id: 'acme',
  name: 'Acme Media',
  tenancy: 'multi',
  contacts: [
    { id: 'acme-ada', name: 'Ada Ops', email: 'ada@acme.example', role: 'designated-technical' },
    { id: 'acme-bob', name: 'Bob Ops', email: 'bob@acme.example', role: 'designated-technical' },
  ],
};
const globex: Customer = {
  id: 'globex',
  name: 'Globex',
  tenancy: 'single',
  contacts: [{ id: 'globex-cy', name: 'Cy Tech', email: 'cy@globex.example', role: 'designated-technical' }],
};

async function incident(db: FirebreakDb, id: string, declaredAt: string) {
  await createIncident(db, {
    id,
    playbook: 'infrastructure-compromise',
    severity: 'high',
    summary: `summary of ${id}`,
    deploymentIds: ['d1'],
    customerIds: ['acme', 'globex'],
    workflowId: `incident-${id}`,
    declaredBy: { kind: 'user', id: 'u', name: 'U' },
    declaredAt,
    steps: ['disconnect', 'notify'],
  });
}

describe('listCustomerNotices', () => {
  let db: FirebreakDb;
  beforeEach(async () => {
    db = openDatabase(':memory:');
    await migrateToLatest(db);
    await upsertCustomer(db, acme);
    await upsertCustomer(db, globex);
    await incident(db, 'inc-aaaaaaaaaaaa', '2026-11-27T10:00:00.000Z');
    await incident(db, 'inc-bbbbbbbbbbbb', '2026-11-28T10:00:00.000Z');
  });
  afterEach(() => db.destroy());

  it("lists every notice of the customer's contacts across incidents, with its times, and nothing of another customer", async () => {
    const send = async (incidentId: string, contactId: string, email: string, at: string) => {
      const key = { incidentId, kind: 'incident-details' as const, contactId, revision: 1 };
      await beginNotice(db, { ...key, recipientEmail: email, subject: `About ${incidentId}` }, at);
      return key;
    };
    const first = await send('inc-aaaaaaaaaaaa', 'acme-ada', 'ada@acme.example', '2026-11-27T10:01:00.000Z');
    await markNoticeSent(db, first, '<m1@x>', '2026-11-27T10:01:02.000Z');
    await acknowledgeNotice(db, first, { kind: 'contact', id: 'acme-ada', name: 'Ada Ops' }, '2026-11-27T11:00:00.000Z');
    const second = await send('inc-bbbbbbbbbbbb', 'acme-ada', 'ada@acme.example', '2026-11-28T10:01:00.000Z');
    await markNoticeSent(db, second, '<m2@x>', '2026-11-28T10:01:02.000Z');
    const failed = await send('inc-bbbbbbbbbbbb', 'acme-bob', 'bob@acme.example', '2026-11-28T10:01:00.000Z');
    await markNoticeFailed(db, failed, '550 mailbox unknown', '2026-11-28T10:01:05.000Z');
    await send('inc-aaaaaaaaaaaa', 'globex-cy', 'cy@globex.example', '2026-11-27T10:01:00.000Z');
    // A retired contact's notices stay listed.
    await upsertCustomer(db, { ...acme, contacts: acme.contacts.filter((c) => c.id !== 'acme-bob') });

    const notices = await listCustomerNotices(db, 'acme');
    expect(notices.map((n) => [n.contactId, n.incidentId, n.status])).toEqual([
      ['acme-ada', 'inc-bbbbbbbbbbbb', 'sent'],
      ['acme-ada', 'inc-aaaaaaaaaaaa', 'sent'],
      ['acme-bob', 'inc-bbbbbbbbbbbb', 'failed'],
    ]);
    expect(notices[1]).toMatchObject({
      incidentSummary: 'summary of inc-aaaaaaaaaaaa',
      playbook: 'infrastructure-compromise',
      kind: 'incident-details',
      queuedAt: '2026-11-27T10:01:00.000Z',
      deliveredAt: '2026-11-27T10:01:02.000Z',
      failedAt: null,
      acknowledgedAt: '2026-11-27T11:00:00.000Z',
      contactRetiredAt: null,
    });
    expect(notices[2]).toMatchObject({ failedAt: '2026-11-28T10:01:05.000Z', error: '550 mailbox unknown', deliveredAt: null });
    expect(notices[2]!.contactRetiredAt).not.toBeNull();
    expect(await listCustomerNotices(db, 'nobody')).toEqual([]);
    expect(await findCustomerSummary(db, 'globex')).toEqual({ id: 'globex', name: 'Globex', tenancy: 'single' });
    expect(await findCustomerSummary(db, 'nobody')).toBeUndefined();
  });
});
