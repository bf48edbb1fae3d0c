// `npm run bench:incident-page [-- --label before]`: how the incident page holds up when a vulnerability playbook
// has written to every customer's contacts. Seeds ONE closed incident with 12,000 timeline events and 5,000 notices
// (1,000 customers x 5 contacts: bulletins and maintenance schedules, some acknowledged, a few failed), serves it with
// `next start`, loads the incident page and its full timeline from a second process (autocannon), and writes p50/p95
// and the HTML size to bench/results and the README's "Figures" (the latest run).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { createApiToken, migrateToLatest, openDatabase } from '@firebreak/db';

import { seedIncidentNotices } from './seed-incident-notices';
import { seedIncidents } from './seed-incidents';
import { loadFromSecondProcess, type LoadResult, serveConsole, writeFiguresBlock } from './support/console-under-load';

const EVENTS = 12_000;
const CUSTOMERS = 1_000;
const CONTACTS_PER_CUSTOMER = 5;
const DURATION_SECONDS = 20;
const CONNECTIONS = 4;
// A slow page is measured, not dropped as a timeout.
const TIMEOUT_SECONDS = 120;

interface PageResult extends LoadResult {
  page: string;
  htmlBytes: number;
}

interface RunResult {
  at: string;
  label: string;
  events: number;
  notices: number;
  failed: number;
  acknowledged: number;
  cpus: number;
  pages: PageResult[];
}

const { values } = parseArgs({ options: { label: { type: 'string', default: 'current' } } });
const label = values.label ?? 'current';
const scratch = mkdtempSync(join(tmpdir(), 'firebreak-bench-'));
const databasePath = join(scratch, 'bench.db');
const resultsDir = join(import.meta.dirname, 'results');

async function main(): Promise<void> {
  const db = openDatabase(databasePath);
  await migrateToLatest(db);
  const { token } = await createApiToken(db, { name: 'bench', role: 'viewer' });
  await db.destroy();

  const started = Date.now();
  const start = new Date(Date.UTC(2026, 0, 5));
  const { newestId: incidentId } = seedIncidents(databasePath, { incidents: 1, eventsPerIncident: EVENTS, start });
  const seeded = seedIncidentNotices(databasePath, incidentId, {
    customers: CUSTOMERS,
    contactsPerCustomer: CONTACTS_PER_CUSTOMER,
    bulletinContactsPerCustomer: 3,
    failEvery: 200,
    acknowledgeEvery: 3,
    start,
  });
  console.log(
    `seeded 1 incident: ${EVENTS} events, ${seeded.notices} notices (${seeded.failed} failed, ${seeded.acknowledged} acknowledged) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );

  const app = await serveConsole(databasePath, scratch);
  try {
    const pages = { 'incident page': `/incidents/${incidentId}`, 'full timeline': `/incidents/${incidentId}/timeline` };
    const results: PageResult[] = [];
    for (const [page, path] of Object.entries(pages)) {
      const url = `${app.base}${path}`;
      let htmlBytes = 0;
      for (let i = 0; i < 3; i++) {
        const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
        if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
        htmlBytes = Buffer.byteLength(await response.text());
      }
      const result = await loadFromSecondProcess(url, token, {
        durationSeconds: DURATION_SECONDS,
        connections: CONNECTIONS,
        timeoutSeconds: TIMEOUT_SECONDS,
      });
      results.push({ page, htmlBytes, ...result });
      console.log(
        `${page}: ${result.requestsPerSecond} req/s, p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms, HTML ${kb(htmlBytes)}`,
        result.statuses,
      );
    }
    const run: RunResult = { at: new Date().toISOString(), label, events: EVENTS, ...seeded, cpus: cpus().length, pages: results };
    mkdirSync(resultsDir, { recursive: true });
    const file = join(resultsDir, `incident-page-scale-${run.at.replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, `${JSON.stringify(run, null, 2)}\n`);
    console.log(`written ${file}`);
    writeFigures(run);
  } finally {
    await app.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

function writeFigures(run: RunResult): void {
  const cpu = cpus();
  // The README keeps the latest run; earlier ones stay in bench/results and docs/benchmarks.md.
  const rows = run.pages.map(
    (p) =>
      `| ${run.label} (${run.at.slice(0, 10)}) | ${p.page} | ${p.requestsPerSecond} | ${p.p50Ms} ms | **${p.p95Ms} ms** | ${kb(p.htmlBytes)} |`,
  );
  const block = [
    `### Incident page at provider scale (\`npm run bench:incident-page -- --label <label>\`)`,
    '',
    `One closed incident with ${run.events.toLocaleString('en')} timeline events and ${run.notices.toLocaleString('en')} notices ` +
      `(${CUSTOMERS.toLocaleString('en')} customers x ${CONTACTS_PER_CUSTOMER} contacts; ${run.failed} failed, ${run.acknowledged.toLocaleString('en')} acknowledged) in SQLite; ` +
      `\`next start\` on ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}); autocannon in a second process, ${CONNECTIONS} connections ` +
      `for ${DURATION_SECONDS} s per page, signed in with an API token. HTML is the size of one response.`,
    '',
    '| run | page | requests/s | p50 | p95 | HTML |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
  writeFiguresBlock(
    {
      start: '<!-- incident-page-scale figures: written by npm run bench:incident-page -->',
      end: '<!-- end of incident-page-scale figures -->',
    },
    block,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
