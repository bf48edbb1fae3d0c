import {
  ANY_ACCOUNT,
  createIdentityUser,
  currentSecuritySettings,
  type ExternalIdentity,
  findUserByIdentity,
  recordIdentitySignIn,
  setUserRole,
  signInBlock,
  startSession,
  type User,
} from '@firebreak/accounts';
import type { Actor } from '@firebreak/domain';
import * as client from 'openid-client';

import type { OidcSettings } from '../../../oidc-env';
import { recordAudit } from '../../audit/record-audit';
import { getDatabase } from '../../database';
import { describeOidcError } from './describe-oidc-error';
import { oidcConfiguration } from './oidc-configuration';
import type { OidcFlow } from './oidc-flow-cookie';
import { roleFromClaim } from './role-from-claim';
import { usernameCandidates } from './username-candidates';

export interface OidcCallback {
  /** The URL the provider sent the browser back to (its query holds code, state and iss). */
  callbackUrl: URL;
  /** From the flow cookie; undefined when the browser brought none, or an expired or malformed one. */
  flow: OidcFlow | undefined;
  sourceAddress: string;
  /** The session the browser already holds, if any: it is ended, never reused (rotation). */
  previousSessionId?: string | undefined;
}

/** Why a sign-in was refused, as recorded in the audit log (never shown in detail to the person). */
export type OidcRefusal =
  | 'no-sign-in-in-progress'
  | 'source-paused'
  | 'provider-unreachable'
  | 'response-rejected'
  | 'userinfo-rejected'
  | 'account-disabled'
  | 'no-role';

export type OidcSignInResult = { ok: true; sessionId: string; expiresAt: string; user: User } | { ok: false; reason: OidcRefusal };

const UNAUTHENTICATED: Actor = { kind: 'user', id: 'unauthenticated', name: '(single sign-on)' };

/**
 * Finishes a sign-in at the provider: openid-client checks state, the code exchange with PKCE, and the ID token's
 * signature, issuer, audience, nonce and lifetime. Then the account linked to (issuer, subject) is found or made,
 * its role taken from the claim mapping when that gives one, and a fresh session started. Every outcome is audited,
 * with a reason and never a token.
 */
export async function completeOidcSignIn(settings: OidcSettings, callback: OidcCallback): Promise<OidcSignInResult> {
  const audit = { sourceAddress: callback.sourceAddress, component: 'console' };
  const refuse = async (reason: OidcRefusal, actor: Actor, details: Record<string, unknown> = {}): Promise<OidcSignInResult> => {
    await recordAudit({
      ...audit,
      severity: 'warning',
      eventType: 'sign-in.failed',
      actor,
      details: { method: 'single-sign-on', reason, ...details },
    });
    return { ok: false, reason };
  };

  if (!callback.flow) return refuse('no-sign-in-in-progress', UNAUTHENTICATED);
  const db = await getDatabase();
  // A source paused for failed password sign-ins is paused for every way in.
  const block = await signInBlock(db, ANY_ACCOUNT, callback.sourceAddress);
  if (block) return refuse('source-paused', UNAUTHENTICATED, { until: block.until });

  let configuration: client.Configuration;
  try {
    configuration = await oidcConfiguration(settings);
  } catch (error) {
    return refuse('provider-unreachable', UNAUTHENTICATED, { error: describeOidcError(error) });
  }

  // The redirect URI sent to the token endpoint must be the registered one, whatever host this request came in on.
  const currentUrl = new URL(settings.redirectUrl);
  currentUrl.search = callback.callbackUrl.search;
  let claims: client.IDToken;
  let accessToken: string;
  try {
    const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: callback.flow.verifier,
      expectedState: callback.flow.state,
      expectedNonce: callback.flow.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims()!;
    accessToken = tokens.access_token;
  } catch (error) {
    return refuse('response-rejected', UNAUTHENTICATED, { error: describeOidcError(error) });
  }

  const identity: ExternalIdentity = { issuer: claims.iss, subject: claims.sub };
  // Providers put profile and group claims in the ID token or only behind the userinfo endpoint; read both.
  let profile: Record<string, unknown> = { ...claims };
  if (configuration.serverMetadata().userinfo_endpoint) {
    try {
      profile = { ...(await client.fetchUserInfo(configuration, accessToken, claims.sub)), ...claims };
    } catch (error) {
      return refuse('userinfo-rejected', UNAUTHENTICATED, {
        issuer: identity.issuer,
        subject: identity.subject,
        error: describeOidcError(error),
      });
    }
  }
  const mappedRole = settings.roleClaim ? roleFromClaim(profile[settings.roleClaim], settings.roleMap) : undefined;
  const linked = { method: 'single-sign-on', issuer: identity.issuer, subject: identity.subject };

  let user = await findUserByIdentity(db, identity);
  if (!user) {
    const role = mappedRole ?? settings.defaultRole;
    const created = await createIdentityUser(db, {
      identity,
      usernames: usernameCandidates(profile, identity),
      displayName: displayNameOf(profile, identity),
      // Without a role to give, the account is made disabled (as the least role) for an administrator to decide.
      role: role ?? 'viewer',
      disabled: role === undefined,
    });
    user = created.user;
    if (created.created) {
      await recordAudit({
        ...audit,
        severity: 'notice',
        eventType: 'user.created',
        actor: actorOf(user),
        details: { ...linked, userId: user.id, username: user.username, role: user.role, disabled: user.disabledAt !== null },
      });
      if (role === undefined) return refuse('no-role', actorOf(user), { ...linked, username: user.username });
    }
  }
  if (user.disabledAt !== null) return refuse('account-disabled', actorOf(user), { ...linked, username: user.username });

  if (mappedRole && mappedRole !== user.role) {
    await setUserRole(db, user.id, mappedRole);
    await recordAudit({
      ...audit,
      severity: 'notice',
      eventType: 'user.role-changed',
      actor: actorOf(user),
      details: { userId: user.id, username: user.username, from: user.role, to: mappedRole, by: `claim ${settings.roleClaim}` },
    });
    user = { ...user, role: mappedRole };
  }

  const settingsNow = await currentSecuritySettings(db);
  await recordIdentitySignIn(db, identity);
  const session = await startSession(db, {
    userId: user.id,
    sourceAddress: callback.sourceAddress,
    hours: settingsNow.sessionHours,
    replacing: callback.previousSessionId,
  });
  await recordAudit({
    ...audit,
    severity: 'info',
    eventType: 'sign-in.succeeded',
    actor: actorOf(user),
    details: { ...linked, username: user.username, role: user.role },
  });
  return { ok: true, ...session, user };
}

function actorOf(user: User): Actor {
  return { kind: 'user', id: user.id, name: user.displayName };
}

function displayNameOf(profile: Record<string, unknown>, identity: ExternalIdentity): string {
  for (const key of ['name', 'preferred_username', 'email']) {
    const value = profile[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim().slice(0, 200);
  }
  return identity.subject.slice(0, 200);
}
