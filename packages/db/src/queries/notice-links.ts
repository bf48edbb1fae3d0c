import { Actor, type Notice } from '@firebreak/domain';

import type { FirebreakDb } from '../open-database';
import { keyed, type NoticeKey, toNotice } from './notices';

export interface StoredNotice extends Notice {
  /** The NoticeContent JSON it was rendered from; null for an operations alert, which has no contact page. */
  content: unknown;
  linkId: string | null;
  acknowledgedBy: Actor | null;
  /** When the relay refused it for good. */
  failedAt: string | null;
}

/** One outbox row with what the contact's page needs to show it again. */
export async function findStoredNotice(db: FirebreakDb, key: NoticeKey): Promise<StoredNotice | undefined> {
  const row = await keyed(db.selectFrom('notices').selectAll(), key).executeTakeFirst();
  if (!row) return undefined;
  return {
    ...toNotice(row),
    content: row.content === null ? null : (JSON.parse(row.content) as unknown),
    linkId: row.link_id,
    acknowledgedBy: row.acknowledged_by === null ? null : Actor.parse(JSON.parse(row.acknowledged_by)),
    failedAt: row.failed_at,
  };
}

/** Records the first acknowledgement; returns false when the notice was acknowledged already (a repeat is a no-op). */
export async function acknowledgeNotice(db: FirebreakDb, key: NoticeKey, by: Actor, at: string): Promise<boolean> {
  const result = await keyed(db.updateTable('notices').set({ acknowledged_at: at, acknowledged_by: JSON.stringify(by) }), key)
    .where('acknowledged_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Contacts that were sent this notice and have not acknowledged it, by contact id; a page starts after a contact. */
export async function listUnacknowledgedNotices(
  db: FirebreakDb,
  notice: Omit<NoticeKey, 'contactId'>,
  page: { afterContactId?: string | undefined; limit?: number } = {},
): Promise<Notice[]> {
  let query = db
    .selectFrom('notices')
    .selectAll()
    .where('incident_id', '=', notice.incidentId)
    .where('kind', '=', notice.kind)
    .where('revision', '=', notice.revision)
    .where('status', '=', 'sent')
    .where('acknowledged_at', 'is', null);
  if (page.afterContactId !== undefined) query = query.where('contact_id', '>', page.afterContactId);
  if (page.limit !== undefined) query = query.limit(page.limit);
  const rows = await query.orderBy('contact_id').execute();
  return rows.map(toNotice);
}

/** Makes a link open nothing any more; revoking twice keeps the first reason. */
export async function revokeLink(
  db: FirebreakDb,
  link: { linkId: string; incidentId: string; reason: 'revoked' | 'used' },
  at = new Date().toISOString(),
): Promise<void> {
  await db
    .insertInto('revoked_links')
    .values({ link_id: link.linkId, incident_id: link.incidentId, reason: link.reason, revoked_at: at })
    .onConflict((oc) => oc.column('link_id').doNothing())
    .execute();
}

/** Why a link no longer opens anything, or undefined while it is valid. */
export async function findRevokedLink(
  db: FirebreakDb,
  linkId: string,
): Promise<{ reason: 'revoked' | 'used'; revokedAt: string } | undefined> {
  const row = await db.selectFrom('revoked_links').selectAll().where('link_id', '=', linkId).executeTakeFirst();
  return row && { reason: row.reason as 'revoked' | 'used', revokedAt: row.revoked_at };
}
