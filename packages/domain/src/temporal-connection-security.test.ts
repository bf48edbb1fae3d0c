import { describe, expect, it } from 'vitest';

import { temporalConnectionSecurity } from './temporal-connection-security';

const files: Record<string, string> = { '/ca.pem': 'CA', '/client.pem': 'CRT', '/client.key': 'KEY' };
const readFile = (path: string): Uint8Array => {
  const content = files[path];
  if (content === undefined) throw Object.assign(new Error(`ENOENT ${path}`), { code: 'ENOENT' });
  return new TextEncoder().encode(content);
};
const text = (bytes: Uint8Array | undefined) => (bytes ? new TextDecoder().decode(bytes) : undefined);

describe('temporalConnectionSecurity', () => {
  it('speaks plaintext only to a server on loopback', () => {
    expect(temporalConnectionSecurity('127.0.0.1:7233', {}, readFile)).toEqual({});
    expect(temporalConnectionSecurity('temporal.internal:7233', {}, readFile)).toEqual({ tls: {} });
    expect(() => temporalConnectionSecurity('temporal.internal:7233', { TEMPORAL_TLS: 'false' }, readFile)).toThrow(
      /only for a Temporal server on loopback/,
    );
  });

  it('reads the CA and the client pair, and names the server to verify', () => {
    const security = temporalConnectionSecurity(
      'temporal.internal:7233',
      {
        TEMPORAL_TLS_CA_FILE: '/ca.pem',
        TEMPORAL_TLS_CERT_FILE: '/client.pem',
        TEMPORAL_TLS_KEY_FILE: '/client.key',
        TEMPORAL_TLS_SERVER_NAME: 'temporal.example',
      },
      readFile,
    );
    expect(security.tls?.serverNameOverride).toBe('temporal.example');
    expect(text(security.tls?.serverRootCACertificate)).toBe('CA');
    expect(text(security.tls?.clientCertPair?.crt)).toBe('CRT');
    expect(text(security.tls?.clientCertPair?.key)).toBe('KEY');
  });

  it('turns TLS on for an API key, even on loopback', () => {
    expect(temporalConnectionSecurity('127.0.0.1:7233', { TEMPORAL_API_KEY: 'k' }, readFile)).toEqual({ tls: {}, apiKey: 'k' });
  });

  it('refuses half a client pair, a contradiction, and an unreadable file, naming the variable', () => {
    expect(() => temporalConnectionSecurity('t:7233', { TEMPORAL_TLS_CERT_FILE: '/client.pem' }, readFile)).toThrow(/go together/);
    expect(() =>
      temporalConnectionSecurity('127.0.0.1:7233', { TEMPORAL_TLS: 'false', TEMPORAL_TLS_CA_FILE: '/ca.pem' }, readFile),
    ).toThrow(/contradicts/);
    expect(() => temporalConnectionSecurity('t:7233', { TEMPORAL_TLS_CA_FILE: '/missing.pem' }, readFile)).toThrow(
      'TEMPORAL_TLS_CA_FILE: cannot read /missing.pem (ENOENT)',
    );
  });
});
