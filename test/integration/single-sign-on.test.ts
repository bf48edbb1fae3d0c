import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

import { createUser, findUserCredentials } from '@firebreak/accounts';
// The console reads its configuration on first use, so the handlers can be imported before process.env is set.
import { GET as getCallback } from '@firebreak/console/app/auth/oidc/callback/route';
import { GET as getStart } from '@firebreak/console/app/auth/oidc/start/route';
import { POST as postSignIn } from '@firebreak/console/app/auth/sign-in/route';
import { changePassword } from '@firebreak/console/server/accounts/change-password';
import { updateUserAccount } from '@firebreak/console/server/accounts/update-user-account';
import { type Caller, requireActor } from '@firebreak/console/server/auth/require-actor';
import { type FirebreakDb, migrateToLatest, openDatabase } from '@firebreak/db';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';

import { captureConsoleOutput } from '../support/console-capture';
import { OidcTestProvider } from '../support/oidc-test-provider';

const CONSOLE = 'http://localhost:3000';
const REDIRECT = `${CONSOLE}/auth/oidc/callback`;
const CLIENT_ID = 'firebreak-console';
const CLIENT_SECRET = randomBytes(24).toString('hex');
const ROLE_MAP = { 'fb-admins': 'administrator', 'fb-oncall': 'on-call', 'fb-managers': 'manager' };
const suffix = randomBytes(3).toString('hex');

let provider: OidcTestProvider;
let db: FirebreakDb;
let administrator: Caller;
let output: string[] = [];
const codes: string[] = [];

beforeAll(async () => {
  provider = await OidcTestProvider.start({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri: REDIRECT, roleClaim: 'groups' });
  const databasePath = join(inject('scratchDir'), `single-sign-on-${suffix}.db`);
  Object.assign(process.env, {
    FIREBREAK_DATABASE_PATH: databasePath,
    CONSOLE_PUBLIC_URL: CONSOLE,
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    FIREBREAK_OIDC_ISSUER: provider.issuer,
    FIREBREAK_OIDC_CLIENT_ID: CLIENT_ID,
    FIREBREAK_OIDC_CLIENT_SECRET: CLIENT_SECRET,
    FIREBREAK_OIDC_PROVIDER_NAME: 'Test IdP',
    FIREBREAK_OIDC_ROLE_CLAIM: 'groups',
    FIREBREAK_OIDC_ROLE_MAP: JSON.stringify(ROLE_MAP),
    FIREBREAK_OIDC_DEFAULT_ROLE: 'none',
  });
  db = openDatabase(databasePath);
  await migrateToLatest(db);
  const admin = await createUser(db, {
    username: `admin-${suffix}`,
    displayName: 'The administrator',
    role: 'administrator',
    password: `admin passphrase ${suffix}`,
  });
  administrator = {
    actor: { kind: 'user', id: admin.id, name: admin.displayName },
    role: 'administrator',
    via: 'session',
    userId: admin.id,
    sourceAddress: '192.0.2.1',
  };
  provider.accounts.set('alice-sub', {
    preferred_username: 'alice',
    name: 'Alice Example',
    email: 'alice@example.org',
    groups: ['staff', 'fb-oncall'],
  });
  provider.accounts.set('carol-sub', { preferred_username: 'carol', name: 'Carol Example', groups: ['staff'] });
  provider.accounts.set('dave-sub', { preferred_username: 'dave', name: 'Dave Example', groups: ['fb-managers'] });
  provider.accounts.set('erin-sub', { preferred_username: 'erin', name: 'Erin Example', groups: ['fb-managers'] });
  output = captureConsoleOutput();
});

afterAll(async () => {
  vi.restoreAllMocks();
  await provider?.stop();
  await db?.destroy();
});

const SOURCE = '192.0.2.10';

function cookieFrom(response: Response, name: string): string | undefined {
  for (const line of response.headers.getSetCookie()) {
    const match = new RegExp(`^(${name}=[^;]*)`).exec(line);
    if (match) return match[1];
  }
  return undefined;
}

/** The console's start route, as the sign-in button reaches it. */
async function startFlow(): Promise<{ authorizationUrl: URL; flowCookie: string; setCookie: string }> {
  const response = await getStart(new Request(`${CONSOLE}/auth/oidc/start`, { headers: { 'X-Forwarded-For': SOURCE } }));
  expect(response.status).toBe(303);
  const flowCookie = cookieFrom(response, 'firebreak_oidc');
  expect(flowCookie).toBeDefined();
  const setCookie = response.headers.getSetCookie().find((line) => line.startsWith('firebreak_oidc='))!;
  return { authorizationUrl: new URL(response.headers.get('location')!), flowCookie: flowCookie!, setCookie };
}

async function callConsoleBack(callbackUrl: URL, cookie: string | undefined): Promise<Response> {
  const code = callbackUrl.searchParams.get('code');
  if (code) codes.push(code);
  const headers: Record<string, string> = { 'X-Forwarded-For': SOURCE };
  if (cookie) headers.Cookie = cookie;
  return getCallback(new Request(callbackUrl.href, { headers }));
}

