import { type LinkRefusal, type NoticeLinkClaims, verifyNoticeLink } from '@firebreak/activities/links';
import { findContact, findIncident, findRevokedLink, findStoredNotice, type NoticeRecipient, type StoredNotice } from '@firebreak/db';
import { type Actor, type Incident, NoticeContent } from '@firebreak/domain';

import { getEnv } from '../../env';
import { getDatabase } from '../database';

export type LinkProblem = LinkRefusal | 'not-configured' | 'unknown-notice';

/** A verified link and everything its page may show: this notice of this contact, nothing else. */
export interface OpenedNoticeLink {
  claims: NoticeLinkClaims;
  notice: StoredNotice;
  content: NoticeContent | undefined;
  contact: NoticeRecipient;
  incident: Incident;
  /** The contact, as the actor of whatever they do through the link. */
  actor: Actor;
}

export type OpenNoticeLinkResult = { ok: true; link: OpenedNoticeLink } | { ok: false; problem: LinkProblem };

/** What the page says for each problem: enough to know what to do, nothing about the notice. */
export const LINK_PROBLEM_MESSAGES: Record<LinkProblem, string> = {
  expired: 'This link has expired. If you still need to respond, reply to the email or contact our security operations team.',
  invalid: 'This link is not valid. Open it straight from the email; a link that was changed or cut short does not work.',
  revoked: 'This link has been withdrawn. A newer message may have replaced it; please check your email.',
  used: 'This link has already been used for its one-time action. Nothing was changed now.',
  'wrong-incident': 'This link does not belong to this incident.',
  'not-configured': 'Links cannot be checked right now. Please reply to the email instead.',
  'unknown-notice': 'The notice this link was sent for cannot be found.',
};

/**
 * Checks a contact's link — signature, expiry, revocation, the incident it is bound to — and loads its notice.
 * Every failure is a problem code for the page, never an exception that could leak details.
 */
export async function openNoticeLink(token: string, options: { incidentId?: string } = {}): Promise<OpenNoticeLinkResult> {
  const secret = getEnv().linkSecret;
  if (!secret) return { ok: false, problem: 'not-configured' };
  const db = await getDatabase();
  const verified = await verifyNoticeLink(token, {
    secret,
    revocationOf: async (linkId) => (await findRevokedLink(db, linkId))?.reason,
    ...(options.incidentId ? { incidentId: options.incidentId } : {}),
  });
  if (!verified.ok) return { ok: false, problem: verified.refusal };
  const { claims } = verified;
  const [notice, contact, incident] = await Promise.all([
    findStoredNotice(db, claims),
    findContact(db, claims.contactId),
    findIncident(db, claims.incidentId),
  ]);
  if (!notice || notice.status !== 'sent' || !contact || !incident) return { ok: false, problem: 'unknown-notice' };
  const content = NoticeContent.safeParse(notice.content);
  return {
    ok: true,
    link: {
      claims,
      notice,
      content: content.success ? content.data : undefined,
      contact,
      incident,
      actor: { kind: 'contact', id: contact.id, name: contact.name },
    },
  };
}
