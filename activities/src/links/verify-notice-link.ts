import { errors, jwtVerify } from 'jose';
import { z } from 'zod';

import { linkKey } from './link-key';
import { LINK_AUDIENCE, LINK_ISSUER, LINK_PURPOSE, type NoticeLinkClaims, NoticeLinkSubject } from './notice-link-claims';

/** Why a link opens nothing; each has its own message on the page. */
export type LinkRefusal = 'expired' | 'invalid' | 'revoked' | 'used' | 'wrong-incident';

export type LinkVerification = { ok: true; claims: NoticeLinkClaims } | { ok: false; refusal: LinkRefusal };

export interface VerifyLinkOptions {
  secret: string;
  /** Why the link was revoked (or spent), if it was. */
  revocationOf: (linkId: string) => Promise<'revoked' | 'used' | undefined>;
  /** When the link is used on a page bound to an incident: the incident it must be for. */
  incidentId?: string;
  now?: Date;
}

const Payload = z.object({
  sub: z.string(),
  jti: z.string().min(1).max(64),
  exp: z.number(),
  inc: z.string(),
  knd: z.string(),
  rev: z.number(),
  pur: z.literal(LINK_PURPOSE),
});

/** Checks a link's signature, expiry, purpose, incident and revocation; never throws for a bad link. */
export async function verifyNoticeLink(token: string, options: VerifyLinkOptions): Promise<LinkVerification> {
  if (token.length > 2048) return { ok: false, refusal: 'invalid' };
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, linkKey(options.secret), {
      algorithms: ['HS256'],
      issuer: LINK_ISSUER,
      audience: LINK_AUDIENCE,
      ...(options.now ? { currentDate: options.now } : {}),
    }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, refusal: 'expired' };
    if (error instanceof errors.JOSEError) return { ok: false, refusal: 'invalid' };
    throw error;
  }
  const parsed = Payload.safeParse(payload);
  if (!parsed.success) return { ok: false, refusal: 'invalid' };
  const p = parsed.data;
  const subject = NoticeLinkSubject.safeParse({ incidentId: p.inc, contactId: p.sub, kind: p.knd, revision: p.rev });
  if (!subject.success) return { ok: false, refusal: 'invalid' };
  if (options.incidentId !== undefined && options.incidentId !== subject.data.incidentId) return { ok: false, refusal: 'wrong-incident' };
  const revoked = await options.revocationOf(p.jti);
  if (revoked) return { ok: false, refusal: revoked };
  return { ok: true, claims: { ...subject.data, linkId: p.jti, expiresAt: new Date(p.exp * 1000).toISOString() } };
}
