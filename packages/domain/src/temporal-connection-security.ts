import { z } from 'zod';

/**
 * The variables the console and the worker read to reach Temporal securely. Pure (files are read through the function
 * handed in), so both apps share one set of rules and workflow code may import the package.
 */
export const TemporalSecurityVariables = z.object({
  /** `true` turns TLS on with the system's roots; any file, server name or API key below turns it on too. */
  TEMPORAL_TLS: z.enum(['true', 'false']).optional(),
  /** PEM file of the CA that signed the server's certificate (a private CA; it replaces the system's roots). */
  TEMPORAL_TLS_CA_FILE: z.string().min(1).optional(),
  /** PEM client certificate and key, for mutual TLS (Temporal Cloud with mTLS, a cluster that requires it). */
  TEMPORAL_TLS_CERT_FILE: z.string().min(1).optional(),
  TEMPORAL_TLS_KEY_FILE: z.string().min(1).optional(),
  /** The name the server's certificate is checked against, when it differs from the host in TEMPORAL_ADDRESS. */
  TEMPORAL_TLS_SERVER_NAME: z.string().min(1).optional(),
  /** Temporal Cloud API key (sent over TLS only). */
  TEMPORAL_API_KEY: z.string().min(1).optional(),
});
export type TemporalSecurityVariables = z.infer<typeof TemporalSecurityVariables>;

/** What `Connection.connect` / `NativeConnection.connect` take; certificates are always verified. */
export interface TemporalConnectionSecurity {
  tls?: {
    serverNameOverride?: string;
    serverRootCACertificate?: Uint8Array;
    clientCertPair?: { crt: Uint8Array; key: Uint8Array };
  };
  apiKey?: string;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function isLoopbackAddress(address: string): boolean {
  const host = address.replace(/:\d+$/, '');
  return LOOPBACK_HOSTS.has(host.toLowerCase());
}

/**
 * TLS settings for a Temporal address. Plaintext is allowed only to a server on loopback (the local dev server);
 * anywhere else TLS is on whether asked for or not. Throws an Error naming the variable at fault, never a file's content.
 */
export function temporalConnectionSecurity(
  address: string,
  variables: TemporalSecurityVariables,
  readFile: (path: string) => Uint8Array,
): TemporalConnectionSecurity {
  const { TEMPORAL_TLS, TEMPORAL_TLS_CA_FILE, TEMPORAL_TLS_CERT_FILE, TEMPORAL_TLS_KEY_FILE, TEMPORAL_TLS_SERVER_NAME, TEMPORAL_API_KEY } =
    variables;
  const asksForTls =
    TEMPORAL_TLS === 'true' ||
    [TEMPORAL_TLS_CA_FILE, TEMPORAL_TLS_CERT_FILE, TEMPORAL_TLS_KEY_FILE, TEMPORAL_TLS_SERVER_NAME, TEMPORAL_API_KEY].some(Boolean);
  if (TEMPORAL_TLS === 'false') {
    if (asksForTls) throw new Error('TEMPORAL_TLS=false contradicts the TEMPORAL_TLS_* / TEMPORAL_API_KEY variables that are set');
    if (!isLoopbackAddress(address)) throw new Error('TEMPORAL_TLS=false is allowed only for a Temporal server on loopback');
    return {};
  }
  if (!asksForTls && isLoopbackAddress(address)) return {};
  if (Boolean(TEMPORAL_TLS_CERT_FILE) !== Boolean(TEMPORAL_TLS_KEY_FILE)) {
    throw new Error('TEMPORAL_TLS_CERT_FILE and TEMPORAL_TLS_KEY_FILE go together (mutual TLS needs both)');
  }
  const read = (variable: string, path: string): Uint8Array => {
    try {
      return readFile(path);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      throw new Error(`${variable}: cannot read ${path}${typeof code === 'string' ? ` (${code})` : ''}`, { cause: error });
    }
  };
  return {
    tls: {
      ...(TEMPORAL_TLS_SERVER_NAME ? { serverNameOverride: TEMPORAL_TLS_SERVER_NAME } : {}),
      ...(TEMPORAL_TLS_CA_FILE ? { serverRootCACertificate: read('TEMPORAL_TLS_CA_FILE', TEMPORAL_TLS_CA_FILE) } : {}),
      ...(TEMPORAL_TLS_CERT_FILE && TEMPORAL_TLS_KEY_FILE
        ? {
            clientCertPair: {
              crt: read('TEMPORAL_TLS_CERT_FILE', TEMPORAL_TLS_CERT_FILE),
              key: read('TEMPORAL_TLS_KEY_FILE', TEMPORAL_TLS_KEY_FILE),
            },
          }
        : {}),
    },
    ...(TEMPORAL_API_KEY ? { apiKey: TEMPORAL_API_KEY } : {}),
  };
}
