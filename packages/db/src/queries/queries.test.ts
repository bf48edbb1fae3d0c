import type { Customer } from '@firebreak/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { type FirebreakDb, migrateToLatest, openDatabase } from '../open-database';
import { addApiToken, authenticateApiToken, createApiToken } from './api-tokens';
import { listCustomers, listDesignatedContacts, upsertCustomer } from './directory';
import { createIncident, findIncident, recordStep } from './incidents';
import { beginNotice, markNoticeSent } from './notices';
import { findPreChangeState, savePreChangeStateOnce } from './pre-change-states';
import { appendTimelineEvent, listTimeline } from './timeline';

const acme: Customer = {
  id: 'acme',
  name: 'Acme Media',
  tenancy: 'multi',
  contacts: [
    { id: 'acme-ops-1', name: 'Ada Ops', email: 'ada@example.com', role: 'designated-technical' },
    { id: 'acme-ops-2', name: 'Bob Ops', email: 'bob@example.com', role: 'designated-technical' },
    { id: 'acme-boss', name: 'Cy Boss', email: 'cy@example.com', role: 'management' },
  ],
};

describe('database queries', () => {
  let db: FirebreakDb;
  beforeEach(async () => {
    db = openDatabase(':memory:');
    await migrateToLatest(db);
    await upsertCustomer(db, acme);
    await createIncident(db, {
      id: 'inc-aaaaaaaaaaaa',
      playbook: 'infrastructure-compromise',
      severity: 'high',
      summary: 's',
      deploymentIds: ['d1'],
      customerIds: ['acme'],
      workflowId: 'incident-inc-aaaaaaaaaaaa',
      declaredBy: { kind: 'user', id: 'u', name: 'U' },
      declaredAt: '2026-11-27T10:00:00.000Z',
      steps: ['disconnect', 'notify'],
    });
  });
  afterEach(() => db.destroy());

  it('retires, never deletes, a contact removed from the directory', async () => {
    await upsertCustomer(db, { ...acme, contacts: acme.contacts.filter((c) => c.id !== 'acme-ops-2') });
    expect((await listDesignatedContacts(db, ['acme'])).map((c) => c.id)).toEqual(['acme-ops-1']);
    expect((await listCustomers(db))[0]!.contacts).toHaveLength(2);
    const retired = await db.selectFrom('contacts').selectAll().where('id', '=', 'acme-ops-2').executeTakeFirst();
    expect(retired?.removed_at).not.toBeNull();
  });

  it('lists only designated technical contacts, with their customer', async () => {
    const recipients = await listDesignatedContacts(db, ['acme']);
    expect(recipients.map((r) => [r.id, r.customerName])).toEqual([
      ['acme-ops-1', 'Acme Media'],
      ['acme-ops-2', 'Acme Media'],
    ]);
  });

  it('keeps one outbox row per notice key and remembers that it was sent', async () => {
    const key = { incidentId: 'inc-aaaaaaaaaaaa', kind: 'incident-details' as const, contactId: 'acme-ops-1', revision: 1 };
    const draft = { ...key, recipientEmail: 'ada@example.com', subject: 'x' };
    const first = await beginNotice(db, draft);
    expect([first.status, first.attempts]).toEqual(['pending', 1]);
    await markNoticeSent(db, key, '<m@x>', '2026-11-27T10:00:01.000Z');
    const again = await beginNotice(db, draft);
    expect([again.status, again.messageId, again.attempts]).toEqual(['sent', '<m@x>', 1]);
    expect(await db.selectFrom('notices').selectAll().execute()).toHaveLength(1);
  });

  it('keeps the first pre-change state when a capture is repeated', async () => {
    await savePreChangeStateOnce(db, { incidentId: 'inc-aaaaaaaaaaaa', deploymentId: 'd1', state: { eips: 2 }, at: 'a' });
    const second = await savePreChangeStateOnce(db, { incidentId: 'inc-aaaaaaaaaaaa', deploymentId: 'd1', state: { eips: 0 }, at: 'b' });
    expect(second).toEqual({ eips: 2 });
    expect((await findPreChangeState(db, 'inc-aaaaaaaaaaaa', 'd1'))?.capturedAt).toBe('a');
  });

  it('records steps as desired state, keeping the first start time', async () => {
    const incidentId = 'inc-aaaaaaaaaaaa';
    await recordStep(db, { incidentId, name: 'disconnect', status: 'running', at: 't1' });
    await recordStep(db, { incidentId, name: 'disconnect', status: 'running', at: 't2' });
    await recordStep(db, { incidentId, name: 'disconnect', status: 'completed', at: 't3' });
    const step = (await findIncident(db, incidentId))!.steps[0]!;
    expect([step.status, step.startedAt, step.completedAt]).toEqual(['completed', 't1', 't3']);
  });

  it('ignores a repeated timeline event', async () => {
    const event = {
      id: 'e1',
      incidentId: 'inc-aaaaaaaaaaaa',
      at: '2026-11-27T10:00:00.000Z',
      actor: { kind: 'system' as const, id: 'firebreak', name: 'Firebreak' },
      kind: 'step' as const,
      summary: 'Step disconnect started',
      details: { step: 'disconnect' },
    };
    await appendTimelineEvent(db, event);
    await appendTimelineEvent(db, { ...event, summary: 'changed' });
    expect(await listTimeline(db, 'inc-aaaaaaaaaaaa')).toEqual([event]);
  });

  it('authenticates only active tokens, stored as digests', async () => {
    const { token } = await createApiToken(db, { name: 'admin', role: 'administrator' });
    expect((await authenticateApiToken(db, token))?.role).toBe('administrator');
    expect(await authenticateApiToken(db, `${token}x`)).toBeUndefined();
    const stored = await db.selectFrom('api_tokens').select('token_hash').execute();
    expect(stored.some((r) => r.token_hash.includes(token))).toBe(false);
    const a = await addApiToken(db, { name: 'env', role: 'administrator', token: 'operator-chosen-token-0123456789' });
    const b = await addApiToken(db, { name: 'env', role: 'administrator', token: 'operator-chosen-token-0123456789' });
    expect(a.id).toBe(b.id);
  });
});
