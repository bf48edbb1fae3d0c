import { appendTimelineEvent, findContact, findRevokedLink, findStoredNotice, revokeLink } from '@firebreak/db';
import { ContactId, FirebreakError, IncidentId, NoticeContent, NoticeKind } from '@firebreak/domain';
import { z } from 'zod';

import { toFieldErrors } from '../api/field-errors';
import { recordAudit } from '../audit/record-audit';
import { assertPermitted } from '../auth/permissions';
import type { Caller } from '../auth/require-actor';
import { getDatabase } from '../database';
import { findIncidentOrThrow } from '../incidents/get-incident';

/** Which notice's link to withdraw, and why (the reason goes on the timeline). */
export const RevokeLinkRequest = z.object({
  incidentId: IncidentId,
  kind: NoticeKind,
  contactId: ContactId,
  revision: z.coerce.number().int().min(1),
  reason: z.string().trim().min(1, 'give the reason for withdrawing the link').max(2000),
});

export type RevokeLinkOutcome =
  | { changed: true; revokedAt: string }
  /** The link was already spent by its one-time action, or withdrawn before: nothing changed. */
  | { changed: false; state: 'used' | 'revoked'; revokedAt: string };

/**
 * Withdraws the link a contact received with a notice (on-call engineers and administrators): from now on it opens
 * nothing and says it was withdrawn. Every copy is covered — the notice's reminders carry the same link. Recorded on
 * the incident's timeline and in the audit log; withdrawing it again changes nothing.
 */
export async function revokeNoticeLink(caller: Caller, body: unknown): Promise<RevokeLinkOutcome> {
  assertPermitted(caller.role, 'links:revoke');
  const parsed = RevokeLinkRequest.safeParse(body);
  if (!parsed.success)
    throw new FirebreakError('VALIDATION_FAILED', 'The request to withdraw a link is not valid.', toFieldErrors(parsed.error));
  const { reason, ...key } = parsed.data;
  await findIncidentOrThrow(key.incidentId);
  const db = await getDatabase();
  const notice = await findStoredNotice(db, key);
  if (!notice) throw new FirebreakError('NOT_FOUND', `No ${key.kind} notice to ${key.contactId} in incident ${key.incidentId}.`);
  if (!notice.linkId) throw new FirebreakError('VALIDATION_FAILED', 'This notice was sent without a link: there is nothing to withdraw.');

  const before = await findRevokedLink(db, notice.linkId);
  if (before) return { changed: false, state: before.reason, revokedAt: before.revokedAt };
  const at = new Date().toISOString();
  await revokeLink(db, { linkId: notice.linkId, incidentId: key.incidentId, reason: 'revoked' }, at);
  const after = await findRevokedLink(db, notice.linkId);
  // Someone else (or the contact's one-time action) got there first: theirs is the record.
  if (after && after.revokedAt !== at) return { changed: false, state: after.reason, revokedAt: after.revokedAt };

  const contact = await findContact(db, key.contactId);
  const opens = linkedNotice(notice.kind, notice.content) ?? { kind: key.kind, revision: key.revision };
  const who = contact ? `${contact.name} (${contact.customerName})` : key.contactId;
  const details = { kind: opens.kind, revision: opens.revision, contactId: key.contactId, customerId: contact?.customerId ?? null, reason };
  await appendTimelineEvent(db, {
    id: `link-revoked-${notice.linkId}`,
    incidentId: key.incidentId,
    at,
    actor: caller.actor,
    kind: 'notice',
    summary: `${caller.actor.name} withdrew the link ${who} received for the ${opens.kind} notice: ${reason}`.slice(0, 500),
    details,
  });
  await recordAudit({
    severity: 'notice',
    eventType: 'notice-link.revoked',
    actor: caller.actor,
    sourceAddress: caller.sourceAddress,
    details: { incidentId: key.incidentId, role: caller.role, ...details },
  });
  return { changed: true, revokedAt: at };
}

// A reminder's link opens the notice it reminds of: that is the notice whose link is withdrawn.
function linkedNotice(kind: string, content: unknown): { kind: NoticeKind; revision: number } | undefined {
  if (kind !== 'reminder') return undefined;
  const parsed = NoticeContent.safeParse(content);
  return parsed.success && parsed.data.kind === 'reminder' ? parsed.data.regarding : undefined;
}
