import { describe, expect, it } from 'vitest';

import { parseEnv } from './env';

const minimal = {
  FIREBREAK_OIDC_ISSUER: 'https://id.example.com',
  FIREBREAK_OIDC_CLIENT_ID: 'firebreak',
  FIREBREAK_OIDC_CLIENT_SECRET: 'a client secret',
  CONSOLE_PUBLIC_URL: 'https://firebreak.example.com',
};

describe('single sign-on configuration', () => {
  it('is off unless an issuer is configured', () => {
    expect(parseEnv({}).oidc).toBeUndefined();
    expect(() => parseEnv({ FIREBREAK_OIDC_CLIENT_ID: 'firebreak' })).toThrow(/FIREBREAK_OIDC_CLIENT_ID set without FIREBREAK_OIDC_ISSUER/);
  });

  it('defaults the redirect to the console’s callback, the scopes to openid profile email, and gives no access by default', () => {
    expect(parseEnv(minimal).oidc).toMatchObject({
      issuer: 'https://id.example.com',
      redirectUrl: 'https://firebreak.example.com/auth/oidc/callback',
      scopes: 'openid profile email',
      providerName: 'single sign-on',
      roleMap: [],
      defaultRole: undefined,
      allowHttp: false,
    });
  });

  it('keeps the role mapping in the order it was written', () => {
    const oidc = parseEnv({
      ...minimal,
      FIREBREAK_OIDC_ROLE_CLAIM: 'groups',
      FIREBREAK_OIDC_ROLE_MAP: '{"cn=admins,ou=groups":"administrator","sre":"on-call"}',
      FIREBREAK_OIDC_DEFAULT_ROLE: 'viewer',
    }).oidc;
    expect(oidc?.roleMap).toEqual([
      ['cn=admins,ou=groups', 'administrator'],
      ['sre', 'on-call'],
    ]);
    expect(oidc?.defaultRole).toBe('viewer');
  });

  it.each([
    [{ FIREBREAK_OIDC_CLIENT_SECRET: '' }, /needs FIREBREAK_OIDC_CLIENT_SECRET/],
    [{ CONSOLE_PUBLIC_URL: '' }, /FIREBREAK_OIDC_REDIRECT_URL \(or CONSOLE_PUBLIC_URL\)/],
    [{ FIREBREAK_OIDC_ISSUER: 'http://id.example.com' }, /FIREBREAK_OIDC_ISSUER must use https/],
    [{ FIREBREAK_OIDC_ROLE_MAP: '{"a":"administrator"}' }, /needs FIREBREAK_OIDC_ROLE_CLAIM/],
    [{ FIREBREAK_OIDC_ROLE_CLAIM: 'groups', FIREBREAK_OIDC_ROLE_MAP: '{"a":"superuser"}' }, /each value must be one of/],
    [{ FIREBREAK_OIDC_ROLE_CLAIM: 'groups', FIREBREAK_OIDC_ROLE_MAP: 'a=administrator' }, /is not JSON/],
    [{ FIREBREAK_OIDC_SCOPES: 'profile email' }, /must include openid/],
    [{ FIREBREAK_OIDC_DEFAULT_ROLE: 'root' }, /FIREBREAK_OIDC_DEFAULT_ROLE/],
  ])('refuses %j', (change, message) => {
    expect(() => parseEnv({ ...minimal, ...change })).toThrow(message);
  });

  it('allows plain http only for a provider on loopback, and never echoes the client secret', () => {
    expect(
      parseEnv({ ...minimal, FIREBREAK_OIDC_ISSUER: 'http://127.0.0.1:4010', CONSOLE_PUBLIC_URL: 'http://localhost:3000' }).oidc?.allowHttp,
    ).toBe(true);
    let message = '';
    try {
      parseEnv({ ...minimal, FIREBREAK_OIDC_ISSUER: 'not a url' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/FIREBREAK_OIDC_ISSUER/);
    expect(message).not.toContain('a client secret');
  });
});

describe('Temporal connection security', () => {
  it('speaks plaintext to the local dev server and TLS anywhere else', () => {
    expect(parseEnv({}).temporalSecurity).toEqual({});
    expect(parseEnv({ TEMPORAL_ADDRESS: 'temporal.internal:7233' }).temporalSecurity).toEqual({ tls: {} });
    expect(() => parseEnv({ TEMPORAL_ADDRESS: 'temporal.internal:7233', TEMPORAL_TLS: 'false' })).toThrow(
      /invalid console configuration: TEMPORAL_TLS=false/,
    );
    expect(() => parseEnv({ TEMPORAL_TLS_CA_FILE: '/nonexistent/ca.pem' })).toThrow(
      /TEMPORAL_TLS_CA_FILE: cannot read \/nonexistent\/ca.pem \(ENOENT\)/,
    );
  });
});
