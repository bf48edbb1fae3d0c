import { SignJWT } from 'jose';

import { linkKey } from './link-key';
import { LINK_AUDIENCE, LINK_ISSUER, LINK_PURPOSE, noticeLinkId, NoticeLinkSubject } from './notice-link-claims';

export interface SignLinkOptions {
  secret: string;
  ttlSeconds: number;
  now?: Date;
}

/** A token for one contact's page of one notice: HS256, expiring, with an id that can be revoked. */
export async function signNoticeLink(
  subject: NoticeLinkSubject,
  options: SignLinkOptions,
): Promise<{ token: string; linkId: string; expiresAt: string }> {
  const parsed = NoticeLinkSubject.parse(subject);
  const linkId = noticeLinkId(parsed);
  const issuedAt = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const expires = issuedAt + options.ttlSeconds;
  const token = await new SignJWT({ inc: parsed.incidentId, knd: parsed.kind, rev: parsed.revision, pur: LINK_PURPOSE })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(LINK_ISSUER)
    .setAudience(LINK_AUDIENCE)
    .setSubject(parsed.contactId)
    .setJti(linkId)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expires)
    .sign(linkKey(options.secret));
  return { token, linkId, expiresAt: new Date(expires * 1000).toISOString() };
}
