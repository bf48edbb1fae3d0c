import { renderNotice } from '@firebreak/activities/render';
import { findContact, listStoredNotices } from '@firebreak/db';
import { NoticeContent } from '@firebreak/domain';
import { getDatabase } from '../database';

export interface IncidentNoticeRow {
  kind: string;
  revision: number;
  contactId: string;
  contactName: string;
  customerName: string;
  recipientEmail: string;
  subject: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  createdAt: string;
  sentAt: string | null;
  acknowledgedAt: string | null;
  error: string | null;
  /** The message as the contact read it (without its personal link), when its content was kept. */
  text: string | null;
}

/** Every notice of an incident, per contact, with delivery and acknowledgement times and the rendered message. */
export async function listIncidentNotices(incidentId: string): Promise<IncidentNoticeRow[]> {
  const db = await getDatabase();
  const notices = await listStoredNotices(db, incidentId);
  const contacts = new Map<string, Awaited<ReturnType<typeof findContact>>>();
  for (const id of new Set(notices.map((n) => n.contactId))) contacts.set(id, await findContact(db, id));
  return notices.map((n) => {
    const contact = contacts.get(n.contactId);
    const content = NoticeContent.safeParse(n.content);
    return {
      kind: n.kind,
      revision: n.revision,
      contactId: n.contactId,
      contactName: contact?.name ?? (n.contactId === 'operations' ? 'Operations' : n.contactId),
      customerName: contact?.customerName ?? '—',
      recipientEmail: n.recipientEmail,
      subject: n.subject,
      status: n.status,
      attempts: n.attempts,
      createdAt: n.createdAt,
      sentAt: n.sentAt,
      acknowledgedAt: n.acknowledgedAt ?? null,
      error: n.error,
      text: content.success ? renderNotice(content.data, contact?.name ?? n.recipientEmail).text : null,
    };
  });
}
