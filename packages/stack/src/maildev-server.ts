import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { inheritedEnv } from './env';
import { describeExit, type ServiceProcess, spawnService } from './spawn-service';
import { waitFor } from './wait-for';

export interface MailDevOptions {
  host?: string;
  smtpPort?: number;
  webPort?: number;
  logFile?: string;
  readyTimeoutMs?: number;
}

export interface MailDevServer {
  smtpHost: string;
  smtpPort: number;
  /** The web inbox; its REST API lives under /api (e.g. /api/email). */
  webUrl: string;
  process: ServiceProcess;
  stop(): Promise<void>;
}

export class MailDevError extends Error {
  override readonly name = 'MailDevError';
}

/** The MailDev 3 command line (its own process, so its logs and crashes stay apart from the supervisor's). */
function mailDevBin(): string {
  // The package exports only its ESM entry (dist/index.js); the CLI sits beside it.
  return join(dirname(fileURLToPath(import.meta.resolve('maildev'))), 'bin', 'maildev.js');
}

/** Starts MailDev (SMTP sink + web inbox) on loopback and resolves once both ports answer. */
export async function startMailDev(options: MailDevOptions = {}): Promise<MailDevServer> {
  const host = options.host ?? '127.0.0.1';
  const smtpPort = options.smtpPort ?? 1025;
  const webPort = options.webPort ?? 1080;
  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  const webUrl = `http://${hostInUrl}:${webPort}`;

  const server = spawnService({
    name: 'maildev',
    command: process.execPath,
    args: [mailDevBin(), '--smtp', String(smtpPort), '--ip', host, '--web', String(webPort), '--web-ip', host],
    // MailDev looks for a config file in its working directory: give it one that holds none.
    cwd: tmpdir(),
    env: inheritedEnv(),
    logFile: options.logFile,
  });

  try {
    await waitFor(async () => ((await webAnswers(webUrl)) && (await smtpGreets(host, smtpPort))) || undefined, {
      description: `MailDev (SMTP ${host}:${smtpPort}, web ${webUrl})`,
      timeoutMs: options.readyTimeoutMs ?? 30_000,
      failFast: () => {
        const exit = server.exitInfo();
        return exit ? new MailDevError(`MailDev ${describeExit(exit)} before it was ready:\n${server.outputTail()}`) : undefined;
      },
    });
  } catch (error) {
    await server.stop();
    if (error instanceof MailDevError) throw error;
    throw new MailDevError(`${(error as Error).message}\n${server.outputTail()}`, { cause: error });
  }

  return { smtpHost: host, smtpPort, webUrl, process: server, stop: () => server.stop() };
}

async function webAnswers(webUrl: string): Promise<boolean> {
  const response = await fetch(`${webUrl}/api/healthz`, { signal: AbortSignal.timeout(2000) });
  await response.body?.cancel();
  if (!response.ok) throw new Error(`web inbox answered HTTP ${response.status}`);
  return true;
}

/** An SMTP server is ready when it sends its 220 greeting. */
function smtpGreets(host: string, port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    const fail = (error: Error): void => {
      socket.destroy();
      reject(error);
    };
    socket.setTimeout(2000, () => fail(new Error('SMTP greeting timed out')));
    socket.once('error', fail);
    socket.once('data', (chunk: Buffer) => {
      socket.end('QUIT\r\n');
      if (chunk.toString('ascii').startsWith('220')) resolve(true);
      else fail(new Error(`unexpected SMTP greeting: ${chunk.toString('ascii').trim()}`));
    });
  });
}
