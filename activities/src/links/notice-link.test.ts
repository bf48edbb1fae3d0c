import { describe, expect, it } from 'vitest';

import { signNoticeLink } from './sign-notice-link';
import { verifyNoticeLink } from './verify-notice-link';

const secret = 'a-test-secret-that-is-long-enough-for-hs256';
const subject = { incidentId: 'inc-1', contactId: 'contact-a', kind: 'incident-details' as const, revision: 1 };
const notRevoked = async () => undefined;

describe('notice links', () => {
  it('opens for the contact and notice it was signed for', async () => {
    const { token, linkId } = await signNoticeLink(subject, { secret, ttlSeconds: 60 });
    const result = await verifyNoticeLink(token, { secret, revocationOf: notRevoked, incidentId: 'inc-1' });
    expect(result).toEqual({ ok: true, claims: expect.objectContaining({ ...subject, linkId }) });
  });

  it('gives the same notice the same link id, and another notice another one', async () => {
    const a = await signNoticeLink(subject, { secret, ttlSeconds: 60 });
    const b = await signNoticeLink(subject, { secret, ttlSeconds: 120 });
    const c = await signNoticeLink({ ...subject, revision: 2 }, { secret, ttlSeconds: 60 });
    expect(a.linkId).toBe(b.linkId);
    expect(c.linkId).not.toBe(a.linkId);
  });

  it('refuses an expired link', async () => {
    const { token } = await signNoticeLink(subject, { secret, ttlSeconds: 60, now: new Date(Date.now() - 120_000) });
    expect(await verifyNoticeLink(token, { secret, revocationOf: notRevoked })).toEqual({ ok: false, refusal: 'expired' });
  });

  it('refuses an altered link', async () => {
    const { token } = await signNoticeLink(subject, { secret, ttlSeconds: 60 });
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: 'contact-b' })).toString('base64url');
    expect(await verifyNoticeLink(`${header}.${forged}.${signature}`, { secret, revocationOf: notRevoked })).toEqual({
      ok: false,
      refusal: 'invalid',
    });
    const other = await signNoticeLink(subject, { secret: `${secret}-other`, ttlSeconds: 60 });
    expect((await verifyNoticeLink(other.token, { secret, revocationOf: notRevoked })).ok).toBe(false);
    expect((await verifyNoticeLink('not-a-token', { secret, revocationOf: notRevoked })).ok).toBe(false);
  });

  it('refuses an unsigned (alg none) token', async () => {
    const { token } = await signNoticeLink(subject, { secret, ttlSeconds: 60 });
    const payload = token.split('.')[1]!;
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    expect(await verifyNoticeLink(none, { secret, revocationOf: notRevoked })).toEqual({ ok: false, refusal: 'invalid' });
  });

  it('refuses a link used for another incident', async () => {
    const { token } = await signNoticeLink(subject, { secret, ttlSeconds: 60 });
    expect(await verifyNoticeLink(token, { secret, revocationOf: notRevoked, incidentId: 'inc-2' })).toEqual({
      ok: false,
      refusal: 'wrong-incident',
    });
  });

  it('refuses a revoked or spent link', async () => {
    const { token, linkId } = await signNoticeLink(subject, { secret, ttlSeconds: 60 });
    const revoked = new Map([[linkId, 'revoked' as const]]);
    expect(await verifyNoticeLink(token, { secret, revocationOf: async (id) => revoked.get(id) })).toEqual({
      ok: false,
      refusal: 'revoked',
    });
    const used = new Map([[linkId, 'used' as const]]);
    expect(await verifyNoticeLink(token, { secret, revocationOf: async (id) => used.get(id) })).toEqual({ ok: false, refusal: 'used' });
  });

  it('refuses a secret too short to sign with', async () => {
    await expect(signNoticeLink(subject, { secret: 'short', ttlSeconds: 60 })).rejects.toThrow(/at least 32/);
  });
});
