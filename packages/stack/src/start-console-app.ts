import { createRequire } from 'node:module';
import { join } from 'node:path';

import { describeExit, type ServiceProcess, spawnService } from './spawn-service';
import { waitFor } from './wait-for';

export interface ConsoleAppOptions {
  consoleDir: string;
  host: string;
  port: number;
  env: Record<string, string>;
  logFile: string;
  readyTimeoutMs?: number;
}

export class ConsoleStartError extends Error {
  override readonly name = 'ConsoleStartError';
}

/** `next start` for the built console, resolved once GET /api/v1/health answers 200. */
export async function startConsoleApp(options: ConsoleAppOptions): Promise<{ url: string; process: ServiceProcess }> {
  const nextBin = createRequire(join(options.consoleDir, 'package.json')).resolve('next/dist/bin/next');
  const app = spawnService({
    name: 'console',
    command: process.execPath,
    args: [nextBin, 'start', '-H', options.host, '-p', String(options.port)],
    cwd: options.consoleDir,
    env: options.env,
    logFile: options.logFile,
  });
  const url = `http://${options.host}:${options.port}`;
  try {
    await waitFor(
      async () => {
        const response = await fetch(`${url}/api/v1/health`, { signal: AbortSignal.timeout(5000) });
        await response.body?.cancel();
        if (!response.ok) throw new Error(`GET /api/v1/health answered HTTP ${response.status}`);
        return true;
      },
      {
        description: `the console at ${url}`,
        timeoutMs: options.readyTimeoutMs ?? 60_000,
        initialDelayMs: 200,
        maxDelayMs: 1000,
        failFast: () => {
          const exit = app.exitInfo();
          return exit ? new ConsoleStartError(`the console ${describeExit(exit)} while starting:\n${app.outputTail()}`) : undefined;
        },
      },
    );
  } catch (error) {
    await app.stop();
    throw error;
  }
  return { url, process: app };
}
