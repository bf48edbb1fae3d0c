import { Actor, type NoticeStatus } from '@firebreak/domain';
import { type ExpressionBuilder, sql } from 'kysely';

import type { FirebreakDb } from '../open-database';
import type { Database } from '../schema';

/** Which notices of an incident a page lists: every one, those refused for good, or delivered and not acknowledged. */
export type IncidentNoticeStatusFilter = 'all' | 'failed' | 'unacknowledged';

export interface IncidentNoticeFilter {
  status: IncidentNoticeStatusFilter;
  /** Matched, ignoring case, anywhere in the contact's name or id, the recipient's address or the customer's name or id. */
  text?: string | undefined;
}

/** One notice as the incident's notices table shows it, with its recipient and its link's state. */
export interface IncidentNoticeRecord {
  kind: string;
  revision: number;
  contactId: string;
  /** Null when the notice went to no contact of the directory (operations alerts). */
  contactName: string | null;
  customerId: string | null;
  customerName: string | null;
  recipientEmail: string;
  subject: string;
  status: NoticeStatus;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
  failedAt: string | null;
  error: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: Actor | null;
  linkId: string | null;
  /** Why the link no longer opens anything; null while it is valid or when there is none. */
  linkRevocation: 'revoked' | 'used' | null;
}

/** Per notice kind: how many were written, delivered, refused for good, acknowledged, and are still being sent. */
export interface NoticeKindSummary {
  kind: string;
  written: number;
  delivered: number;
  failed: number;
  acknowledged: number;
  pending: number;
}

export const INCIDENT_NOTICE_PAGE_MAX = 500;

type Eb = ExpressionBuilder<Database & { c: Database['contacts']; cu: Database['customers'] }, 'notices' | 'c' | 'cu'>;

function matching(filter: IncidentNoticeFilter) {
  return (eb: Eb) => {
    const conditions = [];
    if (filter.status === 'failed') conditions.push(eb('notices.status', '=', 'failed'));
    if (filter.status === 'unacknowledged') {
      conditions.push(
        eb('notices.status', '=', 'sent'),
        eb('notices.acknowledged_at', 'is', null),
        eb('notices.contact_id', '!=', 'operations'),
      );
    }
    const text = filter.text?.trim();
    if (text) {
      // LIKE with its wildcards escaped, so "50%" or "a_b" match themselves.
      const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const like = (column: string) => sql<boolean>`${sql.ref(column)} like ${pattern} escape '\\'`;
      conditions.push(eb.or([like('c.name'), like('notices.contact_id'), like('notices.recipient_email'), like('cu.name'), like('cu.id')]));
    }
    return eb.and(conditions);
  };
}

function noticesWithRecipients(db: FirebreakDb, incidentId: string) {
  return db
    .selectFrom('notices')
    .leftJoin('contacts as c', 'c.id', 'notices.contact_id')
    .leftJoin('customers as cu', 'cu.id', 'c.customer_id')
    .where('notices.incident_id', '=', incidentId);
}

/**
 * One page of an incident's notices matching the filter, and how many match in all. Refused notices come first, then
 * those still being sent, then the rest in the order they were written; the page is cut in SQL.
 */
export async function listIncidentNoticePage(
  db: FirebreakDb,
  incidentId: string,
  options: { filter: IncidentNoticeFilter; limit: number; offset: number },
): Promise<{ notices: IncidentNoticeRecord[]; total: number }> {
  const limit = Math.min(Math.max(1, Math.trunc(options.limit)), INCIDENT_NOTICE_PAGE_MAX);
  const offset = Math.max(0, Math.trunc(options.offset));
  const where = matching(options.filter);
  const [rows, count] = await Promise.all([
    noticesWithRecipients(db, incidentId)
      .leftJoin('revoked_links as r', 'r.link_id', 'notices.link_id')
      .where(where)
      .select([
        'notices.kind',
        'notices.revision',
        'notices.contact_id',
        'c.name as contact_name',
        'cu.id as customer_id',
        'cu.name as customer_name',
        'notices.recipient_email',
        'notices.subject',
        'notices.status',
        'notices.attempts',
        'notices.created_at',
        'notices.sent_at',
        'notices.failed_at',
        'notices.error',
        'notices.acknowledged_at',
        'notices.acknowledged_by',
        'notices.link_id',
        'r.reason as link_revocation',
      ])
      .orderBy(sql`case notices.status when 'failed' then 0 when 'pending' then 1 else 2 end`)
      .orderBy('notices.created_at')
      .orderBy('notices.contact_id')
      .orderBy('notices.kind')
      .orderBy('notices.revision')
      .limit(limit)
      .offset(offset)
      .execute(),
    noticesWithRecipients(db, incidentId)
      .where(where)
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.total),
    notices: rows.map((r) => ({
      kind: r.kind,
      revision: r.revision,
      contactId: r.contact_id,
      contactName: r.contact_name,
      customerId: r.customer_id,
      customerName: r.customer_name,
      recipientEmail: r.recipient_email,
      subject: r.subject,
      status: r.status as NoticeStatus,
      attempts: r.attempts,
      createdAt: r.created_at,
      sentAt: r.sent_at,
      failedAt: r.failed_at,
      error: r.error,
      acknowledgedAt: r.acknowledged_at,
      acknowledgedBy: r.acknowledged_by === null ? null : Actor.parse(JSON.parse(r.acknowledged_by)),
      linkId: r.link_id,
      linkRevocation: (r.link_revocation as IncidentNoticeRecord['linkRevocation']) ?? null,
    })),
  };
}

/**
 * Counts per notice kind for the whole incident, in the order the kinds were first written. Operations alerts (one
 * kind per alert key) count as one kind, `operations-alert`.
 */
export async function summarizeIncidentNotices(db: FirebreakDb, incidentId: string): Promise<NoticeKindSummary[]> {
  const kind = sql<string>`case when kind like 'operations-alert:%' then 'operations-alert' else kind end`;
  const rows = await db
    .selectFrom('notices')
    .where('incident_id', '=', incidentId)
    .select((eb) => [
      kind.as('kind'),
      eb.fn.countAll<number>().as('sent'),
      sql<number>`sum(status = 'sent')`.as('delivered'),
      sql<number>`sum(status = 'failed')`.as('failed'),
      sql<number>`sum(acknowledged_at is not null)`.as('acknowledged'),
      sql<number>`sum(status = 'pending')`.as('pending'),
      eb.fn.min('created_at').as('first_at'),
    ])
    .groupBy(kind)
    .orderBy('first_at')
    .orderBy(kind)
    .execute();
  return rows.map((r) => ({
    kind: r.kind,
    written: Number(r.sent),
    delivered: Number(r.delivered),
    failed: Number(r.failed),
    acknowledged: Number(r.acknowledged),
    pending: Number(r.pending),
  }));
}
