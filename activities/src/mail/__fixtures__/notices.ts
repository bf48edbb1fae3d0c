import { createIncident, type FirebreakDb, migrateToLatest, openDatabase, upsertCustomer } from '@firebreak/db';
import type { Customer, CustomerNoticeContent } from '@firebreak/domain';
import type nodemailer from 'nodemailer';

// Shared by the notice activities' unit tests: two customers, a bulletin, and a relay whose answers a test sets.

export const INCIDENT = 'inc-dddddddddddd';

export const customers: Customer[] = ['umbrella', 'cyberdyne'].map((id) => ({
  id,
  name: id[0]!.toUpperCase() + id.slice(1),
  tenancy: 'multi',
  contacts: [
    { id: `${id}-ann`, name: 'Ann', email: `ann@${id}.example`, role: 'designated-technical' },
    { id: `${id}-ben`, name: 'Ben', email: `ben@${id}.example`, role: 'designated-technical' },
    { id: `${id}-cfo`, name: 'Cleo', email: `cleo@${id}.example`, role: 'management' },
  ],
}));

export const bulletin: CustomerNoticeContent = {
  kind: 'bulletin-exploitable',
  incidentId: INCIDENT,
  playbookTitle: 'Potentially exploitable vulnerability',
  severity: 'high',
  vulnerability: {
    reference: 'CVE-2026-50505',
    title: 'Header injection',
    component: 'asperanoded',
    discoveredAt: '2026-11-27T10:00:00.000Z',
  },
  fixExpectedBy: '2026-11-28T10:00:00.000Z',
};

export const page = {
  incidentId: INCIDENT,
  roles: ['designated-technical' as const],
  revision: 1,
  notices: customers.map((c) => ({ customerId: c.id, content: bulletin })),
};

/** The relay's side of the wire: each address answers as the test says (accept, 550 or 451). */
export function relay(answers: Record<string, 550 | 451> = {}) {
  const delivered: string[] = [];
  const transport = {
    async sendMail(message: { to: { address: string } }) {
      const code = answers[message.to.address];
      if (code) throw Object.assign(new Error(`SMTP ${code}`), { responseCode: code });
      delivered.push(message.to.address);
      return { messageId: 'x' };
    },
  } as unknown as nodemailer.Transporter;
  return { transport, delivered, answers };
}

/** A fresh in-memory database holding the customers and the incident. */
export async function openNoticeDb(): Promise<FirebreakDb> {
  const db = openDatabase(':memory:');
  await migrateToLatest(db);
  for (const customer of customers) await upsertCustomer(db, customer);
  await createIncident(db, {
    id: INCIDENT,
    playbook: 'exploitable-vulnerability',
    severity: 'high',
    summary: 'bulletin',
    deploymentIds: ['d1'],
    customerIds: customers.map((c) => c.id),
    workflowId: `incident-${INCIDENT}`,
    declaredBy: { kind: 'user', id: 'u', name: 'U' },
    declaredAt: '2026-11-27T10:00:00.000Z',
    steps: ['notify'],
  });
  return db;
}