interface Attempt {
  /** Changes the authorization request before the browser takes it to the provider. */
  alterRequest?: (url: URL) => void;
  /** Changes the provider's answer before the browser takes it to the console. */
  alterCallback?: (url: URL) => void;
  /** Sends no flow cookie to the callback. */
  withoutFlowCookie?: boolean;
  /** A session cookie the browser already holds. */
  sessionCookie?: string;
}

/** One whole sign-in, browser-side: console start → provider → console callback. */
async function signInAs(subject: string, attempt: Attempt = {}): Promise<{ response: Response; sessionCookie: string | undefined }> {
  const { authorizationUrl, flowCookie } = await startFlow();
  attempt.alterRequest?.(authorizationUrl);
  provider.nextLogin = subject;
  const callbackUrl = await provider.authorize(authorizationUrl.href, REDIRECT);
  attempt.alterCallback?.(callbackUrl);
  const cookies = [...(attempt.withoutFlowCookie ? [] : [flowCookie]), ...(attempt.sessionCookie ? [attempt.sessionCookie] : [])];
  const response = await callConsoleBack(callbackUrl, cookies.length > 0 ? cookies.join('; ') : undefined);
  return { response, sessionCookie: cookieFrom(response, 'firebreak_session') };
}

async function callerOf(sessionCookie: string): Promise<Caller> {
  return requireActor(new Request(`${CONSOLE}/x`, { headers: { Cookie: sessionCookie, 'X-Forwarded-For': SOURCE } }), 'incidents:read');
}

async function counts(): Promise<{ users: number; identities: number; sessions: number }> {
  const count = async (table: 'users' | 'user_identities' | 'sessions') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { users: await count('users'), identities: await count('user_identities'), sessions: await count('sessions') };
}

async function lastFailure(): Promise<Record<string, unknown>> {
  const row = await db
    .selectFrom('audit_log')
    .select(['event_type', 'details'])
    .where('event_type', '=', 'sign-in.failed')
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow();
  return JSON.parse(row.details) as Record<string, unknown>;
}

function expectRefused(response: Response, sessionCookie: string | undefined): void {
  expect(response.status).toBe(303);
  expect(response.headers.get('location')).toBe('/sign-in?failed=sso');
  expect(sessionCookie).toBeUndefined();
  // The flow is spent whatever happened.
  expect(response.headers.getSetCookie().some((line) => /^firebreak_oidc=;.*Max-Age=0/.test(line))).toBe(true);
}

