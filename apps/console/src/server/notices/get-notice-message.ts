import { renderNotice } from '@firebreak/activities/render';
import { findContact, findStoredNotice } from '@firebreak/db';
import { ContactId, FirebreakError, IncidentId, NoticeContent, NoticeKind } from '@firebreak/domain';
import { z } from 'zod';

import { assertPermitted } from '../auth/permissions';
import type { Caller } from '../auth/require-actor';
import { getDatabase } from '../database';

const NoticeMessageKey = z.object({
  incidentId: IncidentId,
  kind: NoticeKind,
  contactId: ContactId,
  revision: z.coerce.number().int().min(1),
});

export interface NoticeMessage {
  incidentId: string;
  kind: NoticeKind;
  revision: number;
  contactName: string;
  customerId: string | null;
  customerName: string | null;
  recipientEmail: string;
  subject: string;
  /** The plain-text part as the contact received it, without their personal link; null when its content was not kept. */
  text: string | null;
}

/** One notice as its contact read it (whoever may read incidents). NOT_FOUND for a key that names no notice. */
export async function getNoticeMessage(caller: Caller, key: Record<string, unknown>): Promise<NoticeMessage> {
  assertPermitted(caller.role, 'incidents:read');
  const parsed = NoticeMessageKey.safeParse(key);
  if (!parsed.success) throw new FirebreakError('NOT_FOUND', 'No such notice.');
  const db = await getDatabase();
  const [notice, contact] = await Promise.all([findStoredNotice(db, parsed.data), findContact(db, parsed.data.contactId)]);
  if (!notice) throw new FirebreakError('NOT_FOUND', 'No such notice.');
  const content = NoticeContent.safeParse(notice.content);
  const rendered = content.success ? renderNotice(content.data, contact?.name ?? notice.recipientEmail) : undefined;
  return {
    ...parsed.data,
    contactName: contact?.name ?? notice.contactId,
    customerId: contact?.customerId ?? null,
    customerName: contact?.customerName ?? null,
    recipientEmail: notice.recipientEmail,
    subject: notice.subject,
    text: rendered?.text ?? null,
  };
}
