import { type NoticeLinkClaims, verifyNoticeLink } from '@firebreak/activities/links';
import { findContact } from '@firebreak/db';
import type { Actor, AuditSeverity } from '@firebreak/domain';
import { headers } from 'next/headers';

import { getEnv } from '../../env';
import { recordAudit } from '../audit/record-audit';
import { sourceAddressOf } from '../auth/source-address';
import { getDatabase } from '../database';
import type { LinkProblem, OpenedNoticeLink } from './open-notice-link';

/** What the holder of a link tried to do with it. */
export type LinkAction = 'view' | 'acknowledge' | 'request-deferral' | 'sign-off';

/** The actor of a link whose signature does not verify: nobody can say whose it was. */
const UNVERIFIED_HOLDER: Actor = { kind: 'contact', id: 'unverified-link', name: 'Holder of an unverifiable link' };

/**
 * Audits what a contact did through their link, with the contact as the actor. The details name the notice, never
 * the token: whoever reads the log must not be able to act as the contact.
 */
export async function recordLinkEvent(
  link: OpenedNoticeLink,
  eventType: 'opened' | 'acknowledged' | 'deferral-requested' | 'satisfied',
  details: Record<string, unknown> = {},
  severity: AuditSeverity = eventType === 'opened' ? 'info' : 'notice',
): Promise<void> {
  await recordAudit({
    severity,
    eventType: `notice-link.${eventType}`,
    actor: link.actor,
    sourceAddress: await requestSourceAddress(),
    details: { ...noticeOf(link.claims), customerId: link.contact.customerId, ...details },
  });
}

/** Audits a link that opened nothing: used, expired, altered, revoked, or for another incident. */
export async function recordLinkRefusal(token: string, problem: LinkProblem, action: LinkAction): Promise<void> {
  const claims = await claimsDespiteRefusal(token, problem);
  const contact = claims && (await findContact(await getDatabase(), claims.contactId));
  await recordAudit({
    severity: 'warning',
    eventType: 'notice-link.refused',
    actor: contact ? { kind: 'contact', id: contact.id, name: contact.name } : UNVERIFIED_HOLDER,
    sourceAddress: await requestSourceAddress(),
    details: { problem, action, ...(claims ? noticeOf(claims) : {}) },
  });
}

function noticeOf(claims: NoticeLinkClaims) {
  return { incidentId: claims.incidentId, kind: claims.kind, revision: claims.revision, contactId: claims.contactId };
}

/**
 * Whose link it was, when its signature is genuine although it opens nothing (spent, revoked, expired): verified
 * again as of a moment before it expired, without the revocation check. An altered link stays anonymous.
 */
async function claimsDespiteRefusal(token: string, problem: LinkProblem): Promise<NoticeLinkClaims | undefined> {
  const secret = getEnv().linkSecret;
  if (!secret || problem === 'invalid' || problem === 'not-configured') return undefined;
  const expiresAt = unverifiedExpiry(token);
  if (expiresAt === undefined) return undefined;
  const verified = await verifyNoticeLink(token, {
    secret,
    revocationOf: async () => undefined,
    now: new Date(Math.min(Date.now(), expiresAt * 1000 - 1000)),
  });
  return verified.ok ? verified.claims : undefined;
}

// Read only to choose the moment to verify at; the signature check that follows decides whether it is believed.
function unverifiedExpiry(token: string): number | undefined {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof payload.exp === 'number' ? payload.exp : undefined;
  } catch {
    return undefined;
  }
}

/** The contact's address when called within a page or action request; tests call the same code without one. */
async function requestSourceAddress(): Promise<string | undefined> {
  try {
    return sourceAddressOf(await headers());
  } catch {
    return undefined;
  }
}
