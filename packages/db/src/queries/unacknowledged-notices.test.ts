import type { Customer } from '@firebreak/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { type FirebreakDb, migrateToLatest, openDatabase } from '../open-database';
import { upsertCustomer } from './directory';
import { createIncident } from './incidents';
import { acknowledgeNotice, listUnacknowledgedNotices } from './notice-links';
import { beginNotice, markNoticeSent } from './notices';

const INCIDENT = 'inc-cccccccccccc';
const customer: Customer = {
  id: 'initech',
  name: 'Initech',
  tenancy: 'multi',
  contacts: ['a', 'b', 'c', 'd', 'e'].map((n) => ({
    id: `initech-${n}`,
    name: n,
    email: `${n}@initech.example`,
    role: 'designated-technical' as const,
  })),
};
const key = (contactId: string) => ({ incidentId: INCIDENT, kind: 'bulletin-exploitable' as const, contactId, revision: 1 });

describe('listUnacknowledgedNotices', () => {
  let db: FirebreakDb;
  beforeEach(async () => {
    db = openDatabase(':memory:');
    await migrateToLatest(db);
    await upsertCustomer(db, customer);
    await createIncident(db, {
      id: INCIDENT,
      playbook: 'exploitable-vulnerability',
      severity: 'high',
      summary: 'bulletin',
      deploymentIds: ['d1'],
      customerIds: ['initech'],
      workflowId: `incident-${INCIDENT}`,
      declaredBy: { kind: 'user', id: 'u', name: 'U' },
      declaredAt: '2026-11-27T10:00:00.000Z',
      steps: ['notify'],
    });
    for (const contact of customer.contacts) {
      await beginNotice(db, { ...key(contact.id), recipientEmail: contact.email, subject: 'Bulletin' });
      // One notice is still pending: it was never sent, so nobody can be reminded of it.
      if (contact.id !== 'initech-e') await markNoticeSent(db, key(contact.id), `<${contact.id}@x>`, '2026-11-27T10:01:00.000Z');
    }
    await acknowledgeNotice(db, key('initech-b'), { kind: 'contact', id: 'initech-b', name: 'b' }, '2026-11-27T10:02:00.000Z');
  });
  afterEach(() => db.destroy());

  it('lists sent, unacknowledged notices in contact order, a page at a time', async () => {
    const notice = { incidentId: INCIDENT, kind: 'bulletin-exploitable' as const, revision: 1 };
    const all = await listUnacknowledgedNotices(db, notice);
    expect(all.map((n) => n.contactId)).toEqual(['initech-a', 'initech-c', 'initech-d']);

    const first = await listUnacknowledgedNotices(db, notice, { limit: 2 });
    expect(first.map((n) => n.contactId)).toEqual(['initech-a', 'initech-c']);
    const second = await listUnacknowledgedNotices(db, notice, { afterContactId: 'initech-c', limit: 2 });
    expect(second.map((n) => n.contactId)).toEqual(['initech-d']);
    expect(await listUnacknowledgedNotices(db, notice, { afterContactId: 'initech-d', limit: 2 })).toEqual([]);
  });
});
