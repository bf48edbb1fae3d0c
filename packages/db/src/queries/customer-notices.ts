import type { Contact, Customer, NoticeStatus, PlaybookId } from '@firebreak/domain';

import type { FirebreakDb } from '../open-database';

/** A customer as its notices page names it, whether or not it still has contacts. */
export type CustomerSummary = Pick<Customer, 'id' | 'name' | 'tenancy'>;

/** One notice one of the customer's contacts received, with the incident it belongs to. */
export interface CustomerNoticeRecord {
  incidentId: string;
  incidentSummary: string;
  playbook: PlaybookId;
  kind: string;
  revision: number;
  contactId: string;
  contactName: string;
  contactRole: Contact['role'];
  /** Set when the contact has since been retired from the directory; what they were sent stays listed. */
  contactRetiredAt: string | null;
  recipientEmail: string;
  subject: string;
  status: NoticeStatus;
  attempts: number;
  /** When Firebreak wrote the outbox row and started sending. */
  queuedAt: string;
  /** When the relay accepted the message. */
  deliveredAt: string | null;
  failedAt: string | null;
  acknowledgedAt: string | null;
  error: string | null;
}

export async function findCustomerSummary(db: FirebreakDb, customerId: string): Promise<CustomerSummary | undefined> {
  return db.selectFrom('customers').select(['id', 'name', 'tenancy']).where('id', '=', customerId).executeTakeFirst();
}

/**
 * Every notice sent to any contact of this customer (retired contacts included), across incidents: per contact,
 * newest first. Operations alerts are not sent to contacts and never appear.
 */
export async function listCustomerNotices(db: FirebreakDb, customerId: string): Promise<CustomerNoticeRecord[]> {
  const rows = await db
    .selectFrom('notices')
    .innerJoin('contacts', 'contacts.id', 'notices.contact_id')
    .innerJoin('incidents', 'incidents.id', 'notices.incident_id')
    .select([
      'notices.incident_id',
      'incidents.summary as incident_summary',
      'incidents.playbook',
      'notices.kind',
      'notices.revision',
      'notices.contact_id',
      'contacts.name as contact_name',
      'contacts.role as contact_role',
      'contacts.removed_at as contact_removed_at',
      'notices.recipient_email',
      'notices.subject',
      'notices.status',
      'notices.attempts',
      'notices.created_at',
      'notices.sent_at',
      'notices.failed_at',
      'notices.acknowledged_at',
      'notices.error',
    ])
    .where('contacts.customer_id', '=', customerId)
    .orderBy('contacts.name')
    .orderBy('contacts.id')
    .orderBy('notices.created_at', 'desc')
    .orderBy('notices.kind')
    .execute();
  return rows.map((r) => ({
    incidentId: r.incident_id,
    incidentSummary: r.incident_summary,
    playbook: r.playbook as PlaybookId,
    kind: r.kind,
    revision: r.revision,
    contactId: r.contact_id,
    contactName: r.contact_name,
    contactRole: r.contact_role,
    contactRetiredAt: r.contact_removed_at,
    recipientEmail: r.recipient_email,
    subject: r.subject,
    status: r.status,
    attempts: r.attempts,
    queuedAt: r.created_at,
    deliveredAt: r.sent_at,
    failedAt: r.failed_at,
    acknowledgedAt: r.acknowledged_at,
    error: r.error,
  }));
}
