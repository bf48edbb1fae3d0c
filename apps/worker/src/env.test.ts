import { describe, expect, it } from 'vitest';

import { readWorkerEnv } from './env';

describe('readWorkerEnv', () => {
  it('defaults to the local stack, with TLS off only for a loopback SMTP server', () => {
    const env = readWorkerEnv({});
    expect(env.TEMPORAL_ADDRESS).toBe('127.0.0.1:7233');
    expect(env.SMTP_PORT).toBe(1025);
    expect(env.smtpRequireTls).toBe(false);
  });

  it('requires STARTTLS for any other SMTP server', () => {
    expect(readWorkerEnv({ SMTP_HOST: 'smtp.example.com', SMTP_PORT: '587' }).smtpRequireTls).toBe(true);
    expect(() => readWorkerEnv({ SMTP_HOST: 'smtp.example.com', SMTP_REQUIRE_TLS: 'false' })).toThrow(
      /only for an SMTP server on loopback/,
    );
  });

  it('names every invalid variable without echoing secrets', () => {
    let message = '';
    try {
      readWorkerEnv({ SMTP_PORT: 'seventy', EC2_ENDPOINT: 'not a url', SMTP_PASSWORD: 'hunter2' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('SMTP_PORT');
    expect(message).toContain('EC2_ENDPOINT');
    expect(message).not.toContain('hunter2');
  });
});

describe('readWorkerEnv: notice links', () => {
  it('needs a link secret in production, of a length HS256 deserves', () => {
    expect(() => readWorkerEnv({ NODE_ENV: 'production' })).toThrow(/FIREBREAK_LINK_SECRET is required/);
    expect(() => readWorkerEnv({ FIREBREAK_LINK_SECRET: 'short' })).toThrow(/FIREBREAK_LINK_SECRET/);
    const env = readWorkerEnv({ NODE_ENV: 'production', FIREBREAK_LINK_SECRET: 'x'.repeat(32) });
    expect(env.CONSOLE_PUBLIC_URL).toBe('http://localhost:3000');
  });
});

describe('readWorkerEnv: TLS', () => {
  it('turns on verified TLS for SMTPS or a private CA, and refuses switching it off then', () => {
    expect(readWorkerEnv({ SMTP_HOST: 'smtp.example.com', SMTP_PORT: '465', SMTP_SECURE: 'true' })).toMatchObject({
      smtpImplicitTls: true,
      smtpRequireTls: true,
    });
    expect(() => readWorkerEnv({ SMTP_SECURE: 'true', SMTP_REQUIRE_TLS: 'false' })).toThrow(/contradicts/);
    expect(() => readWorkerEnv({ SMTP_HOST: 'smtp.example.com', SMTP_TLS_CA_FILE: '/nonexistent/ca.pem' })).toThrow(
      /SMTP_TLS_CA_FILE: cannot read/,
    );
  });

  it('connects to Temporal in plaintext only on loopback', () => {
    expect(readWorkerEnv({}).temporalSecurity).toEqual({});
    expect(readWorkerEnv({ TEMPORAL_ADDRESS: 'ns.tmprl.cloud:7233', TEMPORAL_API_KEY: 'key' }).temporalSecurity).toEqual({
      tls: {},
      apiKey: 'key',
    });
    expect(() => readWorkerEnv({ TEMPORAL_ADDRESS: 'temporal.internal:7233', TEMPORAL_TLS: 'false' })).toThrow(
      /only for a Temporal server on loopback/,
    );
  });
});
