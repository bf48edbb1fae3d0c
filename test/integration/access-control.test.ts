import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

import { createUser, findUser, type User } from '@firebreak/accounts';
import { GET as getAudit } from '@firebreak/console/app/api/v1/audit/route';
import { GET as verifyAudit } from '@firebreak/console/app/api/v1/audit/verify/route';
import { GET as getPolicy, PUT as putPolicy } from '@firebreak/console/app/api/v1/policy/route';
import { POST as postSignIn } from '@firebreak/console/app/auth/sign-in/route';
import { POST as postSignOut } from '@firebreak/console/app/auth/sign-out/route';
import { changePassword } from '@firebreak/console/server/accounts/change-password';
import { createUserAccount } from '@firebreak/console/server/accounts/create-user-account';
import { updateUserAccount } from '@firebreak/console/server/accounts/update-user-account';
import { type Caller, requireActor } from '@firebreak/console/server/auth/require-actor';
import { createApiToken, currentPolicy, type FirebreakDb, migrateToLatest, openDatabase } from '@firebreak/db';
import { DEFAULT_POLICY, FirebreakError, type StaffRole } from '@firebreak/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';

import { captureConsoleOutput } from '../support/console-capture';

const ORIGIN = 'http://console.test';
const suffix = randomBytes(3).toString('hex');
// Every password used here; none may ever show up in the audit log or on the console's output.
const PASSWORDS: Record<StaffRole, string> = {
  administrator: `admin passphrase ${suffix} tide`,
  'on-call': `on-call passphrase ${suffix} kite`,
  manager: `manager passphrase ${suffix} moss`,
  viewer: `viewer passphrase ${suffix} reed`,
};
const WRONG = `not the password ${suffix}`;

let db: FirebreakDb;
const users = {} as Record<StaffRole, User>;
let adminToken: string;
let managerToken: string;
let output: string[] = [];

beforeAll(async () => {
  const databasePath = join(inject('scratchDir'), `access-control-${suffix}.db`);
  process.env.FIREBREAK_DATABASE_PATH = databasePath;
  process.env.CONSOLE_PUBLIC_URL = ORIGIN;
  // A blocked source starts an alert workflow: on this run's Temporal server, never on whatever listens on the default port.
  process.env.TEMPORAL_ADDRESS = inject('temporalAddress');
  db = openDatabase(databasePath);
  await migrateToLatest(db);
  for (const role of ['administrator', 'on-call', 'manager', 'viewer'] as const) {
    users[role] = await createUser(db, { username: `${role}-${suffix}`, displayName: `The ${role}`, role, password: PASSWORDS[role] });
  }
  adminToken = (await createApiToken(db, { name: 'admin token', role: 'administrator' })).token;
  managerToken = (await createApiToken(db, { name: 'manager token', role: 'manager' })).token;
  output = captureConsoleOutput();
});

afterAll(async () => {
  vi.restoreAllMocks();
  await db?.destroy();
});

interface Call {
  source?: string;
  origin?: string | null;
  cookie?: string;
  forwardedFor?: string;
}

function headersFor({ source = '192.0.2.10', origin = ORIGIN, cookie, forwardedFor }: Call): Record<string, string> {
  const headers: Record<string, string> = { 'X-Forwarded-For': forwardedFor ?? source };
  if (origin !== null) headers.Origin = origin;
  if (cookie) headers.Cookie = cookie;
  return headers;
}

async function signIn(username: string, password: string, call: Call = {}): Promise<{ response: Response; cookie: string | undefined }> {
  const response = await postSignIn(
    new Request(`${ORIGIN}/auth/sign-in`, { method: 'POST', headers: headersFor(call), body: new URLSearchParams({ username, password }) }),
  );
  const setCookie = response.headers.get('set-cookie') ?? '';
  const cookie = /^(firebreak_session=[^;]+)/.exec(setCookie)?.[1];
  return { response, cookie };
}

async function signInAs(role: StaffRole, call: Call = {}): Promise<string> {
  const { cookie } = await signIn(users[role].username, PASSWORDS[role], call);
  if (!cookie) throw new Error(`${role} could not sign in`);
  return cookie;
}

