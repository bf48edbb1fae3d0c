import type { NoticeContent } from '@firebreak/domain';
import SQLite from 'better-sqlite3';

export interface NoticeSeed {
  customers: number;
  contactsPerCustomer: number;
  /** Of each customer's contacts, how many get the bulletin; the others get the maintenance schedule. */
  bulletinContactsPerCustomer: number;
  /** Every n-th notice failed for good; every m-th delivered one was acknowledged. */
  failEvery: number;
  acknowledgeEvery: number;
  start: Date;
}

/**
 * Gives one incident (already seeded) a directory of customers with contacts and one notice per contact, as a
 * vulnerability playbook's bulletin round leaves them: delivered with a signed link, some acknowledged, a few failed.
 */
export function seedIncidentNotices(
  path: string,
  incidentId: string,
  seed: NoticeSeed,
): { notices: number; failed: number; acknowledged: number } {
  const db = new SQLite(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const insertCustomer = db.prepare(`insert into customers (id, name, tenancy, created_at) values (?, ?, ?, ?)`);
  const insertContact = db.prepare(`insert into contacts (id, customer_id, name, email, role, removed_at) values (?, ?, ?, ?, ?, null)`);
  const insertNotice = db.prepare(
    `insert into notices (incident_id, kind, contact_id, revision, recipient_email, subject, status, message_id, attempts,
       created_at, sent_at, error, content, link_id, acknowledged_at, acknowledged_by, failed_at)
     values (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const at = (seconds: number) => new Date(seed.start.getTime() + seconds * 1000).toISOString();
  const vulnerability = {
    reference: 'CVE-2026-4242',
    title: 'Path traversal in the transfer gateway',
    component: 'transfer-gateway',
    discoveredAt: at(0),
  };
  let notices = 0;
  let failed = 0;
  let acknowledged = 0;
  db.transaction(() => {
    for (let c = 0; c < seed.customers; c++) {
      const customerId = `cust-${String(c).padStart(4, '0')}`;
      const customerName = `Customer ${c} Media`;
      const tenancy = c % 4 === 0 ? 'single' : 'multi';
      insertCustomer.run(customerId, customerName, tenancy, at(0));
      const base = { incidentId, customerName, playbookTitle: 'Exploitable vulnerability', severity: 'critical' };
      for (let k = 0; k < seed.contactsPerCustomer; k++) {
        const contactId = `${customerId}-c${k}`;
        const name = `Contact ${k} of ${c}`;
        const email = `contact${k}@customer${c}.example`;
        insertContact.run(contactId, customerId, name, email, k === 0 ? 'designated-technical' : k === 1 ? 'management' : 'other');
        const content: NoticeContent =
          k < seed.bulletinContactsPerCustomer
            ? { kind: 'bulletin-exploitable', ...base, vulnerability, fixExpectedBy: at(86_400) }
            : {
                kind: 'maintenance-schedule',
                ...base,
                reference: vulnerability.reference,
                version: '4.2.1',
                deployments: [{ id: `${customerId}-transfer`, name: `${customerName} transfer`, tenancy, window: at(172_800) }],
              };
        const subject =
          content.kind === 'bulletin-exploitable'
            ? `[critical] ${vulnerability.reference}: fix coming for ${customerName}`
            : `Maintenance window for ${customerName}: ${vulnerability.reference}`;
        const isFailed = notices % seed.failEvery === seed.failEvery - 1;
        const isAcknowledged = !isFailed && notices % seed.acknowledgeEvery === 0;
        const created = 60 + notices / 10;
        insertNotice.run(
          incidentId,
          content.kind,
          contactId,
          email,
          subject,
          isFailed ? 'failed' : 'sent',
          isFailed ? null : `<${incidentId}.${contactId}@firebreak.example>`,
          isFailed ? 5 : 1,
          at(created),
          isFailed ? null : at(created + 1),
          isFailed ? '550 5.1.1 mailbox unavailable' : null,
          JSON.stringify(content),
          `link-${incidentId}-${content.kind}-${contactId}`,
          isAcknowledged ? at(created + 600) : null,
          isAcknowledged ? JSON.stringify({ kind: 'contact', id: contactId, name }) : null,
          isFailed ? at(created + 300) : null,
        );
        notices++;
        if (isFailed) failed++;
        if (isAcknowledged) acknowledged++;
      }
    }
  })();
  db.close();
  return { notices, failed, acknowledged };
}
