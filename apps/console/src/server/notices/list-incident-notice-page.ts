import {
  type IncidentNoticeRecord,
  listIncidentNoticePage as queryNoticePage,
  type NoticeKindSummary,
  summarizeIncidentNotices,
} from '@firebreak/db';
import { z } from 'zod';

import { assertPermitted } from '../auth/permissions';
import type { Caller } from '../auth/require-actor';
import { getDatabase } from '../database';

/** Rows per page of the incident's notices table: enough to scan, few enough to render every 1.5 s. */
export const INCIDENT_NOTICES_PER_PAGE = 100;

/**
 * The notices table's state as it travels in the page's URL (`?notices=failed&q=acme&page=2`). A value that makes no
 * sense falls back to its default: a hand-edited address still shows the page.
 */
export const IncidentNoticeQuery = z.object({
  notices: z.enum(['all', 'failed', 'unacknowledged']).catch('all'),
  q: z.string().trim().max(200).catch(''),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type IncidentNoticeQuery = z.output<typeof IncidentNoticeQuery>;

/** One row of the notices table; the message itself opens on its own page. */
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
}

export interface IncidentNoticePage {
  query: IncidentNoticeQuery;
  /** Per kind, for the whole incident whatever the filter. */
  summary: NoticeKindSummary[];
  notices: IncidentNoticeRow[];
  /** Notices matching the filter. */
  total: number;
  page: number;
  pageCount: number;
  /** Index (from 1) of the first row shown. */
  firstRow: number;
}

/** One page of an incident's notices, filtered and cut in SQL, with the per-kind summary. Whoever may read incidents. */
export async function listIncidentNoticePage(
  caller: Caller,
  incidentId: string,
  search: Record<string, unknown>,
): Promise<IncidentNoticePage> {
  assertPermitted(caller.role, 'incidents:read');
  const query = IncidentNoticeQuery.parse({ notices: search.notices, q: search.q, page: search.page });
  const db = await getDatabase();
  const filter = { status: query.notices, text: query.q };
  const [summary, first] = await Promise.all([
    summarizeIncidentNotices(db, incidentId),
    queryNoticePage(db, incidentId, { filter, limit: INCIDENT_NOTICES_PER_PAGE, offset: (query.page - 1) * INCIDENT_NOTICES_PER_PAGE }),
  ]);
  const pageCount = Math.max(1, Math.ceil(first.total / INCIDENT_NOTICES_PER_PAGE));
  // A page past the end (the filter narrowed, or an old link) shows the last one instead of nothing.
  const page = Math.min(query.page, pageCount);
  const shown =
    page === query.page
      ? first
      : await queryNoticePage(db, incidentId, { filter, limit: INCIDENT_NOTICES_PER_PAGE, offset: (page - 1) * INCIDENT_NOTICES_PER_PAGE });
  return {
    query: { ...query, page },
    summary,
    notices: shown.notices.map(toRow),
    total: shown.total,
    page,
    pageCount,
    firstRow: (page - 1) * INCIDENT_NOTICES_PER_PAGE + 1,
  };
}

function toRow(n: IncidentNoticeRecord): IncidentNoticeRow {
  const contactName = n.contactName ?? (n.contactId === 'operations' ? 'Operations' : n.contactId);
  return {
    kind: n.kind,
    revision: n.revision,
    contactId: n.contactId,
    contactName,
    customerId: n.customerId,
    customerName: n.customerName ?? '—',
    recipientEmail: n.recipientEmail,
    subject: n.subject,
    status: n.status,
    attempts: n.attempts,
    createdAt: n.createdAt,
    sentAt: n.sentAt,
    acknowledgedAt: n.acknowledgedAt,
    failedAt: n.failedAt,
    error: n.error,
    // A message the relay refused for good never delivered its link.
    link: n.linkId && n.status !== 'failed' ? (n.linkRevocation ?? 'issued') : null,
  };
}