describe('single sign-on', () => {
  it('starts with state, nonce and a PKCE challenge, kept in a short-lived HttpOnly SameSite=Lax cookie', async () => {
    const { authorizationUrl, setCookie } = await startFlow();
    expect(authorizationUrl.origin).toBe(provider.issuer);
    for (const parameter of ['state', 'nonce', 'code_challenge'])
      expect(authorizationUrl.searchParams.get(parameter)?.length).toBeGreaterThanOrEqual(22);
    expect(authorizationUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorizationUrl.searchParams.get('redirect_uri')).toBe(REDIRECT);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Max-Age=600/);
  });

  it('signs a new person in with the role the claim maps to, linked to (issuer, subject) and without a password', async () => {
    const { response, sessionCookie } = await signInAs('alice-sub');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
    expect(response.headers.getSetCookie().find((line) => line.startsWith('firebreak_session='))).toMatch(/HttpOnly; SameSite=Lax/);
    const caller = await callerOf(sessionCookie!);
    expect(caller).toMatchObject({ role: 'on-call', via: 'session', actor: { name: 'Alice Example' } });

    const link = await db.selectFrom('user_identities').selectAll().where('subject', '=', 'alice-sub').executeTakeFirstOrThrow();
    expect(link).toMatchObject({ issuer: provider.issuer, user_id: caller.userId });
    expect((await findUserCredentials(db, 'alice'))?.passwordHash).toBeNull();
    const events = await db.selectFrom('audit_log').select(['event_type', 'details']).orderBy('seq').execute();
    expect(events.map((e) => e.event_type)).toEqual(expect.arrayContaining(['user.created', 'sign-in.succeeded']));
    expect(JSON.parse(events.at(-1)!.details)).toMatchObject({ method: 'single-sign-on', subject: 'alice-sub', role: 'on-call' });

    // No password opens this account, and there is none to change.
    const withPassword = await postSignIn(
      new Request(`${CONSOLE}/auth/sign-in`, {
        method: 'POST',
        headers: { Origin: CONSOLE, 'X-Forwarded-For': '192.0.2.30' },
        body: new URLSearchParams({ username: 'alice', password: '' }),
      }),
    );
    expect(withPassword.headers.get('location')).toBe('/sign-in?failed=1');
    await expect(
      changePassword(caller, { currentPassword: 'anything at all', newPassword: `a new passphrase ${suffix}` }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('finds the same account next time and rotates the session', async () => {
    const first = await signInAs('alice-sub');
    const before = await counts();
    const second = await signInAs('alice-sub', { sessionCookie: first.sessionCookie });
    expect(second.sessionCookie).toBeDefined();
    expect(second.sessionCookie).not.toBe(first.sessionCookie);
    await expect(callerOf(first.sessionCookie!)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect((await callerOf(second.sessionCookie!)).userId).toBe((await callerOf(second.sessionCookie!)).userId);
    expect(await counts()).toEqual({ ...before, sessions: before.sessions + 1 });
  });

  it('gives no access when the claim maps to no role, keeps the role an administrator then sets, and follows the claim when it maps', async () => {
    const refused = await signInAs('carol-sub');
    expectRefused(refused.response, refused.sessionCookie);
    expect(await lastFailure()).toMatchObject({ method: 'single-sign-on', reason: 'no-role' });
    const carol = (await findUserCredentials(db, 'carol'))!;
    expect(carol.disabledAt).not.toBeNull();

    await updateUserAccount(administrator, carol.id, { role: 'manager', disabled: false });
    const admitted = await signInAs('carol-sub');
    expect((await callerOf(admitted.sessionCookie!)).role).toBe('manager');

    provider.accounts.set('carol-sub', { preferred_username: 'carol', name: 'Carol Example', groups: ['staff', 'fb-admins'] });
    const promoted = await signInAs('carol-sub');
    expect((await callerOf(promoted.sessionCookie!)).role).toBe('administrator');
    const change = await db
      .selectFrom('audit_log')
      .select('details')
      .where('event_type', '=', 'user.role-changed')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(change.details)).toMatchObject({ from: 'manager', to: 'administrator', by: 'claim groups' });
  });

  it('refuses an absent or altered state, and a callback without the flow cookie, creating nothing', async () => {
    const before = await counts();
    const cases: Array<[string, Attempt, RegExp | string]> = [
      ['altered state', { alterCallback: (url) => url.searchParams.set('state', 'x'.repeat(43)) }, /"state"/],
      ['absent state', { alterCallback: (url) => url.searchParams.delete('state') }, /"state"/],
      ['no flow cookie', { withoutFlowCookie: true }, 'no-sign-in-in-progress'],
    ];
    for (const [name, attempt, expected] of cases) {
      const { response, sessionCookie } = await signInAs('dave-sub', attempt);
      expectRefused(response, sessionCookie);
      const failure = await lastFailure();
      if (typeof expected === 'string') expect(failure.reason, name).toBe(expected);
      else expect((failure.error as { check?: string }).check, name).toMatch(expected);
    }
    expect(await counts()).toEqual(before);
    expect(await findUserCredentials(db, 'dave')).toBeUndefined();
  });

  it('refuses an ID token carrying another nonce, creating nothing', async () => {
    const before = await counts();
    const { response, sessionCookie } = await signInAs('dave-sub', {
      alterRequest: (url) => url.searchParams.set('nonce', 'n'.repeat(43)),
    });
    expectRefused(response, sessionCookie);
    expect(await lastFailure()).toMatchObject({ reason: 'response-rejected', error: { check: expect.stringMatching(/"nonce"/) } });
    expect(await counts()).toEqual(before);
  });

  it('refuses a validly signed ID token from another issuer or for another audience, creating nothing', async () => {
    const before = await counts();
    const tampers: Array<[string, (claims: Record<string, unknown>) => Record<string, unknown>, RegExp]> = [
      ['issuer', (claims) => ({ ...claims, iss: 'https://impostor.example' }), /JWT "iss" \(issuer\)/],
      ['audience', (claims) => ({ ...claims, aud: 'another-client' }), /JWT "aud" \(audience\)/],
    ];
    try {
      for (const [name, tamper, expected] of tampers) {
        provider.tamperIdToken = tamper;
        const { response, sessionCookie } = await signInAs('dave-sub');
        expectRefused(response, sessionCookie);
        const failure = await lastFailure();
        expect(failure.reason, name).toBe('response-rejected');
        expect((failure.error as { check?: string }).check, name).toMatch(expected);
      }
    } finally {
      provider.tamperIdToken = undefined;
    }
    expect(await counts()).toEqual(before);
    // The same provider, untouched, lets the same person in: the refusals were the checks, not the setup.
    expect((await signInAs('dave-sub')).sessionCookie).toBeDefined();
  });

  it('refuses a disabled account and starts no session for it', async () => {
    const { sessionCookie } = await signInAs('erin-sub');
    const erin = await callerOf(sessionCookie!);
    await updateUserAccount(administrator, erin.userId!, { disabled: true });
    await expect(callerOf(sessionCookie!)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const before = await counts();
    const refused = await signInAs('erin-sub');
    expectRefused(refused.response, refused.sessionCookie);
    expect(await lastFailure()).toMatchObject({ reason: 'account-disabled', username: 'erin' });
    expect(await counts()).toEqual(before);
  });

  it('never writes a token, code or client secret to the audit log or the console output', async () => {
    const everything = JSON.stringify(await db.selectFrom('audit_log').selectAll().execute()) + output.join('\n');
    expect(provider.issuedSecrets.length).toBeGreaterThan(5);
    for (const secret of [...provider.issuedSecrets, ...codes, CLIENT_SECRET]) expect(everything).not.toContain(secret);
  });
});
