import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { createMailTransport } from '@firebreak/activities';
import { mailTransportConfig, readWorkerEnv } from '@firebreak/worker';
import { NativeConnection } from '@temporalio/worker';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';

import { createTestCertificates, type TestCertificates } from '../support/test-certificates';
import { TlsTerminatingProxy } from '../support/tls-terminating-proxy';

let certs: TestCertificates;
const stops: Array<() => Promise<void>> = [];

beforeAll(() => {
  certs = createTestCertificates(join(inject('scratchDir'), `tls-${randomBytes(3).toString('hex')}`), ['relay.test', 'temporal.test']);
});

afterAll(async () => {
  for (const stop of stops.reverse()) await stop();
});

/** A TLS-capable SMTP relay on loopback with the test CA's server certificate; counts what it accepts. */
async function startRelay(mode: 'starttls' | 'implicit'): Promise<{ port: number; accepted: () => number }> {
  let accepted = 0;
  const server = new SMTPServer({
    secure: mode === 'implicit',
    key: certs.read(certs.serverKeyFile),
    cert: certs.read(certs.serverCertFile),
    authOptional: true,
    logger: false,
    onData(stream, _session, callback) {
      stream.resume();
      stream.on('end', () => {
        accepted += 1;
        callback();
      });
    },
  });
  server.on('error', () => {});
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  stops.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { port: (server.server.address() as AddressInfo).port, accepted: () => accepted };
}

async function send(env: Record<string, string>): Promise<void> {
  const transport = createMailTransport(mailTransportConfig(readWorkerEnv({ SMTP_HOST: '127.0.0.1', ...env })));
  try {
    await transport.sendMail({ from: 'firebreak@example.org', to: 'ops@example.org', subject: 'TLS check', text: 'hello' });
  } finally {
    transport.close();
  }
}

describe('SMTP: TLS with a verified certificate, configured from the worker’s environment', () => {
  it('delivers over STARTTLS and over SMTPS to a relay signed by the configured CA and name', async () => {
    const starttls = await startRelay('starttls');
    await send({ SMTP_PORT: String(starttls.port), SMTP_TLS_CA_FILE: certs.caFile, SMTP_TLS_SERVER_NAME: 'relay.test' });
    expect(starttls.accepted()).toBe(1);
    const implicit = await startRelay('implicit');
    await send({
      SMTP_PORT: String(implicit.port),
      SMTP_SECURE: 'true',
      SMTP_TLS_CA_FILE: certs.caFile,
      SMTP_TLS_SERVER_NAME: 'relay.test',
    });
    expect(implicit.accepted()).toBe(1);
  });

  it('refuses a relay whose certificate no trusted CA signed, or that is for another name', async () => {
    const relay = await startRelay('starttls');
    const port = String(relay.port);
    await expect(send({ SMTP_PORT: port, SMTP_REQUIRE_TLS: 'true', SMTP_TLS_SERVER_NAME: 'relay.test' })).rejects.toThrow(/certificate/i);
    await expect(send({ SMTP_PORT: port, SMTP_TLS_CA_FILE: certs.caFile, SMTP_TLS_SERVER_NAME: 'mail.elsewhere.test' })).rejects.toThrow(
      /altnames|certificate|hostname/i,
    );
    expect(relay.accepted()).toBe(0);
  });
});

describe('Temporal: TLS and mutual TLS, configured from each app’s environment', () => {
  let tls: TlsTerminatingProxy;
  let mutual: TlsTerminatingProxy;

  beforeAll(async () => {
    const server = { cert: certs.read(certs.serverCertFile), key: certs.read(certs.serverKeyFile), upstream: inject('temporalAddress') };
    tls = await TlsTerminatingProxy.start(server);
    mutual = await TlsTerminatingProxy.start({ ...server, clientCa: certs.read(certs.caFile) });
    stops.push(
      () => tls.stop(),
      () => mutual.stop(),
    );
  });

  /** The console's own client, built from a fresh read of its environment. */
  async function consoleReaches(env: Record<string, string | undefined>): Promise<string> {
    vi.resetModules();
    const saved = { ...process.env };
    for (const [key, value] of Object.entries(env))
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    try {
      const { getTemporalClient } = await import('@firebreak/console/server/temporal-client');
      const client = await getTemporalClient();
      const info = await client.workflowService.getSystemInfo({});
      await client.connection.close();
      return info.serverVersion ?? '';
    } finally {
      process.env = saved;
      vi.resetModules();
    }
  }

  it('the console reaches Temporal through TLS when it trusts the CA, and not otherwise', async () => {
    const base = { TEMPORAL_ADDRESS: tls.address, TEMPORAL_TLS_SERVER_NAME: 'temporal.test' };
    expect(await consoleReaches({ ...base, TEMPORAL_TLS_CA_FILE: certs.caFile })).toMatch(/\d/);
    // With only the system's roots, the test CA's certificate is refused during the handshake.
    const refusedBefore = tls.refusedHandshakes;
    await expect(consoleReaches({ ...base, TEMPORAL_TLS: 'true' })).rejects.toThrow();
    expect(tls.refusedHandshakes).toBeGreaterThan(refusedBefore);
  });

  it('the worker reaches Temporal through mutual TLS with its client certificate, and not without one', async () => {
    const base = { TEMPORAL_ADDRESS: mutual.address, TEMPORAL_TLS_CA_FILE: certs.caFile, TEMPORAL_TLS_SERVER_NAME: 'temporal.test' };
    const env = readWorkerEnv({ ...base, TEMPORAL_TLS_CERT_FILE: certs.clientCertFile, TEMPORAL_TLS_KEY_FILE: certs.clientKeyFile });
    const connection = await NativeConnection.connect({ address: env.TEMPORAL_ADDRESS, ...env.temporalSecurity });
    try {
      expect((await connection.workflowService.getSystemInfo({})).serverVersion).toMatch(/\d/);
    } finally {
      await connection.close();
    }
    const refusedBefore = mutual.refusedHandshakes;
    const withoutCertificate = readWorkerEnv(base);
    await expect(
      NativeConnection.connect({ address: withoutCertificate.TEMPORAL_ADDRESS, ...withoutCertificate.temporalSecurity }),
    ).rejects.toThrow();
    expect(mutual.refusedHandshakes).toBeGreaterThan(refusedBefore);
  });
});
