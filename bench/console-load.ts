// `npm run bench:console`: how fast the console serves the incidents list and an incident page over a large history.
// Seeds 10,000 closed incidents with 200 timeline events each into a fresh SQLite file, serves it with `next start`,
// loads each page from a second process (autocannon), and writes requests/s and p95 to the README's "Figures".
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { createApiToken, migrateToLatest, openDatabase } from '@firebreak/db';
import { buildConsole, consoleBuildReason, findFreePort, repoRoot, spawnService, waitFor } from '@firebreak/stack';
import { seedIncidents } from './seed-incidents';

const INCIDENTS = 10_000;
const EVENTS_PER_INCIDENT = 200;
const DURATION_SECONDS = 15;
const CONNECTIONS = 8;
const TARGET_P95_MS = 200;

interface LoadResult {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  errors: number;
  timeouts: number;
  statuses: Record<string, number>;
}

const root = repoRoot();
const scratch = mkdtempSync(join(tmpdir(), 'firebreak-bench-'));
const databasePath = join(scratch, 'bench.db');
const inherited = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));

async function main(): Promise<void> {
  const db = openDatabase(databasePath);
  await migrateToLatest(db);
  const { token } = await createApiToken(db, { name: 'bench', role: 'viewer' });
  await db.destroy();

  let started = Date.now();
  const { newestId } = seedIncidents(databasePath, {
    incidents: INCIDENTS,
    eventsPerIncident: EVENTS_PER_INCIDENT,
    start: new Date(Date.UTC(2025, 0, 1)),
  });
  const seedSeconds = (Date.now() - started) / 1000;
  console.log(`seeded ${INCIDENTS} incidents x ${EVENTS_PER_INCIDENT} events in ${seedSeconds.toFixed(1)} s`);

  const reason = consoleBuildReason(root);
  if (reason) {
    console.log(`building the console (${reason})...`);
    await buildConsole({ root, env: { ...inherited, NEXT_TELEMETRY_DISABLED: '1' }, logFile: join(scratch, 'build.log') }).done;
  }

  const port = await findFreePort();
  const nextBin = createRequire(join(root, 'apps', 'console', 'package.json')).resolve('next/dist/bin/next');
  const app = spawnService({
    name: 'console',
    command: process.execPath,
    args: [nextBin, 'start', '-H', '127.0.0.1', '-p', String(port)],
    cwd: join(root, 'apps', 'console'),
    env: {
      ...inherited,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      FIREBREAK_DATABASE_PATH: databasePath,
      // Closed incidents never ask Temporal anything; nothing listens here.
      TEMPORAL_ADDRESS: `127.0.0.1:${await findFreePort()}`,
    },
    logFile: join(scratch, 'console.log'),
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    const pages = { 'incidents list': `${base}/`, 'incident page (200 events)': `${base}/incidents/${newestId}` };
    await waitFor(
      async () => {
        const response = await fetch(`${base}/sign-in`, { signal: AbortSignal.timeout(5000) });
        await response.body?.cancel();
        if (!response.ok) throw new Error(`GET /sign-in answered ${response.status}`);
        return true;
      },
      { description: 'the console', timeoutMs: 90_000, initialDelayMs: 200, maxDelayMs: 1000 },
    );
    for (const url of Object.values(pages)) {
      for (let i = 0; i < 5; i++) {
        const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
        if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
        await response.text();
      }
    }

    const results: [string, LoadResult][] = [];
    for (const [name, url] of Object.entries(pages)) {
      started = Date.now();
      const result = await loadFromSecondProcess(url, token);
      results.push([name, result]);
      console.log(`${name}: ${result.requestsPerSecond} req/s, p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms, p99 ${result.p99Ms} ms`, result.statuses);
    }
    writeFigures(results, seedSeconds);
  } finally {
    await app.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

function loadFromSecondProcess(url: string, token: string): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'bench', 'load-client.ts'), url, String(DURATION_SECONDS), String(CONNECTIONS), token], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`the load client exited with ${code}`));
      resolve(JSON.parse(output) as LoadResult);
    });
  });
}

const START = '<!-- console-load figures: written by npm run bench:console -->';
const END = '<!-- end of console-load figures -->';

/** Replaces this benchmark's block under "## Figures" (made at the end if missing), leaving anything else there. */
function writeFigures(results: [string, LoadResult][], seedSeconds: number): void {
  const readmePath = join(root, 'README.md');
  const cpu = cpus();
  const rows = results.map(
    ([name, r]) =>
      `| ${name} | ${r.requestsPerSecond} | ${r.p50Ms} ms | **${r.p95Ms} ms** | ${r.p99Ms} ms | ${r.p95Ms < TARGET_P95_MS ? 'met' : 'missed'} |`,
  );
  const block = [
    START,
    `### Console under load (\`npm run bench:console\`, ${new Date().toISOString().slice(0, 10)})`,
    '',
    `${INCIDENTS.toLocaleString('en')} incidents with ${EVENTS_PER_INCIDENT} timeline events each (${(INCIDENTS * EVENTS_PER_INCIDENT).toLocaleString('en')} ` +
      `events, seeded in ${seedSeconds.toFixed(0)} s) in SQLite; \`next start\` on ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}); ` +
      `autocannon in a second process, ${CONNECTIONS} connections for ${DURATION_SECONDS} s per page, signed in with an API token. ` +
      `Target: p95 under ${TARGET_P95_MS} ms.`,
    '',
    '| page | requests/s | p50 | p95 | p99 | target |',
    '|---|---|---|---|---|---|',
    ...rows,
    END,
  ].join('\n');
  let readme = readFileSync(readmePath, 'utf8');
  if (readme.includes(START) && readme.includes(END)) {
    readme = readme.slice(0, readme.indexOf(START)) + block + readme.slice(readme.indexOf(END) + END.length);
  } else if (/^## Figures$/m.test(readme)) {
    // Append at the end of the Figures section: before the next "## " heading, or at the end of the file.
    const at = readme.search(/^## Figures$/m);
    const next = readme.slice(at + 1).search(/^## /m);
    const end = next < 0 ? readme.length : at + 1 + next;
    readme = `${readme.slice(0, end).trimEnd()}\n\n${block}\n\n${readme.slice(end)}`.trimEnd() + '\n';
  } else {
    readme = `${readme.trimEnd()}\n\n## Figures\n\n${block}\n`;
  }
  writeFileSync(readmePath, readme);
  console.log('README.md: Figures updated');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
