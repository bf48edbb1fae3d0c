/**
 * 200 suspicious-activity incidents declared within 10 seconds (through the console's POST /api/v1/incidents handler,
 * in-process), against moto with the worker spending AWS's buckets through the shared limiter: how long until every
 * incident has its block in place, and the memory of the worker and of the Temporal server.
 * Run: npm run bench:concurrent   (env BENCH_INCIDENTS to resize)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

import type { Deployment } from '@firebreak/domain';

import { rssMiB, startBenchStack } from './support/bench-stack';
import { seedLargeDeployment } from './support/large-deployment';

const INCIDENTS = Number(process.env.BENCH_INCIDENTS ?? 200);
/** Ten incidents per deployment: AWS allows 20 rules per ACL direction by default, so blocks are spread out. */
const DEPLOYMENTS = Math.ceil(INCIDENTS / 10);
const DECLARE_WINDOW_MS = 10_000;
const LIMIT_MS = 30 * 60_000;
const BLOCKED_OR_LATER = new Set(['blocked', 'closed']);

const stack = await startBenchStack('concurrent', { throttled: false });
try {
  const deployments: Deployment[] = [];
  for (let d = 0; d < DEPLOYMENTS; d++) {
    const seeded = await seedLargeDeployment(stack.observer, stack.db, {
      name: `bench-tenant-${d}`,
      octet: 30 + d,
      subnets: 2,
      instancesPerSubnet: 2,
      elasticIpsPerSubnet: 0,
    });
    deployments.push(seeded.deployment);
  }
  const { POST: declareIncident } = await import('@firebreak/console/app/api/v1/incidents/route');
  const declare = async (i: number) => {
    const deployment = deployments[i % deployments.length]!;
    const response = await declareIncident(
      new Request('http://console.bench/api/v1/incidents', {
        method: 'POST',
        headers: { Authorization: `Bearer ${stack.apiToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          playbook: 'suspicious-activity',
          deploymentIds: [deployment.id],
          severity: 'medium',
          summary: `Benchmark: brute force from source ${i}`,
          sourceAddress: `198.18.${Math.floor(i / 250)}.${(i % 250) + 1}`,
        }),
      }),
    );
    if (response.status !== 201) throw new Error(`declaring ${i} failed: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { id: string }).id;
  };

  const started = Date.now();
  const ids: string[] = [];
  const pending: Promise<void>[] = [];
  for (let i = 0; i < INCIDENTS; i++) {
    // Spread evenly over the window, as a monitoring system firing alerts would.
    const due = started + (i * DECLARE_WINDOW_MS) / INCIDENTS;
    await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
    pending.push(declare(i).then((id) => void ids.push(id)));
  }
  await Promise.all(pending);
  const declaredMs = Date.now() - started;
  console.log(`${INCIDENTS} incidents declared in ${(declaredMs / 1000).toFixed(1)} s`);

  let peakWorker = 0;
  let peakTemporal = 0;
  let allBlockedMs = 0;
  for (;;) {
    peakWorker = Math.max(peakWorker, rssMiB(process.pid) ?? 0);
    peakTemporal = Math.max(peakTemporal, rssMiB(stack.temporal.process.pid ?? -1) ?? 0);
    const rows = await stack.db.selectFrom('incidents').select(['status']).execute();
    const blocked = rows.filter((r) => BLOCKED_OR_LATER.has(r.status)).length;
    const failed = rows.filter((r) => r.status === 'failed').length;
    if (failed > 0) console.log(`${failed} incidents failed`);
    if (blocked + failed >= INCIDENTS) {
      allBlockedMs = Date.now() - started;
      console.log(`${blocked} blocked, ${failed} failed, after ${(allBlockedMs / 1000).toFixed(1)} s`);
      break;
    }
    if (Date.now() - started > LIMIT_MS) throw new Error(`only ${blocked} of ${INCIDENTS} blocked after ${LIMIT_MS / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
  const failed = (await stack.db.selectFrom('incidents').select(['status']).where('status', '=', 'failed').execute()).length;

  console.log(`\n${INCIDENTS} suspicious-activity incidents on ${DEPLOYMENTS} deployments; ${cpus().length} cores`);
  console.log('| measure | value |');
  console.log('|---|---|');
  console.log(`| declared (all ${INCIDENTS} accepted) | ${(declaredMs / 1000).toFixed(1)} s |`);
  console.log(`| until every incident has its block | ${(allBlockedMs / 1000).toFixed(1)} s |`);
  console.log(`| incidents failed | ${failed} |`);
  console.log(`| worker process RSS, peak (in-process with the console handlers) | ${peakWorker} MiB |`);
  console.log(`| Temporal dev server RSS, peak | ${peakTemporal} MiB |`);

  const result = {
    benchmark: 'concurrent',
    at: new Date().toISOString(),
    machine: { cores: cpus().length, model: cpus()[0]?.model, node: process.version },
    incidents: INCIDENTS,
    deployments: DEPLOYMENTS,
    declaredSeconds: declaredMs / 1000,
    allBlockedSeconds: allBlockedMs / 1000,
    failed,
    peakRssMiB: { worker: peakWorker, temporal: peakTemporal },
  };
  for (const id of ids) {
    const row = await stack.db.selectFrom('incidents').select(['workflow_id']).where('id', '=', id).executeTakeFirst();
    if (row)
      await stack.client.workflow
        .getHandle(row.workflow_id)
        .terminate('benchmark finished')
        .catch(() => {});
  }
  const dir = join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `concurrent-${result.at.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`written ${file}`);
} finally {
  await stack.stop();
}
process.exit(0);
