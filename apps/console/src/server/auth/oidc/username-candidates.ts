import type { ExternalIdentity } from '@firebreak/accounts';

const MAX = 200;

/**
 * User names to try for a new single sign-on account, best first: the provider's preferred name or email, then the
 * same qualified by the provider's host, then the provider's subject itself (unique there by definition). A name a
 * local account already holds is skipped, never taken over.
 */
export function usernameCandidates(profile: Record<string, unknown>, identity: ExternalIdentity): string[] {
  const host = new URL(identity.issuer).host;
  const given = [profile.preferred_username, profile.email].find(
    (value): value is string => typeof value === 'string' && value.trim() !== '',
  );
  const base = (given ?? identity.subject).trim();
  return [base, `${base}@${host}`, `${host}:${identity.subject}`].map((name) => name.slice(0, MAX));
}
