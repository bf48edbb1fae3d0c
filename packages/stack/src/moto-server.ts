import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

export interface MotoServerOptions {
  host?: string;
  /** moto cannot bind port 0: pick one with findFreePort(). */
  port: number;
  /** Appends the server's output here; otherwise only the last lines are kept, for error messages. */
  logFile?: string;
  /** How long to wait for the server to answer HTTP. */
  readyTimeoutMs?: number;
}

export interface MotoServer {
  /** Base URL to give AWS SDK clients as `endpoint`. */
  endpoint: string;
  /** Forgets every resource (POST /moto-api/reset). */
  reset(): Promise<void>;
  /** Stops the server; safe to call twice. */
  stop(): Promise<void>;
}

export class MotoServerError extends Error {
  override readonly name = 'MotoServerError';
}

const MOTO_COMMAND = 'moto_server';
const OUTPUT_TAIL_CHARS = 4000;
const POLL_INTERVAL_MS = 100;
const STOP_GRACE_MS = 5000;

/** Starts moto's EC2-capable server on loopback and resolves once it answers HTTP. */
export async function startMotoServer(options: MotoServerOptions): Promise<MotoServer> {
  const host = options.host ?? '127.0.0.1';
  const { port } = options;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new MotoServerError(`moto needs a fixed port between 1 and 65535, got ${port}; use findFreePort()`);
  }
  const endpoint = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  // Its own process group, so stop() also reaches anything the Python launcher shims leave behind.
  const child = spawn(MOTO_COMMAND, ['-H', host, '-p', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const log = options.logFile ? createWriteStream(options.logFile, { flags: 'a' }) : undefined;
  const collect = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
    log?.write(chunk);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  let spawnError: NodeJS.ErrnoException | undefined;
  const exit = new Promise<void>((resolve) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      spawnError = error;
      resolve();
    });
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      resolve();
    });
  });

  const killOnParentExit = (): void => killGroup(child, 'SIGKILL');
  process.once('exit', killOnParentExit);

  const stop = async (): Promise<void> => {
    process.removeListener('exit', killOnParentExit);
    if (!exited && !spawnError) {
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), STOP_GRACE_MS);
      await exit;
      clearTimeout(timer);
    }
    if (log) {
      log.end();
      await once(log, 'close').catch(() => undefined);
    }
  };

  try {
    await awaitReady(endpoint, options.readyTimeoutMs ?? 30_000, () => {
      if (spawnError?.code === 'ENOENT') {
        return new MotoServerError(`${MOTO_COMMAND} is not on PATH; install it with: pip install 'moto[server]'`);
      }
      if (spawnError) return new MotoServerError(`could not start ${MOTO_COMMAND}: ${spawnError.message}`);
      if (exited) {
        return new MotoServerError(`${MOTO_COMMAND} exited (code ${exited.code}, signal ${exited.signal}) before it was ready:\n${output}`);
      }
      return undefined;
    });
  } catch (error) {
    await stop();
    if (error instanceof MotoServerError) throw error;
    throw new MotoServerError(`${MOTO_COMMAND} did not become ready at ${endpoint}:\n${output}`, { cause: error });
  }

  return {
    endpoint,
    async reset() {
      const response = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
      if (!response.ok) throw new MotoServerError(`moto reset answered HTTP ${response.status}`);
      await response.body?.cancel();
    },
    stop,
  };
}

async function awaitReady(endpoint: string, timeoutMs: number, failure: () => MotoServerError | undefined): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const failed = failure();
    if (failed) throw failed;
    try {
      const response = await fetch(`${endpoint}/moto-api/data.json`, { signal: AbortSignal.timeout(2000) });
      await response.body?.cancel();
      return; // any HTTP answer means the server is serving
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`no HTTP answer within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}
