import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

import { SEARCH_ATTRIBUTE_TYPES } from '@firebreak/domain';
import { Connection } from '@temporalio/client';

import { inheritedEnv } from './env';
import { describeExit, type ServiceProcess, spawnService } from './spawn-service';
import { waitFor } from './wait-for';

export interface TemporalDevServerOptions {
  /** The Temporal CLI binary (ensureTemporalCli). */
  binary: string;
  host?: string;
  port: number;
  uiPort: number;
  /** SQLite file that keeps workflows across restarts; reopening the same file is supported. */
  dbFile: string;
  namespace?: string;
  logFile?: string;
  readyTimeoutMs?: number;
}

export interface TemporalDevServer {
  /** host:port for Connection.connect / NativeConnection.connect. */
  address: string;
  namespace: string;
  uiUrl: string;
  process: ServiceProcess;
  stop(): Promise<void>;
}

export class TemporalDevServerError extends Error {
  override readonly name = 'TemporalDevServerError';
}

const STOP_GRACE_MS = 10_000;

/** `temporal server start-dev` with Firebreak's search attributes, resolved once the namespace answers. */
export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<TemporalDevServer> {
  const host = options.host ?? '127.0.0.1';
  const namespace = options.namespace ?? 'default';
  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  const address = `${hostInUrl}:${options.port}`;
  mkdirSync(dirname(options.dbFile), { recursive: true });

  const searchAttributes = Object.entries(SEARCH_ATTRIBUTE_TYPES).flatMap(([name, type]) => ['--search-attribute', `${name}=${type}`]);
  const server = spawnService({
    name: 'temporal',
    command: options.binary,
    args: [
      'server',
      'start-dev',
      '--ip',
      host,
      '--port',
      String(options.port),
      '--ui-port',
      String(options.uiPort),
      '--db-filename',
      options.dbFile,
      '--namespace',
      namespace,
      '--log-level',
      'warn',
      ...searchAttributes,
    ],
    env: inheritedEnv(),
    logFile: options.logFile,
  });

  const exitedEarly = (): Error | undefined => {
    const exit = server.exitInfo();
    return exit
      ? new TemporalDevServerError(`the Temporal dev server ${describeExit(exit)} before it was ready:\n${server.outputTail()}`)
      : undefined;
  };

  try {
    await waitFor(() => namespaceServesSearchAttributes(address, namespace), {
      description: `the Temporal dev server at ${address}`,
      timeoutMs: options.readyTimeoutMs ?? 60_000,
      initialDelayMs: 100,
      maxDelayMs: 1000,
      failFast: exitedEarly,
    });
  } catch (error) {
    await server.stop(STOP_GRACE_MS);
    if (error instanceof TemporalDevServerError) throw error;
    throw new TemporalDevServerError(`${(error as Error).message}\n${server.outputTail()}`, { cause: error });
  }

  return {
    address,
    namespace,
    uiUrl: `http://${hostInUrl}:${options.uiPort}`,
    process: server,
    stop: () => server.stop(STOP_GRACE_MS),
  };
}

/** Ready means: gRPC answers, the namespace exists, and every Firebreak search attribute is registered on it. */
async function namespaceServesSearchAttributes(address: string, namespace: string): Promise<true | undefined> {
  const connection = await Connection.connect({ address, connectTimeout: 2000 });
  try {
    await connection.workflowService.describeNamespace({ namespace });
    const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
    const missing = Object.keys(SEARCH_ATTRIBUTE_TYPES).filter((name) => !customAttributes?.[name]);
    if (missing.length > 0) throw new Error(`search attributes not registered yet: ${missing.join(', ')}`);
    return true;
  } finally {
    await connection.close();
  }
}
