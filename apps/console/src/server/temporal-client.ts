import { Client, Connection } from '@temporalio/client';

import { getEnv } from '../env';

let connecting: Promise<Client> | undefined;

/**
 * The one Temporal client of this server process, connected on first use. A failed connection is forgotten so
 * the next request tries again: the orchestrator may simply not be up yet.
 */
export function getTemporalClient(): Promise<Client> {
  connecting ??= connect().catch((error: unknown) => {
    connecting = undefined;
    throw error;
  });
  return connecting;
}

async function connect(): Promise<Client> {
  const env = getEnv();
  // TLS settings come verified from env.ts: certificates are always checked, plaintext only to a loopback server.
  const connection = await Connection.connect({ address: env.temporalAddress, connectTimeout: '5 seconds', ...env.temporalSecurity });
  return new Client({ connection, namespace: env.temporalNamespace });
}
