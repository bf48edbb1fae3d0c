import type { Notice, NoticeKind, NoticeStatus } from '@firebreak/domain';
import type { Selectable } from 'kysely';

import type { FirebreakDb } from '../open-database';
import type { NoticesTable } from '../schema';

export interface NoticeKey {
  incidentId: string;
  /** A NoticeKind, or `operations-alert:<key>` for alerts to the operations team. */
  kind: NoticeKind | `operations-alert:${string}`;
  contactId: string;
  revision: number;
}

export interface NoticeDraft extends NoticeKey {
  recipientEmail: string;
  subject: string;
  /** The NoticeContent it is rendered from (absent for operations alerts). */
  content?: unknown;
  /** The id of the signed link the message carries. */
  linkId?: string;
}

/**
 * The outbox row for a notice, written before anything is sent. If the row exists (a retry), it is returned as
 * it stands: a `sent` row means the message already left and must not be sent again.
 */
export async function beginNotice(db: FirebreakDb, draft: NoticeDraft, now = new Date().toISOString()): Promise<Notice> {
  await db
    .insertInto('notices')
    .values({
      incident_id: draft.incidentId,
      kind: draft.kind,
      contact_id: draft.contactId,
      revision: draft.revision,
      recipient_email: draft.recipientEmail,
      subject: draft.subject,
      status: 'pending',
      message_id: null,
      attempts: 0,
      created_at: now,
      sent_at: null,
      error: null,
      content: draft.content === undefined ? null : JSON.stringify(draft.content),
      link_id: draft.linkId ?? null,
    })
    .onConflict((oc) => oc.columns(['incident_id', 'kind', 'contact_id', 'revision']).doNothing())
    .execute();
  await keyed(
    db.updateTable('notices').set((eb) => ({ attempts: eb('attempts', '+', 1) })),
    draft,
  )
    .where('status', '=', 'pending')
    .execute();
  const row = await keyed(db.selectFrom('notices').selectAll(), draft).executeTakeFirstOrThrow();
  return toNotice(row);
}

export async function markNoticeSent(db: FirebreakDb, key: NoticeKey, messageId: string, at: string): Promise<void> {
  await keyed(db.updateTable('notices').set({ status: 'sent', message_id: messageId, sent_at: at, error: null }), key).execute();
}

export async function markNoticeFailed(db: FirebreakDb, key: NoticeKey, error: string, at = new Date().toISOString()): Promise<void> {
  await keyed(db.updateTable('notices').set({ status: 'failed', error, failed_at: at }), key)
    .where('status', '!=', 'sent')
    .execute();
}

export async function listNotices(db: FirebreakDb, incidentId: string): Promise<Notice[]> {
  const rows = await db
    .selectFrom('notices')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .orderBy('created_at')
    .orderBy('contact_id')
    .execute();
  return rows.map(toNotice);
}

// Narrows any notices query to one notice by its idempotency key.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any builder with a where(); its own types check each call
export function keyed<Q extends { where: (...args: any[]) => Q }>(query: Q, key: NoticeKey): Q {
  return query
    .where('incident_id', '=', key.incidentId)
    .where('kind', '=', key.kind)
    .where('contact_id', '=', key.contactId)
    .where('revision', '=', key.revision);
}

export function toNotice(row: Selectable<NoticesTable>): Notice {
  return {
    incidentId: row.incident_id,
    kind: row.kind as Notice['kind'],
    contactId: row.contact_id,
    revision: row.revision,
    recipientEmail: row.recipient_email,
    subject: row.subject,
    status: row.status as NoticeStatus,
    messageId: row.message_id,
    attempts: row.attempts,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    error: row.error,
    acknowledgedAt: row.acknowledged_at,
  };
}
