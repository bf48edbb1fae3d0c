// `npm run bench:console`: how fast the console serves the incidents list and an incident page over a large history.
// Seeds 10,000 closed incidents with 200 timeline events each into a fresh SQLite file, serves it with `next start`,
// loads each page from a second process (autocannon), and writes requests/s and p95 to the README's "Figures".
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';

import { createApiToken, migrateToLatest, openDatabase } from '@firebreak/db';

import { seedIncidents } from './seed-incidents';
import { loadFromSecondProcess, type LoadResult, serveConsole, writeFiguresBlock } from './support/console-under-load';

const INCIDENTS = 10_000;
const EVENTS_PER_INCIDENT = 200;
const DURATION_SECONDS = 15;
const CONNECTIONS = 8;
const TARGET_P95_MS = 200;

const scratch = mkdtempSync(join(tmpdir(), 'firebreak-bench-'));
const databasePath = join(scratch, 'bench.db');

async function main(): Promise<void> {
  const db = openDatabase(databasePath);
  await migrateToLatest(db);
  const { token } = await createApiToken(db, { name: 'bench', role: 'viewer' });
  await db.destroy();

  const started = Date.now();
  const { newestId } = seedIncidents(databasePath, {
    incidents: INCIDENTS,
    eventsPerIncident: EVENTS_PER_INCIDENT,
    start: new Date(Date.UTC(2025, 0, 1)),
  });
  const seedSeconds = (Date.now() - started) / 1000;
  console.log(`seeded ${INCIDENTS} incidents x ${EVENTS_PER_INCIDENT} events in ${seedSeconds.toFixed(1)} s`);

  const app = await serveConsole(databasePath, scratch);
  try {
    const pages = { 'incidents list': `${app.base}/`, 'incident page (200 events)': `${app.base}/incidents/${newestId}` };
    for (const url of Object.values(pages)) {
      for (let i = 0; i < 5; i++) {
        const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
        if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
        await response.text();
      }
    }

    const results: [string, LoadResult][] = [];
    for (const [name, url] of Object.entries(pages)) {
      const result = await loadFromSecondProcess(url, token, { durationSeconds: DURATION_SECONDS, connections: CONNECTIONS });
      results.push([name, result]);
      console.log(
        `${name}: ${result.requestsPerSecond} req/s, p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms, p99 ${result.p99Ms} ms`,
        result.statuses,
      );
    }
    writeFigures(results, seedSeconds);
  } finally {
    await app.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

function writeFigures(results: [string, LoadResult][], seedSeconds: number): void {
  const cpu = cpus();
  const rows = results.map(
    ([name, r]) =>
      `| ${name} | ${r.requestsPerSecond} | ${r.p50Ms} ms | **${r.p95Ms} ms** | ${r.p99Ms} ms | ${r.p95Ms < TARGET_P95_MS ? 'met' : 'missed'} |`,
  );
  const block = [
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
  ].join('\n');
  writeFiguresBlock(
    { start: '<!-- console-load figures: written by npm run bench:console -->', end: '<!-- end of console-load figures -->' },
    block,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
