import { currentSecuritySettings, findActiveSession, passwordExpired } from '@firebreak/accounts';
import { authenticateApiToken } from '@firebreak/db';
import { type Actor, FirebreakError, type StaffRole } from '@firebreak/domain';

import { requestContext } from '../audit/request-context';
import { getDatabase } from '../database';
import { parseBearerToken } from './bearer-token';
import { assertSameOrigin } from './check-origin';
import { assertPermitted, type Permission } from './permissions';
import { sessionIdFromCookieHeader } from './session-cookie';
import { sourceAddressOf } from './source-address';

/** Who is calling, with which role, and how they proved it. */
export interface Caller {
  actor: Actor;
  role: StaffRole;
  via: 'session' | 'api-token';
  /** The account, for a signed-in person. */
  userId?: string;
  /** SHA-256 of the session id, for a signed-in person. */
  sessionHash?: string;
  sourceAddress: string;
  /** Under the classic password rules, a signed-in person whose password expired may only change it. */
  passwordExpired?: boolean;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one way every route handler, server action and page learns who is calling: an API token in the
 * Authorization header, else the session cookie. Checks the permission before anything else happens.
 * Throws UNAUTHORIZED (nobody) or FORBIDDEN (wrong role, or a cookie-borne change from another origin).
 */
export async function requireActor(request: Request, permission: Permission): Promise<Caller> {
  return requireActorFrom({ headers: request.headers, method: request.method, path: new URL(request.url).pathname }, permission);
}

export interface IncomingCall {
  headers: Headers;
  method: string;
  path?: string;
}

export async function requireActorFrom(call: IncomingCall, permission: Permission): Promise<Caller> {
  const caller = await identify(call);
  if (caller.passwordExpired) throw new FirebreakError('FORBIDDEN', 'Your password has expired. Change it under your account first.');
  assertPermitted(caller.role, permission);
  return caller;
}

/** The caller without any permission check (for pages that only need to know who is signed in). */
export async function identify(call: IncomingCall): Promise<Caller> {
  const sourceAddress = sourceAddressOf(call.headers);
  const context = requestContext.getStore();
  if (context) Object.assign(context, { method: call.method, path: call.path, sourceAddress });

  const authorization = call.headers.get('authorization');
  if (authorization !== null) {
    const token = parseBearerToken(authorization);
    if (token === undefined) throw new FirebreakError('UNAUTHORIZED', 'Send an API token as "Authorization: Bearer <token>".');
    const identity = await authenticateApiToken(await getDatabase(), token);
    if (!identity) throw new FirebreakError('UNAUTHORIZED', 'The API token is not valid or has been revoked.');
    const actor: Actor = { kind: 'api-token', id: identity.id, name: identity.name };
    if (context) context.actor = actor;
    return { actor, role: identity.role, via: 'api-token', sourceAddress };
  }

  const sessionId = sessionIdFromCookieHeader(call.headers.get('cookie'));
  const session = sessionId === undefined ? undefined : await findActiveSession(await getDatabase(), sessionId);
  if (!session) {
    throw new FirebreakError('UNAUTHORIZED', 'Sign in, or send an API token as "Authorization: Bearer <token>".');
  }
  const actor: Actor = { kind: 'user', id: session.user.id, name: session.user.displayName };
  if (context) context.actor = actor;
  // A cookie rides along on any request the browser makes, including ones another site triggers.
  if (!SAFE_METHODS.has(call.method.toUpperCase())) assertSameOrigin(call.headers);
  const { password } = await currentSecuritySettings(await getDatabase());
  return {
    actor,
    role: session.user.role,
    via: 'session',
    userId: session.user.id,
    sessionHash: session.idHash,
    sourceAddress,
    passwordExpired: passwordExpired(session.user.passwordChangedAt, password),
  };
}
