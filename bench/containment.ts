/**
 * Containment of a 500-instance deployment behind an endpoint that enforces AWS's request buckets:
 * Firebreak (declared through the console's API handler) against a plain sequential script, on the same run.
 * Run: npm run bench:containment   (env BENCH_INSTANCES_PER_SUBNET, BENCH_SUBNETS, BENCH_EIPS_PER_SUBNET to resize;
 * BENCH_STOP_AFTER=a or =b stops after that measure, skipping the plain script, to look at Firebreak's breakdown alone)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

import { findIncident, listTimeline } from '@firebreak/db';
import { incidentWorkflowId } from '@firebreak/domain';
import { ThrottlingProxy } from '@firebreak/test/support/throttling-proxy';

import { startBenchStack } from './support/bench-stack';
import { bucketBoundSeconds, callsBetween } from './support/bucket-bound';
import { allInterfacesIsolated, publicPathGone } from './support/containment-probes';
import { seedLargeDeployment } from './support/large-deployment';
import { plainContainment } from './support/plain-containment';
import { formatBreakdown, workflowBreakdown } from './support/workflow-breakdown';

const SUBNETS = Number(process.env.BENCH_SUBNETS ?? 10);
const PER_SUBNET = Number(process.env.BENCH_INSTANCES_PER_SUBNET ?? 50);
const EIPS_PER_SUBNET = Number(process.env.BENCH_EIPS_PER_SUBNET ?? 2);
const LIMIT_MS = 30 * 60_000;
const STOP_AFTER = process.env.BENCH_STOP_AFTER;
if (STOP_AFTER !== undefined && !['a', 'b'].includes(STOP_AFTER)) throw new Error('BENCH_STOP_AFTER is a or b');

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, started: number): Promise<number> {
  for (;;) {
    if (await probe()) return Date.now() - started;
    if (Date.now() - started > LIMIT_MS) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const stack = await startBenchStack('containment', { throttled: true });
try {
  const shape = { subnets: SUBNETS, instancesPerSubnet: PER_SUBNET, elasticIpsPerSubnet: EIPS_PER_SUBNET };
  console.log(`seeding 2 × ${SUBNETS * PER_SUBNET} instances in moto…`);
  const t = Date.now();
  const firebreakTarget = await seedLargeDeployment(stack.observer, stack.db, { name: 'bench-firebreak', octet: 20, ...shape });
  const plainTarget = await seedLargeDeployment(stack.observer, stack.db, { name: 'bench-plain', octet: 21, ...shape });
  const seedingSeconds = (Date.now() - t) / 1000;
  const instances = firebreakTarget.instanceIds.length;
  console.log(`seeded in ${seedingSeconds.toFixed(1)} s`);

  // (a) and (b) for Firebreak: declared through the console's POST /api/v1/incidents handler, in-process.
  const { POST: declareIncident } = await import('@firebreak/console/app/api/v1/incidents/route');
  const before = { ...stack.proxy.counts.byAction };
  const started = Date.now();
  const response = await declareIncident(
    new Request('http://console.bench/api/v1/incidents', {
      method: 'POST',
      headers: { Authorization: `Bearer ${stack.apiToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        playbook: 'infrastructure-compromise',
        deploymentIds: [firebreakTarget.deployment.id],
        severity: 'critical',
        summary: 'Benchmark: contain a 500-instance deployment',
      }),
    }),
  );
  if (response.status !== 201) throw new Error(`declaring failed: ${response.status} ${await response.text()}`);
  const incident = (await response.json()) as { id: string; workflowId: string };
  const declaredMs = Date.now() - started;
  const deployment = firebreakTarget.deployment;
  const publicPathGoneMs = await until(
    'no public path',
    () => publicPathGone(stack.observer, deployment, firebreakTarget.allocationIds),
    started,
  );
  const atA = { ...stack.proxy.counts.byAction };
  console.log(`firebreak: no public path after ${(publicPathGoneMs / 1000).toFixed(1)} s`);
  const printBreakdown = async (untilMs: number) => {
    const marks = await workflowBreakdown(
      stack.client,
      [
        { label: 'incident', id: incident.workflowId },
        { label: 'disconnect', id: `${incidentWorkflowId(incident.id)}/disconnect/${deployment.id}` },
      ],
      started,
    );
    const timeline = (await listTimeline(stack.db, incident.id)).map((e) => ({
      atMs: Date.parse(e.at) - started,
      workflow: 'timeline',
      event: e.summary.slice(0, 80),
    }));
    const all = [{ atMs: declaredMs, workflow: 'console', event: 'POST answered 201' }, ...marks, ...timeline].sort(
      (x, y) => x.atMs - y.atMs,
    );
    console.log(`where the time went (probe saw the measure at ${(untilMs / 1000).toFixed(3)} s):\n${formatBreakdown(all, untilMs)}`);
    return all;
  };
  if (STOP_AFTER === 'a') {
    await printBreakdown(publicPathGoneMs);
    await stack.client.workflow.getHandle(incident.workflowId).terminate('benchmark stopped after (a)');
    await stack.stop();
    process.exit(0);
  }
  const firebreakIsolation = (name: string) => name.startsWith(`firebreak-${incident.id}-`) && name.endsWith('-isolation');
  const isolatedMs = await until(
    'every interface isolated',
    () => allInterfacesIsolated(stack.observer, deployment, instances, firebreakIsolation),
    started,
  );
  const atB = { ...stack.proxy.counts.byAction };
  console.log(`firebreak: every interface isolated after ${(isolatedMs / 1000).toFixed(1)} s`);
  if (STOP_AFTER === 'b') {
    await printBreakdown(isolatedMs);
    await stack.client.workflow.getHandle(incident.workflowId).terminate('benchmark stopped after (b)');
    await stack.stop();
    process.exit(0);
  }
  const containedMs = await until(
    'status contained',
    async () => (await findIncident(stack.db, incident.id))?.status === 'contained',
    started,
  );
  const throttledFirebreak = stack.proxy.counts.throttled;
  const breakdown = await printBreakdown(publicPathGoneMs);
  // The early release detaches the addresses; the later releasePublicAddresses only catches any it missed.
  const releasedMs =
    breakdown.find((m) => m.workflow === 'disconnect' && m.event === 'releaseDeploymentAddresses completed')?.atMs ?? Number.NaN;
  await stack.client.workflow.getHandle(incident.workflowId).terminate('benchmark finished');

  // (c) the plain script, through a fresh proxy (full buckets, as Firebreak had), after Firebreak is done.
  const plainProxy = await ThrottlingProxy.start({ target: stack.moto.endpoint });
  const plainStarted = Date.now();
  // Observed the same way as Firebreak's: polled straight from moto while the script runs.
  const [plain, plainObservedMs] = await Promise.all([
    plainContainment(plainProxy.endpoint, plainTarget.deployment, plainStarted),
    until('plain: no public path', () => publicPathGone(stack.observer, plainTarget.deployment, plainTarget.allocationIds), plainStarted),
  ]);
  await plainProxy.stop();
  const plainOk =
    (await publicPathGone(stack.observer, plainTarget.deployment, plainTarget.allocationIds)) &&
    (await allInterfacesIsolated(stack.observer, plainTarget.deployment, instances, (name) => name.startsWith('plain-isolation-')));

  const boundA = bucketBoundSeconds(callsBetween(before, atA));
  const boundB = bucketBoundSeconds(callsBetween(before, atB));
  const plainBound = bucketBoundSeconds(plainProxy.counts.byAction);
  const rows = [
    ['(a) no public path (ACL + EIPs)', publicPathGoneMs / 1000, plainObservedMs / 1000, boundA.seconds],
    ['(b) every interface isolated', isolatedMs / 1000, plain.isolatedMs / 1000, boundB.seconds],
  ] as const;
  console.log(`\n${instances} instances, ${SUBNETS} subnets, ${firebreakTarget.allocationIds.length} Elastic IPs; ${cpus().length} cores`);
  console.log(
    "| measure | Firebreak (s) | plain script (s) | plain ÷ Firebreak | bucket bound for Firebreak's calls (s) | Firebreak ÷ bound |",
  );
  console.log('|---|---|---|---|---|---|');
  for (const [name, firebreak, script, bound] of rows) {
    console.log(
      `| ${name} | ${firebreak.toFixed(1)} | ${script.toFixed(1)} | ${(script / firebreak).toFixed(2)} | ${bound.toFixed(1)} | ${bound > 0 ? (firebreak / bound).toFixed(2) : 'n/a'} |`,
    );
  }
  console.log(
    `Firebreak reached "contained" (disconnect + notify) after ${(containedMs / 1000).toFixed(1)} s; proxy throttled ${throttledFirebreak} of its calls.`,
  );
  console.log(
    `(a) as each side saw it return: Firebreak's last address released at ${(releasedMs / 1000).toFixed(1)} s (workflow history); the plain script's at ${(plain.publicPathGoneMs / 1000).toFixed(1)} s.`,
  );
  console.log(
    `plain script: end state verified ${plainOk}; its calls' bucket bound ${plainBound.seconds.toFixed(1)} s; throttled ${plainProxy.counts.throttled}.`,
  );

  const result = {
    benchmark: 'containment',
    at: new Date().toISOString(),
    machine: { cores: cpus().length, model: cpus()[0]?.model, node: process.version },
    shape: { instances, subnets: SUBNETS, elasticIps: firebreakTarget.allocationIds.length },
    seedingSeconds,
    firebreak: {
      publicPathGoneSeconds: publicPathGoneMs / 1000,
      isolatedSeconds: isolatedMs / 1000,
      containedSeconds: containedMs / 1000,
      throttled: throttledFirebreak,
      publicPathGoneSelfReportedSeconds: releasedMs / 1000,
      boundA,
      boundB,
      callsUntilIsolated: callsBetween(before, atB),
    },
    breakdownUntilA: breakdown.filter((m) => m.atMs <= publicPathGoneMs),
    plain: {
      publicPathGoneSeconds: plainObservedMs / 1000,
      publicPathGoneSelfReportedSeconds: plain.publicPathGoneMs / 1000,
      isolatedSeconds: plain.isolatedMs / 1000,
      verified: plainOk,
      bound: plainBound,
      throttled: plainProxy.counts.throttled,
    },
  };
  const dir = join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `containment-${result.at.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`written ${file}`);
} finally {
  await stack.stop();
}
process.exit(0);
