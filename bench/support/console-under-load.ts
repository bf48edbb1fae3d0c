// What the console benchmarks share: a built console served with `next start` over a seeded SQLite file, a load
// client in a second process, and a block of the README's "Figures" each benchmark rewrites between its markers.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { buildConsole, consoleBuildReason, findFreePort, repoRoot, spawnService, waitFor } from '@firebreak/stack';

export interface LoadResult {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  errors: number;
  timeouts: number;
  statuses: Record<string, number>;
}

export interface ServedConsole {
  base: string;
  stop(): Promise<void>;
}

const root = repoRoot();
const inherited = () => Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));

/** Builds the console when its build is missing or stale, starts it on a free port and waits until it answers. */
export async function serveConsole(databasePath: string, scratch: string): Promise<ServedConsole> {
  const reason = consoleBuildReason(root);
  if (reason) {
    console.log(`building the console (${reason})...`);
    await buildConsole({ root, env: { ...inherited(), NEXT_TELEMETRY_DISABLED: '1' }, logFile: join(scratch, 'build.log') }).done;
  }
  const port = await findFreePort();
  const nextBin = createRequire(join(root, 'apps', 'console', 'package.json')).resolve('next/dist/bin/next');
  const app = spawnService({
    name: 'console',
    command: process.execPath,
    args: [nextBin, 'start', '-H', '127.0.0.1', '-p', String(port)],
    cwd: join(root, 'apps', 'console'),
    env: {
      ...inherited(),
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      FIREBREAK_DATABASE_PATH: databasePath,
      // Closed incidents never ask Temporal anything; nothing listens here.
      TEMPORAL_ADDRESS: `127.0.0.1:${await findFreePort()}`,
    },
    logFile: join(scratch, 'console.log'),
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(
      async () => {
        const response = await fetch(`${base}/sign-in`, { signal: AbortSignal.timeout(5000) });
        await response.body?.cancel();
        if (!response.ok) throw new Error(`GET /sign-in answered ${response.status}`);
        return true;
      },
      { description: 'the console', timeoutMs: 90_000, initialDelayMs: 200, maxDelayMs: 1000 },
    );
  } catch (error) {
    await app.stop();
    throw error;
  }
  return { base, stop: () => app.stop() };
}

/** Loads one URL from a second process with autocannon, signed in with an API token. */
export function loadFromSecondProcess(
  url: string,
  token: string,
  options: { durationSeconds: number; connections: number; timeoutSeconds?: number },
): Promise<LoadResult> {
  const args = [join(root, 'bench', 'load-client.ts'), url, String(options.durationSeconds), String(options.connections), token];
  if (options.timeoutSeconds !== undefined) args.push(String(options.timeoutSeconds));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`the load client exited with ${code}`));
      resolve(JSON.parse(output) as LoadResult);
    });
  });
}

/** Replaces the block between `start` and `end` under "## Figures" (made at the end if missing), leaving anything else there. */
export function writeFiguresBlock(markers: { start: string; end: string }, block: string): void {
  const { start, end } = markers;
  const readmePath = join(root, 'README.md');
  const text = [start, block, end].join('\n');
  let readme = readFileSync(readmePath, 'utf8');
  if (readme.includes(start) && readme.includes(end)) {
    readme = readme.slice(0, readme.indexOf(start)) + text + readme.slice(readme.indexOf(end) + end.length);
  } else if (/^## Figures$/m.test(readme)) {
    // Append at the end of the Figures section: before the next "## " heading, or at the end of the file.
    const at = readme.search(/^## Figures$/m);
    const next = readme.slice(at + 1).search(/^## /m);
    const stop = next < 0 ? readme.length : at + 1 + next;
    readme = `${readme.slice(0, stop).trimEnd()}\n\n${text}\n\n${readme.slice(stop)}`.trimEnd() + '\n';
  } else {
    readme = `${readme.trimEnd()}\n\n## Figures\n\n${text}\n`;
  }
  writeFileSync(readmePath, readme);
  console.log('README.md: Figures updated');
}