function apiRequest(
  method: 'GET' | 'PUT',
  path: string,
  auth: { cookie?: string; token?: string; origin?: string | null },
  body?: unknown,
) {
  const headers: Record<string, string> = { 'X-Forwarded-For': '192.0.2.10' };
  if (auth.cookie) headers.Cookie = auth.cookie;
  if (auth.token) headers.Authorization = `Bearer ${auth.token}`;
  if (auth.origin !== undefined && auth.origin !== null) headers.Origin = auth.origin;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return new Request(`${ORIGIN}/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

async function auditEvents(): Promise<Array<{ event_type: string; actor: string; details: string; source_address: string | null }>> {
  return db.selectFrom('audit_log').select(['event_type', 'actor', 'details', 'source_address']).orderBy('seq').execute();
}

async function callerOf(cookie: string): Promise<Caller> {
  return requireActor(new Request(`${ORIGIN}/x`, { headers: { Cookie: cookie, 'X-Forwarded-For': '192.0.2.10' } }), 'incidents:read');
}

describe('sign-in', () => {
  it('answers a right password with a fresh HttpOnly, SameSite=Lax session cookie', async () => {
    const { response, cookie } = await signIn(users.manager.username.toUpperCase(), PASSWORDS.manager);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\//);
    expect((await getPolicy(apiRequest('GET', '/policy', { cookie }))).status).toBe(200);
  });

  it('answers a wrong password, an unknown account and a disabled one alike', async () => {
    const wrong = await signIn(users.viewer.username, WRONG, { source: '192.0.2.50' });
    const unknown = await signIn(`nobody-${suffix}`, WRONG, { source: '192.0.2.50' });
    for (const { response, cookie } of [wrong, unknown]) {
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/sign-in?failed=1');
      expect(cookie).toBeUndefined();
    }
    const failures = (await auditEvents()).filter((e) => e.event_type === 'sign-in.failed' && e.source_address === '192.0.2.50');
    expect(failures).toHaveLength(2);
  });

  it('refuses sign-in from another site, or with a missing or null Origin', async () => {
    for (const origin of ['https://evil.example', 'null', null]) {
      const { response, cookie } = await signIn(users.viewer.username, PASSWORDS.viewer, { origin });
      expect(response.status, String(origin)).toBe(403);
      expect(cookie).toBeUndefined();
    }
  });

  it('rotates the session: the id held before signing in is worthless after', async () => {
    const before = await signInAs('viewer');
    const after = await signInAs('viewer', { cookie: before });
    expect(after).not.toBe(before);
    await expect(callerOf(before)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect((await callerOf(after)).role).toBe('viewer');
  });
});

describe('lockout', () => {
  it('pauses one account from one source after repeated failures, without locking its owner out elsewhere', async () => {
    const attacker = '203.0.113.66';
    for (let i = 0; i < 5; i++) await signIn(users['on-call'].username, WRONG, { source: attacker });
    const events = await auditEvents();
    expect(events.filter((e) => e.event_type === 'sign-in.lockout')).toHaveLength(1);

    // The right password from the attacker's address is refused now, and the answer gives nothing away.
    const blocked = await signIn(users['on-call'].username, PASSWORDS['on-call'], { source: attacker });
    expect(blocked.response.headers.get('location')).toBe('/sign-in?failed=1');
    expect(blocked.cookie).toBeUndefined();
    // A forged X-Forwarded-For prefix does not move the attacker elsewhere: the last hop is the one counted.
    const spoofed = await signIn(users['on-call'].username, PASSWORDS['on-call'], { forwardedFor: `198.51.100.200, ${attacker}` });
    expect(spoofed.cookie).toBeUndefined();
    // The owner, from their own address, still gets in.
    expect((await signIn(users['on-call'].username, PASSWORDS['on-call'], { source: '192.0.2.77' })).cookie).toBeDefined();
  });

  it('blocks a source that sprays many accounts', async () => {
    const sprayer = '203.0.113.99';
    for (let i = 0; i < 20; i++) await signIn(`guess-${i}-${suffix}`, WRONG, { source: sprayer });
    expect((await auditEvents()).some((e) => e.event_type === 'sign-in.source-blocked' && e.source_address === sprayer)).toBe(true);
    expect((await signIn(users.manager.username, PASSWORDS.manager, { source: sprayer })).cookie).toBeUndefined();
  });
});

describe('sign-out and disabled accounts', () => {
  it('ends the session on the server: the same cookie is refused afterwards', async () => {
    const cookie = await signInAs('manager');
    const response = await postSignOut(new Request(`${ORIGIN}/auth/sign-out`, { method: 'POST', headers: headersFor({ cookie }) }));
    expect(response.status).toBe(303);
    expect(response.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    expect((await getPolicy(apiRequest('GET', '/policy', { cookie }))).status).toBe(401);
    expect((await auditEvents()).some((e) => e.event_type === 'sign-out')).toBe(true);
  });

  it('refuses a cross-site sign-out', async () => {
    const cookie = await signInAs('manager');
    const response = await postSignOut(
      new Request(`${ORIGIN}/auth/sign-out`, { method: 'POST', headers: headersFor({ cookie, origin: 'https://evil.example' }) }),
    );
    expect(response.status).toBe(403);
    expect((await getPolicy(apiRequest('GET', '/policy', { cookie }))).status).toBe(200);
  });

  it('ends every session of an account when an administrator disables it', async () => {
    const extra = await createUser(db, {
      username: `temp-${suffix}`,
      displayName: 'Temp',
      role: 'on-call',
      password: `temporary passphrase ${suffix}`,
    });
    const { cookie } = await signIn(extra.username, `temporary passphrase ${suffix}`);
    const admin = await callerOf(await signInAs('administrator'));
    await updateUserAccount(admin, extra.id, { disabled: true });
    expect((await getPolicy(apiRequest('GET', '/policy', { cookie: cookie! }))).status).toBe(401);
    expect((await signIn(extra.username, `temporary passphrase ${suffix}`)).cookie).toBeUndefined();
  });
});

describe('roles, enforced where the action happens', () => {
  const newPolicy = { policy: { ...DEFAULT_POLICY, blockTtlSeconds: 6 * 3600 }, reason: 'access-control test' };

  it('refuses a cookie-authenticated change with a foreign, null or missing Origin, and changes nothing', async () => {
    const cookie = await signInAs('administrator');
    for (const origin of ['https://evil.example', 'null', null]) {
      const response = await putPolicy(apiRequest('PUT', '/policy', { cookie, origin }, newPolicy));
      expect(response.status, String(origin)).toBe(403);
    }
    expect(await currentPolicy(db)).toEqual(DEFAULT_POLICY);
    expect((await putPolicy(apiRequest('PUT', '/policy', { cookie, origin: ORIGIN }, newPolicy))).status).toBe(200);
  });

  it('refuses another role’s action by session and by token alike', async () => {
    const cookie = await signInAs('on-call');
    expect((await putPolicy(apiRequest('PUT', '/policy', { cookie, origin: ORIGIN }, newPolicy))).status).toBe(403);
    expect((await getAudit(apiRequest('GET', '/audit', { cookie }))).status).toBe(403);
    expect((await getAudit(apiRequest('GET', '/audit', { token: managerToken }))).status).toBe(403);
    expect((await getPolicy(apiRequest('GET', '/policy', { cookie: await signInAs('viewer') }))).status).toBe(403);
  });

  it('refuses account management to anyone but an administrator, in the server operation itself', async () => {
    for (const role of ['viewer', 'manager', 'on-call'] as const) {
      const caller = await callerOf(await signInAs(role));
      await expect(
        createUserAccount(caller, {
          username: `made-by-${role}-${suffix}`,
          displayName: 'X',
          role: 'administrator',
          password: `some long passphrase ${suffix}`,
        }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(updateUserAccount(caller, users[role].id, { role: 'administrator' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect((await findUser(db, users[role].id))?.role).toBe(role);
    }
  });

  it('ignores no stray field: a role slipped into the password form is refused and changes nothing', async () => {
    const caller = await callerOf(await signInAs('viewer'));
    await expect(
      changePassword(caller, { currentPassword: PASSWORDS.viewer, newPassword: `fresh passphrase ${suffix} x`, role: 'administrator' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await findUser(db, users.viewer.id))?.role).toBe('viewer');
  });

  it('treats a forged x-middleware-subrequest header as nothing special', async () => {
    const request = apiRequest('GET', '/audit', {});
    request.headers.set('x-middleware-subrequest', 'middleware:middleware:middleware:middleware:middleware');
    expect((await getAudit(request)).status).toBe(401);
  });
});

describe('passwords', () => {
  it('changes a password only with the current one, refuses a breached or short one, and ends other sessions', async () => {
    const other = await signInAs('manager');
    const caller = await callerOf(await signInAs('manager'));
    await expect(changePassword(caller, { currentPassword: WRONG, newPassword: `brand new passphrase ${suffix}` })).rejects.toMatchObject({
      fieldErrors: [{ path: 'currentPassword' }],
    });
    for (const weak of ['password1234', 'short']) {
      await expect(changePassword(caller, { currentPassword: PASSWORDS.manager, newPassword: weak })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        fieldErrors: [expect.objectContaining({ path: 'newPassword' })],
      });
    }
    const next = `brand new passphrase ${suffix}`;
    await changePassword(caller, { currentPassword: PASSWORDS.manager, newPassword: next });
    PASSWORDS.manager = next;
    await expect(callerOf(other)).rejects.toBeInstanceOf(FirebreakError);
    expect((await signIn(users.manager.username, next, { source: '192.0.2.88' })).cookie).toBeDefined();
  });
});

describe('the audit log', () => {
  it('records API requests with their status, readable by administrators only', async () => {
    const response = await getAudit(apiRequest('GET', '/audit?limit=500', { token: adminToken }));
    expect(response.status).toBe(200);
    const { entries } = (await response.json()) as { entries: Array<{ eventType: string; details: Record<string, unknown> }> };
    expect(entries.some((e) => e.eventType === 'api.request' && e.details.status === 403 && e.details.path === '/api/v1/audit')).toBe(true);
    expect(entries.some((e) => e.eventType === 'policy.changed')).toBe(true);
  });

  it('encodes a user name carrying line breaks instead of writing it raw', async () => {
    await signIn(`eve\n2026-01-01T00:00:00Z INFO sign-in.succeeded admin`, WRONG, { source: '192.0.2.99' });
    const injected = (await auditEvents()).filter((e) => e.source_address === '192.0.2.99');
    expect(injected.length).toBeGreaterThan(0);
    for (const entry of injected) expect(entry.actor + entry.details).not.toMatch(/[\n\r]/);
    expect(injected[0]!.details).toContain('eve\\\\u{0a}2026');
  });

  it('never holds a password, and neither does the console output', async () => {
    const everything = JSON.stringify(await db.selectFrom('audit_log').selectAll().execute()) + output.join('\n');
    for (const password of [...Object.values(PASSWORDS), WRONG, `temporary passphrase ${suffix}`])
      expect(everything).not.toContain(password);
  });

  it('verifies, then names an edited row, and detects a deleted tail through the exported head', async () => {
    const ok = await verifyAudit(apiRequest('GET', '/audit/verify', { token: adminToken }));
    const { verification, head } = (await ok.json()) as { verification: { ok: boolean }; head: { seq: number; hash: string } };
    expect(verification.ok).toBe(true);

    await sql`DROP TRIGGER audit_log_no_update`.execute(db);
    await sql`DROP TRIGGER audit_log_no_delete`.execute(db);
    const original = await db.selectFrom('audit_log').select(['details']).where('seq', '=', 3).executeTakeFirstOrThrow();
    await db.updateTable('audit_log').set({ details: '{"forged":true}' }).where('seq', '=', 3).execute();
    const broken = (await (await verifyAudit(apiRequest('GET', '/audit/verify', { token: adminToken }))).json()) as {
      verification: unknown;
    };
    expect(broken.verification).toMatchObject({ ok: false, firstBadSeq: 3 });

    await db.updateTable('audit_log').set({ details: original.details }).where('seq', '=', 3).execute();
    // The verify call itself appended entries; cut the log back to before them and past the exported head.
    await db
      .deleteFrom('audit_log')
      .where('seq', '>=', head.seq - 1)
      .execute();
    const truncated = (await (
      await verifyAudit(apiRequest('GET', `/audit/verify?seq=${head.seq}&hash=${head.hash}`, { token: adminToken }))
    ).json()) as {
      verification: unknown;
    };
    expect(truncated.verification).toMatchObject({ ok: false, reason: expect.stringMatching(/truncated/) });
  });
});

describe('the classic password rules', () => {
  it('lets a person whose password expired do nothing but change it', async () => {
    const { saveSecuritySettings } = await import('@firebreak/accounts');
    const { DEFAULT_SECURITY_SETTINGS } = await import('@firebreak/domain');
    const cookie = await signInAs('on-call', { source: '192.0.2.120' });
    const classic = { ...DEFAULT_SECURITY_SETTINGS, password: { mode: 'classic' as const, minLength: 12, expiryDays: 30 } };
    await saveSecuritySettings(db, classic, { kind: 'system', id: 'test', name: 'test' });
    try {
      await db
        .updateTable('users')
        .set({ password_changed_at: '2020-01-01T00:00:00.000Z' })
        .where('id', '=', users['on-call'].id)
        .execute();
      await expect(callerOf(cookie)).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/expired/) });
      const { identify } = await import('@firebreak/console/server/auth/require-actor');
      const caller = await identify({ headers: new Headers({ Cookie: cookie, 'X-Forwarded-For': '192.0.2.120' }), method: 'GET' });
      expect(caller.passwordExpired).toBe(true);
      // The classic rules want four kinds of character.
      await expect(
        changePassword(caller, { currentPassword: PASSWORDS['on-call'], newPassword: `all lower case ${suffix} words` }),
      ).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      });
      PASSWORDS['on-call'] = `Four Kinds ${suffix} of 9 chars!`;
      await changePassword(caller, { currentPassword: `on-call passphrase ${suffix} kite`, newPassword: PASSWORDS['on-call'] });
      expect((await callerOf(cookie)).role).toBe('on-call');
    } finally {
      await saveSecuritySettings(db, DEFAULT_SECURITY_SETTINGS, { kind: 'system', id: 'test', name: 'test' });
    }
  });
});
