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
    expect(() => readWorkerEnv({ SMTP_HOST: 'smtp.example.com', SMTP_REQUIRE_TLS: 'false' })).toThrow(/only for an SMTP server on loopback/);
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
