import { renderNotice } from '@firebreak/activities/render';
import { findContact, findLinkRevocations, listStoredNotices } from '@firebreak/db';
import { NoticeContent } from '@firebreak/domain';
import { getDatabase } from '../database';

export interface IncidentNoticeRow {
  kind: string;
  revision: number;
  contactId: string;
  contactName: string;
  /** Null for operations alerts, which go to no customer. */
  customerId: string | null;
  customerName: string;
  recipientEmail: string;
  subject: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  createdAt: string;
  sentAt: string | null;
  acknowledgedAt: string | null;
  failedAt: string | null;
  error: string | null;
  /** The contact's link: issued (opens until it expires), spent by its one-time action, withdrawn; null when none. */
  link: 'issued' | 'used' | 'revoked' | null;
  /** The message as the contact read it (without its personal link), when its content was kept. */
  text: string | null;
}

/** Every notice of an incident, per contact, with delivery and acknowledgement times and the rendered message. */
export async function listIncidentNotices(incidentId: string): Promise<IncidentNoticeRow[]> {
  const db = await getDatabase();
  const notices = await listStoredNotices(db, incidentId);
  const contacts = new Map<string, Awaited<ReturnType<typeof findContact>>>();
  for (const id of new Set(notices.map((n) => n.contactId))) contacts.set(id, await findContact(db, id));
  const revocations = await findLinkRevocations(db, notices.flatMap((n) => (n.linkId ? [n.linkId] : [])));
  return notices.map((n) => {
    const contact = contacts.get(n.contactId);
    const content = NoticeContent.safeParse(n.content);
    return {
      kind: n.kind,
      revision: n.revision,
      contactId: n.contactId,
      contactName: contact?.name ?? (n.contactId === 'operations' ? 'Operations' : n.contactId),
      customerId: contact?.customerId ?? null,
      customerName: contact?.customerName ?? '—',
      recipientEmail: n.recipientEmail,
      subject: n.subject,
      status: n.status,
      attempts: n.attempts,
      createdAt: n.createdAt,
      sentAt: n.sentAt,
      acknowledgedAt: n.acknowledgedAt ?? null,
      failedAt: n.failedAt,
      error: n.error,
      // A message the relay refused for good never delivered its link.
      link: n.linkId && n.status !== 'failed' ? (revocations.get(n.linkId)?.reason ?? 'issued') : null,
      text: content.success ? renderNotice(content.data, contact?.name ?? n.recipientEmail).text : null,
    };
  });
}
